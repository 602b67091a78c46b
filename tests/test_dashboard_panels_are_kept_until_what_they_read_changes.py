"""A dashboard panel is worked out once and shown again, unchanged, until something it read changes
(engagement/freshness.py): a write to one of its tables by any route (a form's save, a bulk
update, raw SQL), the day, or the person looking.

Worked by hand from the activity report rule (a report is owed 7 days after the activity starts):
with today Wednesday 25 November 2026, an activity on Monday 16 November owes its report on the
23rd (overdue); one on Sunday 22 November owes it on the 29th (not yet). On Monday 30 November
both are overdue.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from activities.factories import ActivityFactory
from activities.models import EngagementActivity
from activities.tests.helpers import at
from engagement.factories import OfficerFactory
from tests.support import freeze_now

pytestmark = pytest.mark.django_db

OFFICER_PANEL = "activities/panels/officer.html"
# What a home page reads whatever its panels: the session, the person, their notifications (two
# queries). A customer's home also reads their "You said, we did" live (their record, their estate,
# the actions).
OWN_QUERIES = {"officer": 4, "manager": 4, "customer": 7}


def _overdue(client) -> int:
    response = client.get("/")
    return dict(response.context["panels"])[OFFICER_PANEL]["overdue"]


def _looked_at(client, times: int = 3) -> None:
    """The first look learns which tables each panel reads, the next stamps any never written."""
    for _ in range(times):
        assert client.get("/").status_code == 200


@pytest.fixture
def wednesday(monkeypatch):
    freeze_now(monkeypatch, at(2026, 11, 25, 12))


@pytest.mark.parametrize("role", ["officer", "manager", "customer"])
def test_a_later_look_at_the_home_page_reads_no_panel_again(role, request):
    client = request.getfixturevalue(f"{role}_client")
    _looked_at(client)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200 and response.context["panels"]
    assert len(queries) == OWN_QUERIES[role], "\n".join(query["sql"][:200] for query in queries)


def test_a_new_overdue_report_shows_at_once(officer, officer_client, wednesday):
    ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 16))
    _looked_at(officer_client)
    assert _overdue(officer_client) == 1
    ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 17))
    assert _overdue(officer_client) == 2


def test_a_bulk_update_that_sends_no_signal_shows_at_once(officer, officer_client, wednesday):
    activity = ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 16))
    _looked_at(officer_client)
    assert _overdue(officer_client) == 1
    EngagementActivity.objects.filter(pk=activity.pk).update(lead_officer=OfficerFactory())
    assert _overdue(officer_client) == 0


def test_a_write_in_raw_sql_shows_at_once(officer, officer_client, wednesday):
    activity = ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 16))
    _looked_at(officer_client)
    assert _overdue(officer_client) == 1
    with connection.cursor() as cursor:
        table = EngagementActivity._meta.db_table
        cursor.execute(f"DELETE FROM {table} WHERE id = %s", [activity.pk])  # noqa: S608 (a test's own table name)
    assert _overdue(officer_client) == 0


def test_the_next_day_is_worked_out_afresh_with_no_write(officer, officer_client, monkeypatch):
    freeze_now(monkeypatch, at(2026, 11, 25, 12))
    ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 16))
    ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 22))
    _looked_at(officer_client)
    assert _overdue(officer_client) == 1
    freeze_now(monkeypatch, at(2026, 11, 30, 9))
    assert _overdue(officer_client) == 2


def test_each_officer_sees_their_own_panel(officer, officer_client, other_officer, client, wednesday):
    ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 16))
    ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 17))
    ActivityFactory(lead_officer=other_officer, starts_at=at(2026, 11, 16))
    client.force_login(other_officer)
    _looked_at(officer_client)
    _looked_at(client)
    assert (_overdue(officer_client), _overdue(client)) == (2, 1)


def test_what_a_panel_shows_after_being_kept_is_what_it_showed_when_worked_out(officer, officer_client, wednesday):
    ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 16), title="Coffee morning at Elm Court")
    first = officer_client.get("/").content.decode()
    _looked_at(officer_client)
    kept = officer_client.get("/").content.decode()
    assert "Coffee morning at Elm Court" in kept
    # The page holds a fresh form token each time; everything else is the same.
    assert _without_tokens(kept) == _without_tokens(first)


def _without_tokens(html: str) -> str:
    import re

    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_a_day_is_a_local_day(officer, officer_client, monkeypatch):
    # 23:30 on Sunday 29 November in London is still the 29th: the report owed on the 29th is not
    # yet overdue; half an hour later (Monday 30th) it is.
    ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 22))
    freeze_now(monkeypatch, at(2026, 11, 29, 23, 30))
    _looked_at(officer_client)
    assert _overdue(officer_client) == 0
    freeze_now(monkeypatch, at(2026, 11, 29, 23, 30) + datetime.timedelta(minutes=31))
    assert _overdue(officer_client) == 1
