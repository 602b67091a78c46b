"""Participatory budgeting: applications, the panel's scores and decisions, payments and outcomes.

The one rule that must never break: a panel's awards never add up to more than its budget, even
when two decisions are saved at the same moment (two officers at two screens after a meeting).
`application_decide` raises the budget's running total with one conditional UPDATE
(`… SET awarded = awarded + x WHERE awarded <= amount - x`), inside the transaction that decides
the application. PostgreSQL locks the row for the first UPDATE; the second waits, re-reads the
committed total and re-checks the WHERE, so it matches no row and the decision is refused and
rolled back. A database check (budget_never_overspent) backs this up whatever code runs.
"""

from __future__ import annotations

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone

from engagement.models import Customer, User
from engagement.services import create_once, notify
from panels.models import Meeting, MeetingStatus

from ..models import (
    ApplicationScore,
    ApplicationStatus,
    CommunityBudget,
    FundingApplication,
    FundingPriority,
    Payment,
)
from ..money import pounds


class BudgetRuleError(ValidationError):
    """A decision or payment the budget rules refuse; the message says why."""


def _panel_staff(panel) -> list[User]:
    if panel.officer_id and panel.officer.is_active:
        return [panel.officer]
    return list(User.objects.managers())


def application_submit(
    *,
    budget: CommunityBudget,
    priority: FundingPriority,
    title: str,
    purpose: str,
    outcomes: str,
    requested_pence: int,
    contact_name: str,
    contact_details: str,
    group_name: str = "",
    applicant: Customer | None = None,
    name_may_be_published: bool = False,
    recorded_by: User | None = None,
    form_token: uuid.UUID | None = None,
) -> tuple[FundingApplication, bool]:
    """Record an application for the panel to score and decide; returns (application, created)."""
    errors = {}
    if priority.budget_id != budget.pk:
        errors["priority"] = "Choose one of this panel's priorities."
    if requested_pence <= 0:
        errors["requested"] = "Give the amount you are asking for."
    elif requested_pence > budget.amount_pence:
        errors["requested"] = f"The panel's whole budget for the year is {pounds(budget.amount_pence)}."
    if errors:
        raise ValidationError(errors)

    def build() -> FundingApplication:
        application = FundingApplication.objects.create(
            budget=budget,
            priority=priority,
            title=title,
            purpose=purpose,
            outcomes=outcomes,
            requested_pence=requested_pence,
            contact_name=contact_name,
            contact_details=contact_details,
            group_name=group_name,
            applicant=applicant,
            name_may_be_published=name_may_be_published,
            recorded_by=recorded_by,
            form_token=form_token,
        )
        for person in _panel_staff(budget.panel):
            notify(
                person,
                title=f"New funding application for {budget.panel}: {title}",
                body=f"{pounds(requested_pence)} asked for, against priority {priority}.",
                url=application.get_absolute_url(),
            )
        return application

    scope = {"applicant": applicant} if applicant is not None else None
    return create_once(FundingApplication, form_token=form_token, build=build, scope=scope)


def application_score(*, application: FundingApplication, scores: dict[int, int], by: User) -> int:
    """Record the panel's score (0–3) against each of its priorities; returns the total."""
    if application.status != ApplicationStatus.SUBMITTED:
        raise BudgetRuleError("This application has been decided; its scores can no longer change.")
    priorities = set(application.budget.priorities.values_list("pk", flat=True))
    with transaction.atomic():
        for priority_id, score in scores.items():
            if priority_id not in priorities or not 0 <= score <= 3:
                raise BudgetRuleError("Score each of this panel's priorities from 0 to 3.")
            ApplicationScore.objects.update_or_create(
                application=application, priority_id=priority_id, defaults={"score": score, "scored_by": by}
            )
    return sum(application.scores.values_list("score", flat=True))


