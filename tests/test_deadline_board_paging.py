"""The overdue board at landlord scale (issue #18): open deadlines are counted, sorted and paged in
SQL, so a page reads only its own rows whatever the number of open deadlines; the summary still
counts every one, later pages carry on where the first stopped, the newest-first sort is the
reverse, and kinds read whole (scrutiny responses, expense claims) are merged in their place.

Today is pinned to Friday 27 November 2026; each activity's report is due 7 days after it."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from activities.factories import ActivityFactory
from engagement.factories import ActionFactory
from panels.factories import ExpenseClaimFactory
from tests.support import freeze_now

pytestmark = pytest.mark.django_db
D = datetime.date


def at(year, month, day, hour=10):
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


@pytest.fixture(autouse=True)
def friday(monkeypatch):
    freeze_now(monkeypatch, at(2026, 11, 27, 12))


@pytest.fixture
def reports(officer):
    # 60 reports owed, held 1..60 days before Fri 20 Nov: due 60..1 days before Fri 27 Nov.
    return [
        ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 20) - datetime.timedelta(days=n))
        for n in range(1, 61)
    ]


def _rows(response):
    return response.context["board_rows"]


def test_a_page_reads_only_its_own_fifty_rows_but_the_summary_counts_all_sixty(officer_client, reports):
    with CaptureQueriesContext(connection) as queries:
        response = officer_client.get(reverse("deadline_board"))
    page = _rows(response)
    assert len(page) == 50 and response.context["summary"]["open"] == 60
    assert [row.due_on for row in page] == sorted(row.due_on for row in page)
    assert page[0].due_on == D(2026, 9, 28)  # held 21 Sep (60 days before 20 Nov), the most overdue
    reads = [q["sql"] for q in queries.captured_queries if 'FROM "activities_engagementactivity"' in q["sql"]]
    detail = [sql for sql in reads if sql.startswith('SELECT "activities_engagementactivity"."id", ')]
    assert len(detail) == 1  # the page's 50 reports, by id
    paged = [q["sql"] for q in queries.captured_queries if "board_due" in q["sql"] and "ORDER BY" in q["sql"]]
    assert len(paged) == 1 and "LIMIT" in paged[0]


def test_the_second_page_carries_on_and_newest_first_is_the_reverse(officer_client, reports):
    first = _rows(officer_client.get(reverse("deadline_board")))
    second = _rows(officer_client.get(reverse("deadline_board"), {"page": 2}))
    assert len(second) == 10 and second[0].due_on > first[-1].due_on
    newest = _rows(officer_client.get(reverse("deadline_board"), {"sort": "-due_on"}))
    assert [row.due_on for row in newest] == sorted((row.due_on for row in first + second), reverse=True)[:50]


def test_kinds_read_whole_are_merged_in_their_place(officer_client, officer, reports):
    ActionFactory(owner=officer, due_on=D(2026, 11, 26))
    claim = ExpenseClaimFactory()
    response = officer_client.get(reverse("deadline_board"), {"page": 2})
    keys = [row.kind.key for row in _rows(response)]
    assert response.context["summary"]["open"] == 62
    assert "action" in keys and "expense_decision" in keys and len(keys) == 12
    dues = [row.due_on for row in _rows(response)]
    assert dues == sorted(dues)
    assert claim.pk in [row.deadline.object_id for row in _rows(response) if row.kind.key == "expense_decision"]


def test_the_csv_has_every_row_not_just_a_page(officer_client, reports):
    response = officer_client.get(reverse("deadline_board"), {"_export": "csv"})
    table = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert len(table) == 61


def test_the_first_page_merges_kinds_read_whole_with_the_keys_read_with_the_counts(officer_client, reports):
    # The first page's keys come from the counts query, whose union once gave its dates as text.
    ExpenseClaimFactory(submitted_at=at(2026, 9, 1))  # due in September: on the first page
    response = officer_client.get(reverse("deadline_board"))
    page = _rows(response)
    assert response.status_code == 200 and len(page) == 50 and response.context["summary"]["open"] == 61
    assert [row.due_on for row in page] == sorted(row.due_on for row in page)
    assert "expense_decision" in [row.kind.key for row in page]
