"""A board report requested through the service is built by a real Celery worker via Redis."""

import os
import time

import pytest
from celery.contrib.testing.worker import start_worker

from charter.models import BoardReport, ReportStatus
from charter.quarters import Period, Quarter
from charter.services import board_report_request
from engagement.celery import app as celery_app
from engagement.factories import ManagerFactory
from tests.support import require

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]
KEYS = ("broker_url", "task_always_eager", "broker_transport_options", "worker_hijack_root_logger")


@pytest.fixture
def real_worker():
    url = os.environ.get("REDIS_URL", "")
    available = False
    if url:
        import redis

        try:
            available = redis.Redis.from_url(url, socket_connect_timeout=2).ping()
        except redis.exceptions.ConnectionError:
            available = False
    require("REQUIRE_REDIS", available, "No Redis server at REDIS_URL")
    broker = os.environ.get("CELERY_BROKER_URL", "")
    saved = {key: celery_app.conf.get(key) for key in KEYS}
    celery_app.conf.update(
        broker_url=broker if broker.startswith("redis://") else url,
        task_always_eager=False,
        broker_transport_options={},
        worker_hijack_root_logger=False,
    )
    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        yield celery_app
    celery_app.conf.update(saved)


def test_a_requested_report_is_built_by_the_worker_after_the_request_commits(real_worker):
    report = board_report_request(period=Period.for_quarter(Quarter(2026, 2)), requested_by=ManagerFactory())
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        report.refresh_from_db()
        if report.is_finished:
            break
        time.sleep(0.5)
    assert report.status == ReportStatus.READY, report.error
    assert report.file.open("rb").read(5) == b"%PDF-"
    assert BoardReport.objects.count() == 1
