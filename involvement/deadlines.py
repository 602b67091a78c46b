"""The involvement app's deadline: a tenants' and residents' association's yearly renewal.

Rule: a recognised group renews each year at its annual general meeting (constitution, officers
and accounts checked), the date kept on the group (`Group.renewal_due_on`, set a year after each
renewal by `services.group_renew`). Seed 002 has the Trust support TRAs with "developing a
constitution" and ongoing support from the Neighbourhood Team; the yearly renewal and its chase
are the portal's rule. The supporting officer owes it; with none, the managers do.
"""

from __future__ import annotations

from engagement.deadlines import ChasePolicy
from engagement.deadlines.kinds import standard_notice, stored_date_kind
from engagement.registry import register_deadline_kind

RENEWAL_POLICY = ChasePolicy(remind_before=20, escalate_after=10, repeat_every=10)
RENEWAL_RULE = (
    "Renew a tenants' and residents' association's or forum's recognition every 12 months, at its AGM "
    "(constitution, officers and accounts checked; the portal's rule)."
)


def _open_groups():
    from .models import Group

    return Group.objects.filter(is_active=True, renewal_due_on__isnull=False)


def _describe(group) -> dict:
    return {
        "what": f"Renewal: {group.name}",
        "owner": group.officer,
        "url": group.get_absolute_url(),
        "place": group.patch.name if group.patch_id else "",
    }


GROUP_RENEWAL = register_deadline_kind(
    stored_date_kind(
        key="group_renewal",
        label="Residents' group: renewal",
        rule=RENEWAL_RULE,
        policy=RENEWAL_POLICY,
        open_records=_open_groups,
        due_field="renewal_due_on",
        owner_lookup="officer",
        patch_lookup="patch",
        related=("officer", "patch"),
        describe=_describe,
        notice=standard_notice(
            subject="A residents' group's renewal",
            owed="renew the group's recognition",
            rule=RENEWAL_RULE,
            policy=RENEWAL_POLICY,
        ),
        owner_label="supporting officer",
        order=70,
    )
)
