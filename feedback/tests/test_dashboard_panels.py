"""The officer's dashboard lists their complaint deadlines this week and late ones; the manager sees counts.

Today is Wednesday 18 November 2026; the week ends on Sunday 22 November."""

import datetime

import pytest

from engagement.factories import OfficerFactory
from feedback import selectors
from feedback.factories import ComplaintFactory, LessonsLearnedFactory

pytestmark = pytest.mark.django_db
D = datetime.date
TODAY = D(2026, 11, 18)


@pytest.fixture
def complaints(officer):
    return {
        # received Thu 12 Nov: acknowledgement due Thu 19 Nov (this week)
        "ack_this_week": ComplaintFactory(stage1_handler=officer, received_on=D(2026, 11, 12)),
        # received Mon 2 Nov: acknowledgement was due Mon 9 Nov (late)
        "ack_late": ComplaintFactory(stage1_handler=officer, received_on=D(2026, 11, 2)),
        # acknowledged Fri 6 Nov: response due Fri 20 Nov (this week)
        "respond_this_week": ComplaintFactory(
            stage1_handler=officer, acknowledged=True, received_on=D(2026, 11, 5), stage1_acknowledged_on=D(2026, 11, 6)
        ),
        # received Tue 17 Nov: acknowledgement due Tue 24 Nov (next week)
        "next_week": ComplaintFactory(stage1_handler=officer, received_on=D(2026, 11, 17)),
        "someone_else": ComplaintFactory(stage1_handler=OfficerFactory(), received_on=D(2026, 11, 2)),
        "upheld_no_lessons": ComplaintFactory(stage1_handler=officer, upheld=True),
        "upheld_with_lessons": LessonsLearnedFactory(complaint__stage1_handler=officer).complaint,
    }


def test_the_officer_sees_their_deadlines_this_week_and_late_ones(officer, complaints):
    summary = selectors.officer_complaint_summary(officer=officer, today=TODAY)
    assert summary["to_acknowledge"] == [complaints["ack_this_week"]]
    assert summary["to_respond"] == [complaints["respond_this_week"]]
    assert summary["late"] == [complaints["ack_late"]]
    assert summary["counts"] == {"open": 4, "late": 1}


def test_the_manager_sees_counts_across_the_team(complaints):
    counts = selectors.manager_complaint_counts(today=TODAY)
    assert counts == {
        "open_stage1": 5,
        "open_stage2": 0,
        "due_this_week": 2,
        "late_ack": 2,
        "late_response": 0,
        "awaiting_lessons": 1,
    }


def test_the_panels_appear_on_the_home_pages(officer_client, manager_client, complaints):
    html = officer_client.get("/").content.decode()
    assert "My complaints this week" in html
    html = manager_client.get("/").content.decode()
    assert "Complaints across the team" in html
