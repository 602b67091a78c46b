"""Demo data for the community app: five community panels with this year's budgets, priorities and
applications (some awarded at their meetings, paid and reported on), calls for action in every
state, and two award rounds (last year's winners announced, this year's open).

Deterministic (only the given rng) and idempotent: nothing is added once this year's budgets exist.
"""

from __future__ import annotations

import datetime
import random

from django.db import transaction
from django.utils import timezone

from engagement.models import Customer, Patch, User
from panels.deadlines import minutes_due_on
from panels.models import Meeting, MeetingStatus, Panel, PanelKind

from . import services
from .deadlines import call_decision_due_on
from .models import (
    AwardCategory,
    AwardRound,
    CallForAction,
    CommunityBudget,
    FundingPriority,
    Nomination,
    NominationStatus,
)
from .selectors import current_year

CITATIONS = [
    "Runs the weekly lunch club and checks on older neighbours every day.",
    "Started the litter-pick that now meets every month and cleared the brook path.",
    "Set up a homework club for younger children at the community centre.",
]
BUDGET_PENCE = 14_000_000  # £140,000 a panel (seed 002, "Community Panels")
AREAS = ["Northfield", "Kings Norton", "Longbridge", "Weoley", "Selly Oak"]
PRIORITIES = [
    ("Activities for children and young people", "Community Needs Assessment 2025"),
    ("Tackling loneliness among older residents", "Community Needs Assessment 2025"),
    ("Safer, cleaner streets and green spaces", "Neighbourhood Plan, section 3"),
    ("Skills, training and getting into work", "Neighbourhood Plan, section 5"),
]
PROJECTS = [
    ("Summer holiday club", "Youth Action Group", 0, 1_850_000),
    ("Friday coffee and chat", "Friends of the Library", 1, 420_000),
    ("Community garden beds", "", 2, 960_000),
    ("CV and interview workshops", "Job Club Network", 3, 2_400_000),
    ("Street football sessions", "Kickabout CIC", 0, 1_500_000),
    ("Befriending phone calls", "Good Neighbours Scheme", 1, 1_250_000),
    ("Alley-gating at the back of the shops", "Residents' Association", 2, 3_600_000),
]


def seed(rng: random.Random, today: datetime.date, context: dict) -> dict:
    year = current_year(today)
    if CommunityBudget.objects.filter(year=year).exists():
        return {}
    officers = list(User.objects.officers().order_by("username"))
    customers = list(Customer.objects.filter(erased_at__isnull=True).select_related("user").order_by("reference"))
    with transaction.atomic():
        _seed_budgets(rng, today, year, officers, customers)
        _seed_calls(rng, today, officers, customers)
        _seed_awards(rng, today, officers)
    return {}


def _community_panels(officers) -> list[Panel]:
    panels = []
    for index, area in enumerate(AREAS):
        panel = Panel.objects.filter(name=f"{area} Community Panel").first()
        if panel is None:
            panel = Panel.objects.create(
                name=f"{area} Community Panel",
                kind=PanelKind.COMMUNITY_PANEL,
                purpose="Allocates the area's budget against its priorities; meets every other month.",
                officer=officers[index % len(officers)],
                meets_every_months=2,
            )
        panels.append(panel)
    return panels


def _meetings(panel: Panel, today: datetime.date) -> list[Meeting]:
    """The panel's meetings every other month over the past year (made if the panels demo did not)."""
    held = list(panel.meetings.filter(meets_on__lte=today).exclude(status=MeetingStatus.CANCELLED).order_by("meets_on"))
    if len(held) >= 3:
        return held[-6:]
    for months_ago in (10, 8, 6, 4, 2):
        day = today - datetime.timedelta(days=30 * months_ago + panel.pk % 9)
        while day.weekday() >= 5:
            day -= datetime.timedelta(days=1)
        due = minutes_due_on(day)
        Meeting.objects.get_or_create(
            panel=panel,
            meets_on=day,
            # Held months ago: its minutes went out on time, as the panels demo's do.
            defaults={
                "status": MeetingStatus.HELD,
                "venue": "Community centre",
                "minutes_due_on": due,
                "minutes_published_on": due if due < today else None,
            },
        )
    return list(panel.meetings.filter(meets_on__lte=today).order_by("meets_on"))


