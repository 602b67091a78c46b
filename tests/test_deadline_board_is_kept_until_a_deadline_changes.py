"""The overdue board's counts and page of rows are worked out once and shown again to every member
of staff until a table they read changes, or the day (engagement/freshness.py); the filters, sort
and page asked for are each their own.

Worked by hand from the activity report rule (owed 7 days after the activity): on Friday 27
November 2026, a meeting on Monday 16 November owes its report on the 23rd (overdue), one on
Thursday 19 November on the 26th (overdue), one on Wednesday 25 November on 2 December (open).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from activities.factories import ActivityFactory
from activities.models import ActivityStatus, EngagementActivity
from activities.tests.helpers import at
from tests.support import freeze_now

pytestmark = pytest.mark.django_db

BOARD = reverse("deadline_board")


@pytest.fixture(autouse=True)
def friday(monkeypatch):
    freeze_now(monkeypatch, at(2026, 11, 27, 12))


@pytest.fixture
def reports(officer):
    return [
        ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, day), title=f"Meeting of the {day}th")
        for day in (16, 19, 25)
    ]


def _summary(client, query=None):
    response = client.get(BOARD, query or {})
    assert response.status_code == 200
    return response.context["summary"]["open"], response.context["summary"]["overdue"], response


def _looked_at(client, query=None):
    for _ in range(3):
        client.get(BOARD, query or {})


def test_a_later_look_reads_no_deadline_again(officer_client, reports):
    _looked_at(officer_client)
    with CaptureQueriesContext(connection) as queries:
        assert officer_client.get(BOARD).status_code == 200
    assert not [query for query in queries if 'FROM "activities_engagementactivity"' in query["sql"]]


def test_a_new_overdue_report_is_on_the_board_at_once(officer, officer_client, reports):
    _looked_at(officer_client)
    assert _summary(officer_client)[:2] == (3, 2)
    ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 18), title="Door knock on Rowan Way")
    open_, overdue, response = _summary(officer_client)
    assert (open_, overdue) == (4, 3)
    assert "Door knock on Rowan Way" in response.content.decode()


def test_a_report_filed_leaves_the_board_at_once(officer_client, reports):
    _looked_at(officer_client)
    EngagementActivity.objects.filter(pk=reports[0].pk).update(
        status=ActivityStatus.REPORTED, reported_at=at(2026, 11, 27, 11)
    )
    assert _summary(officer_client)[:2] == (2, 1)


def test_every_member_of_staff_sees_the_same_board(officer_client, manager_client, reports):
    _looked_at(officer_client)
    officer_page = officer_client.get(BOARD).content.decode()
    manager_page = manager_client.get(BOARD).content.decode()
    table = officer_page[officer_page.index("<table") :]
    assert table[: table.index("</table>")] in manager_page


def test_each_filter_and_page_is_its_own(officer_client, reports):
    _looked_at(officer_client)
    _looked_at(officer_client, {"when": "overdue"})
    assert _summary(officer_client)[:2] == (3, 2)
    assert _summary(officer_client, {"when": "overdue"})[:2] == (2, 2)
