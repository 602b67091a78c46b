"""Celery tasks: thin, idempotent wrappers over the services (which claim each copy once)."""

from celery import shared_task
from django.db import OperationalError

from . import services


@shared_task(bind=True, acks_late=True, autoretry_for=(OSError, OperationalError), retry_backoff=30, max_retries=5)
def send_mailout(self, mailout_id: int) -> dict:
    return services.mailout_deliver(mailout_id=mailout_id)
