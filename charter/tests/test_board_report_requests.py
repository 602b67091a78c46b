"""Asking for a board report: the request returns at once, the worker builds, versions are kept."""

import datetime
import uuid

import pytest
from django.urls import reverse

from charter import services
from charter.factories import BoardReportFactory, ReadyBoardReportFactory
from charter.models import BoardReport, ReportKind, ReportStatus
from charter.services import board_report_build, board_report_request, charter_daily
from engagement.models import Notification
from engagement.quarters import Period, Quarter
from engagement.registry import PERIODIC_JOBS

pytestmark = pytest.mark.django_db
Q2 = Quarter(2026, 2)


def _ask(client, token=None, **data):
    form = {"kind": "quarter", "quarter": Q2.code, "token": token or str(uuid.uuid4()), **data}
    return client.post(reverse("charter:report_request"), form)


def test_the_request_returns_at_once_with_a_pending_report_and_the_build_runs_after_commit(
    manager_client, manager, registry, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = _ask(manager_client)
    report = BoardReport.objects.get()
    assert response["Location"] == report.get_absolute_url()
    assert (report.status, report.requested_by, report.period_label) == (ReportStatus.PENDING, manager, "Q2 2026/27")
    assert len(callbacks) == 1

    page = manager_client.get(report.get_absolute_url()).content.decode()
    assert "Waiting to start" in page and "Check progress" in page and "<progress" in page

    callbacks[0]()  # the eager task: what the worker does
    report.refresh_from_db()
    assert report.status == ReportStatus.READY
    page = manager_client.get(report.get_absolute_url()).content.decode()
    assert reverse("charter:report_download", args=[report.pk]) in page
    download = manager_client.get(reverse("charter:report_download", args=[report.pk]))
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == f'attachment; filename="{report.filename}"'
    assert download["Cache-Control"] == "private, no-store"
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    assert Notification.objects.filter(user=manager, title__contains="Q2 2026/27").exists()


def test_the_status_endpoint_reports_progress_for_the_page_script(manager_client):
    report = BoardReportFactory(status=ReportStatus.BUILDING, progress=40)
    state = manager_client.get(reverse("charter:report_status", args=[report.pk])).json()
    assert state == {
        "status": "building",
        "status_label": "Being built",
        "progress": 40,
        "finished": False,
        "download_url": "",
    }


def test_a_double_submit_asks_for_one_report(manager_client, registry, django_capture_on_commit_callbacks):
    token = str(uuid.uuid4())
    with django_capture_on_commit_callbacks(execute=False):
        first = _ask(manager_client, token)
        second = _ask(manager_client, token)
    assert BoardReport.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_rebuilding_a_quarter_adds_a_version_and_keeps_the_earlier_one(
    manager_client, registry, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _ask(manager_client)
        _ask(manager_client)
    first, second = BoardReport.objects.order_by("version")
    assert (first.version, second.version) == (1, 2)
    assert first.status == second.status == ReportStatus.READY
    assert first.file.name != second.file.name and first.file.storage.exists(first.file.name)
    page = manager_client.get(second.get_absolute_url()).content.decode()
    assert "Version 1" in page and "Version 2 (this one)" in page


def test_the_annual_report_is_asked_for_by_year(manager_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        _ask(manager_client, kind="annual", year="2025", quarter="")
    report = BoardReport.objects.get()
    assert report.kind == ReportKind.ANNUAL
    assert (report.period_start, report.period_end) == (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))


def test_a_tampered_request_is_refused_with_a_message(manager_client):
    response = _ask(manager_client, quarter="1999-00-q1")
    assert response.status_code == 302 and not BoardReport.objects.exists()


def test_officers_and_customers_cannot_see_ask_for_or_download_reports(officer_client, customer_client):
    report = ReadyBoardReportFactory()
    for client in (officer_client, customer_client):
        for name in ("charter:report_detail", "charter:report_download", "charter:report_status"):
            assert client.get(reverse(name, args=[report.pk])).status_code == 403
        assert client.get(reverse("charter:report_list")).status_code == 403
        assert _ask(client).status_code == 403
    assert BoardReport.objects.count() == 1


def test_a_build_runs_once_however_often_the_task_is_delivered(registry):
    report = BoardReportFactory()
    assert board_report_build(report_id=report.pk) is True
    assert board_report_build(report_id=report.pk) is False
    report.refresh_from_db()
    assert report.status == ReportStatus.READY


def test_a_build_lost_with_its_worker_is_taken_over_once_its_lease_runs_out_but_a_live_one_is_not(registry):
    from django.utils import timezone

    now = timezone.now()
    live = BoardReportFactory(status=ReportStatus.BUILDING, started_at=now, lease_expires_at=now + services.LEASE)
    lost = BoardReportFactory(
        status=ReportStatus.BUILDING, started_at=now - datetime.timedelta(minutes=3), lease_expires_at=now
    )
    assert board_report_build(report_id=live.pk) is False
    assert board_report_build(report_id=lost.pk) is True


def test_a_report_that_cannot_be_rendered_is_marked_failed_with_the_reason(registry, monkeypatch, manager_client):
    def broken(**kwargs):
        raise ValueError("template exploded")

    monkeypatch.setattr(services, "board_report_render", broken)
    report = BoardReportFactory()
    assert board_report_build(report_id=report.pk) is False
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED and "template exploded" in report.error
    assert "could not be built" in manager_client.get(report.get_absolute_url()).content.decode()


def test_a_disk_error_hands_the_report_back_for_the_tasks_retry(registry, monkeypatch):
    def full_disk(**kwargs):
        raise OSError("No space left on device")

    monkeypatch.setattr(services, "board_report_render", full_disk)
    report = BoardReportFactory()
    with pytest.raises(OSError):
        board_report_build(report_id=report.pk)
    report.refresh_from_db()
    assert report.status == ReportStatus.PENDING


def test_the_daily_job_builds_a_closed_quarters_report_once(registry, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = charter_daily(today=datetime.date(2026, 10, 1))
        again = charter_daily(today=datetime.date(2026, 10, 2))
    assert first["scheduled"] == ["Q2 2026/27"] and again["scheduled"] == []
    report = BoardReport.objects.get()
    assert (report.scheduled, report.requested_by, report.status) == (True, None, ReportStatus.READY)


def test_a_managers_own_request_does_not_stop_the_quarter_end_report(
    manager, registry, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        board_report_request(period=Period.for_quarter(Q2), requested_by=manager)
        charter_daily(today=datetime.date(2026, 10, 5))
    assert list(BoardReport.objects.order_by("version").values_list("version", "scheduled")) == [(1, False), (2, True)]


def test_in_january_the_daily_job_also_builds_last_years_customer_voice_report(
    registry, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        outcome = charter_daily(today=datetime.date(2027, 1, 4))
    assert outcome["scheduled"] == ["Q3 2026/27", "2026"]
    assert BoardReport.objects.filter(kind=ReportKind.ANNUAL, period_start=datetime.date(2026, 1, 1)).exists()


def test_the_daily_job_is_registered_with_celery_beat():
    assert any(job.task == "charter.tasks.charter_daily" for job in PERIODIC_JOBS)


@pytest.mark.parametrize("rows", [10, 200])
def test_the_report_list_uses_a_fixed_number_of_queries(manager_client, manager, django_assert_max_num_queries, rows):
    BoardReport.objects.bulk_create(
        BoardReport(
            kind="quarter",
            period_start=Q2.start,
            period_end=Q2.end,
            period_label=Q2.label,
            version=n + 1,
            requested_by=manager,
        )
        for n in range(rows)
    )
    with django_assert_max_num_queries(12):
        response = manager_client.get(reverse("charter:report_list"))
    assert response.status_code == 200
    csv = manager_client.get(reverse("charter:report_list"), {"_export": "csv"})
    assert csv.getvalue().decode("utf-8-sig").count("Q2 2026/27") == rows
