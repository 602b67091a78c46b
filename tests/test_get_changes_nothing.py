"""A GET never changes anything (issue #15 item 10): link previews, prefetching and a page left
open must not mark, claim, create or delete. Every named URL of the access matrix is opened by GET
as each role, and no INSERT, UPDATE or DELETE may reach the database apart from the session (the
idle-expiry clock), django-axes' own log-in bookkeeping, the API's call log (every call is logged,
refused ones too, like a web server's access log) and the audit log's record that a manager looked at
one customer's equality answers (a read that must leave a trace).
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .test_access_matrix import MATRIX, _client, world  # noqa: F401  (world is a fixture)

WRITE = re.compile(r'^\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)
ALLOWED_TABLES = {"django_session", "api_apicall", "auditlog_logentry"}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["customer", "officer", "manager"])
def test_no_page_writes_to_the_database_on_a_get(client, world, role):  # noqa: F811
    client = _client(client, role, world)
    client.get(reverse("home"))  # the session's first touch is a write, allowed anyway
    writes = []
    for name, (_statuses, args) in sorted(MATRIX.items()):
        if name in {"logout", "login", "password_reset_confirm"}:
            continue
        url = reverse(name, args=args(world) if args else None)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        for query in queries.captured_queries:
            match = WRITE.match(query["sql"])
            if match and match.group(2) not in ALLOWED_TABLES:
                writes.append(f"{name}: {match.group(1).split()[0]} {match.group(2)}")
    assert sorted(set(writes)) == []
