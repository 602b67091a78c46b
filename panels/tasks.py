"""Celery tasks: thin, idempotent wrappers over the services (which claim each effect once)."""

from celery import shared_task
from django.db import OperationalError

from . import services

RETRY = {"acks_late": True, "autoretry_for": (OSError, OperationalError), "retry_backoff": 30, "max_retries": 5}


@shared_task(bind=True, **RETRY)
def send_walk_partner_email(self, attendee_id: int) -> bool:
    return services.walk_partner_email_send(attendee_id=attendee_id)
