"""The deadline of an action ("You said, we did") and how it is chased.

Rule: an action is due on the date agreed when it was set, the "realistic agreed timescale" of
an action plan (strategy 000, section 6.2: minutes and action plans of local forums), and stays
open until it is done or cancelled. Every source (activity reports, meetings, scrutiny, walks,
complaints, suggestions, champion surveys) records its actions as `Action`s, so this one kind
covers every action plan in the portal.

Chase: a reminder to the owner the working day before; an overdue notice once it is late;
escalation to the managers at 5 working days overdue, repeated every 5 working days.
"""

from __future__ import annotations

import datetime

from engagement.models import OPEN_ACTION_STATUSES, Action
from engagement.registry import Deadline, DeadlineKind, register_deadline_kind
from engagement.workdays import working_days_between

from .policy import ChasePolicy, Step

POLICY = ChasePolicy(remind_before=1, escalate_after=5, repeat_every=5)
RULE = "Due on the date agreed when the action was set (an action plan's agreed timescale, strategy section 6.2)."
KIND_KEY = "action"


def _short(text: str, length: int = 80) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def open_deadlines(*, due_by=None, owner=None, patch=None):
    qs = Action.objects.filter(status__in=OPEN_ACTION_STATUSES)
    if due_by is not None:
        qs = qs.filter(due_on__lte=due_by)
    if owner is not None:
        qs = qs.filter(owner=owner)
    if patch is not None:
        qs = qs.filter(estate__patch=patch)
    for action in qs.select_related("owner", "estate").only("pk", "we_will", "due_on", "owner", "estate__name"):
        yield Deadline(
            kind=KIND_KEY,
            object_id=action.pk,
            what=f"Action: {_short(action.we_will)}",
            due_on=action.due_on,
            owner=action.owner,
            url=action.get_absolute_url(),
            place=action.estate.name if action.estate_id else "All customers",
        )


def lock_open(ids: list[int]) -> dict[int, datetime.date]:
    rows = (
        Action.objects.select_for_update()
        .filter(pk__in=ids, status__in=OPEN_ACTION_STATUSES)
        .order_by("pk")
        .values_list("pk", "due_on")
    )
    return dict(rows)


def notice(deadline: Deadline, step: str, today: datetime.date) -> tuple[str, str]:
    due = f"{deadline.due_on:%A %-d %B %Y}"
    if step == Step.REMINDER:
        when = "today" if deadline.due_on == today else f"on {due}"
        return (
            f"Action due {when}: {deadline.what[8:]}",
            f"{deadline.what} ({deadline.place}) is due {when}. When it is done, record what we did: "
            'customers see it as "You said, we did".',
        )
    days = working_days_between(deadline.due_on, today)
    if step == Step.OVERDUE:
        return (
            f"Action overdue: {deadline.what[8:]}",
            f"{deadline.what} ({deadline.place}) was due on {due}. Please update it: record progress, agree a new "
            f"date or mark it done. At {POLICY.escalate_after} working days overdue it goes to the managers.",
        )
    return (
        f"Escalated: action {days} working days overdue: {deadline.what[8:]}",
        f"{deadline.what} ({deadline.place}), owned by {deadline.owner}, was due on {due} and is {days} working "
        f"days overdue. It is escalated again every {POLICY.repeat_every} working days until it is done.",
    )


KIND = register_deadline_kind(
    DeadlineKind(
        key=KIND_KEY,
        label="Action (You said, we did)",
        rule=RULE,
        policy=POLICY,
        open_deadlines=open_deadlines,
        lock_open=lock_open,
        notice=notice,
        owner_label="action owner",
        order=90,
    )
)
