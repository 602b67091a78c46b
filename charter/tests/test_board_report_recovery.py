"""A board report whose worker dies, or whose task never reaches a worker, recovers by itself.

Rules (charter/services.py): a build holds a lease of LEASE (2 minutes) that each step renews; a
build whose lease ran out was lost with its worker. A delivery of the task takes such a build over; so
does the sweep (every 2 minutes), which also re-sends a report no worker started within UNSTARTED
(2 minutes). At most MAX_ATTEMPTS (3) claims, then the report is failed with the reason. The
quarter-end job queues its period's report again when it failed or was lost. Meanwhile the report's
page says what is happening in plain words.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from charter import services, tasks
from charter.factories import BoardReportFactory
from charter.models import BoardReport, ReportStatus
from charter.services import (
    LEASE,
    MAX_ATTEMPTS,
    board_report_build,
    board_report_schedule,
    board_report_sweep,
    charter_daily,
)
from engagement.quarters import Period, Quarter
from engagement.registry import PERIODIC_JOBS

pytestmark = pytest.mark.django_db
Q2 = Quarter(2026, 2)
MINUTE = datetime.timedelta(minutes=1)


def _lost(attempts=1, **fields):
    """A report whose worker died a little while ago: building, lease run out."""
    now = timezone.now()
    return BoardReportFactory(
        status=ReportStatus.BUILDING,
        started_at=now - 4 * MINUTE,
        lease_expires_at=now - MINUTE,
        progress=40,
        attempts=attempts,
        **fields,
    )


def test_every_step_of_a_build_renews_its_lease(registry, monkeypatch):
    seen = []
    render = services.board_report_render

    def watching(*, report):
        seen.append(BoardReport.objects.get(pk=report.pk).lease_expires_at)
        return render(report=report)

    monkeypatch.setattr(services, "board_report_render", watching)
    report = BoardReportFactory()
    before = timezone.now()
    assert board_report_build(report_id=report.pk) is True
    assert seen[0] > before + LEASE - MINUTE  # renewed while building
    report.refresh_from_db()
    assert (report.status, report.attempts, report.lease_expires_at) == (ReportStatus.READY, 1, None)


def test_the_page_tells_the_manager_the_worker_stopped_and_that_it_restarts_by_itself(manager_client):
    report = _lost()
    page = manager_client.get(report.get_absolute_url()).content.decode()
    assert "The worker building this report stopped before finishing" in page
    assert "attempt 2 of 3" in page


def test_the_page_says_when_no_worker_has_started_the_report(manager_client):
    report = BoardReportFactory()
    BoardReport.objects.filter(pk=report.pk).update(created_at=timezone.now() - 5 * MINUTE)
    page = manager_client.get(report.get_absolute_url()).content.decode()
    assert "No worker has started this report yet" in page and "you do not need to ask again" in page


def test_a_fresh_request_shows_no_warning(manager_client):
    report = BoardReportFactory()
    assert "report-stuck" not in manager_client.get(report.get_absolute_url()).content.decode()


def test_the_sweep_sends_a_lost_build_again_and_it_is_built_once(registry, django_capture_on_commit_callbacks):
    report = _lost()
    live = BoardReportFactory(
        status=ReportStatus.BUILDING, started_at=timezone.now(), lease_expires_at=timezone.now() + LEASE
    )
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        outcome = board_report_sweep()
    assert outcome == {"requeued": [report.pk], "given_up": []} and callbacks
    report.refresh_from_db()
    live.refresh_from_db()
    assert (report.status, report.attempts) == (ReportStatus.READY, 2)
    assert live.status == ReportStatus.BUILDING  # a live build is left alone
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert board_report_sweep() == {"requeued": [], "given_up": []}
    assert callbacks == []


def test_the_sweep_resends_a_request_whose_task_never_reached_a_worker(registry, django_capture_on_commit_callbacks):
    lost = BoardReportFactory()
    fresh = BoardReportFactory()
    BoardReport.objects.filter(pk=lost.pk).update(created_at=timezone.now() - 3 * MINUTE)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        outcome = board_report_sweep()
    assert outcome["requeued"] == [lost.pk] and len(callbacks) == 1  # the fresh one is waiting for its worker
    # Sent again: the next sweep waits UNSTARTED before sending it a third time.
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert board_report_sweep()["requeued"] == []
    assert lost.pk in board_report_sweep(now=timezone.now() + 3 * MINUTE)["requeued"]
    fresh.refresh_from_db()
    assert fresh.status == ReportStatus.PENDING


def test_a_build_lost_three_times_is_failed_with_the_reason(registry, manager_client):
    report = _lost(attempts=MAX_ATTEMPTS)
    assert board_report_sweep() == {"requeued": [], "given_up": [report.pk]}
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED and "stopped 3 times" in report.error
    assert "could not be built" in manager_client.get(report.get_absolute_url()).content.decode()


def test_a_redelivered_task_waits_for_a_live_lease_and_takes_over_once_it_runs_out(registry, monkeypatch):
    now = timezone.now()
    report = BoardReportFactory(status=ReportStatus.BUILDING, started_at=now, lease_expires_at=now + LEASE)
    assert board_report_build(report_id=report.pk) is False  # the first worker is alive
    assert 100 < services.board_report_lease_left(report_id=report.pk) <= 120
    retried = []

    def retry(self, countdown=None, exc=None):
        retried.append(countdown)
        raise RuntimeError("retry")

    monkeypatch.setattr(tasks.build_board_report, "retry", retry.__get__(tasks.build_board_report))
    with pytest.raises(RuntimeError):
        tasks.build_board_report.run(report.pk)
    assert 100 < retried[0] <= 125  # comes back when the lease runs out
    BoardReport.objects.filter(pk=report.pk).update(lease_expires_at=timezone.now() - MINUTE)  # the worker died
    assert tasks.build_board_report.run(report.pk) is True
    report.refresh_from_db()
    assert report.status == ReportStatus.READY


def test_the_quarter_end_job_builds_again_a_period_whose_report_failed(registry, django_capture_on_commit_callbacks):
    period = Period.for_quarter(Q2)
    failed = BoardReportFactory(
        kind=period.kind,
        period_start=period.start,
        period_end=period.end,
        period_label=period.label,
        scheduled=True,
        status=ReportStatus.FAILED,
        error="database went away",
        attempts=1,
    )
    with django_capture_on_commit_callbacks(execute=True):
        outcome = charter_daily(today=datetime.date(2026, 10, 2))
    assert outcome["scheduled"] == ["Q2 2026/27"]
    failed.refresh_from_db()
    assert (failed.status, failed.error, BoardReport.objects.count()) == (ReportStatus.READY, "", 1)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert board_report_schedule(period=period) is None  # built: nothing more to do
    assert callbacks == []


def test_the_quarter_end_job_builds_again_a_period_whose_build_was_lost(registry, django_capture_on_commit_callbacks):
    period = Period.for_quarter(Q2)
    lost = _lost(
        kind=period.kind, period_start=period.start, period_end=period.end, period_label=period.label, scheduled=True
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert board_report_schedule(period=period) == lost
    lost.refresh_from_db()
    assert lost.status == ReportStatus.READY


def test_the_sweep_runs_every_two_minutes_under_celery_beat():
    job = next(job for job in PERIODIC_JOBS if job.task == "charter.tasks.sweep_board_reports")
    assert (job.hour, job.minute) == ("*", "*/2")


def test_opening_the_request_address_goes_to_the_board_reports_page_not_a_bare_405(manager_client):
    response = manager_client.get(reverse("charter:report_request"))
    assert response.status_code == 302 and response["Location"] == reverse("charter:report_list")
