"""The overdue board: every open deadline in the portal, whatever app owns it, on one clock.

Each kind filters in SQL (owner, patch, due date); the rows are merged and sorted here. The work
is proportional to the open deadlines, not to all records.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from engagement.registry import DEADLINE_KINDS, Deadline, DeadlineKind, batch_cached
from engagement.workdays import working_days_between

from .policy import due_phrase


@dataclass(frozen=True)
class BoardRow:
    deadline: Deadline
    kind: DeadlineKind
    days_left: int  # working days until due; negative: working days overdue
    when: str  # "3 working days overdue", "due today", "due in 2 working days"
    is_overdue: bool  # the due date has passed (even when only a weekend has)

    # Flat attributes for the table and the CSV.
    @property
    def kind_label(self) -> str:
        return self.kind.label

    @property
    def what(self) -> str:
        return self.deadline.what

    @property
    def due_on(self) -> datetime.date:
        return self.deadline.due_on

    @property
    def owner_name(self) -> str:
        owner = self.deadline.owner
        return (owner.get_full_name() or owner.username) if owner is not None else "Managers (no owner)"

    @property
    def place(self) -> str:
        return self.deadline.place

    @property
    def url(self) -> str:
        return self.deadline.url


def deadlines_open(
    *,
    today: datetime.date,
    owner=None,
    patch=None,
    kinds: list[str] | None = None,
    due_by: datetime.date | None = None,
) -> list[BoardRow]:
    """Open deadlines, soonest (most overdue) first. `due_by` keeps those due on or before it."""
    rows = []
    for kind in DEADLINE_KINDS.values():
        if kinds and kind.key not in kinds:
            continue
        for deadline in kind.open_deadlines(due_by=due_by, owner=owner, patch=patch):
            rows.append(
                BoardRow(
                    deadline=deadline,
                    kind=kind,
                    days_left=working_days_between(today, deadline.due_on),
                    when=due_phrase(deadline.due_on, today),
                    is_overdue=deadline.due_on < today,
                )
            )
    rows.sort(key=lambda row: (row.deadline.due_on, row.kind.order, row.deadline.object_id))
    return rows


def deadlines_summary(rows: list[BoardRow]) -> dict:
    """Counts for a dashboard: overdue and open, by kind."""
    overdue = Counter(row.kind.key for row in rows if row.is_overdue)
    open_ = Counter(row.kind.key for row in rows)
    by_kind = [
        {"kind": kind, "open": open_[key], "overdue": overdue[key]}
        for key, kind in DEADLINE_KINDS.items()
        if open_[key]
    ]
    return {"open": len(rows), "overdue": sum(overdue.values()), "by_kind": by_kind}


def owner_summary(*, owner, today: datetime.date, soonest: int = 6) -> dict:
    """An officer's dashboard: how many deadlines they owe, how many are overdue, by kind, and the
    `soonest` due first, in a fixed number of queries (kinds with `owner_slice`) whatever they owe."""
    open_total = overdue_total = 0
    by_kind, rows = [], []
    for kind in DEADLINE_KINDS.values():
        if kind.owner_slice is not None:
            open_, overdue, deadlines = kind.owner_slice(owner, today, soonest)
        else:
            deadlines = sorted(kind.open_deadlines(owner=owner), key=lambda d: (d.due_on, d.object_id))
            open_, overdue = len(deadlines), sum(1 for d in deadlines if d.due_on < today)
            deadlines = deadlines[:soonest]
        if open_:
            by_kind.append({"kind": kind, "open": open_, "overdue": overdue})
            open_total, overdue_total = open_total + open_, overdue_total + overdue
        rows.extend(_row(deadline, kind, today) for deadline in deadlines)
    rows.sort(key=lambda row: (row.deadline.due_on, row.kind.order, row.deadline.object_id))
    return {"summary": {"open": open_total, "overdue": overdue_total, "by_kind": by_kind}, "soonest": rows[:soonest]}


def _row(deadline: Deadline, kind: DeadlineKind, today: datetime.date) -> BoardRow:
    return BoardRow(
        deadline=deadline,
        kind=kind,
        days_left=working_days_between(today, deadline.due_on),
        when=due_phrase(deadline.due_on, today),
        is_overdue=deadline.due_on < today,
    )


def overdue_summary(*, today: datetime.date) -> dict:
    """The manager's dashboard: overdue deadlines by kind and by owner (the ten with most), counted
    in SQL by the kinds that can (one query a kind, whatever the number of records), else from
    their open deadlines. Shaped like deadlines_summary, plus `by_owner`."""
    from engagement.models import User
    from engagement.services import staff_by_pk

    by_kind, by_owner = [], Counter()
    yesterday = today - datetime.timedelta(days=1)
    for kind in DEADLINE_KINDS.values():
        if kind.overdue_counts is not None:
            # Within a dashboard's batch a panel counting the same (the activities panel's overdue
            # reports by officer) reuses this count.
            counts = Counter(batch_cached(kind.overdue_counts, today))
        else:
            late = kind.open_deadlines(due_by=yesterday)
            counts = Counter(deadline.owner.pk if deadline.owner is not None else None for deadline in late)
        if counts:
            total = sum(counts.values())
            by_kind.append({"kind": kind, "open": total, "overdue": total})
            by_owner.update(counts)
    owners = batch_cached(staff_by_pk)
    missing = [pk for pk in by_owner if pk is not None and pk not in owners]
    if missing:  # an owner who is no longer staff (rare): read them too
        owners = {**owners, **User.objects.in_bulk(missing)}
    rows = []
    for pk, overdue in by_owner.items():
        owner = owners.get(pk)
        name = (owner.get_full_name() or owner.username) if owner is not None else "Managers (no owner)"
        rows.append({"owner": owner, "name": name, "overdue": overdue})
    rows.sort(key=lambda entry: (-entry["overdue"], entry["name"]))
    overdue = sum(row["overdue"] for row in by_kind)
    return {"summary": {"open": overdue, "overdue": overdue, "by_kind": by_kind}, "by_owner": rows[:10]}


def chase_history(*, kind: str, object_id: int):
    """The notices sent about one record's deadlines, oldest first, with who was told (2 queries)."""
    from engagement.models import ChaseNotice

    return ChaseNotice.objects.filter(kind=kind, object_id=object_id).prefetch_related("recipients")
