"""CI must run the suite on PostgreSQL, not quietly fall back to SQLite."""

import os

import pytest
from django.db import connection


@pytest.mark.django_db
def test_ci_runs_on_postgresql():
    if os.environ.get("REQUIRE_POSTGRES") != "1":
        pytest.skip("REQUIRE_POSTGRES is not set (local run on the embedded SQLite default)")
    assert connection.vendor == "postgresql"
