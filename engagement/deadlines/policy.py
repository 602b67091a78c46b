"""When a deadline is chased: one schedule, declared per kind of deadline as a `ChasePolicy`.

The rule, for every kind (each app declares its numbers next to its deadline rule, in
`<app>/deadlines.py`):

- Notices go out on **working days only** (England & Wales: no weekends, no bank holidays; see
  `engagement.workdays`). A notice that would fall on a non-working day waits for the next run on a
  working day, and a run on a non-working day sends nothing.
- **Reminder**: from `remind_before` working days before the due date up to the due date itself
  (so a run missed on the first day still reminds the next working day). No reminder when
  `remind_before` is None.
- **Overdue notice**: once the due date has passed, while the deadline is fewer than
  `escalate_after` working days overdue (to the owner).
- **Escalation**: when the deadline is `escalate_after` working days overdue, to the owner and the
  managers; then again every `repeat_every` working days while it stays open (the escalation's
  `period` is 1, 2, 3 …). No repeat when `repeat_every` is None; no escalation when
  `escalate_after` is None (the overdue notice is then the last word).
- A run that was missed catches up with the step that applies on the day it does run, never with
  steps that are no longer true (a reminder for a date that has passed is not sent).
- Every notice is claimed by a unique row (kind, record, due date, step, period) before anyone is
  told, so a re-run, a retried task or two workers never send one twice; a new due date (an
  extension, a returned report) is a new deadline with notices of its own.

"Working days overdue" is counted as `engagement.workdays.working_days_between(due_on, today)`:
the first working day after the due date is 1 working day overdue.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import models

from engagement.workdays import add_working_days, is_working_day, working_days_between


class Step(models.TextChoices):
    REMINDER = "reminder", "Reminder"
    OVERDUE = "overdue", "Overdue notice"
    ESCALATION = "escalation", "Escalated to the manager"


@dataclass(frozen=True)
class ChasePolicy:
    remind_before: int | None = 1  # working days before the due date; 0 = on the day; None = no reminder
    escalate_after: int | None = 3  # working days overdue before the managers are told; None = never
    repeat_every: int | None = 5  # working days between repeated escalations; None = escalate once

    def __post_init__(self):
        for name in ("remind_before", "escalate_after", "repeat_every"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ValueError(f"{name} must not be negative")
        if self.escalate_after == 0 or self.repeat_every == 0:
            raise ValueError("escalate_after and repeat_every count whole working days (1 or more)")

    def step(self, *, due_on: datetime.date, today: datetime.date) -> tuple[str, int] | None:
        """The notice (step, period) due today for a deadline still open on `today`, if any."""
        if not is_working_day(today):
            return None
        if today <= due_on:
            if self.remind_before is not None and self.reminder_starts(due_on) <= today:
                return Step.REMINDER, 0
            return None
        overdue = working_days_between(due_on, today)
        if self.escalate_after is None or overdue < self.escalate_after:
            return Step.OVERDUE, 0
        if self.repeat_every is None:
            return Step.ESCALATION, 1
        return Step.ESCALATION, 1 + (overdue - self.escalate_after) // self.repeat_every

    def reminder_starts(self, due_on: datetime.date) -> datetime.date:
        return add_working_days(due_on, -(self.remind_before or 0))

    def looks_ahead(self, today: datetime.date) -> datetime.date:
        """The latest due date that may need a notice today (a reminder can start this early)."""
        return add_working_days(today, self.remind_before or 0)

    def describe(self) -> list[str]:
        """The schedule in plain words, for the rules page and the notices."""
        lines = []
        if self.remind_before is None:
            lines.append("No reminder before the due date.")
        elif self.remind_before == 0:
            lines.append("Reminder on the day it is due.")
        else:
            lines.append(f"Reminder {in_working_days(self.remind_before)} before it is due.")
        if self.escalate_after is None:
            lines.append("Overdue notice to the owner once the due date has passed; it is not escalated.")
        else:
            if self.escalate_after > 1:
                lines.append("Overdue notice to the owner on the first working day after the due date.")
            lines.append(f"Escalated to the managers when {in_working_days(self.escalate_after)} overdue.")
            if self.repeat_every:
                lines.append(f"Escalated again every {in_working_days(self.repeat_every)} while it stays overdue.")
        lines.append("Never on a weekend or bank holiday; never the same notice twice.")
        return lines


def in_working_days(days: int) -> str:
    """ "1 working day", "5 working days": how rules and notices say a number of working days."""
    return f"{days} working day{'' if days == 1 else 's'}"


def due_phrase(due_on: datetime.date | None, today: datetime.date) -> str:
    """How far off a deadline is, in working days: the one wording used everywhere."""
    if due_on is None:
        return ""
    if due_on == today:
        return "due today"
    days = working_days_between(today, due_on)
    if due_on > today:
        if days == 0:  # due on a weekend or bank holiday still to come
            return f"due {due_on:%A}"
        return "due next working day" if days == 1 else f"due in {in_working_days(days)}"
    overdue = -days
    if overdue == 0:  # due on a weekend or bank holiday that has just passed
        return "overdue"
    return f"{in_working_days(overdue)} overdue"
