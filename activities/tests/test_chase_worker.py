"""The chase task goes through Redis to a real Celery worker, and a redelivery sends nothing."""

import os
import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail

from activities.factories import ActivityFactory
from activities.models import ReportReminder
from activities.tasks import chase_activity_reports
from engagement.celery import app as celery_app
from engagement.models import Notification
from tests.support import require

from .helpers import at

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

KEYS = ("broker_url", "task_always_eager", "broker_transport_options", "worker_hijack_root_logger")


@pytest.fixture
def redis_url():
    """As tests/conftest.py: skip without Redis, fail when CI says it must be there (REQUIRE_REDIS=1)."""
    import redis

    url = os.environ.get("REDIS_URL", "")
    available = False
    if url:
        try:
            available = redis.Redis.from_url(url, socket_connect_timeout=2).ping()
        except redis.exceptions.ConnectionError:
            available = False
    require("REQUIRE_REDIS", available, "No Redis server at REDIS_URL")
    return url


@pytest.fixture
def real_worker(redis_url):
    broker = os.environ.get("CELERY_BROKER_URL", "")
    if not broker.startswith("redis://"):
        broker = redis_url
    saved = {key: celery_app.conf.get(key) for key in KEYS}
    celery_app.conf.update(
        broker_url=broker, task_always_eager=False, broker_transport_options={}, worker_hijack_root_logger=False
    )
    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        yield celery_app
    celery_app.conf.update(saved)


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
