"""Celery tasks: thin wrappers over services; safe to run twice (each reminder is claimed by a unique row)."""

import datetime

from celery import shared_task
from django.db import DatabaseError

from . import services


@shared_task(bind=True, acks_late=True, autoretry_for=(DatabaseError, OSError), retry_backoff=60, max_retries=5)
def remind_complaint_handlers(self, today: str | None = None) -> dict[str, int]:
    """Daily: remind each handler the working day before a complaint deadline (beat job from portal.py)."""
    day = datetime.date.fromisoformat(today) if today else None
    return services.complaint_reminders_send(today=day)
