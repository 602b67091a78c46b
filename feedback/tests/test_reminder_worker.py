"""The reminder job goes through Redis to a real Celery worker; a second delivery sends nothing."""

import datetime
import os
import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail

from engagement.celery import app as celery_app
from engagement.models import Notification
from feedback.factories import ComplaintFactory
from feedback.models import ComplaintReminder
from feedback.tasks import remind_complaint_handlers
from tests.support import require

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
