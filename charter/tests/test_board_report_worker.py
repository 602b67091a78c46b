"""A board report requested through the service is built by a real Celery worker via Redis."""

import datetime
import time

import pytest

from charter.models import BoardReport, ReportStatus
from charter.services import board_report_request
from engagement.factories import ManagerFactory
from engagement.quarters import Period, Quarter

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


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


def _worker(env, queue):
    import subprocess
    import sys
    from pathlib import Path

    celery = Path(sys.executable).with_name("celery")
    return subprocess.Popen(
        [
            str(celery),
            "-A",
            "engagement",
            "worker",
            "-P",
            "solo",
            "--without-mingle",
            "--without-gossip",
            "-l",
            "WARNING",
            "-Q",
            queue,
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait(report, done, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        report.refresh_from_db()
        if done(report):
            return True
        time.sleep(0.1)
    return False


def test_a_worker_killed_mid_build_is_replaced_and_the_report_is_built_once(redis_url, monkeypatch):
    """A real worker process (PostgreSQL, Redis) is killed with SIGKILL while building. The lease
    it stopped renewing runs out (here moved to the past rather than waited for: 2 minutes), the
    sweep sends the build again, a new worker takes it over and builds it once."""
    import os
    import signal
    import uuid

    from django.conf import settings
    from django.db import connection, transaction
    from django.utils import timezone

    from charter.services import board_report_sweep
    from engagement.celery import app as celery_app

    broker = os.environ.get("CELERY_BROKER_URL", "") or redis_url
    if not broker.startswith("redis://"):
        broker = redis_url
    name = connection.settings_dict["NAME"]
    env = {
        **os.environ,
        "DATABASE_URL": os.environ["DATABASE_URL"].rsplit("/", 1)[0] + f"/{name}",
        "CELERY_BROKER_URL": broker,
        "CELERY_TASK_ALWAYS_EAGER": "0",
        # The worker writes the PDF where this test reads it.
        "PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    # A queue of its own: no other test's worker (another pytest-xdist process) may take this build.
    queue = f"charter-kill-test-{uuid.uuid4().hex[:8]}"
    from charter import services
    from charter.tasks import build_board_report

    def publish(pk):  # straight to Redis on a connection of its own (not the app's pooled test broker)
        with celery_app.connection_for_write(broker) as connection:
            build_board_report.apply_async(args=[pk], queue=queue, connection=connection)

    def send(report):  # as the outbox does: only once the request's transaction has committed
        transaction.on_commit(lambda: publish(report.pk))

    monkeypatch.setattr(services, "_queue_build", send)
    saved = {key: celery_app.conf.get(key) for key in ("broker_url", "task_always_eager")}
    celery_app.conf.update(broker_url=broker, task_always_eager=False)
    first = _worker(env, queue)
    try:
        report = board_report_request(period=Period.for_quarter(Quarter(2026, 2)), requested_by=ManagerFactory())
        assert _wait(report, lambda r: r.status == ReportStatus.BUILDING), "no worker started the build"
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        report.refresh_from_db()
        assert report.status == ReportStatus.BUILDING and report.attempts == 1  # stuck: its worker is gone
        BoardReport.objects.filter(pk=report.pk).update(lease_expires_at=timezone.now() - datetime.timedelta(seconds=1))
        second = _worker(env, queue)
        try:
            assert board_report_sweep()["requeued"] == [report.pk]
            assert _wait(report, lambda r: r.is_finished), "the build was not taken over"
        finally:
            second.terminate()
            second.wait(timeout=20)
    finally:
        if first.poll() is None:
            first.kill()
        celery_app.conf.update(saved)
    assert (report.status, report.attempts, BoardReport.objects.count()) == (ReportStatus.READY, 2, 1)
    assert report.file.open("rb").read(5) == b"%PDF-"
