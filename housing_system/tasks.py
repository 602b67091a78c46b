"""Celery wrapper for the nightly sync (housing_system.sync)."""

from celery import shared_task


@shared_task(acks_late=True)
def sync_housing_system() -> str:
    from .sync import housing_system_sync

    return housing_system_sync().summary
