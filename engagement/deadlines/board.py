"""The overdue board: every open deadline in the portal, whatever app owns it, on one clock.

Each kind filters in SQL (owner, patch, due date); the rows are merged and sorted here. The work
is proportional to the open deadlines, not to all records.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from engagement.registry import DEADLINE_KINDS, Deadline, DeadlineKind
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


def chase_history(*, kind: str, object_id: int):
    """The notices sent about one record's deadlines, oldest first, with who was told (2 queries)."""
    from engagement.models import ChaseNotice

    return ChaseNotice.objects.filter(kind=kind, object_id=object_id).prefetch_related("recipients")
