"""Inspection and mystery-shopping exercises: checklist, customers and their scores and expenses,
the report, and the service improvement plan (shared engagement Actions, source = the exercise)."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, Max
from django.utils import timezone

from engagement.models import Action, Customer, User
from engagement.services import action_create
from panels.models import ExpenseStatus
from panels.services import expense_claim_submit

from ..models import EXERCISE_ORDER, ChecklistItem, Exercise, ExerciseStatus, ItemScore, Participant


class ExerciseRuleError(ValidationError):
    """The exercise cannot move on yet, or a change it refuses; the message says why."""


def exercise_blockers(exercise: Exercise) -> list[str]:
    """What stops the exercise moving to its next stage (empty when it may move on)."""
    status = exercise.status
    problems = []
    if status == ExerciseStatus.PLANNING:
        if not exercise.scenario.strip():
            problems.append("Agree the scenario with the service first.")
        if not exercise.checklist.exists():
            problems.append("Add at least one checklist item.")
    elif status == ExerciseStatus.FIELDWORK:
        if not ItemScore.objects.filter(item__exercise=exercise).exists():
            problems.append("Record the customers' scores against the checklist.")
    elif status == ExerciseStatus.REPORTING:
        if not exercise.findings.strip() or not exercise.recommendation_list:
            problems.append("Write the findings and at least one recommendation.")
        if not Action.objects.from_source(exercise).exists():
            problems.append("Add the service improvement plan: at least one action with a timescale.")
    elif status == ExerciseStatus.MONITORING:
        if Action.objects.from_source(exercise).open().exists():
            problems.append("Every action on the improvement plan must be done or cancelled before it closes.")
    else:
        problems.append("The exercise is closed.")
    return problems


def exercise_advance(*, exercise: Exercise, by: User, today: datetime.date | None = None) -> Exercise:
    """Move the exercise to its next stage if the rules allow; one step at a time."""
    today = today or timezone.localdate()
    problems = exercise_blockers(exercise)
    if problems:
        raise ExerciseRuleError(problems)
    target = EXERCISE_ORDER[EXERCISE_ORDER.index(exercise.status) + 1]
    extra = {}
    if target == ExerciseStatus.REPORTING and exercise.carried_out_on is None:
        extra["carried_out_on"] = today
    if target == ExerciseStatus.MONITORING:
        extra["report_issued_on"] = today
    if target == ExerciseStatus.CLOSED:
        extra["closed_on"] = today
    moved = Exercise.objects.filter(pk=exercise.pk, status=exercise.status).update(status=target, **extra)
    if not moved:
        raise ExerciseRuleError("Someone else has just moved this exercise on; reload the page.")
    exercise.refresh_from_db()
    return exercise


def checklist_item_add(*, exercise: Exercise, question: str, standard: str = "", max_score: int = 5) -> ChecklistItem:
    if exercise.status != ExerciseStatus.PLANNING:
        raise ExerciseRuleError("The checklist is fixed once customers have started.")
    for _ in range(3):  # two officers adding at once: the unique number decides, the loser takes the next
        number = (exercise.checklist.aggregate(n=Max("number"))["n"] or 0) + 1
        try:
            with transaction.atomic():
                return ChecklistItem.objects.create(
                    exercise=exercise, number=number, question=question.strip(), standard=standard, max_score=max_score
                )
        except IntegrityError:
            continue
    raise ExerciseRuleError("Could not number the item; please try again.")


def participant_add(*, exercise: Exercise, customer: Customer, from_partner: str = "") -> Participant:
    if exercise.status in {ExerciseStatus.MONITORING, ExerciseStatus.CLOSED}:
        raise ExerciseRuleError("The report has been issued: nobody can join the exercise now.")
    participant, _ = Participant.objects.get_or_create(
        exercise=exercise, customer=customer, defaults={"from_partner": from_partner}
    )
    return participant


def item_scores_record(*, participant: Participant, scores: dict[int, tuple[int, str]]) -> int:
    """Record one customer's scores {item id: (score, comment)}; returns how many were saved."""
    exercise = participant.exercise
    if exercise.status not in {ExerciseStatus.FIELDWORK, ExerciseStatus.REPORTING}:
        raise ExerciseRuleError("Scores are recorded while customers carry out the exercise.")
    items = {item.pk: item for item in exercise.checklist.all()}
    with transaction.atomic():
        for item_id, (score, comment) in scores.items():
            item = items.get(item_id)
            if item is None or not 0 <= score <= item.max_score:
                raise ExerciseRuleError("Score each item from 0 to its maximum.")
            ItemScore.objects.update_or_create(
                item=item, participant=participant, defaults={"score": score, "comment": comment}
            )
    return len(scores)


@dataclass(frozen=True)
class ItemResult:
    item: ChecklistItem
    average: Decimal | None  # mean score of the customers who scored it
    scored_by: int

    @property
    def percent(self) -> int | None:
        if self.average is None or not self.item.max_score:
            return None
        return round(self.average * 100 / self.item.max_score)


def checklist_results(exercise: Exercise) -> list[ItemResult]:
    rows = exercise.checklist.annotate(average=Avg("scores__score"), scored_by=Count("scores"))
    return [
        ItemResult(
            item=row,
            average=None if row.average is None else Decimal(str(row.average)).quantize(Decimal("0.1")),
            scored_by=row.scored_by,
        )
        for row in rows
    ]


def participant_expenses_record(
    *,
    participant: Participant,
    kind: str,
    amount: Decimal,
    description: str,
    incurred_on: datetime.date,
    receipt=None,
    form_token: uuid.UUID | None = None,
) -> Participant:
    """Record a participant's expenses as an expense claim (decided in the panels' expense flow)."""
    if participant.expense_claim_id:
        raise ExerciseRuleError("Their expenses for this exercise are already claimed.")
    with transaction.atomic():
        claim, _ = expense_claim_submit(
            customer=participant.customer,
            kind=kind,
            incurred_on=incurred_on,
            description=f"{participant.exercise}: {description}"[:300],
            amount=amount,
            receipt=receipt,
            form_token=form_token,
        )
        Participant.objects.filter(pk=participant.pk).update(expense_claim=claim)
    participant.refresh_from_db()
    return participant


def participant_expenses_paid(*, participant: Participant, paid_on: datetime.date | None = None) -> Participant:
    claim = participant.expense_claim
    if claim is None or claim.status != ExpenseStatus.APPROVED:
        raise ExerciseRuleError("Only an approved expense claim can be marked as paid.")
    Participant.objects.filter(pk=participant.pk, expenses_paid_on__isnull=True).update(
        expenses_paid_on=paid_on or timezone.localdate()
    )
    participant.refresh_from_db()
    return participant


def improvement_action_add(
    *,
    exercise: Exercise,
    area: str,
    action: str,
    owner: User,
    due_on: datetime.date,
    by: User,
    form_token: uuid.UUID | None = None,
) -> Action:
    """One line of the service improvement plan: the area for development, the action, its timescale."""
    if exercise.status not in {ExerciseStatus.REPORTING, ExerciseStatus.MONITORING}:
        raise ExerciseRuleError("The improvement plan is written with the report.")
    return action_create(
        you_said=area, we_will=action, owner=owner, due_on=due_on, source=exercise, created_by=by, form_token=form_token
    )
