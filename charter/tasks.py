"""Celery tasks: thin wrappers over the charter's services."""

from celery import shared_task
from django.utils import timezone

from . import services


@shared_task(bind=True, acks_late=True, autoretry_for=(OSError,), retry_backoff=30, max_retries=4)
def build_board_report(self, report_id: int) -> bool:
    built = services.board_report_build(report_id=report_id)
    if not built:
        # Another worker holds the build: come back when its lease runs out, and take over if it died.
        wait = services.board_report_lease_left(report_id=report_id)
        if wait is not None and self.request.retries < self.max_retries:
            raise self.retry(countdown=wait + 5, exc=None)
    return built


@shared_task(bind=True, acks_late=True, autoretry_for=(OSError,), retry_backoff=60, max_retries=3)
def charter_daily(self) -> dict:
    return services.charter_daily(today=timezone.localdate())


@shared_task(acks_late=True)
def sweep_board_reports() -> dict:
    return services.board_report_sweep()
