"""Text messages through a pluggable backend, chosen by the `SMS_BACKEND` setting (a dotted path,
like Django's EMAIL_BACKEND):

- `mailouts.sms.ConsoleBackend` (development): writes each message to standard output;
- `mailouts.sms.FileBackend` (tests, demos): one file per message under `SMS_FILE_PATH`;
- `mailouts.sms.HttpBackend` (production): POSTs JSON {"to", "from", "body"} to `SMS_HTTP_URL`
  with `Authorization: Bearer SMS_HTTP_API_KEY`; any 2xx answer is success, anything else raises
  `SmsError` (recorded on the delivery). A provider with a different body shape is one subclass
  overriding `payload`.
"""

from __future__ import annotations

import json
import sys
import urllib.error
import urllib.request
import uuid
from pathlib import Path

from django.conf import settings
from django.utils.module_loading import import_string


class SmsError(Exception):
    pass


class BaseBackend:
    def send(self, *, to: str, body: str) -> str:
        """Send one message; returns the provider's reference (or ""); raises SmsError."""
        raise NotImplementedError


class ConsoleBackend(BaseBackend):
    def send(self, *, to: str, body: str) -> str:
        sys.stdout.write(f"SMS to {to}:\n{body}\n{'-' * 40}\n")
        return ""


class FileBackend(BaseBackend):
    def send(self, *, to: str, body: str) -> str:
        folder = Path(settings.SMS_FILE_PATH)
        folder.mkdir(parents=True, exist_ok=True)
        reference = uuid.uuid4().hex
        (folder / f"{reference}.txt").write_text(f"To: {to}\n\n{body}\n", encoding="utf-8")
        return reference


class HttpBackend(BaseBackend):
    timeout = 10

    def payload(self, *, to: str, body: str) -> dict:
        return {"to": to, "from": settings.SMS_SENDER, "body": body}

    def send(self, *, to: str, body: str) -> str:
        if not settings.SMS_HTTP_URL:
            raise SmsError("SMS_HTTP_URL is not set")
        request = urllib.request.Request(
            settings.SMS_HTTP_URL,
            data=json.dumps(self.payload(to=to, body=body)).encode(),
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {settings.SMS_HTTP_API_KEY}"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:  # noqa: S310 - URL from settings
                text = answer.read(4096).decode(errors="replace")
        except urllib.error.HTTPError as error:
            raise SmsError(f"The SMS provider answered {error.code}") from error
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise SmsError(f"Could not reach the SMS provider: {error}") from error
        try:
            return str(json.loads(text).get("id", ""))[:100]
        except (ValueError, AttributeError):
            return ""


def get_backend() -> BaseBackend:
    return import_string(settings.SMS_BACKEND)()


def send_sms(*, to: str, body: str) -> str:
    return get_backend().send(to=to, body=body)
