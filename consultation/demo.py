"""Demo data for the consultation club: members who chose their way and services (some signed up
by staff), a forward programme for the year with one survey sent, and this financial year's
quarterly samples so far (the current quarter left to draw, so the page shows what it will ask).

Deterministic (the given rng) and idempotent: skipped once the club has members.
"""

from __future__ import annotations

import datetime
import random

from django.db import transaction

from engagement.models import Customer
from engagement.quarters import Quarter
from mailouts.demo import record_delivered

from . import services
from .models import ClubMember, SampleRound, Service, SurveyWay

WAYS = [SurveyWay.EMAIL, SurveyWay.ONLINE, SurveyWay.POST, SurveyWay.TEXT, SurveyWay.PHONE]
WAY_WEIGHTS = [30, 25, 25, 12, 8]
PROGRAMME = [
    ("Repairs appointments: morning, afternoon or evening?", "Repairs and maintenance", "Repairs", -60, 21),
    ("Estate cleaning standards", "Estate services: cleaning and grounds", "Neighbourhoods", -20, 28),
    ("Reporting anti-social behaviour online", "Anti-social behaviour", "Community safety", 10, 28),
    ("Service charge statements: are they clear?", "Rents and service charges", "Income", 40, 21),
    ("The new tenancy sign-up visit", "Tenancy and neighbourhood management", "Housing management", 75, 28),
    ("Our website's repairs pages", "Communications and the website", "Communications", 110, 21),
]


def seed(rng: random.Random, today: datetime.date, context: dict) -> dict:
    officers = context["officers"]
    with transaction.atomic():
        if ClubMember.objects.exists():
            return {}
        services_ = list(Service.objects.order_by("name"))
        pool = list(Customer.objects.filter(erased_at__isnull=True, user__isnull=True).order_by("reference")[:600])
        for customer in rng.sample(pool, min(80, len(pool))):
            way = rng.choices(WAYS, WAY_WEIGHTS)[0]
            if way == SurveyWay.TEXT and not customer.phone:
                way = SurveyWay.POST
            any_service = rng.random() < 0.3
            chosen = [] if any_service else rng.sample(services_, rng.randint(1, 3))
            by = rng.choice(officers) if rng.random() < 0.4 else None
            joined = today - datetime.timedelta(days=rng.randint(20, 400))
            services.club_join(
                customer=customer, survey_way=way, services=chosen, any_service=any_service, by=by, today=joined
            )
        for title, service, team, starts_in, lasts in PROGRAMME:
            opens = today + datetime.timedelta(days=starts_in)
            consultation, _ = services.consultation_plan(
                by=officers[0],
                title=title,
                service=Service.objects.get(name=service),
                team=team,
                purpose=f"The {team} team wants to know what club members think before it changes anything.",
                opens_on=opens,
                closes_on=opens + datetime.timedelta(days=lasts),
                survey_url="https://surveys.example.org/" + title.split(":")[0].lower().replace(" ", "-")[:30],
            )
            if starts_in < 0:
                mailout = services.consultation_survey_send(
                    consultation=consultation,
                    services=[consultation.service],
                    ways=SurveyWay.values,
                    subject=f"Have your say: {title}",
                    body=f"Answer the survey online: {consultation.survey_url}\n\nOr reply by post or phone.",
                    by=officers[0],
                )
                when = datetime.datetime.combine(opens, datetime.time(9, 0), tzinfo=datetime.UTC)
                type(mailout).objects.filter(pk=mailout.pk).update(created_at=when)
                mailout.refresh_from_db()
                record_delivered(rng, mailout)
        _samples(rng, today, context)
    return {}


def _samples(rng: random.Random, today: datetime.date, context: dict) -> None:
    """This financial year's rounds before the current quarter, drawn on each quarter's first
    working week (not sent again here: the survey went out at the time)."""
    current = Quarter.containing(today)
    for number in range(1, current.number):
        quarter = Quarter(current.year, number)
        if SampleRound.objects.filter(quarter=quarter.code).exists():
            continue
        services.sample_draw(
            quarter=quarter,
            by=context["manager"],
            today=quarter.start + datetime.timedelta(days=2),
            seed=rng.randrange(2**40),
            send=False,
        )
