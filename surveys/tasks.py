"""Celery tasks: thin wrappers over services, safe to run twice."""

from celery import shared_task
from django.db import DatabaseError

from . import services


@shared_task(bind=True, acks_late=True, autoretry_for=(OSError, DatabaseError), retry_backoff=30, max_retries=5)
def send_survey_invitation(self, invitation_id: int) -> bool:
    """Email one invitation link; the sent_at claim makes a retry or a second worker a no-op."""
    return services.invitation_email_send(invitation_id=invitation_id)


@shared_task(bind=True, acks_late=True, autoretry_for=(OSError, DatabaseError), retry_backoff=60, max_retries=3)
def purge_pending_champion_photos(self) -> int:
    """Daily: remove photos from champion forms that were never sent."""
    return services.pending_photos_purge()
