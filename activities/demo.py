"""Demo data: two years of engagement activities in every state, with chase history.

Deterministic (only the given rng) and idempotent: each demo row carries a form token derived
from its index (uuid5), so a second run finds it and adds nothing.
"""

from __future__ import annotations

import datetime
import random
import uuid

from django.db import transaction
from django.utils import timezone

from engagement.deadlines.chase import notices_backfill
from engagement.services import action_complete, action_create

from . import deadlines
from .models import ActivityStatus, ActivityType, EngagementActivity

DEMO_NAMESPACE = uuid.UUID("6f1c55a4-5f7e-4b8e-9a57-3c1d2f7b9e01")
WEEKS_BACK = 104
WEEKS_AHEAD = 4

# type, title pattern, purpose, partners, typical customers engaged
KINDS = [
    (ActivityType.MEETING, "Residents' meeting at {place}", "Hear residents' views on estate services.", "", 14),
    (ActivityType.DOOR_KNOCK, "Door knock on {place}", "Check how residents feel about repairs and safety.", "", 35),
    (ActivityType.SURVEY, "Satisfaction survey at {place}", "Collect TSM perception responses face to face.", "", 28),
    (
        ActivityType.ESTATE_WALK,
        "Estate walk, {place}",
        "Walk the estate with residents and note issues.",
        "Grounds team",
        9,
    ),
    (ActivityType.FORUM, "Residents' forum", "Quarterly forum on the repairs service.", "Repairs manager", 22),
    (
        ActivityType.THEMED_DAY,
        "ASB community day at {place}",
        "Themed day on anti-social behaviour.",
        "West Midlands Police",
        45,
    ),
    (ActivityType.FOCUS_GROUP, "Focus group on communal cleaning", "Work through cleaning complaints.", "", 8),
    (
        ActivityType.COFFEE_MORNING,
        "Coffee morning at {place}",
        "Informal catch-up with a feedback board.",
        "Scheme manager",
        16,
    ),
    (ActivityType.CONSULTATION, "Consultation on the new parking scheme at {place}", "Consult on parking.", "", 30),
    (
        ActivityType.BREAKFAST_CLUB,
        "Breakfast club at {place}",
        "Breakfast club with a feedback corner.",
        "Community centre",
        12,
    ),
]
# outcome, what customers said, what we will do: one consistent story each.
OUTCOMES = [
    (
        "Residents agreed the new cleaning rota.",
        "The stairwells are not cleaned on Fridays.",
        "Add a Friday clean of the stairwells to the cleaning contract.",
    ),
    (
        "Three repairs were raised on the spot.",
        "Repairs appointments are missed without warning.",
        "Ask the repairs team to text residents the day before each appointment.",
    ),
    (
        "We agreed to trial extra bin collections.",
        "Bins overflow at the weekend near the play area.",
        "Trial a Saturday bin collection for three months.",
    ),
    (
        "Residents want a regular surgery with their officer.",
        "We never know who our housing officer is.",
        "Hold a monthly officer surgery in the community room.",
    ),
    (
        "Grounds team will review the grass-cutting schedule.",
        "The grass is left long around the flats.",
        "Move to fortnightly grass cuts from May to September.",
    ),
    (
        "The police agreed extra patrols in the evenings.",
        "Young people gather in the stairwells late at night.",
        "Share the patrol times and review the stairwell lighting with residents.",
    ),
    (
        "Residents chose the new play area equipment.",
        "The play area is tired and unsafe for small children.",
        "Order the equipment residents chose and fence the toddler area.",
    ),
    (
        "A damp and mould surgery was booked for the block.",
        "Several flats have black mould in the bathrooms.",
        "Survey every flat in the block for damp and mould within a month.",
    ),
]
FEEDBACK = "Residents said the door entry system keeps failing and letters are hard to read."


def _token(index: int) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, f"demo-activity-{index}")


def seed(rng: random.Random, today: datetime.date, context: dict) -> dict:
    officers = list(context["officers"])
    manager = context["manager"]
    estates = list(context["estates"])
    plans = _plan(rng, today, officers, manager, estates)
    existing = set(
        EngagementActivity.objects.filter(form_token__in=[plan["form_token"] for plan in plans]).values_list(
            "form_token", flat=True
        )
    )
    created = 0
    with transaction.atomic():
        for plan in plans:
            if plan["form_token"] in existing:
                continue
            _create(plan, today, manager)
            created += 1
    return {"activities_seeded": created}


