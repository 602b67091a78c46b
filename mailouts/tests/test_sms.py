"""Text messages through the pluggable backend named by SMS_BACKEND (mailouts/sms.py): console
and file backends for development and tests, and the provider's HTTP API, tested against a fake
provider on this machine's loopback interface (no network)."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from engagement.factories import CustomerFactory
from engagement.models import Channel
from mailouts.models import DeliveryStatus
from mailouts.services import kind_for, mailout_create, mailout_deliver
from mailouts.sms import ConsoleBackend, FileBackend, HttpBackend, SmsError

pytestmark = pytest.mark.django_db


class FakeProvider(BaseHTTPRequestHandler):
    received: list = []
    answer = 201

    def do_POST(self):  # noqa: N802 - the http.server API
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append({"auth": self.headers["Authorization"], "json": json.loads(body)})
        self.send_response(self.answer)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"id": "msg-42"}')

    def log_message(self, *args):
        pass


@pytest.fixture
def provider(settings):
    FakeProvider.received, FakeProvider.answer = [], 201
    server = HTTPServer(("127.0.0.1", 0), FakeProvider)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.SMS_BACKEND = "mailouts.sms.HttpBackend"
    settings.SMS_HTTP_URL = f"http://127.0.0.1:{server.server_port}/messages"
    settings.SMS_HTTP_API_KEY = "test-key"
    settings.SMS_SENDER = "Trident"
    yield FakeProvider
    server.shutdown()
    server.server_close()


def _text_mailout(officer, phone="07700 900123"):
    customer = CustomerFactory(preferred_channel=Channel.SMS, phone=phone)
    mailout, _ = mailout_create(
        kind=kind_for("meeting-invitation", "Meeting invitation"),
        subject="Residents' meeting",
        body="Tuesday 7pm at the community centre.",
        by=officer,
        customers=[customer],
    )
    return mailout


def test_the_http_backend_posts_the_text_with_the_key_and_records_the_providers_reference(provider, officer):
    mailout = _text_mailout(officer)
    assert mailout_deliver(mailout_id=mailout.pk) == {"letters": 0, "sent": 1}
    (call,) = provider.received
    assert call["auth"] == "Bearer test-key"
    assert call["json"]["to"] == "07700 900123" and call["json"]["from"] == "Trident"
    assert "Residents' meeting" in call["json"]["body"] and "Tuesday 7pm" in call["json"]["body"]
    delivery = mailout.deliveries.get()
    assert delivery.status == DeliveryStatus.SENT and delivery.reason == "msg-42" and delivery.sent_at


def test_a_provider_refusal_fails_the_copy_with_the_error_and_is_not_retried_into_a_second_text(provider, officer):
    provider.answer = 500
    mailout = _text_mailout(officer)
    assert mailout_deliver(mailout_id=mailout.pk) == {"letters": 0, "failed": 1}
    assert mailout_deliver(mailout_id=mailout.pk) == {"letters": 0}
    delivery = mailout.deliveries.get()
    assert delivery.status == DeliveryStatus.FAILED and "answered 500" in delivery.reason
    assert len(provider.received) == 1


def test_an_unreachable_provider_is_an_sms_error(settings):
    settings.SMS_HTTP_URL = "http://127.0.0.1:9/nothing-listens-here"
    with pytest.raises(SmsError, match="Could not reach"):
        HttpBackend().send(to="07700 900123", body="x")


def test_the_file_backend_writes_one_file_a_message(settings, tmp_path):
    settings.SMS_FILE_PATH = tmp_path / "sms"
    FileBackend().send(to="07700 900123", body="Hello")
    (written,) = (tmp_path / "sms").iterdir()
    assert written.read_text() == "To: 07700 900123\n\nHello\n"


def test_the_console_backend_prints_the_message(capsys):
    ConsoleBackend().send(to="07700 900123", body="Hello")
    assert "SMS to 07700 900123:\nHello" in capsys.readouterr().out


def test_a_long_message_is_cut_to_four_texts_and_says_so(settings, tmp_path, officer):
    settings.SMS_BACKEND = "mailouts.sms.FileBackend"
    settings.SMS_FILE_PATH = tmp_path / "sms"
    customer = CustomerFactory(preferred_channel=Channel.SMS, phone="07700 900999")
    mailout, _ = mailout_create(
        kind=kind_for("minutes", "Minutes"), subject="Minutes", body="word " * 400, by=officer, customers=[customer]
    )
    mailout_deliver(mailout_id=mailout.pk)
    (written,) = (tmp_path / "sms").iterdir()
    text = written.read_text().split("\n\n", 1)[1].rstrip("\n")
    assert len(text) <= 612 and text.endswith("Ask us for the full text.")
