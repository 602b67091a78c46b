"""Customers on staff interview panels: briefing first, then scores with equal weight to staff's.

A candidate's total is the mean of every panel member's score (customers and staff alike, one
member one weight), so a panel of two staff and one customer gives the customer a third of it:
staff 18 and 20 and a customer's 14 make (18 + 20 + 14) / 3 = 17.33, not the staff's 19.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from engagement.models import Customer, User

from ..models import Candidate, CandidateScore, RecruitmentExercise, RecruitmentPanelist


def panelist_add(
    *, exercise: RecruitmentExercise, customer: Customer | None = None, staff_name: str = ""
) -> RecruitmentPanelist:
    if (customer is None) == (not staff_name.strip()):
        raise ValidationError("Choose an involved customer or name a member of staff (one of them).")
    try:
        with transaction.atomic():
            return RecruitmentPanelist.objects.create(
                exercise=exercise, customer=customer, staff_name=staff_name.strip()
            )
    except IntegrityError:
        raise ValidationError(f"{customer} is already on this panel.") from None


def panelist_brief(*, panelist: RecruitmentPanelist, by: User, on: datetime.date | None = None) -> RecruitmentPanelist:
    """Record the customer's briefing: their role, how to score, the key behaviours (seed 000 §4)."""
    panelist.briefed_on = on or timezone.localdate()
    panelist.briefed_by = by
    panelist.save(update_fields=["briefed_on", "briefed_by"])
    return panelist


def candidate_add(
    *, exercise: RecruitmentExercise, label: str, interviewed_on: datetime.date | None = None
) -> Candidate:
    try:
        with transaction.atomic():
            return Candidate.objects.create(exercise=exercise, label=label.strip(), interviewed_on=interviewed_on)
    except IntegrityError:
        raise ValidationError(f"There is already a candidate called {label}.") from None


def candidate_score_record(
    *, candidate: Candidate, panelist: RecruitmentPanelist, score: int, comments: str = ""
) -> CandidateScore:
    """One panel member's score for one candidate. A customer scores only once briefed."""
    exercise = candidate.exercise
    if panelist.exercise_id != exercise.pk:
        raise ValidationError("That person is not on this interview panel.")
    if panelist.is_customer and panelist.briefed_on is None:
        raise ValidationError(
            {"panelist": f"Brief {panelist} on their role and how to score before recording their scores."}
        )
    if not 0 <= score <= exercise.max_score:
        raise ValidationError({"score": f"Give a score from 0 to {exercise.max_score}."})
    row, _ = CandidateScore.objects.update_or_create(
        candidate=candidate, panelist=panelist, defaults={"score": score, "comments": comments.strip()}
    )
    return row


@dataclass(frozen=True)
class CandidateResult:
    candidate: Candidate
    total: Decimal | None  # the mean over every panel member who scored, to 2 places
    scored_by: int
    customer_mean: Decimal | None
    staff_mean: Decimal | None
    comments: list[tuple[str, str]]


def _mean(values: list[int]) -> Decimal | None:
    if not values:
        return None
    return (Decimal(sum(values)) / len(values)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def candidate_results(exercise: RecruitmentExercise) -> list[CandidateResult]:
    """Each candidate's total (the equal-weight mean; see the module docstring), best first."""
    scores = CandidateScore.objects.filter(candidate__exercise=exercise).select_related("panelist__customer")
    by_candidate: dict[int, list[CandidateScore]] = {}
    for row in scores:
        by_candidate.setdefault(row.candidate_id, []).append(row)
    results = []
    for candidate in exercise.candidates.all():
        rows = by_candidate.get(candidate.pk, [])
        results.append(
            CandidateResult(
                candidate=candidate,
                total=_mean([r.score for r in rows]),
                scored_by=len(rows),
                customer_mean=_mean([r.score for r in rows if r.panelist.is_customer]),
                staff_mean=_mean([r.score for r in rows if not r.panelist.is_customer]),
                comments=[(str(r.panelist), r.comments) for r in rows if r.comments],
            )
        )
    return sorted(results, key=lambda r: (r.total is None, -(r.total or 0), r.candidate.label))
