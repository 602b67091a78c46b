"""Celery tasks: thin wrappers over the charter's services."""

from celery import shared_task
from django.utils import timezone

from . import services


@shared_task(bind=True, acks_late=True, autoretry_for=(OSError,), retry_backoff=30, max_retries=4)
def build_board_report(self, report_id: int) -> bool:
    return services.board_report_build(report_id=report_id)


@shared_task(bind=True, acks_late=True, autoretry_for=(OSError,), retry_backoff=60, max_retries=3)
def charter_daily(self) -> dict:
    return services.charter_daily(today=timezone.localdate())
