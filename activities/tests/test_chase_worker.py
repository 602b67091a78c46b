"""The chase task goes through Redis to a real Celery worker, and a redelivery sends nothing."""

import time

import pytest
from django.core import mail

from activities.factories import ActivityFactory
from activities.models import ReportReminder
from activities.tasks import chase_activity_reports
from engagement.models import Notification

from .helpers import at

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_the_daily_chase_runs_on_a_real_worker_and_a_second_delivery_sends_nothing(real_worker, officer, manager):
    activity = ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 16))

    assert chase_activity_reports.delay("2026-11-26").get(timeout=30) == {"escalation": 1}
    assert chase_activity_reports.delay("2026-11-26").get(timeout=30) == {}

    reminder = ReportReminder.objects.get(activity=activity)
    assert (reminder.kind, reminder.period) == ("escalation", 1)
    assert set(reminder.recipients.all()) == {officer, manager}
    assert Notification.objects.filter(user__in=[officer, manager]).count() == 2
    # The emails are separate tasks queued on commit; the same worker sends them.
    deadline = time.monotonic() + 30
    while len(mail.outbox) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert sorted(message.to[0] for message in mail.outbox) == sorted([officer.email, manager.email])
