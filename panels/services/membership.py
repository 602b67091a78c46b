"""Memberships and recruitment: terms, induction and expressions of interest (their answer deadline
and its chase are in panels/deadlines.py)."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from engagement.models import Customer, User
from engagement.services import notify

from ..deadlines import EOI_ANSWER_WORKING_DAYS, eoi_answer_due_on
from ..models import (
    INDUCTION_CHECKLIST,
    EoiStatus,
    ExpressionOfInterest,
    InductionItem,
    Membership,
    MembershipRole,
    Panel,
    PanelKind,
)
from .contact import _staff_for, customer_tell


def membership_create(
    *,
    panel: Panel,
    customer: Customer,
    role: str = MembershipRole.MEMBER,
    starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
    estates=(),
) -> Membership:
    """Put a customer on a panel for a term, with the induction checklist to work through."""
    starts_on = starts_on or timezone.localdate()
    if ends_on is None and panel.term_years:
        ends_on = starts_on.replace(year=starts_on.year + panel.term_years) - datetime.timedelta(days=1)
    if role == MembershipRole.CHAMPION and panel.kind != PanelKind.ESTATE_CHAMPIONS:
        raise ValidationError({"role": "Only the Estate Champions panel has estate champions."})
    if role == MembershipRole.CHAMPION and not estates:
        raise ValidationError({"estates": "Choose the estates this champion will look after."})
    if Membership.objects.current(starts_on).filter(panel=panel, customer=customer).exists():
        raise ValidationError(f"{customer.full_name} is already a member of {panel}.")
    membership = Membership(panel=panel, customer=customer, role=role, starts_on=starts_on, ends_on=ends_on)
    membership.full_clean()
    membership.save()
    if estates:
        membership.estates.set(estates)
    InductionItem.objects.bulk_create(
        [InductionItem(membership=membership, position=n, title=title) for n, title in enumerate(INDUCTION_CHECKLIST)]
    )
    return membership


def membership_end(*, membership: Membership, ends_on: datetime.date) -> Membership:
    if ends_on < membership.starts_on:
        raise ValidationError({"ends_on": "The term cannot end before it started."})
    membership.ends_on = ends_on
    membership.save(update_fields=["ends_on"])
    return membership


def induction_item_mark(*, item: InductionItem, done: bool, by: User, today: datetime.date | None = None) -> None:
    item.done_on = (today or timezone.localdate()) if done else None
    item.done_by = by if done else None
    item.save(update_fields=["done_on", "done_by"])


def eoi_submit(
    *,
    panel: Panel,
    customer: Customer,
    availability: list[str],
    communication_needs: str = "",
    why: str = "",
    recorded_by: User | None = None,
    today: datetime.date | None = None,
) -> tuple[ExpressionOfInterest, bool]:
    """Record an expression of interest; returns (eoi, created).

    Asking again while the first is still waiting returns the first (a double submit or a
    second phone call is not a second request).
    """
    today = today or timezone.localdate()
    if not panel.is_active or not panel.recruiting:
        raise ValidationError({"panel": f"{panel} is not recruiting at the moment."})
    if Membership.objects.current(today).filter(panel=panel, customer=customer).exists():
        raise ValidationError({"panel": f"{customer.full_name} is already a member of {panel}."})
    existing = ExpressionOfInterest.objects.awaiting().filter(panel=panel, customer=customer).first()
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            eoi = ExpressionOfInterest.objects.create(
                panel=panel,
                customer=customer,
                availability=list(availability),
                communication_needs=communication_needs,
                why=why,
                submitted_on=today,
                answer_due_on=eoi_answer_due_on(today),
                recorded_by=recorded_by,
            )
    except IntegrityError:
        # Two requests raced past the check above; the unique constraint kept one.
        return ExpressionOfInterest.objects.awaiting().get(panel=panel, customer=customer), False
    for person in _staff_for(panel):
        notify(
            person,
            title=f"{customer.full_name} would like to join {panel}",
            body=f"Please answer by {eoi.answer_due_on:%A %-d %B} ({EOI_ANSWER_WORKING_DAYS} working days).",
            url=eoi.get_absolute_url(),
        )
    return eoi, True


def eoi_answer(
    *,
    eoi: ExpressionOfInterest,
    accept: bool,
    by: User,
    note: str = "",
    role: str = MembershipRole.MEMBER,
    estates=(),
    today: datetime.date | None = None,
) -> ExpressionOfInterest:
    """Accept (a membership with its induction checklist) or decline (with a reason) once."""
    today = today or timezone.localdate()
    note = note.strip()
    if not accept and not note:
        raise ValidationError({"note": "Say why, so we can explain it to the customer."})
    with transaction.atomic():
        claimed = ExpressionOfInterest.objects.filter(pk=eoi.pk, status=EoiStatus.AWAITING).update(
            status=EoiStatus.ACCEPTED if accept else EoiStatus.DECLINED,
            answered_on=today,
            answered_by=by,
            answer_note=note,
        )
        if not claimed:
            raise ValidationError("This expression of interest has already been answered.")
        eoi.refresh_from_db()
        if accept:
            eoi.membership = membership_create(
                panel=eoi.panel, customer=eoi.customer, role=role, starts_on=today, estates=estates
            )
            eoi.save(update_fields=["membership"])
            title = f"Welcome to {eoi.panel}"
            body = (
                f"Thank you for offering your time. {eoi.panel.officer or 'The Customer Engagement Team'} "
                "will call you to go through your induction."
            )
        else:
            title = f"Your request to join {eoi.panel}"
            body = f"Thank you for your interest. We cannot offer you a place at the moment: {note}"
        customer_tell(customer=eoi.customer, key=f"eoi:{eoi.pk}", title=title, body=body, url=reverse("home"))
    return eoi
