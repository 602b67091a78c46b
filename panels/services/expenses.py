"""Expense claims: what a claim is worth, submitting it once, and the decision."""

from __future__ import annotations

import datetime
import uuid
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from engagement.models import Customer, Role, User
from engagement.services import create_once
from engagement.uploads import PHOTOS_AND_PDFS, check_upload

from ..models import ExpenseClaim, ExpenseKind, ExpenseStatus, Meeting
from .contact import customer_tell

MILEAGE_RATE = Decimal("0.45")  # £ a mile: the HMRC approved rate for the first 10,000 miles
RECEIPT_THRESHOLD = Decimal("10.00")  # receipts are needed for any claim above this


def expense_amount(*, kind: str, miles: Decimal | None, amount: Decimal | None) -> Decimal:
    """What the claim is worth: miles at the mileage rate, to the penny, or the amount spent."""
    if kind == ExpenseKind.MILEAGE:
        return (Decimal(miles or 0) * MILEAGE_RATE).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return Decimal(amount or 0).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def receipt_required(*, kind: str, amount: Decimal) -> bool:
    """Receipts for anything above £10; mileage is paid on the miles, which have no receipt."""
    return kind != ExpenseKind.MILEAGE and amount > RECEIPT_THRESHOLD


def expense_claim_submit(
    *,
    customer: Customer,
    kind: str,
    incurred_on: datetime.date,
    description: str,
    miles: Decimal | None = None,
    amount: Decimal | None = None,
    receipt=None,
    meeting: Meeting | None = None,
    form_token: uuid.UUID | None = None,
    today: datetime.date | None = None,
) -> tuple[ExpenseClaim, bool]:
    """Check and record a claim; returns (claim, created). A resent form returns the first claim;
    a token on someone else's claim is refused (IntegrityError), never answered with their claim."""
    today = today or timezone.localdate()
    errors = {}
    if incurred_on > today:
        errors["incurred_on"] = "The date cannot be in the future."
    if kind == ExpenseKind.MILEAGE:
        if not miles or miles <= 0:
            errors["miles"] = "Give the number of miles you travelled."
    elif not amount or amount <= 0:
        errors["amount"] = "Give the amount you spent, in pounds and pence."
    value = expense_amount(kind=kind, miles=miles, amount=amount)
    if not errors and receipt_required(kind=kind, amount=value) and not receipt:
        errors["receipt"] = f"Please attach a receipt: we need one for claims over £{RECEIPT_THRESHOLD}."
    if errors:
        raise ValidationError(errors)

    def build() -> ExpenseClaim:
        return ExpenseClaim.objects.create(
            customer=customer,
            kind=kind,
            incurred_on=incurred_on,
            description=description,
            meeting=meeting,
            miles=miles if kind == ExpenseKind.MILEAGE else None,
            mileage_rate=MILEAGE_RATE if kind == ExpenseKind.MILEAGE else None,
            amount=value,
            receipt=check_upload(receipt, accept=PHOTOS_AND_PDFS).file if receipt else "",
            form_token=form_token,
        )

    return create_once(ExpenseClaim, form_token=form_token, build=build, scope={"customer": customer})


def expense_claim_decide(
    *, claim: ExpenseClaim, approve: bool, by: User, reason: str = "", now: datetime.datetime | None = None
) -> ExpenseClaim:
    """Approve or reject a claim once, and tell the claimant; a rejection needs a reason."""
    reason = reason.strip()
    if not approve and not reason:
        raise ValidationError({"reason": "Give the reason, so the customer understands the decision."})
    if by.role not in {Role.OFFICER, Role.MANAGER, Role.ADMIN}:
        raise ValidationError("Only staff can decide expense claims.")
    with transaction.atomic():
        decided = ExpenseClaim.objects.filter(pk=claim.pk, status=ExpenseStatus.SUBMITTED).update(
            status=ExpenseStatus.APPROVED if approve else ExpenseStatus.REJECTED,
            decided_by=by,
            decided_at=now or timezone.now(),
            decision_reason=reason,
        )
        if not decided:
            raise ValidationError("This claim has already been decided.")
        claim.refresh_from_db()
        if approve:
            title = f"Expense claim approved: £{claim.amount}"
            body = f"Your claim for {claim.description} has been approved and will be paid."
        else:
            title = f"Expense claim not approved: £{claim.amount}"
            body = f"Your claim for {claim.description} was not approved: {reason}"
        customer_tell(
            customer=claim.customer,
            key=f"expense:{claim.pk}",
            title=title,
            body=f"{body}\n\n{reason if approve and reason else ''}".strip(),
            url=claim.get_absolute_url(),
        )
    return claim