def _plan(rng: random.Random, today: datetime.date, officers, manager, estates) -> list[dict]:
    """Every value is drawn whether or not the row already exists, so the data never shifts."""
    plans = []
    index = 0
    for week in range(-WEEKS_BACK, WEEKS_AHEAD + 1):
        monday = today - datetime.timedelta(days=today.weekday()) + datetime.timedelta(weeks=week)
        for officer in officers:
            count = rng.choice([0, 1, 1, 1, 2])
            for _ in range(count):
                index += 1
                kind, title, purpose, partners, typical = rng.choice(KINDS)
                mine = [estate for estate in estates if estate.officer_id == officer.pk] or estates
                estate = rng.choice(mine)
                day = monday + datetime.timedelta(days=rng.choice([0, 1, 2, 3, 3, 4, 5]))
                hour = rng.choice([10, 11, 14, 18])
                engaged = max(1, int(typical * rng.uniform(0.5, 1.4)))
                outcome, said, we_will = rng.choice(OUTCOMES)
                draws = {
                    "late_days": rng.choice([0, 0, 0, 0, 0, 0, 1, 3, 6]),
                    "file_after": rng.randint(1, 6),
                    "verify_after": rng.randint(1, 5),
                    "fate": rng.random(),
                    "action": rng.random(),
                    "assisted": rng.randint(0, max(0, engaged // 3)),
                }
                plans.append(
                    {
                        "form_token": _token(index),
                        "activity_type": kind,
                        "title": title.format(place=estate.name),
                        "purpose": purpose,
                        "partners_present": partners,
                        "estate": estate,
                        "officer": officer,
                        "day": day,
                        "hour": hour,
                        "engaged": engaged,
                        "outcome": outcome,
                        "said": said,
                        "we_will": we_will,
                        **draws,
                    }
                )
    # One action per story and estate: the same action listed again and again reads as made up.
    seen = set()
    for plan in plans:
        story = (plan["estate"].pk, plan["we_will"])
        plan["new_story"] = story not in seen
        if plan["action"] < 0.4:
            seen.add(story)
    return plans


def _aware(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _create(plan: dict, today: datetime.date, manager) -> EngagementActivity:
    starts_at = _aware(plan["day"], plan["hour"])
    due = plan["day"] + datetime.timedelta(days=7)
    future = plan["day"] > today or (plan["day"] == today and plan["hour"] > 12)
    fate = plan["fate"]
    activity = EngagementActivity(
        form_token=plan["form_token"],
        activity_type=plan["activity_type"],
        title=plan["title"],
        purpose=plan["purpose"],
        partners_present=plan["partners_present"],
        estate=plan["estate"],
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=2),
        lead_officer=plan["officer"],
        created_by=plan["officer"],
    )
    if future:
        activity.status = ActivityStatus.PLANNED
        activity.save()
        return activity
    activity.customers_engaged = plan["engaged"]
    activity.customers_assisted = min(plan["assisted"], plan["engaged"])
    activity.feedback_captured = True
    activity.feedback_notes = FEEDBACK
    days_since_due = (today - due).days
    if days_since_due < 0:
        # Report still within its week: mostly owed, some filed early.
        activity.status = ActivityStatus.HELD if fate < 0.75 else ActivityStatus.REPORTED
    elif days_since_due <= 28:
        # Recently due: a third still owed (overdue and being chased), a few returned for changes
        # (owed again within a working week), the rest filed.
        if fate < 0.33:
            activity.status = ActivityStatus.HELD
        elif fate < 0.41:
            activity.status = ActivityStatus.RETURNED
        else:
            activity.status = ActivityStatus.REPORTED
    elif fate < 0.03:
        activity.status = ActivityStatus.CANCELLED
    elif fate < 0.06 and days_since_due <= 70:
        activity.status = ActivityStatus.HELD  # long overdue: escalated weekly
    elif fate < 0.11 and days_since_due <= 42:
        activity.status = ActivityStatus.RETURNED  # older returned reports have been corrected by now
    elif fate < 0.18:
        activity.status = ActivityStatus.REPORTED
    else:
        activity.status = ActivityStatus.VERIFIED
    if activity.status == ActivityStatus.CANCELLED:
        activity.customers_engaged = activity.customers_assisted = 0
        activity.feedback_captured, activity.feedback_notes = False, ""
        activity.cancelled_reason = "Venue unavailable; rearranged."
    if activity.status in (ActivityStatus.REPORTED, ActivityStatus.RETURNED, ActivityStatus.VERIFIED):
        filed_on = min(plan["day"] + datetime.timedelta(days=plan["file_after"] + plan["late_days"]), today)
        activity.outcome, activity.customers_said = plan["outcome"], plan["said"]
        activity.reported_at = _aware(filed_on, 16, 30)
        activity.reported_by = plan["officer"]
        if activity.status == ActivityStatus.VERIFIED:
            activity.verified_at = _aware(min(filed_on + datetime.timedelta(days=plan["verify_after"]), today), 9)
            activity.verified_by = manager
        if activity.status == ActivityStatus.RETURNED:
            activity.returned_at = _aware(min(filed_on + datetime.timedelta(days=plan["verify_after"]), today), 9)
            activity.returned_by = manager
            activity.return_comment = "Please add how many customers were assisted and what happens next."
            activity.resubmit_due_on = deadlines.resubmit_due_for(timezone.localdate(activity.returned_at))
    activity.save()
    if activity.status in (ActivityStatus.HELD, ActivityStatus.PLANNED, ActivityStatus.RETURNED):
        _chase_history(activity, today, manager)
    elif activity.reported_at and plan["action"] < 0.4 and plan["new_story"]:
        action = action_create(
            you_said=plan["said"],
            we_will=plan["we_will"],
            owner=plan["officer"],
            due_on=activity.reported_at.date() + datetime.timedelta(days=28),
            estate=activity.estate,
            publish=plan["action"] < 0.25,
            source=activity,
            created_by=plan["officer"],
        )
        if action.due_on < today - datetime.timedelta(days=14):
            action_complete(action=action, we_did=f"Done. {plan['outcome']}", done_on=action.due_on)
    return activity


def _chase_history(activity: EngagementActivity, today: datetime.date, manager) -> None:
    """The notices the daily job would have sent up to and including today (in-app only)."""
    if activity.starts_at > timezone.now():
        return
    deadline = deadlines.deadline_for(activity)
    notices_backfill(kind=deadlines.KIND, deadline=deadline, today=today, managers=[manager])
