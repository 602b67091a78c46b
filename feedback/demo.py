"""Demo data: a year of complaints (both stages, on time and late, extensions, every outcome, lessons
learned, some published as "You said, we did"), compliments and suggestions.

Deterministic (only the given rng) and idempotent: every demo row carries a form token derived from
its index (uuid5); if the first demo complaint exists the feedback demo has already been loaded.
Deadlines come from the same Code functions the services use, so the figures are consistent.
"""

from __future__ import annotations

import datetime
import random
import uuid

from django.db import transaction

from engagement.models import Action, Customer
from engagement.services import action_complete, action_create
from engagement.workdays import add_working_days, is_working_day, next_working_day

from . import deadlines
from .models import (
    UPHELD_OUTCOMES,
    Complaint,
    ComplaintCategory,
    ComplaintExtension,
    ComplaintStatus,
    Compliment,
    ComplimentAbout,
    FeedbackChannel,
    LessonsLearned,
    Outcome,
    Suggestion,
    SuggestionStatus,
)

NAMESPACE = uuid.UUID("0b7f7a3e-2f4e-4f0c-8d1e-5a9c3e1f6b22")
COMPLAINTS = 440  # about 220 a year, over two years
COMPLIMENTS = 150
SUGGESTIONS = 96

CATEGORY_WEIGHTS = [
    (ComplaintCategory.REPAIRS, 40),
    (ComplaintCategory.ASB, 14),
    (ComplaintCategory.STAFF_CONDUCT, 8),
    (ComplaintCategory.COMMUNICATION, 18),
    (ComplaintCategory.ESTATE_SERVICES, 15),
    (ComplaintCategory.OTHER, 5),
]
CHANNEL_WEIGHTS = [
    (FeedbackChannel.PHONE, 38),
    (FeedbackChannel.EMAIL, 25),
    (FeedbackChannel.WEBSITE, 15),
    (FeedbackChannel.LETTER, 8),
    (FeedbackChannel.IN_PERSON, 8),
    (FeedbackChannel.SOCIAL_MEDIA, 3),
    (FeedbackChannel.REPRESENTATIVE, 3),
]
STORIES = {
    ComplaintCategory.REPAIRS: [
        ("Damp and mould in the back bedroom reported three times; nobody has inspected it.", "Inspect and treat it."),
        ("The boiler repair appointment was missed twice without warning.", "Fix the boiler and apologise."),
        ("The kitchen window was left boarded up for six weeks after a repair.", "Replace the glass."),
        ("The communal door entry system has not worked for a month.", "Repair the door entry."),
    ],
    ComplaintCategory.ASB: [
        ("Repeated noise from a neighbour late at night; reports were not followed up.", "Act on the reports."),
        ("Drug dealing in the stairwell; the customer feels unsafe.", "Work with the police and update me."),
    ],
    ComplaintCategory.STAFF_CONDUCT: [
        ("The customer felt the officer was dismissive on the phone.", "An apology."),
        ("A contractor left the flat dirty and was rude.", "Clean up and an apology."),
    ],
    ComplaintCategory.COMMUNICATION: [
        ("Letters about the rent change were not sent in large print as requested.", "Large print letters."),
        ("Nobody called back after three messages about a leak.", "A named contact."),
    ],
    ComplaintCategory.ESTATE_SERVICES: [
        ("The communal areas have not been cleaned for weeks.", "Clean them and keep to the rota."),
        ("The grass was left uncut all summer around the flats.", "Cut it regularly."),
        ("Bins overflow every weekend by the play area.", "More collections."),
    ],
    ComplaintCategory.OTHER: [
        ("The service charge statement is wrong.", "Correct it."),
    ],
}
REMEDIES = [
    "Apology, the repair completed and £75 for the inconvenience.",
    "Apology and a named officer as the single point of contact.",
    "Works completed and £50 goodwill payment.",
    "Apology and the communal cleaning rota reset with monthly checks.",
]
LESSONS = [
    (
        "Repair appointments were cancelled by the contractor without anyone telling the customer.",
        "The contractor's system did not send cancellations to us.",
        "Cancellations now come to us daily and we text the customer the same day.",
    ),
    (
        "Damp reports were closed after a phone call without an inspection.",
        "The triage script did not ask about mould or vulnerable occupants.",
        "Every damp and mould report now gets a surveyor visit within 10 working days.",
    ),
    (
        "A request for large print letters was recorded but not used.",
        "Communication preferences were not linked to the letter templates.",
        "Letters now use each customer's recorded format; we check monthly.",
    ),
    (
        "Messages were taken but nobody called the customer back.",
        "Call-backs had no owner or deadline.",
        "Every call-back is now a task with an owner, due within 2 working days.",
    ),
    (
        "Communal cleaning was missed for weeks before anyone noticed.",
        "Cleaning was not checked against the rota.",
        "Estate champions now report missed cleans and we inspect monthly.",
    ),
]
EXTENSION_REASONS = [
    "Waiting for the specialist damp survey.",
    "The contractor's records are needed to answer fully; the customer agreed.",
    "Police information is needed before we can respond.",
]
COMPLIMENT_TEXTS = [
    "Thank you for sorting out the communal lighting so quickly.",
    "The officer listened and kept me updated every week.",
    "The repairs team were polite, tidy and on time.",
    "The coffee morning was lovely and I met my neighbours.",
    "Thank you for helping my dad with his benefits form.",
]
TEAMS = ["Repairs team", "Estate services team", "Income team", "Customer Engagement Team", "Lettings team"]
SUGGESTION_TEXTS = [
    ("Put a bench by the bus stop on the estate.", "Ask the council for a bench at the bus stop."),
    ("Send repair appointment reminders by text.", "Text every customer the day before a repair appointment."),
    ("Hold residents' meetings in the evening so working people can come.", "Hold every other forum at 6pm."),
    ("Plant a community garden on the spare land.", "Work with residents on a community garden."),
    ("Publish the cleaning rota on the notice board.", "Put the cleaning rota on every notice board."),
    ("Offer a drop-in surgery at the scheme.", "Run a monthly drop-in surgery at the scheme."),
]


