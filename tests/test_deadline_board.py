"""The overdue board: every open deadline of every kind on one working-day clock, filtered by
owner, patch, kind and when it is due, with CSV; the dashboards show each person's slice; the
rules page shows each kind's rule and chase from the same constants the engine uses.

Today is pinned to Friday 27 November 2026.
"""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.factories import ActivityFactory
from engagement.factories import ActionFactory, EstateFactory, OfficerFactory
from feedback.factories import ComplaintFactory
from panels.factories import ExpressionOfInterestFactory, HeldMeetingFactory, PanelFactory
from tests.support import freeze_now

pytestmark = pytest.mark.django_db
D = datetime.date


def at(year, month, day, hour=10):
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


@pytest.fixture(autouse=True)
def friday(monkeypatch):
    freeze_now(monkeypatch, at(2026, 11, 27, 12))


@pytest.fixture
def world(officer, other_officer):
    north = EstateFactory(name="Beechwood")
    south = EstateFactory(name="Elm Court")
    return {
        # Held Mon 16 Nov: due Mon 23 Nov; Tue (1) … Fri 27 (4 working days overdue).
        "report": ActivityFactory(
            lead_officer=officer, estate=north, title="Beechwood meeting", starts_at=at(2026, 11, 16)
        ),
        # Received Mon 23 Nov: acknowledgement due Mon 30 Nov, the next working day.
        "complaint": ComplaintFactory(stage1_handler=other_officer, estate=south, received_on=D(2026, 11, 23)),
        # Due Fri 4 Dec: 5 working days on.
        "action": ActionFactory(owner=officer, estate=south, due_on=D(2026, 12, 4), we_will="Fix the gate"),
        "done_action": ActionFactory(owner=officer, due_on=D(2026, 11, 1), status="done", done_on=D(2026, 11, 2)),
        # Sent Wed 25 Nov: answer due Fri 27 Nov, today.
        "eoi": ExpressionOfInterestFactory(panel=PanelFactory(officer=other_officer), submitted_on=D(2026, 11, 25)),
        # Met Mon 2 Nov: minutes due 10 working days later, Mon 16 Nov; 9 working days overdue.
        "meeting": HeldMeetingFactory(panel=PanelFactory(officer=officer), meets_on=D(2026, 11, 2)),
        "north": north,
    }


def rows(response):
    return [(row.kind.key, row.when) for row in response.context["board_rows"]]


def test_the_board_lists_every_open_deadline_soonest_first_in_working_days(officer_client, world):
    response = officer_client.get(reverse("deadline_board"))
    assert response.status_code == 200
    assert rows(response) == [
        ("meeting_minutes", "9 working days overdue"),
        ("activity_report", "4 working days overdue"),
        ("eoi_answer", "due today"),
        ("complaint_stage1_ack", "due next working day"),
        ("action", "due in 5 working days"),
    ]
    body = response.content.decode()
    assert "Beechwood meeting" in body and "Fix the gate" in body
    assert world["report"].get_absolute_url() + "report/" in body  # links to where the work is done


def test_the_board_filters_by_owner_patch_kind_and_when(officer_client, officer, world):
    board = reverse("deadline_board")
    mine = rows(officer_client.get(board, {"owner": officer.pk}))
    assert [kind for kind, _ in mine] == ["meeting_minutes", "activity_report", "action"]
    overdue = rows(officer_client.get(board, {"when": "overdue"}))
    assert [kind for kind, _ in overdue] == ["meeting_minutes", "activity_report"]
    soon = rows(officer_client.get(board, {"when": "soon"}))
    assert len(soon) == 5  # Fri 4 Dec is exactly 5 working days on
    by_patch = rows(officer_client.get(board, {"patch": world["north"].patch_id}))
    assert by_patch == [("activity_report", "4 working days overdue")]
    complaints = rows(officer_client.get(board, {"kind": "complaint_stage1_ack"}))
    assert complaints == [("complaint_stage1_ack", "due next working day")]


def test_the_board_downloads_as_csv_with_the_same_rows(officer_client, world):
    response = officer_client.get(reverse("deadline_board"), {"_export": "csv", "when": "overdue"})
    assert response["Content-Type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert table[0] == ["What is owed", "Working days", "Due", "Kind", "Owner", "Where"]
    assert [row[1] for row in table[1:]] == ["9 working days overdue", "4 working days overdue"]
    assert [row[2] for row in table[1:]] == ["2026-11-16", "2026-11-23"]  # ISO dates for spreadsheets


@pytest.mark.parametrize("extra", [0, 10])
def test_the_board_runs_a_fixed_number_of_queries_whatever_the_number_of_deadlines(
    extra, officer_client, officer, world, django_assert_max_num_queries
):
    for n in range(extra):
        ActivityFactory(lead_officer=OfficerFactory(), starts_at=at(2026, 11, 10 + n % 5))
        ActionFactory(owner=officer, due_on=D(2026, 11, 20))
    # Counts and the page's keys in SQL, then one read per kind on the page (six here).
    with django_assert_max_num_queries(14):
        assert officer_client.get(reverse("deadline_board")).status_code == 200


def test_customers_never_see_the_board_or_the_rules(customer_client):
    assert customer_client.get(reverse("deadline_board")).status_code == 403
    assert customer_client.get(reverse("deadline_rules")).status_code == 403


def test_the_officer_dashboard_shows_what_they_owe(officer_client, world):
    body = officer_client.get(reverse("home")).content.decode()
    assert "What you owe" in body
    assert "3 open deadlines" in body and "2 overdue" in body
    assert "Minutes and action plan" in body and "9 working days overdue" in body


def test_the_manager_dashboard_shows_what_is_overdue_by_kind_and_owner(manager_client, officer, world):
    body = manager_client.get(reverse("home")).content.decode()
    assert "Overdue across the portal" in body
    assert "Meeting minutes and action plan" in body and "Activity report" in body
    assert f"?when=overdue&amp;owner={officer.pk}" in body


def test_the_rules_page_shows_each_kind_with_the_numbers_it_is_computed_with(manager_client):
    body = manager_client.get(reverse("deadline_rules")).content.decode()
    assert "Acknowledge within 5 working days of receipt" in body
    assert "Respond within 20 working days of the acknowledgement" in body
    assert "within 10 working days of the meeting" in body
    assert "within 2 working days" in body
    assert "Escalated to the managers when 3 working days overdue." in body
    assert "Escalated again every 5 working days while it stays overdue." in body