def _seed_budgets(rng, today, year, officers, customers) -> None:
    for index, panel in enumerate(_community_panels(officers)):
        budget = CommunityBudget.objects.create(
            panel=panel,
            year=year,
            amount_pence=BUDGET_PENCE,
            needs_assessment=f"Priorities agreed from the {AREAS[index]} Community Needs Assessment "
            "and Neighbourhood Plan.",
        )
        priorities = [
            FundingPriority.objects.create(budget=budget, number=n + 1, title=title, source=source)
            for n, (title, source) in enumerate(PRIORITIES)
        ]
        # Decided at this financial year's meetings (April onwards).
        meetings = [m for m in _meetings(panel, today) if m.meets_on >= datetime.date(year, 4, 1)]
        officer = panel.officer or officers[0]
        for n, (title, group, priority, pence) in enumerate(rng.sample(PROJECTS, 5)):
            applicant = customers[(index * 7 + n * 3) % len(customers)] if customers else None
            application, _ = services.application_submit(
                budget=budget,
                priority=priorities[priority],
                title=title,
                purpose=f"{title} for residents of {AREAS[index]}.",
                outcomes="Residents take part every week; we will count and report back.",
                requested_pence=pence,
                contact_name=applicant.full_name if applicant else "Group secretary",
                contact_details=(applicant.email or applicant.phone or "01234 567890") if applicant else "01234 567890",
                group_name=group,
                applicant=applicant if applicant and applicant.user_id else None,
                name_may_be_published=n % 2 == 0,
                recorded_by=officer,
            )
            services.application_score(
                application=application,
                scores={p.pk: (3 if p == priorities[priority] else rng.randint(0, 1)) for p in priorities},
                by=officer,
            )
            if n >= 4 or not meetings:
                continue  # the newest waits for the next meeting
            meeting = meetings[min(n, len(meetings) - 1)]
            award = n != 2
            services.application_decide(
                application=application,
                award=award,
                amount_pence=pence if n % 3 else pence * 3 // 4,
                meeting=meeting,
                reason="Meets the panel's priority well and is good value."
                if award
                else "Another group already runs this in the area.",
                by=officer,
                today=today,
            )
            application.refresh_from_db()
            if award and n < 2:
                services.payment_record(
                    application=application,
                    amount_pence=application.awarded_pence // 2,
                    by=officer,
                    paid_on=meeting.meets_on + datetime.timedelta(days=14),
                )
                if n == 0:
                    services.application_outcomes_record(
                        application=application,
                        outcomes_achieved="Thirty-two residents took part over the summer.",
                        today=today,
                    )


def _seed_calls(rng, today, officers, customers) -> None:
    panel = services.call_panel()
    if panel is None:
        return
    with_login = [c for c in customers if c.user_id]
    examples = [
        (
            "Repairs appointments missed",
            "Three repairs appointments were missed since March and nobody rang to say.",
            30,
        ),
        ("Grass cutting on the estate", "The grass verges were cut twice this summer instead of monthly.", 45),
        ("Letters about rent that are hard to read", "The rent increase letter was full of jargon.", 5),
    ]
    for n, (issue, details, days_ago) in enumerate(examples):
        received = today - datetime.timedelta(days=days_ago)
        customer = with_login[n] if n < len(with_login) and n != 1 else None
        call = CallForAction.objects.create(
            panel=panel,
            issue=issue,
            details=details,
            name=customer.full_name if customer else "Mr D Walker",
            email="" if customer else "d.walker@example.org",
            customer=customer,
            decision_due_on=call_decision_due_on(received),
            submitted_at=timezone.make_aware(datetime.datetime.combine(received, datetime.time(10))),
        )
        officer = panel.officer or officers[0]
        if n == 0:
            services.call_decide(
                call=call,
                accept=True,
                reason="Several customers have raised this; it fits the panel's review of repairs.",
                by=officer,
                today=received + datetime.timedelta(days=14),  # decided at the panel's next meeting
            )
            services.call_start_scrutiny(call=call, lead_officer=officer)
        elif n == 1:
            services.call_decide(
                call=call,
                accept=False,
                reason="The grounds contract is already being re-tendered with customers on the panel.",
                by=officer,
                today=received + datetime.timedelta(days=14),  # decided at the panel's next meeting
            )


def _seed_awards(rng, today, officers) -> None:
    patches = list(Patch.objects.order_by("name"))
    officer = officers[0]
    for offset, announced in ((1, True), (0, False)):
        year = today.year - offset
        award_round, _ = AwardRound.objects.get_or_create(
            year=year,
            defaults={
                "name": f"Community Treasures {year}",
                "opens_on": datetime.date(year, 9, 1),
                "closes_on": datetime.date(year, 12, 31),
                "ceremony_on": datetime.date(year + 1, 2, 20),
                "winners_announced": announced,
            },
        )
        categories = [
            AwardCategory.objects.get_or_create(
                award_round=award_round, name=name, defaults={"description": text, "position": n}
            )[0]
            for n, (name, text) in enumerate(
                [
                    ("Good Neighbour", "Someone who looks out for the people around them."),
                    ("Community Champion", "Someone who makes their area a better place to live."),
                    ("Young Person of the Year", "A young person making a difference."),
                ]
            )
        ]
        names = ["Edna Clarke", "Joseph Okoro", "Aisha Patel", "Tom Riley", "Grace Lin", "Mo Hassan"]
        for n, name in enumerate(names):
            nomination, _ = services.nomination_submit(
                category=categories[n % 3],
                nominee_name=name,
                nominee_area=patches[n % len(patches)] if patches else None,
                reason="Always there for neighbours: shopping, lifts to appointments and the lunch club.",
                nominator_name="A neighbour",
                nominator_contact="neighbour@example.org",
                recorded_by=officer,
                today=today,
            )
            if announced and n < 3:
                Nomination.objects.filter(pk=nomination.pk).update(
                    public_citation=CITATIONS[n],
                    status=NominationStatus.WINNER,
                )
                if n != 1:  # one winner has not given consent yet: the public page does not name them
                    services.nomination_consent_record(
                        nomination=nomination, how="Signed consent form at the ceremony", by=officer
                    )
            elif announced:
                Nomination.objects.filter(pk=nomination.pk).update(status=NominationStatus.SHORTLISTED)