def _token(kind: str, index: int) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"demo-{kind}-{index}")


def _weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def _working(day: datetime.date) -> datetime.date:
    return day if is_working_day(day) else next_working_day(day)


def seed(rng: random.Random, today: datetime.date, context: dict) -> dict:
    if Complaint.objects.filter(form_token=_token("complaint", 0)).exists():
        return {}
    officers = list(context["officers"])
    manager = context["manager"]
    staff = [*officers, manager]
    customers = list(Customer.objects.select_related("estate").order_by("reference"))
    with transaction.atomic():
        _seed_complaints(rng, today, officers, manager, customers)
        _seed_compliments(rng, today, staff, customers)
        _seed_suggestions(rng, today, officers, customers)
    return {}


def _respond_on(rng: random.Random, ack: datetime.date, due: datetime.date, on_time_chance: float) -> datetime.date:
    if rng.random() < on_time_chance:
        span = max(1, deadlines.working_days_taken(start=ack, end=due))
        return add_working_days(ack, rng.randint(max(1, span // 3), span))
    return add_working_days(due, rng.randint(1, 8))


def _seed_complaints(rng, today, officers, manager, customers) -> None:
    for index in range(COMPLAINTS):
        # Spread over the last two years, a little heavier in winter (damp and heating).
        received = _working(today - datetime.timedelta(days=rng.randint(2, 730)))
        if received > today:
            received = today
        handler = rng.choice(officers)
        customer = None if rng.random() < 0.05 else rng.choice(customers)
        category = _weighted(rng, CATEGORY_WEIGHTS)
        description, desired = rng.choice(STORIES[category])
        complaint = Complaint(
            customer=customer,
            estate=customer.estate if customer else None,
            received_on=received,
            channel=_weighted(rng, CHANNEL_WEIGHTS),
            category=category,
            description=description,
            desired_outcome=desired,
            stage1_handler=handler,
            stage1_ack_due_on=deadlines.acknowledgement_due(stage=1, start=received),
            stage1_response_due_on=deadlines.provisional_response_due(stage=1, start=received),
            created_by=handler,
            form_token=_token("complaint", index),
        )
        draws = {
            "ack_late": rng.random() < 0.08,
            "ack_days": rng.randint(1, 4),
            "extend": rng.random() < 0.12,
            "extend_by": rng.randint(3, 10),
            "on_time": rng.random(),
            "outcome": _weighted(rng, [(Outcome.UPHELD, 30), (Outcome.PARTLY_UPHELD, 25), (Outcome.NOT_UPHELD, 45)]),
            "escalate": rng.random() < 0.13,
            "lessons": rng.random() < 0.93,
            "publish": rng.random() < 0.5,
            "stage2_handler": rng.choice([manager, *officers]),
            "stage2_outcome": _weighted(
                rng, [(Outcome.UPHELD, 25), (Outcome.PARTLY_UPHELD, 25), (Outcome.NOT_UPHELD, 50)]
            ),
            "remedy": rng.choice(REMEDIES),
            "lesson": rng.choice(LESSONS),
            "reason": rng.choice(EXTENSION_REASONS),
            "escalate_after": rng.randint(2, 15),
            "close_after": rng.randint(1, 10),
        }
        _move_through_stage(complaint, 1, received, today, draws, rng)
        if complaint.status == ComplaintStatus.RESPONDED and draws["escalate"]:
            requested = _working(complaint.stage1_responded_on + datetime.timedelta(days=draws["escalate_after"]))
            stage2_handler = draws["stage2_handler"]
            if stage2_handler.pk == handler.pk:
                stage2_handler = manager if handler.pk != manager.pk else officers[0]
            if requested <= today:
                complaint.stage = 2
                complaint.status = ComplaintStatus.RECEIVED
                complaint.stage2_requested_on = requested
                complaint.stage2_reason = "The customer is unhappy with the stage 1 remedy."
                complaint.stage2_handler = stage2_handler
                complaint.stage2_ack_due_on = deadlines.acknowledgement_due(stage=2, start=requested)
                complaint.stage2_response_due_on = deadlines.provisional_response_due(stage=2, start=requested)
                draws["outcome"] = draws["stage2_outcome"]
                _move_through_stage(complaint, 2, requested, today, draws, rng)
        complaint.full_clean(exclude=["form_token"])
        complaint.save()
        _record_extensions(complaint)
        _close_and_learn(complaint, today, draws)


def _record_extensions(complaint: Complaint) -> None:
    """Each demo extension is one agreed 3 working days after the acknowledgement, within the Code's limit."""
    for stage in (1, 2):
        new_due_on = complaint.stage_field(stage, "extended_due_on")
        if new_due_on:
            ComplaintExtension.objects.get_or_create(
                complaint=complaint,
                stage=stage,
                new_due_on=new_due_on,
                defaults={
                    "agreed_on": add_working_days(complaint.stage_field(stage, "acknowledged_on"), 3),
                    "previous_due_on": complaint.stage_field(stage, "response_due_on"),
                    "reason": complaint.stage_field(stage, "extension_reason"),
                },
            )


def _move_through_stage(complaint: Complaint, stage: int, start: datetime.date, today, draws, rng) -> None:
    ack_due = complaint.stage_field(stage, "ack_due_on")
    ack = (
        add_working_days(ack_due, draws["ack_days"])
        if draws["ack_late"]
        else add_working_days(start, draws["ack_days"])
    )
    if ack > today:
        return
    due = deadlines.response_due(stage=stage, acknowledged_on=ack)
    setattr(complaint, f"stage{stage}_acknowledged_on", ack)
    setattr(complaint, f"stage{stage}_response_due_on", due)
    complaint.status = ComplaintStatus.ACKNOWLEDGED
    effective = due
    extend_limit = deadlines.RULES[stage].max_extension
    if draws["extend"] and add_working_days(ack, 3) <= today:
        effective = add_working_days(due, min(draws["extend_by"], extend_limit))
        setattr(complaint, f"stage{stage}_extended_due_on", effective)
        setattr(complaint, f"stage{stage}_extension_reason", draws["reason"])
    responded = _respond_on(rng, ack, effective, 0.8 if stage == 1 else 0.7)
    if responded > today:
        return
    outcome = draws["outcome"]
    setattr(complaint, f"stage{stage}_responded_on", responded)
    setattr(complaint, f"stage{stage}_outcome", outcome)
    setattr(complaint, f"stage{stage}_remedy", draws["remedy"] if outcome in UPHELD_OUTCOMES else "")
    setattr(complaint, f"stage{stage}_working_days", deadlines.working_days_taken(start=start, end=responded))
    complaint.status = ComplaintStatus.RESPONDED


def _close_and_learn(complaint: Complaint, today, draws) -> None:
    if complaint.status != ComplaintStatus.RESPONDED:
        return
    responded = complaint.stage_field(complaint.stage, "responded_on")
    learned_on = add_working_days(responded, 3)
    lessons = None
    if complaint.upheld_at_any_stage and draws["lessons"] and learned_on <= today:
        wrong, cause, change = draws["lesson"]
        lessons = LessonsLearned.objects.create(
            complaint=complaint,
            what_went_wrong=wrong,
            root_cause=cause,
            what_we_changed=change,
            owner=complaint.current_handler,
            learned_on=learned_on,
            created_by=complaint.current_handler,
        )
        # One action per lesson and place: the same change is not promised there twice.
        if draws["publish"] and not _agreed_already(wrong, change, complaint.estate):
            owner = complaint.current_handler
            action = action_create(
                you_said=wrong,
                we_will=change,
                owner=owner,
                due_on=learned_on + datetime.timedelta(days=42),
                source=lessons,
                estate=complaint.estate,
                publish=True,
                created_by=owner,
            )
            if learned_on + datetime.timedelta(days=30) <= today:
                action_complete(action=action, we_did=change, done_on=learned_on + datetime.timedelta(days=30))
    closed_on = responded + datetime.timedelta(days=draws["close_after"])
    if closed_on <= today and (lessons is not None or not complaint.upheld_at_any_stage):
        complaint.status = ComplaintStatus.CLOSED
        complaint.closed_on = closed_on
        complaint.save(update_fields=["status", "closed_on", "updated_at"])


def _seed_compliments(rng, today, staff, customers) -> None:
    rows = []
    for index in range(COMPLIMENTS):
        received = today - datetime.timedelta(days=rng.randint(1, 730))
        about = _weighted(
            rng, [(ComplimentAbout.PERSON, 60), (ComplimentAbout.TEAM, 25), (ComplimentAbout.SERVICE, 15)]
        )
        person = rng.choice(staff)
        team = rng.choice(TEAMS)
        customer = rng.choice(customers) if rng.random() < 0.8 else None
        text = rng.choice(COMPLIMENT_TEXTS)
        channel = _weighted(rng, CHANNEL_WEIGHTS)
        rows.append(
            Compliment(
                received_on=received,
                customer=customer,
                from_name="" if customer else "A resident's daughter",
                channel=channel,
                about=about,
                staff_member=person if about == ComplimentAbout.PERSON else None,
                team="" if about == ComplimentAbout.PERSON else team,
                description=text,
                passed_on_at=datetime.datetime.combine(received, datetime.time(10), tzinfo=datetime.UTC),
                form_token=_token("compliment", index),
            )
        )
    Compliment.objects.bulk_create(rows)


def _seed_suggestions(rng, today, officers, customers) -> None:
    for index in range(SUGGESTIONS):
        received = today - datetime.timedelta(days=rng.randint(1, 730))
        customer = rng.choice(customers) if rng.random() < 0.85 else None
        text, change = rng.choice(SUGGESTION_TEXTS)
        answered = rng.random() < 0.75 and received + datetime.timedelta(days=14) <= today
        changed = answered and rng.random() < 0.35
        owner = rng.choice(officers)
        suggestion = Suggestion.objects.create(
            received_on=received,
            customer=customer,
            from_name="" if customer else "Local councillor",
            estate=customer.estate if customer else None,
            channel=_weighted(rng, CHANNEL_WEIGHTS),
            suggestion=text,
            status=SuggestionStatus.RESPONDED if answered else SuggestionStatus.OPEN,
            response=(
                f"Thank you. We will: {change[0].lower()}{change[1:]}" if changed else "Thank you; not this year."
            )
            if answered
            else "",
            responded_on=received + datetime.timedelta(days=14) if answered else None,
            responded_by=owner if answered else None,
            led_to_change=changed,
            form_token=_token("suggestion", index),
        )
        if changed and not _agreed_already(text, change, suggestion.estate):
            action = action_create(
                you_said=text,
                we_will=change,
                owner=owner,
                due_on=suggestion.responded_on + datetime.timedelta(days=56),
                source=suggestion,
                estate=suggestion.estate,
                publish=True,
                created_by=owner,
            )
            # Changes promised months ago have been made (an overdue board full of them is not believable).
            if action.due_on + datetime.timedelta(days=14) <= today:
                action_complete(action=action, we_did=change, done_on=action.due_on - datetime.timedelta(days=7))


def _agreed_already(you_said: str, we_will: str, estate) -> bool:
    return Action.objects.filter(you_said=you_said, we_will=we_will, estate=estate).exists()
