"""Celery tasks of the community app: thin wrappers over services, safe to run twice."""

from celery import shared_task

from . import services


@shared_task(bind=True, acks_late=True, autoretry_for=(OSError,), retry_backoff=30, max_retries=5)
def send_call_decision_email(self, call_id: int) -> bool:
    return services.call_decision_email_send(call_id=call_id)