def application_decide(
    *,
    application: FundingApplication,
    award: bool,
    meeting: Meeting,
    reason: str,
    by: User,
    amount_pence: int = 0,
    today: datetime.date | None = None,
) -> FundingApplication:
    """Record the panel's decision at one of its meetings: fund it (all or part) or not.

    An award is refused when it would take the panel over its budget (see the module docstring)
    or when someone else has just decided the same application; either way nothing changes.
    """
    today = today or timezone.localdate()
    budget = application.budget
    if meeting.panel_id != budget.panel_id or meeting.status == MeetingStatus.CANCELLED:
        raise BudgetRuleError(f"Choose a meeting of {budget.panel} that was not cancelled.")
    if meeting.meets_on > today:
        raise BudgetRuleError("The panel decides at a meeting that has happened: choose a past meeting.")
    if not reason.strip():
        raise BudgetRuleError({"reason": "Give the panel's reasons: the applicant is told them."})
    if award and not 0 < amount_pence <= application.requested_pence:
        raise BudgetRuleError({"amount": f"Award between 1p and the {pounds(application.requested_pence)} asked for."})
    status = ApplicationStatus.AWARDED if award else ApplicationStatus.DECLINED
    with transaction.atomic():
        claimed = FundingApplication.objects.filter(pk=application.pk, status=ApplicationStatus.SUBMITTED).update(
            status=status,
            awarded_pence=amount_pence if award else 0,
            decided_at_meeting=meeting,
            decision_reason=reason.strip(),
            decided_on=today,
            decided_by=by,
        )
        if not claimed:
            raise BudgetRuleError("This application has just been decided by someone else; reload the page.")
        if award:
            spent = CommunityBudget.objects.filter(
                pk=budget.pk, awarded_pence__lte=F("amount_pence") - amount_pence
            ).update(awarded_pence=F("awarded_pence") + amount_pence)
            if not spent:
                budget.refresh_from_db()
                # Raised inside the transaction: the application's decision above is rolled back too.
                raise BudgetRuleError(
                    {
                        "amount": f"That would take {budget.panel} over its {budget.year_label} budget: "
                        f"{pounds(budget.remaining_pence)} is left of {pounds(budget.amount_pence)}."
                    }
                )
        application.refresh_from_db()
        if application.applicant_id and application.applicant.user_id:
            notify(
                application.applicant.user,
                title=f"{budget.panel} decided your application: {application.get_status_display().lower()}",
                body=application.decision_reason,
                url=application.get_absolute_url(),
            )
    return application


def payment_record(
    *,
    application: FundingApplication,
    amount_pence: int,
    by: User,
    paid_on: datetime.date | None = None,
    reference: str = "",
    form_token: uuid.UUID | None = None,
) -> tuple[Payment, bool]:
    """Record money paid out on an award; payments never add up to more than was awarded."""
    if application.status != ApplicationStatus.AWARDED:
        raise BudgetRuleError("Only an award can be paid.")

    def build() -> Payment:
        # Lock the award so two payments recorded at once are added up one after the other.
        locked = FundingApplication.objects.select_for_update().get(pk=application.pk)
        paid = locked.payments.aggregate(total=Sum("amount_pence"))["total"] or 0
        if amount_pence <= 0 or paid + amount_pence > locked.awarded_pence:
            raise BudgetRuleError({"amount": f"{pounds(locked.awarded_pence - paid)} of the award is left to pay."})
        return Payment.objects.create(
            application=locked,
            amount_pence=amount_pence,
            paid_on=paid_on or timezone.localdate(),
            reference=reference,
            recorded_by=by,
            form_token=form_token,
        )

    return create_once(Payment, form_token=form_token, build=build, scope={"application": application})


def application_outcomes_record(
    *, application: FundingApplication, outcomes_achieved: str, today: datetime.date | None = None
) -> FundingApplication:
    """What the money achieved, reported back by the group (monitored against the award)."""
    if application.status != ApplicationStatus.AWARDED:
        raise BudgetRuleError("Outcomes are recorded for awards only.")
    application.outcomes_achieved = outcomes_achieved.strip()
    application.outcomes_reported_on = today or timezone.localdate()
    application.save(update_fields=["outcomes_achieved", "outcomes_reported_on"])
    return application
