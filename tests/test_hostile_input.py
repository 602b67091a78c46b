"""Hostile values posted to every form in the portal never give a 500 and are never echoed unescaped.

Issue #15, "Done means": "A property-based test (hypothesis) that posts random and hostile
values to every form in the portal and asserts no 500 and nothing stored unescaped."

The forms are found, not listed: every named URL in the access matrix is opened (GET) as the
role allowed to see it (the customer where customers may, else an officer, a manager, or
nobody for public pages), and every `<form method="post">` on the page that posts back to that
page is a target, with its fields read from the HTML (inputs, selects, textareas, formsets'
management fields and the one-time token included). Hypothesis then fills each field with a
valid value from the page, random text, or a hostile value: NUL bytes, a 100,000-character
string, HTML and script, odd Unicode, negative and huge numbers, impossible dates, spreadsheet
formulas. Each example runs in a savepoint that is rolled back, so every example meets the same
world. Bounded (a few examples per form) and deterministic (derandomized, no example database).
"""

from __future__ import annotations

import html.parser
import os
import re

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from tests.access import ROLES
from tests.test_access_matrix import MATRIX, world  # noqa: F401  (the access matrix's world fixture)

pytestmark = pytest.mark.django_db

SCRIPT = "<script>hostile()</script>"
IMAGE = '"><img src=x onerror=hostile()>'
# What must never reach a page as markup: each would run script if it did.
UNESCAPED = (SCRIPT, "<img src=x onerror=hostile()>")
TEXTS = (
    "",
    "   ",
    "\x00",
    "Estate\x00Court",
    "A" * 100_000,
    SCRIPT,
    IMAGE,
    "Zoë Ó Súilleabháin \u202egnirts\u202c 🏠 ẞ ﷺ",
    "Z̸̢̧a̶̛l̷g̶o̷",
    '=HYPERLINK("http://evil.example","click")',
    "+cmd|' /C calc'!A0",
    "@SUM(A1:A9)",
    "' OR 1=1 --",
    "../../../../etc/passwd",
    "%00%0d%0aSet-Cookie: x=y",
    "/\r\nSet-Cookie: x=y",
)
NUMBERS = (
    "-1",
    "0",
    "-99999999999999999999",
    "99999999999999999999999999",
    "2147483648",
    "32768",
    "-32769",
    "1e309",
    "NaN",
    "Infinity",
    "3.14159265358979323846264338327950288",
    "\x00",
)
DATES = (
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "2026-02-30",
    "31/12/1899",
    "-2026-01-01",
    "12:99",
    "0",
    "99999",
    "\x00",
)
TIMES = ("24:00", "23:60", "-01:00", "99999:00", "10:00:99", "\x00")
HOSTILE = {"text": TEXTS, "number": NUMBERS, "date": DATES, "time": TIMES}
EXAMPLES_PER_FORM = int(os.environ.get("HOSTILE_EXAMPLES", "2"))
EXPLICIT = (("text", SCRIPT), ("date", "9999-12-31"), ("number", "99999999999999999999999999"))
# Public pages whose forms are Django's own authentication (lockouts and mail are other tests').
SKIPPED = {"login", "password_reset", "password_reset_confirm"}
NOT_POSTED = {reverse("logout")}  # a hostile value would only log the test's client out
# Dates are typed in GOV.UK day, month and year boxes (engagement.dates): the last day of 9999 and
# the first day of year 1, typed into every date of a form, are always tried (they were 500s on
# activities, meetings and panels before every date had a range for its meaning).
TYPED_DATES = (("31", "12", "9999"), ("1", "1", "0001"))


