"""Celery wrapper for the nightly sync (housing_system.sync)."""

from celery import shared_task


@shared_task(acks_late=True)
def sync_housing_system() -> str:
    from .sync import housing_system_sync

    return housing_system_sync().summary


@shared_task(acks_late=True)
def check_import_run(run_id: int) -> None:
    from .services import import_dry_run_queued

    import_dry_run_queued(run_id=run_id)


@shared_task(acks_late=True)
def commit_import_run(run_id: int) -> None:
    from django.core.exceptions import ValidationError

    from .models import ImportRun
    from .services import import_commit

    try:
        import_commit(run=ImportRun.objects.get(pk=run_id))
    except ValidationError:
        pass  # saved already (a redelivered task) or no longer checked: nothing to do
