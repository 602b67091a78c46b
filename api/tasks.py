"""Celery tasks: thin wrappers over the API app's services."""

from celery import shared_task

from . import services


@shared_task(acks_late=True)
def prune_api_calls() -> int:
    return services.api_calls_prune()
