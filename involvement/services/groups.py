"""The TRA and forum register: officers, support given, constitution and yearly renewal."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from engagement.models import Customer, User
from engagement.uploads import CheckedUpload
from panels.cadence import add_months

from ..models import Group, GroupOfficer, GroupSupport, SupportKind

RENEWAL_MONTHS = 12


def group_officer_appoint(
    *, group: Group, role: str, since: datetime.date, customer: Customer | None = None, name: str = ""
) -> GroupOfficer:
    """A new chair, secretary or treasurer; whoever held the role until now stands down the day before."""
    if customer is None and not name.strip():
        raise ValidationError({"customer": "Choose the customer, or type the name of someone who is not one."})
    with transaction.atomic():
        for current in GroupOfficer.objects.select_for_update().filter(group=group, role=role, until__isnull=True):
            if current.since > since:
                raise ValidationError({"since": f"The current {current.get_role_display().lower()} started later."})
            current.until = since - datetime.timedelta(days=1) if current.since < since else since
            current.save(update_fields=["until"])
        return GroupOfficer.objects.create(
            group=group, role=role, customer=customer, name="" if customer else name.strip(), since=since
        )


def group_support_record(
    *, group: Group, kind: str, given_on: datetime.date, by: User, amount: Decimal | None = None, note: str = ""
) -> GroupSupport:
    """Support given to a group. Grant funding is always recorded with its amount."""
    if kind == SupportKind.GRANT and not amount:
        raise ValidationError({"amount": "Enter the amount of the grant, in pounds."})
    if amount is not None and amount < 0:
        raise ValidationError({"amount": "The amount cannot be negative."})
    return GroupSupport.objects.create(
        group=group, kind=kind, given_on=given_on, amount=amount, note=note, recorded_by=by
    )


def group_renew(*, group: Group, renewed_on: datetime.date) -> Group:
    """The group held its AGM and its recognition is renewed: the next renewal is a year later."""
    group.renewal_due_on = add_months(renewed_on, RENEWAL_MONTHS)
    group.save(update_fields=["renewal_due_on"])
    return group


def group_constitution_attach(*, group: Group, upload: CheckedUpload, adopted_on: datetime.date | None) -> Group:
    group.constitution = upload.file
    group.constitution_content_type = upload.content_type
    group.constitution_adopted_on = adopted_on
    group.save(update_fields=["constitution", "constitution_content_type", "constitution_adopted_on"])
    return group