class _Forms(html.parser.HTMLParser):
    """The post forms of a page: [(action, {name: Field})]."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[tuple[str, dict[str, Field]]] = []
        self._fields: dict[str, Field] | None = None
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "get").lower() == "post":
            self._fields = {}
            self.forms.append((attrs.get("action") or "", self._fields))
        if tag == "option" and self._select and self._fields is not None:
            self._fields[self._select].values.append(attrs.get("value", ""))
        name = attrs.get("name")
        if self._fields is None or not name or name == "csrfmiddlewaretoken":
            return
        if tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind in {"submit", "button", "image", "reset", "file"}:
                return  # uploads have their own tests (engagement/tests/test_uploads.py)
            field = self._fields.setdefault(name, Field(kind, [], attrs.get("inputmode", "")))
            field.values.append(attrs.get("value") or ("on" if kind in {"checkbox", "radio"} else ""))
        elif tag == "select":
            self._select = name
            self._fields.setdefault(name, Field("select", []))
        elif tag == "textarea":
            self._textarea = name
            self._fields.setdefault(name, Field("textarea", [""]))

    def handle_data(self, data):
        if self._textarea and self._fields is not None:
            self._fields[self._textarea].values[0] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._fields = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


class Field:
    def __init__(self, kind: str, values: list[str], inputmode: str = ""):
        self.kind, self.values, self.inputmode = kind, values, inputmode

    @property
    def family(self) -> str:
        """What a person fills it with: text, a number or a date; other fields (hidden, choices)
        are attacked one at a time only, so that a broken token does not hide the rest."""
        if self.kind in {"hidden", "checkbox", "radio", "select"}:
            return "other"
        if self.kind in {"date", "datetime-local", "month"}:
            return "date"
        if self.kind == "time":
            return "time"
        if self.kind == "number" or self.inputmode in {"numeric", "decimal"}:
            return "number"
        return "text"

    def plausible(self, name: str) -> str:
        """A value a person might have typed, so that one hostile field is what the form meets."""
        given = [value for value in self.values if value.strip()]
        if given:
            return given[0]
        words = name.rsplit("-", 1)[-1].lower()
        if self.kind == "date":
            return "2026-11-02"
        if self.kind == "time":
            return "10:00"
        if self.kind == "email" or "email" in words:
            return "someone@example.org"
        if self.family == "number":
            return {"day": "2", "month": "11", "year": "2026"}.get(words.rsplit("_", 1)[-1], "3")
        return "Plain words a person typed"


def _role_for(statuses: str) -> str | None:
    allowed = dict(zip(ROLES, statuses.split(), strict=True))
    for role in ("customer", "officer", "manager", "anonymous"):
        if allowed[role] == "200":
            return role
    return None


def _client_for(role: str, world) -> Client:  # noqa: F811
    client = Client(raise_request_exception=False)
    user = {"customer": world["customer"].user, "officer": world["officer"], "manager": world["manager"]}.get(role)
    if user is not None:
        client.force_login(user)
    return client


def _targets(world, only: str | None = None):  # noqa: F811
    """(name, role, url, fields) for every post form with fields on every page, each form once
    (a form on several pages, such as the text size switch, is posted to once)."""
    seen = set()
    for name in [only] if only else sorted(MATRIX):
        statuses, args = MATRIX[name]
        role = _role_for(statuses)
        if role is None or name in SKIPPED:
            continue
        url = reverse(name, args=args(world) if args else None)
        page = _client_for(role, world).get(url)
        if page.status_code != 200 or "html" not in page.get("Content-Type", ""):
            continue
        parser = _Forms()
        parser.feed(page.content.decode())
        for action, fields in parser.forms:
            target = url if action in {"", "."} else action
            key = (target.split("?")[0], tuple(sorted(fields)))
            if fields and target.startswith("/") and target not in NOT_POSTED and key not in seen:
                seen.add(key)
                yield name, role, target, fields


def _attack(fields: dict[str, Field]):
    """Either one hostile value in every field of its kind (every date 9999-12-31, every text box
    a script), so the form is otherwise whole and the value goes as deep as it can; or one field,
    any field, given a hostile value or random text. The others keep what a person would type."""
    families = sorted({field.family for field in fields.values()} - {"other"})
    every = st.sampled_from(families or ["text"]).flatmap(
        lambda family: st.sampled_from(HOSTILE[family]).map(
            lambda value: {name: value for name, field in fields.items() if field.family == family}
        )
    )
    one = st.tuples(
        st.sampled_from(sorted(fields)),
        st.one_of(st.sampled_from(TEXTS + NUMBERS + DATES + TIMES), st.text(max_size=30)),
    ).map(lambda pair: dict([pair]))
    return st.one_of(every, one)


def _assert_safe(response, where: str) -> None:
    if response.status_code >= 500:
        error = getattr(response, "exc_info", None)
        raise AssertionError(f"{response.status_code} {error[1]!r} on {where}" if error else where)
    body = response.content.decode(errors="replace") if "html" in response.get("Content-Type", "") else ""
    for markup in UNESCAPED:
        assert markup not in body, f"{where}: {markup} unescaped"


def _post_hostile(client: Client, name: str, url: str, fields: dict[str, Field], *, explicit=None) -> None:
    plausible = {field_name: field.plausible(field_name) for field_name, field in fields.items()}

    def post(attack):
        data = {**plausible, **attack}
        with transaction.atomic():
            response = client.post(url, data)
            _assert_safe(response, f"POST {name} {url} {_short(data)}")
            if response.status_code == 302 and response["Location"].startswith("/"):
                _assert_safe(client.get(response["Location"]), f"after POST {name}: GET {response['Location']}")
            transaction.set_rollback(True)

    post = given(attack=_attack(fields))(post)
    # Always tried, whatever is drawn: the values that went deepest before (a script in every
    # text box, the last day of 9999 in every date, a 26-digit number in every number box).
    for family, value in EXPLICIT if explicit is None else explicit:
        attack = {field_name: value for field_name, field in fields.items() if field.family == family}
        if attack:
            post = example(attack=attack)(post)
    for typed in TYPED_DATES:
        attack = {
            field_name: value
            for field_name in fields
            for part, value in zip(("_day", "_month", "_year"), typed, strict=True)
            if field_name.endswith(part)
        }
        if attack:
            post = example(attack=attack)(post)
    settings(
        max_examples=EXAMPLES_PER_FORM if explicit is None else 1,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],  # no shrinking: failing values are reported as drawn
        suppress_health_check=list(HealthCheck),
    )(post)()


def _short(data: dict) -> dict:
    return {key: (value if len(value) < 60 else value[:20] + f"…({len(value)} chars)") for key, value in data.items()}


def test_hostile_values_posted_to_every_form_give_no_500_and_nothing_unescaped(world):  # noqa: F811
    targets = list(_targets(world))
    assert len(targets) > 50, "the forms should be found, not a handful"
    failures = []
    for name, role, url, fields in targets:
        try:
            _post_hostile(_client_for(role, world), name, url, fields)
        except Exception as error:  # noqa: BLE001 - every form is tried; all failures are listed
            failures.append(re.sub(r"\s+", " ", str(error))[:400])
    assert not failures, "\n".join(failures)
