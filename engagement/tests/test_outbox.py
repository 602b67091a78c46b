"""The outbox (`engagement.outbox`): background work is recorded with the change that needs it, a
broker that is down never fails the request, and the sweep finishes the work once.

Rule (DESIGN.md, trust patterns): "a view that saves data never calls the broker directly in a way
that can fail the request; the work is recorded and a beat sweep finishes what was not sent,
exactly once."
"""

import datetime

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from engagement import outbox
from engagement.factories import OfficerFactory
from engagement.models import Notification, PendingTask
from engagement.registry import PERIODIC_JOBS
from engagement.services import notify
from engagement.tasks import send_notification_emails
from tests.support import broker_refusing_connections

pytestmark = pytest.mark.django_db
LATER = datetime.timedelta(minutes=11)


def _later():
    return timezone.now() + LATER


def test_work_is_recorded_with_the_change_and_forgotten_once_its_task_has_run(django_capture_on_commit_callbacks):
    officer = OfficerFactory()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify(officer, title="Recorded first")
    assert PendingTask.objects.get().task == "engagement.tasks.send_notification_emails"
    for callback in callbacks:
        callback()  # the eager task: what a worker does
    assert len(mail.outbox) == 1
    assert not PendingTask.objects.exists()


def test_a_change_that_rolls_back_records_no_work_and_queues_nothing(django_capture_on_commit_callbacks):
    officer = OfficerFactory()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            notify(officer, title="Never sent")
            raise RuntimeError("the save failed")
    assert callbacks == [] and not PendingTask.objects.exists() and mail.outbox == []


def test_a_broker_that_refuses_connections_at_commit_raises_nothing_and_the_sweep_sends_the_email_once(
    django_capture_on_commit_callbacks,
):
    officer = OfficerFactory()
    with broker_refusing_connections(), django_capture_on_commit_callbacks(execute=True):
        notification = notify(officer, title="Saved while the broker was down")  # nothing escapes
    assert Notification.objects.filter(pk=notification.pk).exists() and mail.outbox == []
    assert PendingTask.objects.count() == 1

    # Too recent for the sweep: its task may still be on its way.
    assert outbox.pending_tasks_sweep() == {"ran": 0, "failed": 0}
    assert outbox.pending_tasks_sweep(now=_later()) == {"ran": 1, "failed": 0}
    assert outbox.pending_tasks_sweep(now=_later()) == {"ran": 0, "failed": 0}
    assert [message.to for message in mail.outbox] == [[officer.email]]
    # The message the broker did not lose after all turns up late: it sends nothing twice.
    assert send_notification_emails(notification_ids=[notification.pk]) == 0
    assert len(mail.outbox) == 1 and not PendingTask.objects.exists()


def test_a_row_another_sweep_has_claimed_is_left_to_it():
    officer = OfficerFactory()
    notify(officer, title="Claimed elsewhere")  # no commit in this test: stays recorded, unsent
    now = _later()
    PendingTask.objects.update(claimed_at=now)
    assert outbox.pending_tasks_sweep(now=now) == {"ran": 0, "failed": 0}
    assert mail.outbox == []
    # A claim older than the sweep interval is a lost sweep's: the next one takes over.
    assert outbox.pending_tasks_sweep(now=now + LATER) == {"ran": 1, "failed": 0}
    assert len(mail.outbox) == 1


def test_a_task_that_fails_is_kept_with_its_error_and_tried_again_until_it_gives_up(monkeypatch):
    officer = OfficerFactory()
    notify(officer, title="Mail server down")

    def mail_server_down(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", mail_server_down)
    now = _later()
    assert outbox.pending_tasks_sweep(now=now) == {"ran": 0, "failed": 1}
    row = PendingTask.objects.get()
    assert (row.attempts, row.claimed_at) == (1, None) and "mail server down" in row.last_error

    PendingTask.objects.update(attempts=outbox.MAX_ATTEMPTS)
    assert outbox.pending_tasks_sweep(now=now) == {"ran": 0, "failed": 0}  # given up: left for IT to see
    PendingTask.objects.update(attempts=1)
    monkeypatch.undo()
    assert outbox.pending_tasks_sweep(now=now) == {"ran": 1, "failed": 0}
    assert len(mail.outbox) == 1


def test_one_failing_task_never_stops_the_others():
    officer = OfficerFactory()
    notify(officer, title="First")
    PendingTask.objects.create(task="engagement.tasks.no_such_task", args=[], created_at=timezone.now())
    notify(officer, title="Second")
    assert outbox.pending_tasks_sweep(now=_later()) == {"ran": 2, "failed": 1}
    assert sorted(message.subject.split("] ")[1] for message in mail.outbox) == ["First", "Second"]


def test_the_sweep_is_a_beat_job_every_ten_minutes():
    job = next(job for job in PERIODIC_JOBS if job.task == "engagement.tasks.sweep_pending_tasks")
    assert (job.hour, job.minute) == ("*", "*/10")
