"""The daily minutes chase goes through Redis to a real Celery worker, and a second run sends nothing."""

import datetime

import pytest

from engagement.models import Notification
from panels.factories import HeldMeetingFactory, PanelFactory
from panels.models import MinutesReminder
from panels.tasks import chase_meeting_minutes

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_overdue_minutes_are_chased_once_by_a_real_worker(real_worker, officer, manager):
    meeting = HeldMeetingFactory(panel=PanelFactory(officer=officer), meets_on=datetime.date(2020, 3, 2))
    assert chase_meeting_minutes.delay().get(timeout=30) == 2  # overdue to the officer, escalated to the manager
    assert chase_meeting_minutes.delay().get(timeout=30) == 0
    assert MinutesReminder.objects.filter(meeting=meeting).count() == 2
    assert Notification.objects.filter(user=officer).count() == 1
