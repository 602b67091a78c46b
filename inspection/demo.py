"""Demo data for the inspection app: a telephone mystery shop being monitored (its improvement plan
part done, one action overdue), a CIRCLE inspection being written up, one in planning, and a
recruitment with a customer on the interview panel.

Deterministic and idempotent: nothing is added once the first exercise exists.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.db import transaction

from engagement.models import Customer, User
from engagement.services import action_complete
from panels.models import Panel, PanelKind
from panels.services import expense_claim_decide

from . import services
from .models import Exercise, ExerciseKind, ExerciseMethod, ExerciseStatus, RecruitmentExercise

PHONE_SHOP = "Repairs line telephone mystery shop"


def seed(rng: random.Random, today: datetime.date, context: dict) -> dict:
    if Exercise.objects.filter(title=PHONE_SHOP).exists():
        return {}
    officers = list(User.objects.officers().order_by("username"))
    customers = list(Customer.objects.filter(user__isnull=False, erased_at__isnull=True).order_by("reference"))
    if not officers or len(customers) < 6:
        return {}
    with transaction.atomic():
        _seed_exercises(rng, today, officers, customers)
        _seed_recruitment(rng, today, officers, customers)
    return {}


def _days(today, n):
    return today - datetime.timedelta(days=n)


def _seed_exercises(rng, today, officers, customers) -> None:
    officer, manager = officers[0], User.objects.managers().first() or officers[0]
    qip = Panel.objects.filter(kind=PanelKind.QUALITY_INSIGHT).first()
    shop = Exercise.objects.create(
        title=PHONE_SHOP,
        kind=ExerciseKind.MYSTERY_SHOP,
        method=ExerciseMethod.TELEPHONE,
        service_tested="Repairs reporting line",
        scenario="Ring the repairs line from home to report a dripping kitchen tap, and ask when it will be fixed.",
        commissioned_by=qip,
        lead_officer=officer,
        planned_on=_days(today, 120),
    )
    items = [
        services.checklist_item_add(exercise=shop, question=q, standard=s)
        for q, s in [
            ("Was the call answered within 30 seconds?", "Call answering standard"),
            ("Did the adviser give their name?", "Customer care standard"),
            ("Was an appointment offered on the first call?", "Repairs standard 2"),
            ("Was the repair priority explained?", "Repairs standard 1"),
        ]
    ]
    services.exercise_advance(exercise=shop, by=officer, today=_days(today, 110))
    for n, customer in enumerate(customers[1:4]):
        participant = services.participant_add(exercise=shop, customer=customer)
        services.item_scores_record(
            participant=participant,
            scores={item.pk: (rng.randint(3, 5) if i != 2 else rng.randint(0, 2), "") for i, item in enumerate(items)},
        )
        services.participant_expenses_record(
            participant=participant,
            kind="calls",
            amount=Decimal("2.40") + n,
            description="Calls to the repairs line",
            incurred_on=_days(today, 100),
        )
        if n < 2:
            expense_claim_decide(claim=participant.expense_claim, approve=True, by=officer)
            if n == 0:
                services.participant_expenses_paid(participant=participant, paid_on=_days(today, 80))
    services.exercise_advance(exercise=shop, by=officer, today=_days(today, 95))
    shop.findings = (
        "Calls were answered quickly and politely, but only one shopper in three was offered an appointment."
    )
    shop.recommendations = "\n".join(
        [
            "Offer an appointment slot on the first call",
            "Explain the repair's priority and timescale",
            "Confirm the appointment by text",
        ]
    )
    shop.good_practice = (
        "Advisers gave their name and were friendly on every call: worth sharing with the lettings team."
    )
    shop.save()
    plan = [
        (
            "Appointments not offered on the first call",
            "Train call handlers to book an appointment while the customer is on the line",
            60,
            True,
        ),
        ("Customers not told the repair's priority", "Add the priority and timescale to the call script", 20, False),
        ("No confirmation of the appointment", "Send a text confirming every appointment", -30, False),
    ]
    actions = [
        services.improvement_action_add(
            exercise=shop,
            area=area,
            action=action,
            owner=officer,
            due_on=today - datetime.timedelta(days=d),
            by=manager,
        )
        for area, action, d, _done in plan
    ]
    services.exercise_advance(exercise=shop, by=officer, today=_days(today, 85))
    action_complete(
        action=actions[0],
        we_did="All call handlers trained; appointments now booked on the first call.",
        done_on=_days(today, 65),
    )

    circle = Exercise.objects.create(
        title="CIRCLE reality check of empty homes",
        kind=ExerciseKind.INSPECTION,
        method=ExerciseMethod.VISIT,
        service_tested="Empty homes (voids) standard",
        scenario="Customers from partner landlords inspect five empty homes against the lettable standard.",
        circle=True,
        partner_landlords="Two Greater Manchester partner landlords in CIRCLE",
        lead_officer=officers[1 % len(officers)],
        planned_on=_days(today, 40),
    )
    for q in ("Is the home clean throughout?", "Are the kitchen and bathroom to the standard?", "Is the garden clear?"):
        services.checklist_item_add(exercise=circle, question=q)
    services.exercise_advance(exercise=circle, by=officer, today=_days(today, 35))
    participants = [
        services.participant_add(exercise=circle, customer=c, from_partner="Partner landlord") for c in customers[4:6]
    ]
    for participant in participants:
        services.item_scores_record(
            participant=participant, scores={item.pk: (rng.randint(2, 5), "") for item in circle.checklist.all()}
        )
    services.exercise_advance(exercise=circle, by=officer, today=_days(today, 20))

    Exercise.objects.create(
        title="Lettings office visit",
        kind=ExerciseKind.MYSTERY_SHOP,
        method=ExerciseMethod.VISIT,
        service_tested="Lettings reception",
        lead_officer=officer,
        planned_on=today + datetime.timedelta(days=30),
        status=ExerciseStatus.PLANNING,
    )


def _seed_recruitment(rng, today, officers, customers) -> None:
    exercise = RecruitmentExercise.objects.create(
        post="Head of Repairs",
        customer_facing=True,
        head_of_or_above=True,
        hiring_manager="Director of Property",
        interviews_from=_days(today, 10),
        interviews_to=_days(today, 9),
        max_score=25,
        key_behaviours="Puts customers first; explains repairs plainly; manages contractors firmly.",
        lead_officer=officers[0],
    )
    customer = services.panelist_add(exercise=exercise, customer=customers[0])
    services.panelist_brief(panelist=customer, by=officers[0], on=_days(today, 14))
    staff = [
        services.panelist_add(exercise=exercise, staff_name=name) for name in ("Director of Property", "Head of HR")
    ]
    for label, scores in (("Candidate A", (18, 20, 14)), ("Candidate B", (16, 15, 24)), ("Candidate C", (12, 14, 11))):
        candidate = services.candidate_add(exercise=exercise, label=label, interviewed_on=_days(today, 10))
        for panelist, score in zip((*staff, customer), scores, strict=True):
            services.candidate_score_record(
                candidate=candidate,
                panelist=panelist,
                score=score,
                comments="Clear about customers." if panelist == customer and score > 20 else "",
            )
