"""Celery tasks: thin wrappers over services; safe to run twice (each notice is claimed by a unique row)."""

import datetime

from celery import shared_task
from django.db import DatabaseError

from . import services


@shared_task(bind=True, acks_late=True, autoretry_for=(DatabaseError, OSError), retry_backoff=60, max_retries=5)
def chase_activity_reports(self, today: str | None = None) -> dict[str, int]:
    """Daily: remind, chase and escalate activity reports (beat job installed from portal.py)."""
    day = datetime.date.fromisoformat(today) if today else None
    return services.activity_reports_chase(today=day)
