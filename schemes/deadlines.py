"""Scheme obligations as deadlines, chased by the portal's one deadline engine.

Rule: each obligation is due on the last day of its period (a month, a quarter, May or November …;
`schemes/cadence.py`), or for an exit interview the set number of working days after the young
person left; it stays open until it is recorded as met (strategy 000, sections 2.2–2.4). Only
obligations whose period has begun are on the board: next February's meeting is not a deadline yet.

Chase (see `engagement.deadlines.policy`): a reminder 5 working days before the end of the period,
an overdue notice once it is missed, escalated to the managers at 5 working days overdue and again
every 10 working days while it is not recorded. The owner is the scheme's IHMO for meetings,
invitations and posters, the scheme's engagement officer for surveys; with neither, the managers.
"""

from __future__ import annotations

from django.utils import timezone

from engagement.deadlines import ChasePolicy
from engagement.deadlines.kinds import standard_notice, stored_date_kind
from engagement.registry import register_deadline_kind

POLICY = ChasePolicy(remind_before=5, escalate_after=5, repeat_every=10)
RULE = (
    "Due on the last day of its period (a month, a quarter, May or November, a year), or for an exit interview the "
    "set number of working days after the young person left (strategy sections 2.2–2.4)."
)
KIND_KEY = "scheme_obligation"


def _open_obligations():
    from .models import Obligation

    return Obligation.objects.open().filter(period_start__lte=timezone.localdate())


def _describe(obligation) -> dict:
    return {
        "what": f"{obligation.template.title}: {obligation.period_label}",
        "owner": obligation.owner,
        "url": obligation.get_absolute_url(),
        "place": obligation.scheme.name,
    }


KIND = register_deadline_kind(
    stored_date_kind(
        key=KIND_KEY,
        label="Scheme obligation",
        rule=RULE,
        policy=POLICY,
        open_records=_open_obligations,
        due_field="due_on",
        owner_lookup="owner",
        patch_lookup="scheme__patch",
        related=("owner", "scheme", "template"),
        describe=_describe,
        notice=standard_notice(
            subject="Scheme obligation",
            owed="do it and record it, with its evidence, on the scheme's compliance page",
            rule=RULE,
            policy=POLICY,
        ),
        owner_label="IHMO or scheme officer",
        order=80,
    )
)
