"""The one chase job goes through Redis to a real Celery worker; a redelivery sends nothing, and
the emails go out in a batch task on the same worker.

Replaces activities/tests/test_chase_worker.py, feedback/tests/test_reminder_worker.py and
panels/tests/test_chase_worker.py: one engine, one worker test over several kinds at once.
"""

import datetime
import time

import pytest
from django.core import mail
from django.utils import timezone

from activities.factories import ActivityFactory
from engagement.models import ChaseNotice, Notification
from engagement.tasks import chase_deadlines
from feedback.factories import ComplaintFactory
from panels.factories import HeldMeetingFactory, PanelFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]
D = datetime.date


def test_the_daily_chase_runs_on_a_real_worker_and_a_second_delivery_sends_nothing(real_worker, officer, manager):
    # Held Mon 16 Nov 2026: report due Mon 23 Nov, 3 working days overdue on Thu 26 Nov.
    activity = ActivityFactory(lead_officer=officer, starts_at=timezone.make_aware(datetime.datetime(2026, 11, 16, 10)))
    # Received Thu 19 Nov: acknowledgement due Thu 26 Nov (5 working days), reminded Wed 25 Nov.
    complaint = ComplaintFactory(stage1_handler=officer, received_on=D(2026, 11, 19))
    # Met Mon 2 Nov: minutes due Mon 16 Nov, 7 working days overdue on Wed 25 Nov (escalated at 5).
    HeldMeetingFactory(panel=PanelFactory(officer=officer), meets_on=D(2026, 11, 2))

    assert chase_deadlines.delay("2026-11-25").get(timeout=30) == {
        "activity_report.overdue": 1,
        "complaint_stage1_ack.reminder": 1,
        "meeting_minutes.escalation": 1,
    }
    assert chase_deadlines.delay("2026-11-25").get(timeout=30) == {}

    notice = ChaseNotice.objects.get(kind="activity_report", object_id=activity.pk)
    assert (notice.step, notice.period, notice.due_on) == ("overdue", 0, D(2026, 11, 23))
    assert set(notice.recipients.all()) == {officer}
    reminder = ChaseNotice.objects.get(kind="complaint_stage1_ack", object_id=complaint.pk)
    assert (reminder.step, reminder.due_on) == ("reminder", D(2026, 11, 26))
    assert Notification.objects.filter(user=officer).count() == 3
    assert Notification.objects.filter(user=manager).count() == 1
    deadline = time.monotonic() + 30
    while len(mail.outbox) < 4 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert sorted(message.to[0] for message in mail.outbox) == sorted([officer.email] * 3 + [manager.email])
    assert Notification.objects.filter(emailed_at__isnull=False).count() == 4
