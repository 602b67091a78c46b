"""Meeting cadence: pure date arithmetic, no database.

A panel that meets every N months has "slots" at its anchor date plus N, 2N … months. The
portal proposes the next meetings from the last one held, and flags a panel whose next
meeting is more than a fortnight past its slot (venues and chairs move meetings by a week or
two; that is still keeping to the cadence).
"""

from __future__ import annotations

import calendar
import datetime

from engagement.workdays import is_working_day, next_working_day

GRACE_DAYS = 14


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, clamped to the end of a shorter month (31 Jan + 1 → 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def on_a_working_day(day: datetime.date) -> datetime.date:
    return day if is_working_day(day) else next_working_day(day)


def next_due_on(*, last_held_on: datetime.date, every_months: int) -> datetime.date:
    return add_months(last_held_on, every_months)


def propose_meetings(
    *, last_held_on: datetime.date | None, every_months: int, today: datetime.date, count: int = 3
) -> list[datetime.date]:
    """The next `count` meeting dates from the cadence, on working days, none before today.

    Counted from the last meeting held (or from today for a panel that has not met yet);
    slots already in the past are skipped, because they can no longer be offered.
    """
    if every_months < 1:
        return []
    base = last_held_on or today
    proposals: list[datetime.date] = []
    step = 1
    while len(proposals) < count:
        slot = on_a_working_day(add_months(base, every_months * step))
        if slot >= today:
            proposals.append(slot)
        step += 1
    return proposals


def missed_meeting_due_on(
    *,
    last_held_on: datetime.date | None,
    every_months: int | None,
    today: datetime.date,
    anchor: datetime.date | None = None,
    grace_days: int = GRACE_DAYS,
) -> datetime.date | None:
    """The date of the meeting the panel missed, or None if it is keeping to its cadence.

    Without a meeting held yet, the cadence counts from `anchor` (the panel's start).
    """
    if not every_months:
        return None
    base = last_held_on or anchor
    if base is None:
        return None
    due = next_due_on(last_held_on=base, every_months=every_months)
    return due if today > due + datetime.timedelta(days=grace_days) else None


def slots_between(
    *, anchor: datetime.date, every_months: int, start: datetime.date, end: datetime.date
) -> list[datetime.date]:
    """Cadence slots (anchor, anchor + N months, …) that fall within start..end inclusive."""
    if every_months < 1 or anchor > end:
        return []
    slots = []
    step = 0
    while (slot := add_months(anchor, every_months * step)) <= end:
        if slot >= start:
            slots.append(slot)
        step += 1
    return slots
