"""The one way the portal queues background work: recorded in the database first (the outbox).

A change that needs background work (an email, an invitation, a board report) calls `enqueue`
inside its transaction. That stores a `PendingTask` row with the change, so a rolled-back change
queues nothing and a committed one can never lose its work. After the commit the task goes to the
broker with the row's id as its Celery task id; a broker that is down is logged, never raised
into the request that saved the data. The row is deleted when the task succeeds (the
`task_postrun` signal below). Whatever is still there after SWEEP_AFTER, because the broker was
down or a worker was lost, is run by `pending_tasks_sweep` (a beat job every 10 minutes) once the
broker is back: each row claimed by one sweep with a conditional UPDATE. Every task claims its
own effect (a unique row or a conditional UPDATE), so a message that turns up late as well as
the sweep's run still does the work once.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable

from celery import current_app
from celery.signals import task_postrun
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.db.models import F, Q
from django.utils import timezone

from .models import PendingTask

logger = logging.getLogger(__name__)

SWEEP_AFTER = datetime.timedelta(minutes=10)  # longer than a queued task normally waits
SWEEP_BATCH = 500
MAX_ATTEMPTS = 12  # two hours of sweeps; then the row stays, with its error, for IT to see


def enqueue(task, *args) -> PendingTask:
    """Record `task(*args)` with the current transaction and queue it once that commits."""
    return enqueue_many(task, [args])[0]


def enqueue_many(task, calls: Iterable[Iterable]) -> list[PendingTask]:
    """Record one `task(*args)` for each args in `calls` (one INSERT) and queue them after commit."""
    rows = PendingTask.objects.bulk_create([PendingTask(task=task.name, args=list(args)) for args in calls])
    if rows:
        transaction.on_commit(lambda: _send(task, rows))
    return rows


def _send(task, rows: list[PendingTask]) -> None:
    for index, row in enumerate(rows):
        try:
            task.apply_async(args=row.args, task_id=str(row.pk))
        except Exception:  # noqa: BLE001 - any broker failure: the work is recorded, the sweep finishes it
            logger.warning(
                "Could not queue %s (%s of them); the sweep will run it once the broker is back",
                task.name,
                len(rows) - index,
                exc_info=True,
            )
            return


@task_postrun.connect(dispatch_uid="engagement.outbox.forget_done")
def _forget_done(task_id=None, state=None, **kwargs) -> None:
    """A task that succeeded has done its work: its outbox row (if it had one) goes."""
    if state != "SUCCESS" or not task_id:
        return
    try:
        PendingTask.objects.filter(pk=task_id).delete()
    except (ValidationError, ValueError):
        pass  # not an outbox task id (beat jobs, tasks queued by hand)
    except DatabaseError:
        logger.warning("Could not forget finished task %s; the sweep will find it done", task_id, exc_info=True)


def _claimable(cutoff: datetime.datetime):
    return Q(claimed_at__isnull=True) | Q(claimed_at__lt=cutoff)


def pending_tasks_sweep(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Run the recorded tasks that were never queued or never finished, oldest first.

    Each row is claimed with a conditional UPDATE, so two sweeps never run one row; the task is
    called in this process (the broker may have lost it) and its row deleted when it returns.
    A task that fails is released for the next sweep, up to MAX_ATTEMPTS. Returns counts.
    """
    now = now or timezone.now()
    cutoff = now - SWEEP_AFTER
    due = list(
        PendingTask.objects.filter(_claimable(cutoff), created_at__lt=cutoff, attempts__lt=MAX_ATTEMPTS)
        .order_by("created_at")
        .values_list("pk", flat=True)[:SWEEP_BATCH]
    )
    counts = {"ran": 0, "failed": 0}
    for pk in due:
        claimed = PendingTask.objects.filter(_claimable(cutoff), pk=pk).update(
            claimed_at=now, attempts=F("attempts") + 1
        )
        row = PendingTask.objects.filter(pk=pk).first() if claimed else None
        if row is None:
            continue  # another sweep has it, or its task has just finished
        try:
            task = current_app.tasks[row.task]
            task(*row.args)
        except Exception as error:  # noqa: BLE001 - one failing task never stops the others
            log = logger.error if row.attempts >= MAX_ATTEMPTS else logger.warning
            log("Pending task %s failed (attempt %s)", row, row.attempts, exc_info=True)
            PendingTask.objects.filter(pk=pk).update(claimed_at=None, last_error=repr(error)[:2000])
            counts["failed"] += 1
            continue
        PendingTask.objects.filter(pk=pk).delete()
        counts["ran"] += 1
    return counts
