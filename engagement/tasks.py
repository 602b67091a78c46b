"""Celery tasks of the core: thin wrappers over services, safe to run twice."""

import datetime

from celery import shared_task
from django.db import DatabaseError

from . import outbox, services
from .deadlines import chase


@shared_task(bind=True, acks_late=True, autoretry_for=(OSError,), retry_backoff=30, max_retries=5)
def send_notification_email(self, notification_id: int) -> bool:
    # Kept so messages queued before the batch task existed are still delivered.
    return services.notification_email_send(notification_id=notification_id)


@shared_task(bind=True, acks_late=True, autoretry_for=(OSError,), retry_backoff=30, max_retries=5)
def send_notification_emails(self, notification_ids: list[int]) -> int:
    return services.notification_emails_send(notification_ids=notification_ids)


@shared_task(bind=True, acks_late=True, autoretry_for=(DatabaseError,), retry_backoff=30, max_retries=3)
def sweep_pending_tasks(self) -> dict[str, int]:
    """Every 10 minutes: run the recorded background work that was never queued or never finished."""
    return outbox.pending_tasks_sweep()


@shared_task(bind=True, acks_late=True)
def sweep_notification_emails(self) -> dict[str, int]:
    # The beat job's old name, kept for messages already queued under it; the outbox sweep covers emails.
    return outbox.pending_tasks_sweep()


@shared_task(bind=True, acks_late=True, autoretry_for=(DatabaseError, OSError), retry_backoff=60, max_retries=5)
def chase_deadlines(self, today: str | None = None) -> dict[str, int]:
    """Daily: reminders, overdue notices and escalations for every kind of deadline."""
    day = datetime.date.fromisoformat(today) if today else None
    return chase.deadlines_chase(today=day)
