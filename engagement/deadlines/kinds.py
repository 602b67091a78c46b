"""Building blocks for kinds of deadline whose due date is a column (or an annotation) of the
records that owe it, with the notice wording most kinds share. An app describes its records; the
queries (filter in SQL, lock and re-read under the lock) are written once here."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.db.models import Count, F, QuerySet

from engagement.registry import Deadline, DeadlineKind
from engagement.workdays import working_days_between

from .policy import ChasePolicy, Step


def standard_notice(*, subject: str, owed: str, rule: str, policy: ChasePolicy) -> Callable:
    """Notice wording: `subject` names the deadline ("Minutes"), `owed` completes "Please … by <date>"."""

    def notice(deadline: Deadline, step: str, today: datetime.date) -> tuple[str, str]:
        due = f"{deadline.due_on:%A %-d %B %Y}"
        if step == Step.REMINDER:
            when = "today" if deadline.due_on == today else f"by {due}"
            return f"{subject} due {when}: {deadline.what}", f"Please {owed} {when}. {rule}"
        days = working_days_between(deadline.due_on, today)
        if step == Step.OVERDUE:
            return (
                f"{subject} overdue: {deadline.what}",
                f"Please {owed} today: it was due by {due}. {rule} At {policy.escalate_after} working days overdue "
                "it goes to the managers.",
            )
        return (
            f"Escalated: {subject.lower()} {days} working day{'s' if days != 1 else ''} overdue: {deadline.what}",
            f"{deadline.what} was due by {due} ({deadline.owner or 'no owner'}). {rule}",
        )

    return notice


def stored_date_kind(
    *,
    key: str,
    label: str,
    rule: str,
    policy: ChasePolicy,
    open_records: Callable[[], QuerySet],
    due_field: str,
    owner_lookup: str,
    patch_lookup: str,
    related: tuple[str, ...],
    describe: Callable[[object], dict],
    notice: Callable,
    owner_label: str,
    order: int,
) -> DeadlineKind:
    """A kind whose open records are `open_records()`, each due on its `due_field`.

    `describe(record)` gives the Deadline's what, owner, url and place; `owner_lookup` and
    `patch_lookup` are the lookups the board filters on (e.g. "panel__officer").
    """

    def _filtered(*, due_by=None, owner=None, patch=None):
        qs = open_records()
        if due_by is not None:
            qs = qs.filter(**{f"{due_field}__lte": due_by})
        if owner is not None:
            qs = qs.filter(**{owner_lookup: owner})
        if patch is not None:
            qs = qs.filter(**{patch_lookup: patch})
        return qs

    def open_deadlines(*, due_by=None, owner=None, patch=None):
        for record in _filtered(due_by=due_by, owner=owner, patch=patch).select_related(*related):
            yield Deadline(kind=key, object_id=record.pk, due_on=getattr(record, due_field), **describe(record))

    def lock_open(ids: list[int]) -> dict[int, datetime.date]:
        model = open_records().model
        # Lock the rows first (in key order, so two runs never deadlock), then read what is still open.
        list(model.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk", flat=True))
        return dict(open_records().filter(pk__in=ids).values_list("pk", due_field))

    def open_keys(*, due_by=None, owner=None, patch=None):
        return (
            _filtered(due_by=due_by, owner=owner, patch=patch)
            .order_by()
            .values(board_id=F("pk"), board_due=F(due_field))
        )

    def deadlines_by_id(ids) -> list[Deadline]:
        return [
            Deadline(kind=key, object_id=record.pk, due_on=getattr(record, due_field), **describe(record))
            for record in open_records().filter(pk__in=ids).select_related(*related)
        ]

    def overdue_counts(today: datetime.date) -> dict:
        rows = open_records().filter(**{f"{due_field}__lt": today}).order_by().values(owner_lookup)
        return {row[owner_lookup]: row["n"] for row in rows.annotate(n=Count("pk"))}

    return DeadlineKind(
        key=key,
        label=label,
        rule=rule,
        policy=policy,
        open_deadlines=open_deadlines,
        lock_open=lock_open,
        notice=notice,
        owner_label=owner_label,
        order=order,
        overdue_counts=overdue_counts,
        open_keys=open_keys,
        deadlines_by_id=deadlines_by_id,
    )
