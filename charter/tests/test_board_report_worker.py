"""A board report requested through the service is built by a real Celery worker via Redis."""

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
