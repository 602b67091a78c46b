"""The one daily chase: every registered kind of deadline, one policy each, each notice once.

For each kind: one query for the open deadlines that may need a notice today (`open_deadlines`
with `due_by` = the furthest a reminder looks ahead), the schedule (`ChasePolicy.step`) in Python,
one query for notices already claimed, then batches of up to `BATCH` notices, each in one
transaction: lock the records and re-check they are still open with the same due date, claim the
notices with one INSERT … ON CONFLICT DO NOTHING (read back by the batch's token), record the
recipients and create the notifications in bulk. Emails are queued after commit, a batch per
task. The work is O(deadlines due or overdue), never O(all records).
"""

from __future__ import annotations

import datetime
import logging
import uuid
from collections import Counter
from collections.abc import Iterable

from django.db import DataError, IntegrityError, transaction
from django.utils import timezone

from engagement.models import ChaseNotice, Notification, User
from engagement.registry import DEADLINE_KINDS, Deadline, DeadlineKind
from engagement.services import notify_many
from engagement.workdays import is_working_day

from .policy import Step

logger = logging.getLogger(__name__)

BATCH = 500
# Errors a record's own data causes (an absurd value, a broken constraint). A database that is down
# (OperationalError) is not one of them: it propagates, and the task retries later.
BAD_RECORD = (DataError, IntegrityError)


def _chunks(items: list, size: int) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def recipients_for(*, deadline: Deadline, step: str, managers: list[User]) -> list[User]:
    """Who hears: the owner; the managers too on escalation, or instead when there is no owner."""
    owner = deadline.owner if deadline.owner is not None and deadline.owner.is_active else None
    people = [owner] if owner else []
    if step == Step.ESCALATION or owner is None:
        people += [manager for manager in managers if owner is None or manager.pk != owner.pk]
    return people


# No open deadline in the portal is this old: a due date further back is a bad record (a typo
# such as 0001 for 2026, or a row written around the forms). It is logged and skipped, never
# chased with a notice "527,592 working days overdue".
OLDEST_CHASED = datetime.timedelta(days=3653)  # ten years


def _due_notices(kind: DeadlineKind, today: datetime.date) -> tuple[list[tuple[Deadline, str, int]], int]:
    """The notices due today that nobody has claimed yet, and how many records were skipped as bad."""
    due, bad = [], 0
    oldest = today - OLDEST_CHASED
    for deadline in kind.open_deadlines(due_by=kind.policy.looks_ahead(today)):
        try:
            if deadline.due_on < oldest:
                raise ValueError(f"due on {deadline.due_on.isoformat()}, more than ten years ago")
            step = kind.policy.step(due_on=deadline.due_on, today=today)
        except (ArithmeticError, ValueError) as error:
            logger.error("Skipped %s %s, a bad record: %s", kind.key, deadline.object_id, error)
            bad += 1
            continue
        if step is not None:
            due.append((deadline, *step))
    if not due:
        return [], bad
    already: set[tuple] = set()
    for chunk in _chunks(sorted({deadline.object_id for deadline, _, _ in due}), 1000):
        already.update(
            ChaseNotice.objects.filter(kind=kind.key, object_id__in=chunk).values_list(
                "object_id", "due_on", "step", "period"
            )
        )
    return [item for item in due if (item[0].object_id, item[0].due_on, item[1], item[2]) not in already], bad


def _claim_and_send(
    kind: DeadlineKind, batch: list[tuple[Deadline, str, int]], *, today: datetime.date, managers: list[User]
) -> Counter:
    sent: Counter = Counter()
    with transaction.atomic():
        # Done, cancelled or given a new date since it was read: no notice for the old deadline.
        current = kind.lock_open(sorted({deadline.object_id for deadline, _, _ in batch}))
        live = [item for item in batch if current.get(item[0].object_id) == item[0].due_on]
        if not live:
            return sent
        token = uuid.uuid4()
        ChaseNotice.objects.bulk_create(
            [
                ChaseNotice(
                    kind=kind.key,
                    object_id=deadline.object_id,
                    due_on=deadline.due_on,
                    step=step,
                    period=period,
                    sent_on=today,
                    batch=token,
                )
                for deadline, step, period in live
            ],
            ignore_conflicts=True,
        )
        won = {
            (object_id, due_on, step, period): pk
            for pk, object_id, due_on, step, period in ChaseNotice.objects.filter(batch=token).values_list(
                "pk", "object_id", "due_on", "step", "period"
            )
        }
        messages, recipient_rows = [], []
        for deadline, step, period in live:
            notice_pk = won.get((deadline.object_id, deadline.due_on, step, period))
            if notice_pk is None:  # another run claimed it first
                continue
            title, body = kind.notice(deadline, step, today)
            for person in recipients_for(deadline=deadline, step=step, managers=managers):
                messages.append((person, title, body, deadline.url))
                recipient_rows.append(ChaseNotice.recipients.through(chasenotice_id=notice_pk, user_id=person.pk))
            sent[step] += 1
        ChaseNotice.recipients.through.objects.bulk_create(recipient_rows)
        notify_many(messages)
    return sent


