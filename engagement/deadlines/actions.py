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

import dataclasses

from engagement.models import OPEN_ACTION_STATUSES, Action
from engagement.registry import batch_cached, register_deadline_kind

from .kinds import standard_notice, stored_date_kind
from .policy import ChasePolicy

POLICY = ChasePolicy(remind_before=1, escalate_after=5, repeat_every=5)
RULE = "Due on the date agreed when the action was set (an action plan's agreed timescale, strategy section 6.2)."
KIND_KEY = "action"


def _short(text: str, length: int = 80) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def _describe(action: Action) -> dict:
    return {
        "what": _short(action.we_will),
        "owner": action.owner,
        "url": action.get_absolute_url(),
        "place": action.estate.name if action.estate_id else "All customers",
    }


def _overdue_counts(today) -> dict:
    """{owner id: actions overdue}: from the manager's actions-by-owner table (one query, shared
    within the dashboard)."""
    from engagement.services import action_counts_by_owner

    return {row["owner"]: row["overdue"] for row in batch_cached(action_counts_by_owner, today=today) if row["overdue"]}


_KIND = stored_date_kind(
    key=KIND_KEY,
    label="Action (You said, we did)",
    rule=RULE,
    policy=POLICY,
    open_records=lambda: Action.objects.filter(status__in=OPEN_ACTION_STATUSES),
    due_field="due_on",
    owner_lookup="owner",
    patch_lookup="estate__patch",
    related=("owner", "estate"),
    describe=_describe,
    notice=standard_notice(
        subject="Action",
        owed='do what we said and record what we did (customers see it as "You said, we did")',
        rule=RULE,
        policy=POLICY,
    ),
    owner_label="action owner",
    order=90,
)
KIND = register_deadline_kind(dataclasses.replace(_KIND, overdue_counts=_overdue_counts))
