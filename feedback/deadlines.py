"""The Housing Ombudsman's Complaint Handling Code timescales, in working days (England & Wales).

Plain functions of dates, so every rule is tested on hand-worked calendars. A working-day count
starts the day after the event (the event's own day is day 0), as `add_working_days` does:
a complaint received on Friday 4 December 2026 is acknowledged by Friday 11 December.

Stage 1: acknowledge within 5 working days of receipt; respond within 10 working days of the
acknowledgement; an extension, with a reason, may add at most 10 working days to that date.
Stage 2: acknowledge within 5 working days of the escalation request; respond within 20 working
days of the acknowledgement; an extension may add at most 20 working days.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from engagement.workdays import add_working_days, is_working_day, working_days_between


@dataclass(frozen=True)
class StageRules:
    acknowledge_within: int
    respond_within: int
    max_extension: int


RULES = {
    1: StageRules(acknowledge_within=5, respond_within=10, max_extension=10),
    2: StageRules(acknowledge_within=5, respond_within=20, max_extension=20),
}


def acknowledgement_due(*, stage: int, start: datetime.date) -> datetime.date:
    """Acknowledgement deadline: `start` is the date received (stage 1) or the escalation request (stage 2)."""
    return add_working_days(start, RULES[stage].acknowledge_within)


def response_due(*, stage: int, acknowledged_on: datetime.date) -> datetime.date:
    """Response deadline, counted from the acknowledgement."""
    return add_working_days(acknowledged_on, RULES[stage].respond_within)


def provisional_response_due(*, stage: int, start: datetime.date) -> datetime.date:
    """Before acknowledgement: the response period counted from the acknowledgement deadline."""
    return response_due(stage=stage, acknowledged_on=acknowledgement_due(stage=stage, start=start))


def latest_extension(*, stage: int, response_due_on: datetime.date) -> datetime.date:
    """The furthest an extension may move the response date under the Code."""
    return add_working_days(response_due_on, RULES[stage].max_extension)


def extension_problem(
    *, stage: int, response_due_on: datetime.date, new_due_on: datetime.date, agreed_on: datetime.date
) -> str | None:
    """Why an extension is not allowed, or None if it is valid.

    It must be agreed before the original deadline has passed, move the date later, land on a
    working day and add no more than the Code's maximum working days.
    """
    if agreed_on > response_due_on:
        return (
            f"The response was due on {response_due_on:%-d %B %Y}; an extension must be agreed with the customer "
            "before the deadline passes."
        )
    if new_due_on <= response_due_on:
        return f"The new date must be after the current response date, {response_due_on:%-d %B %Y}."
    if not is_working_day(new_due_on):
        return "The new date must be a working day (not a weekend or bank holiday)."
    latest = latest_extension(stage=stage, response_due_on=response_due_on)
    if new_due_on > latest:
        return (
            f"At stage {stage} the Code allows at most {RULES[stage].max_extension} more working days: "
            f"the latest date is {latest:%-d %B %Y}."
        )
    return None


def working_days_taken(*, start: datetime.date, end: datetime.date) -> int:
    """Working days from receipt (or escalation) to response, as reported in 'average days to respond'."""
    return max(working_days_between(start, end), 0)


def reminder_deadline(*, due_on: datetime.date, today: datetime.date) -> bool:
    """Is a reminder for this deadline due today? From the working day before the deadline until the
    deadline itself (so a run missed on the day before still reminds on the day), working days only."""
    if not is_working_day(today) or today > due_on:
        return False
    return add_working_days(due_on, -1) <= today
