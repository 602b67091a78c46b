"""Thin Celery wrappers over the scheme obligation services."""

from celery import shared_task
from django.db import DatabaseError
from django.utils import timezone

from . import cadence, services


@shared_task(acks_late=True, autoretry_for=(OSError, DatabaseError), retry_backoff=60, max_retries=5)
def propose_and_match_obligations() -> dict:
    """Daily: this financial year's obligations (and next year's from March), then any evidence
    the portal already holds. Both idempotent, so a re-run or a retry changes nothing."""
    today = timezone.localdate()
    year = cadence.financial_year_of(today)
    created = services.obligations_propose(year=year, today=today)
    if today.month == 3:
        created += services.obligations_propose(year=year + 1, today=today)
    return {"created": created, "met": services.obligations_match_evidence(today=today)}
