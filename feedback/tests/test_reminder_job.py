"""The one daily chase reminds the handler the working day before each Code deadline, once, tells
them when it is missed and escalates to the managers at 2 working days overdue.

Complaint received Wed 23 Dec 2026: acknowledgement due Mon 4 Jan 2027 (Thu 24, Tue 29, Wed 30,
Thu 31 Dec, Mon 4 Jan). The working day before is Thu 31 Dec (Fri 1 Jan is New Year's Day).
Acknowledged Mon 4 Jan: response due Mon 18 Jan; reminder on Fri 15 Jan.
"""

import datetime

import pytest

from engagement.deadlines import chase as engine
from engagement.factories import ManagerFactory, OfficerFactory
from engagement.models import ChaseNotice, Notification
from engagement.registry import DEADLINE_KINDS, PERIODIC_JOBS
from engagement.tasks import chase_deadlines
from feedback import deadlines
from feedback.factories import ComplaintFactory
from feedback.models import Complaint

pytestmark = pytest.mark.django_db
D = datetime.date


def run(day: D) -> dict:
    """The complaint part of the one daily chase, as {"<deadline>": notices}."""
    result = chase_deadlines.delay(day.isoformat()).get()
    return {key.removeprefix("complaint_").removesuffix(".reminder"): n for key, n in result.items()}


@pytest.fixture
def complaint(officer):
    return ComplaintFactory(stage1_handler=officer, received_on=D(2026, 12, 23))


def test_the_four_code_deadlines_are_chased_by_the_one_daily_job():
    assert any(job.task == "engagement.tasks.chase_deadlines" for job in PERIODIC_JOBS)
    keys = {"complaint_stage1_ack", "complaint_stage1_response", "complaint_stage2_ack", "complaint_stage2_response"}
    assert keys <= set(DEADLINE_KINDS)


def test_the_handler_is_reminded_on_the_working_day_before_the_acknowledgement_deadline(complaint, officer):
    assert complaint.stage1_ack_due_on == D(2027, 1, 4)
    assert run(D(2026, 12, 30)) == {}
    assert run(D(2026, 12, 31)) == {"stage1_ack": 1}
    note = Notification.objects.get(user=officer)
    assert "acknowledge" in note.title.lower() and "Monday 4 January 2027" in note.title
    assert note.url == complaint.get_absolute_url()


def test_running_again_the_same_day_or_on_the_deadline_sends_nothing_more(complaint, officer):
    run(D(2026, 12, 31))
    assert run(D(2026, 12, 31)) == {}
    assert run(D(2027, 1, 1)) == {}  # bank holiday: the job does nothing
    assert run(D(2027, 1, 4)) == {}
    assert Notification.objects.filter(user=officer).count() == 1
    assert ChaseNotice.objects.get().due_on == D(2027, 1, 4)


def test_a_missed_run_catches_up_on_the_deadline_day(complaint, officer):
    assert run(D(2027, 1, 4)) == {"stage1_ack": 1}


def test_response_and_extended_response_deadlines_each_get_their_own_reminder(complaint, officer):
    run(D(2026, 12, 31))
    Complaint.objects.filter(pk=complaint.pk).update(
        status="acknowledged", stage1_acknowledged_on=D(2027, 1, 4), stage1_response_due_on=D(2027, 1, 18)
    )
    assert run(D(2027, 1, 14)) == {}
    assert run(D(2027, 1, 15)) == {"stage1_response": 1}
    # An extension to Mon 1 Feb is a new deadline: reminded on Fri 29 Jan.
    Complaint.objects.filter(pk=complaint.pk).update(
        stage1_extended_due_on=D(2027, 2, 1), stage1_extension_reason="Waiting for a surveyor"
    )
    assert run(D(2027, 1, 18)) == {}
    assert run(D(2027, 1, 29)) == {"stage1_response": 1}
    assert Notification.objects.filter(user=officer).count() == 3


def test_stage_2_deadlines_remind_the_stage_2_handler(officer):
    stage2_handler = OfficerFactory()
    ComplaintFactory(
        stage1_handler=officer,
        responded=True,
        stage=2,
        status="received",
        stage2_handler=stage2_handler,
        stage2_requested_on=D(2026, 12, 22),
        stage2_ack_due_on=D(2026, 12, 31),
        stage2_response_due_on=D(2027, 1, 29),
    )
    assert run(D(2026, 12, 30)) == {"stage2_ack": 1}
    assert Notification.objects.filter(user=stage2_handler).count() == 1
    assert not Notification.objects.filter(user=officer).exists()


def _claim(deadline):
    return engine._claim_and_send(deadlines.STAGE1_ACK, [(deadline, "reminder", 0)], today=D(2026, 12, 31), managers=[])


def test_a_complaint_acknowledged_after_the_deadlines_were_read_is_not_reminded(complaint, officer):
    stale = next(deadlines.STAGE1_ACK.open_deadlines())
    Complaint.objects.filter(pk=complaint.pk).update(
        status="acknowledged", stage1_acknowledged_on=D(2026, 12, 30), stage1_response_due_on=D(2027, 1, 14)
    )
    assert _claim(stale) == {}
    assert not ChaseNotice.objects.exists()
    assert not Notification.objects.exists()


def test_a_reminder_already_claimed_by_another_worker_is_not_sent_again(complaint, officer):
    ChaseNotice.objects.create(
        kind="complaint_stage1_ack", object_id=complaint.pk, due_on=D(2027, 1, 4), step="reminder"
    )
    assert _claim(next(deadlines.STAGE1_ACK.open_deadlines())) == {}
    assert not Notification.objects.exists()


def test_a_missed_acknowledgement_is_notified_then_escalated_to_the_managers(complaint, officer, manager):
    deputy = ManagerFactory(username="deputy")
    run(D(2026, 12, 31))
    # Due Mon 4 Jan 2027: Tue 5 Jan is 1 working day overdue, Wed 6 Jan 2 (escalated).
    assert run(D(2027, 1, 5)) == {"stage1_ack.overdue": 1}
    assert run(D(2027, 1, 6)) == {"stage1_ack.escalation": 1}
    assert run(D(2027, 1, 7)) == {}
    assert run(D(2027, 1, 13)) == {"stage1_ack.escalation": 1}  # 7 working days overdue: 5 after the first
    assert Notification.objects.filter(user=officer).count() == 4
    assert Notification.objects.filter(user=manager).count() == 2
    assert Notification.objects.filter(user=deputy).count() == 2
    assert "stage 1 acknowledge 2 working days overdue" in Notification.objects.filter(user=manager).last().title


def test_closed_and_answered_complaints_are_never_reminded(officer):
    ComplaintFactory(stage1_handler=officer, received_on=D(2026, 12, 23), responded=True)
    assert run(D(2026, 12, 31)) == {}