def deadline_kind_chase(*, kind: DeadlineKind, today: datetime.date, managers: list[User] | None = None) -> Counter:
    """Chase one kind of deadline for `today`; returns notices sent by step."""
    sent: Counter = Counter()
    if not is_working_day(today):
        return sent
    if managers is None:
        managers = list(User.objects.managers())
    due, bad = _due_notices(kind, today)
    if bad:
        sent["failed"] += bad
    for batch in _chunks(due, BATCH):
        try:
            sent.update(_claim_and_send(kind, batch, today=today, managers=managers))
        except BAD_RECORD:
            # One bad record must not stop everyone's chase: send this batch one by one, so only
            # the record that fails is left out (and logged), and the rest go out today.
            for item in batch:
                try:
                    sent.update(_claim_and_send(kind, [item], today=today, managers=managers))
                except BAD_RECORD:
                    logger.exception("Could not chase %s %s (due %s)", kind.key, item[0].object_id, item[0].due_on)
                    sent["failed"] += 1
    return sent


def deadlines_chase(*, today: datetime.date | None = None) -> dict[str, int]:
    """The daily job: every kind of deadline. Returns {"<kind>.<step>": notices sent}."""
    today = today or timezone.localdate()
    result: dict[str, int] = {}
    if not is_working_day(today):
        return result
    managers = list(User.objects.managers())
    for kind in DEADLINE_KINDS.values():
        try:
            sent = deadline_kind_chase(kind=kind, today=today, managers=managers)
        except BAD_RECORD:
            # A kind whose own query fails on its data does not stop the other kinds; it is logged and counted.
            logger.exception("Could not read the open deadlines of %s", kind.key)
            sent = Counter(failed=1)
        for step, count in sent.items():
            result[f"{kind.key}.{step}"] = count
    if result:
        logger.info("Deadline chase on %s sent %s", today, result)
    return result


def notices_backfill(*, kind: DeadlineKind, deadline: Deadline, today: datetime.date, managers: list[User]) -> int:
    """Record the notices the daily job would have sent about one deadline up to `today` (in-app
    only, dated as sent at 07:30 each day). For demo data: running the chase afterwards finds
    nothing new to send. Returns the notices recorded."""

    day = kind.policy.reminder_starts(deadline.due_on) if kind.policy.remind_before is not None else deadline.due_on
    recorded = 0
    while day <= today:
        step = kind.policy.step(due_on=deadline.due_on, today=day)
        sent_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(7, 30)))
        if sent_at > timezone.now():
            break  # today's job has not run yet: a notice "sent" later today would read "0 minutes ago"
        if step is not None:
            notice, created = ChaseNotice.objects.get_or_create(
                kind=kind.key,
                object_id=deadline.object_id,
                due_on=deadline.due_on,
                step=step[0],
                period=step[1],
                defaults={"sent_on": day, "sent_at": sent_at},
            )
            if created:
                people = recipients_for(deadline=deadline, step=step[0], managers=managers)
                notice.recipients.set(people)
                title, body = kind.notice(deadline, step[0], day)
                Notification.objects.bulk_create(
                    Notification(
                        user=person,
                        title=title[:200],
                        body=body,
                        url=deadline.url,
                        created_at=sent_at,
                        email_wanted=False,
                        read_at=sent_at if day < today - datetime.timedelta(days=3) else None,
                    )
                    for person in people
                )
                recorded += 1
        day += datetime.timedelta(days=1)
    return recorded
