"""The daily beat job reminds the handler the working day before each deadline, once.

Complaint received Wed 23 Dec 2026: acknowledgement due Mon 4 Jan 2027 (Thu 24, Tue 29, Wed 30,
Thu 31 Dec, Mon 4 Jan). The working day before is Thu 31 Dec (Fri 1 Jan is New Year's Day).
Acknowledged Mon 4 Jan: response due Mon 18 Jan; reminder on Fri 15 Jan.
"""

import datetime

import pytest

from engagement.factories import OfficerFactory
from engagement.models import Notification
from engagement.registry import PERIODIC_JOBS
from feedback import services
from feedback.factories import ComplaintFactory
from feedback.models import Complaint, ComplaintReminder
from feedback.tasks import remind_complaint_handlers

pytestmark = pytest.mark.django_db
D = datetime.date


def run(day: D) -> dict:
    return remind_complaint_handlers.delay(day.isoformat()).get()


@pytest.fixture
def complaint(officer):
    return ComplaintFactory(stage1_handler=officer, received_on=D(2026, 12, 23))


def test_the_job_is_registered_as_a_daily_beat_job():
    assert any(job.task == "feedback.tasks.remind_complaint_handlers" for job in PERIODIC_JOBS)


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
    assert ComplaintReminder.objects.get().due_on == D(2027, 1, 4)


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


def test_a_complaint_acknowledged_after_the_candidates_were_read_is_not_reminded(complaint, officer):
    stale = Complaint.objects.with_current_deadline().get(pk=complaint.pk)
    Complaint.objects.filter(pk=complaint.pk).update(
        status="acknowledged", stage1_acknowledged_on=D(2026, 12, 30), stage1_response_due_on=D(2027, 1, 14)
    )
    sent = services._reminder_send(complaint=stale, kind="stage1_ack", due_on=D(2027, 1, 4), today=D(2026, 12, 31))
    assert sent is False
    assert not ComplaintReminder.objects.exists()
    assert not Notification.objects.exists()


def test_a_reminder_already_claimed_by_another_worker_is_not_sent_again(complaint, officer):
    ComplaintReminder.objects.create(complaint=complaint, kind="stage1_ack", due_on=D(2027, 1, 4))
    sent = services._reminder_send(complaint=complaint, kind="stage1_ack", due_on=D(2027, 1, 4), today=D(2026, 12, 31))
    assert sent is False
    assert not Notification.objects.exists()


def test_closed_and_answered_complaints_are_never_reminded(officer):
    ComplaintFactory(stage1_handler=officer, received_on=D(2026, 12, 23), responded=True)
    assert run(D(2026, 12, 31)) == {}
