"""The reminder job goes through Redis to a real Celery worker; a second delivery sends nothing."""

import datetime
import time

import pytest
from django.core import mail

from engagement.models import Notification
from feedback.factories import ComplaintFactory
from feedback.models import ComplaintReminder
from feedback.tasks import remind_complaint_handlers

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_the_reminder_job_runs_on_a_real_worker_and_a_second_delivery_sends_nothing(real_worker, officer):
    # Received Wed 23 Dec 2026: acknowledgement due Mon 4 Jan 2027, reminded on Thu 31 Dec.
    complaint = ComplaintFactory(stage1_handler=officer, received_on=datetime.date(2026, 12, 23))

    assert remind_complaint_handlers.delay("2026-12-31").get(timeout=30) == {"stage1_ack": 1}
    assert remind_complaint_handlers.delay("2026-12-31").get(timeout=30) == {}

    reminder = ComplaintReminder.objects.get(complaint=complaint)
    assert (reminder.kind, reminder.due_on, reminder.recipient) == ("stage1_ack", datetime.date(2027, 1, 4), officer)
    assert Notification.objects.filter(user=officer).count() == 1
    # The email is a separate task queued on commit; the same worker sends it.
    deadline = time.monotonic() + 30
    while not mail.outbox and time.monotonic() < deadline:
        time.sleep(0.2)
    assert [message.to for message in mail.outbox] == [[officer.email]]
