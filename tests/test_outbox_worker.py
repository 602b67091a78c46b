"""The outbox with a real worker on Redis: a task queued normally is forgotten once it has run; one
whose broker refused it at commit is done by the beat sweep through the worker, once."""

import datetime
import time

import pytest
from celery.result import AsyncResult
from django.core import mail
from django.utils import timezone

from engagement.factories import OfficerFactory
from engagement.models import PendingTask
from engagement.services import notify
from engagement.tasks import sweep_pending_tasks
from tests.support import broker_refusing_connections

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def _until_forgotten(pk, tries=100) -> bool:
    for _ in range(tries):
        if not PendingTask.objects.filter(pk=pk).exists():
            return True
        time.sleep(0.1)
    return False


def test_queued_work_is_done_by_the_worker_and_work_the_broker_refused_is_done_by_the_sweep_once(real_worker):
    officer = OfficerFactory(email="outbox-worker@trident.example")

    notify(officer, title="Queued normally")  # autocommit: queued at once
    row = PendingTask.objects.get()
    AsyncResult(str(row.pk), app=real_worker).get(timeout=30)
    assert _until_forgotten(row.pk)
    assert len(mail.outbox) == 1

    with broker_refusing_connections():
        notify(officer, title="Saved while Redis was down")  # nothing raised
    refused = PendingTask.objects.get()
    PendingTask.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=11))

    assert sweep_pending_tasks.delay().get(timeout=60) == {"ran": 1, "failed": 0}
    assert sweep_pending_tasks.delay().get(timeout=60) == {"ran": 0, "failed": 0}
    assert not PendingTask.objects.filter(pk=refused.pk).exists()
    assert [message.subject.split("] ")[1] for message in mail.outbox] == [
        "Queued normally",
        "Saved while Redis was down",
    ]
