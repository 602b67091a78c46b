"""The manager's "Overdue across the portal" counts overdue deadlines in SQL, kind by kind, and
gives the same figures as listing every open deadline did (engagement.deadlines.board), in a fixed
number of queries however many are overdue."""

import datetime

import pytest
from django.utils import timezone

from activities.factories import ActivityFactory
from engagement.deadlines.board import deadlines_open, overdue_summary
from engagement.factories import ActionFactory

pytestmark = pytest.mark.django_db


def _listed(today):
    """The figures as the dashboard used to work them out: every open deadline, then counted."""
    rows = [row for row in deadlines_open(today=today, due_by=today) if row.is_overdue]
    by_kind, by_owner = {}, {}
    for row in rows:
        by_kind[row.kind.key] = by_kind.get(row.kind.key, 0) + 1
        by_owner[row.owner_name] = by_owner.get(row.owner_name, 0) + 1
    return by_kind, by_owner


def _make(n, officer, other_officer):
    today = timezone.localdate()
    for i in range(n):
        ActivityFactory(lead_officer=officer, starts_at=timezone.now() - datetime.timedelta(days=20 + i))
        ActionFactory(owner=other_officer, due_on=today - datetime.timedelta(days=1 + i))
    ActivityFactory(lead_officer=other_officer, starts_at=timezone.now() - datetime.timedelta(days=3))  # not yet due
    ActionFactory(owner=officer, due_on=today)  # due today: not overdue


def test_the_counts_match_the_open_deadlines_kind_by_kind_and_owner_by_owner(officer, other_officer):
    _make(3, officer, other_officer)
    today = timezone.localdate()
    panel = overdue_summary(today=today)
    by_kind, by_owner = _listed(today)
    assert {row["kind"].key: row["overdue"] for row in panel["summary"]["by_kind"]} == by_kind
    assert {row["name"]: row["overdue"] for row in panel["by_owner"]} == by_owner
    assert by_kind == {"activity_report": 3, "action": 3}
    assert panel["summary"]["overdue"] == 6
    assert [row["name"] for row in panel["by_owner"]] == ["Olivia Officer", "Owen Other"]  # most, then by name


def test_the_counts_take_the_same_queries_for_2_or_20_overdue(officer, other_officer, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _make(2, officer, other_officer)
    with CaptureQueriesContext(connection) as few:
        overdue_summary(today=timezone.localdate())
    _make(18, officer, other_officer)
    with django_assert_max_num_queries(len(few)):
        assert overdue_summary(today=timezone.localdate())["summary"]["overdue"] == 40


def test_an_officers_slice_counts_what_they_owe_and_lists_the_soonest_as_the_board_does(officer, other_officer):
    from engagement.deadlines.board import deadlines_summary, owner_summary

    _make(4, officer, other_officer)
    ActionFactory(owner=officer, due_on=timezone.localdate() + datetime.timedelta(days=30))
    today = timezone.localdate()
    rows = deadlines_open(today=today, owner=officer)
    mine = owner_summary(owner=officer, today=today, soonest=3)
    expected = deadlines_summary(rows)
    assert (mine["summary"]["open"], mine["summary"]["overdue"]) == (expected["open"], expected["overdue"]) == (6, 4)
    assert [row.deadline.object_id for row in mine["soonest"]] == [row.deadline.object_id for row in rows[:3]]


def test_an_officers_slice_takes_the_same_queries_for_2_or_20_owed(
    officer, other_officer, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from engagement.deadlines.board import owner_summary

    _make(2, officer, other_officer)
    with CaptureQueriesContext(connection) as few:
        owner_summary(owner=officer, today=timezone.localdate())
    _make(18, officer, other_officer)
    with django_assert_max_num_queries(len(few)):
        assert owner_summary(owner=officer, today=timezone.localdate())["summary"]["overdue"] == 20
