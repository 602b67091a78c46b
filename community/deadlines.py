"""The community app's deadline: every Community Call for Action is answered.

Rule: the scrutiny panel decides a call within 20 working days of receiving it (the portal's
rule; seed 002 has the QIP's form "available on the Trafford Housing Trust website" but gives no
time: four working weeks lets a panel consider it at its next meeting). The panel's supporting
officer owes it; with no officer, the managers do. Chased by the one deadline engine.
"""

from __future__ import annotations

import datetime

from engagement.deadlines import ChasePolicy
from engagement.deadlines.kinds import standard_notice, stored_date_kind
from engagement.registry import register_deadline_kind
from engagement.workdays import add_working_days

CALL_DECISION_WORKING_DAYS = 20
CALL_POLICY = ChasePolicy(remind_before=5, escalate_after=2, repeat_every=5)
CALL_RULE = (
    f"The scrutiny panel decides a Community Call for Action, with its reasons, within "
    f"{CALL_DECISION_WORKING_DAYS} working days, and the customer is told (the portal's rule)."
)


def call_decision_due_on(received_on: datetime.date) -> datetime.date:
    return add_working_days(received_on, CALL_DECISION_WORKING_DAYS)


def _open_calls():
    from .models import CallForAction

    return CallForAction.objects.awaiting()


def _describe_call(call) -> dict:
    return {
        "what": f"Call for action: {call.issue}",
        "owner": call.panel.officer,
        "url": call.get_absolute_url(),
        "place": call.estate.name if call.estate_id else "",
    }


CALL_DECISION = register_deadline_kind(
    stored_date_kind(
        key="call_for_action",
        label="Community Call for Action: decision",
        rule=CALL_RULE,
        policy=CALL_POLICY,
        open_records=_open_calls,
        due_field="decision_due_on",
        owner_lookup="panel__officer",
        patch_lookup="estate__patch",
        related=("panel__officer", "estate"),
        describe=_describe_call,
        notice=standard_notice(
            subject="Call for action decision",
            owed="record the panel's decision and reasons on the call for action",
            rule=CALL_RULE,
            policy=CALL_POLICY,
        ),
        owner_label="supporting officer",
        order=75,
    )
)
