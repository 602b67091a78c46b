"""Expense claims: mileage at the rate, receipts above £10, decisions with reasons, told to the claimant."""

import datetime
import uuid
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from engagement.models import Notification
from panels import services
from panels.factories import ExpenseClaimFactory, pdf_file
from panels.models import ExpenseClaim, ExpenseStatus

pytestmark = pytest.mark.django_db
D = datetime.date
TODAY = D(2026, 3, 20)


def _submit(customer, **fields):
    fields.setdefault("incurred_on", D(2026, 3, 12))
    fields.setdefault("description", "CVG meeting")
    return services.expense_claim_submit(customer=customer, today=TODAY, **fields)


def test_mileage_is_paid_at_45p_a_mile_to_the_penny_without_a_receipt(customer):
    claim, _ = _submit(customer, kind="mileage", miles=Decimal("23.5"))
    assert claim.amount == Decimal("10.58")  # 23.5 × £0.45 = £10.575, rounded half up
    assert claim.mileage_rate == Decimal("0.45") and not claim.receipt


@pytest.mark.parametrize(
    ("amount", "needs_receipt"), [(Decimal("9.99"), False), (Decimal("10.00"), False), (Decimal("10.01"), True)]
)
def test_a_receipt_is_needed_only_above_ten_pounds(amount, needs_receipt):
    assert services.receipt_required(kind="childcare", amount=amount) is needs_receipt


def test_a_claim_over_the_threshold_without_a_receipt_is_refused_with_a_reason(customer):
    with pytest.raises(ValidationError) as problem:
        _submit(customer, kind="childcare", amount=Decimal("24.00"))
    assert "receipt" in problem.value.message_dict
    claim, _ = _submit(customer, kind="childcare", amount=Decimal("24.00"), receipt=pdf_file("receipt.pdf"))
    assert claim.status == ExpenseStatus.SUBMITTED


def test_claims_need_miles_or_an_amount_and_a_date_not_in_the_future(customer):
    with pytest.raises(ValidationError) as problem:
        _submit(customer, kind="mileage", incurred_on=D(2026, 3, 21))
    assert set(problem.value.message_dict) == {"incurred_on", "miles"}
    with pytest.raises(ValidationError) as problem:
        _submit(customer, kind="loss_of_earnings", amount=Decimal("0"))
    assert set(problem.value.message_dict) == {"amount"}


def test_the_same_form_sent_twice_makes_one_claim(customer):
    token = uuid.uuid4()
    first, created = _submit(customer, kind="travel", amount=Decimal("4.80"), form_token=token)
    second, again = _submit(customer, kind="travel", amount=Decimal("4.80"), form_token=token)
    assert created and not again and first.pk == second.pk


def test_a_token_already_on_another_customers_claim_is_refused_never_answered_with_their_claim(
    customer, other_customer
):
    token = uuid.uuid4()
    theirs, _ = _submit(other_customer, kind="travel", amount=Decimal("4.80"), form_token=token)
    with pytest.raises(ValidationError, match="already been used"):
        _submit(customer, kind="travel", amount=Decimal("6.20"), form_token=token)
    assert list(ExpenseClaim.objects.all()) == [theirs]


def test_a_rejection_needs_a_reason_and_the_claimant_is_told(customer, officer):
    claim = ExpenseClaimFactory(customer=customer)
    with pytest.raises(ValidationError, match="reason"):
        services.expense_claim_decide(claim=claim, approve=False, by=officer)
    services.expense_claim_decide(claim=claim, approve=False, by=officer, reason="The meeting was online.")
    claim.refresh_from_db()
    assert claim.status == ExpenseStatus.REJECTED and claim.decided_by == officer
    note = Notification.objects.get(user=customer.user)
    assert note.title == "Expense claim not approved: £4.80" and "online" in note.body


def test_a_claim_is_decided_once(customer, officer, manager):
    claim = ExpenseClaimFactory(customer=customer)
    services.expense_claim_decide(claim=claim, approve=True, by=officer)
    with pytest.raises(ValidationError, match="already been decided"):
        services.expense_claim_decide(claim=claim, approve=False, by=manager, reason="No")
    claim.refresh_from_db()
    assert claim.status == ExpenseStatus.APPROVED
    assert Notification.objects.filter(user=customer.user).count() == 1
