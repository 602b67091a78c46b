"""The daily minutes chase goes through Redis to a real Celery worker, and a second run sends nothing."""

import datetime
import os

import pytest
from celery.contrib.testing.worker import start_worker

from engagement.celery import app as celery_app
from engagement.models import Notification
from panels.factories import HeldMeetingFactory, PanelFactory
from panels.models import MinutesReminder
from panels.tasks import chase_meeting_minutes
from tests.support import require

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]
KEYS = ("broker_url", "task_always_eager", "broker_transport_options", "worker_hijack_root_logger")


@pytest.fixture
def real_worker():
    import redis

    url = os.environ.get("CELERY_BROKER_URL", "")
    available = False
    if url.startswith("redis://"):
        try:
            available = redis.Redis.from_url(url, socket_connect_timeout=2).ping()
        except redis.exceptions.ConnectionError:
            available = False
    require("REQUIRE_REDIS", available, "No Redis broker at CELERY_BROKER_URL")
    saved = {key: celery_app.conf.get(key) for key in KEYS}
    celery_app.conf.update(
        broker_url=url, task_always_eager=False, broker_transport_options={}, worker_hijack_root_logger=False
    )
    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        yield celery_app
    celery_app.conf.update(saved)


def test_overdue_minutes_are_chased_once_by_a_real_worker(real_worker, officer, manager):
    meeting = HeldMeetingFactory(panel=PanelFactory(officer=officer), meets_on=datetime.date(2020, 3, 2))
    assert chase_meeting_minutes.delay().get(timeout=30) == 2  # overdue to the officer, escalated to the manager
    assert chase_meeting_minutes.delay().get(timeout=30) == 0
    assert MinutesReminder.objects.filter(meeting=meeting).count() == 2
    assert Notification.objects.filter(user=officer).count() == 1
