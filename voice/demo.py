"""Demo data: a believable equality profile (about two in three customers answered, shares like an
inner-Birmingham landlord's) and a neighbourhood survey that hears too little from younger customers,
with the TSM survey weighted on tenure, patch and age band."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from engagement.models import Customer, User
from surveys.demo import _answer_value, _bulk_responses
from surveys.models import Question, ResponseChannel, Scale, Survey, SurveyKind

from .characteristics import PREFER_NOT
from .consent import EXPLANATION_VERSION
from .models import ConsentMethod, EqualityConsent, EqualityProfile, WeightingScheme

AGE = [("16_34", 24), ("35_49", 27), ("50_64", 25), ("65_74", 13), ("75_plus", 9), (PREFER_NOT, 2)]
ETHNICITY = [
    ("white_british", 46), ("white_irish", 2), ("white_other", 4), ("white_gypsy_traveller", 1), ("white_roma", 1),
    ("asian_pakistani", 14), ("asian_indian", 5), ("asian_bangladeshi", 4), ("asian_chinese", 1), ("asian_other", 2),
    ("black_caribbean", 5), ("black_african", 5), ("black_other", 1),
    ("mixed_white_black_caribbean", 3), ("mixed_white_asian", 1), ("mixed_white_black_african", 1), ("mixed_other", 1),
    ("other_arab", 1), ("other_any", 1), (PREFER_NOT, 3),
]  # fmt: skip
DISABILITY = [("limited_a_lot", 17), ("limited_a_little", 16), ("not_limited", 7), ("no", 55), (PREFER_NOT, 5)]
SEX = [("female", 55), ("male", 43), (PREFER_NOT, 2)]
GENDER = [("same", 93), ("different", 1), (PREFER_NOT, 6)]
RELIGION = [("christian", 36), ("none", 30), ("muslim", 22), ("sikh", 3), ("hindu", 2), ("buddhist", 1), ("jewish", 1),
            ("other", 1), (PREFER_NOT, 4)]  # fmt: skip
ORIENTATION = [("straight", 88), ("gay_lesbian", 2), ("bisexual", 2), ("other", 1), (PREFER_NOT, 7)]
CARING = [("no", 80), ("yes", 16), (PREFER_NOT, 4)]

# How likely each age band is to answer the neighbourhood survey: younger customers far less.
RESPONSE_RATE = {"16_34": 0.06, "35_49": 0.16, "50_64": 0.22, "65_74": 0.3, "75_plus": 0.3, PREFER_NOT: 0.18, "": 0.14}
SURVEY_TITLE = "Neighbourhood services survey 2026"
QUESTIONS = [
    ("Q1", "How satisfied or dissatisfied are you with your neighbourhood as a place to live?", Scale.SATISFACTION),
    ("Q2", "How satisfied or dissatisfied are you with the grounds maintenance near your home?", Scale.SATISFACTION),
    ("Q3", "We keep you informed about things that matter to you.", Scale.AGREEMENT),
]


def _pick(rng, table):
    values, weights = zip(*table, strict=True)
    return rng.choices(values, weights)[0]


def seed(rng, today: datetime.date, context: dict) -> dict:
    with transaction.atomic():
        _seed_profiles(rng, today)
        _seed_survey(rng, today, context)
        _seed_weighting()
    return {}


def _seed_profiles(rng, today) -> None:
    have = set(EqualityProfile.objects.values_list("customer_id", flat=True))
    customers = list(Customer.objects.filter(erased_at__isnull=True).order_by("reference"))
    profiles, consents = [], []
    now = timezone.now()
    for customer in customers:
        answered = rng.random() < 0.66  # decide for everyone, so the stream is the same on a rerun
        values = {
            "age_band": _pick(rng, AGE),
            "sex": _pick(rng, SEX),
            "gender_identity": _pick(rng, GENDER),
            "ethnicity": _pick(rng, ETHNICITY),
            "disability": _pick(rng, DISABILITY),
            "religion": _pick(rng, RELIGION),
            "sexual_orientation": _pick(rng, ORIENTATION),
            "caring": _pick(rng, CARING),
        }
        method = rng.choice([ConsentMethod.PROFILE, ConsentMethod.SURVEY, ConsentMethod.STAFF, ConsentMethod.STAFF])
        when = now - datetime.timedelta(days=rng.randint(1, 700))
        if not answered or customer.pk in have:
            continue
        if rng.random() < 0.15:  # some answer only a few questions
            for key in ("religion", "sexual_orientation", "gender_identity"):
                values[key] = ""
        profiles.append(
            EqualityProfile(
                customer=customer, consent_given_at=when, consent_method=method,
                explanation_version=EXPLANATION_VERSION, **values,
            )
        )  # fmt: skip
        consents.append(
            EqualityConsent(customer=customer, given_at=when, method=method, explanation_version=EXPLANATION_VERSION)
        )
    EqualityProfile.objects.bulk_create(profiles, batch_size=500)
    EqualityConsent.objects.bulk_create(consents, batch_size=500)


def _seed_survey(rng, today, context) -> None:
    officer = (context.get("officers") or [None])[0]
    survey, created = Survey.objects.get_or_create(
        title=SURVEY_TITLE,
        defaults={
            "purpose": "What customers think of their neighbourhood and our grounds and estate services, to set next "
            "year's estate plans.",
            "opens_on": today - datetime.timedelta(days=45),
            "closes_on": today + datetime.timedelta(days=15),
            "created_by": officer,
            "kind": SurveyKind.GENERAL,
        },
    )
    if created:
        Question.objects.bulk_create(
            Question(survey=survey, position=n, code=code, text=text, scale=scale)
            for n, (code, text, scale) in enumerate(QUESTIONS, start=1)
        )
    if survey.responses.exists():
        return
    ages = dict(EqualityProfile.objects.values_list("customer_id", "age_band"))
    plan = []
    for customer in Customer.objects.filter(erased_at__isnull=True).select_related("estate").order_by("reference"):
        age = ages.get(customer.pk, "")
        if rng.random() >= RESPONSE_RATE.get(age, 0.14):
            continue
        older = age in ("65_74", "75_plus")
        values = {
            "Q1": _answer_value(rng, 0.78 if older else 0.6, 0, Scale.SATISFACTION, True),
            "Q2": _answer_value(rng, 0.7 if older else 0.5, 0, Scale.SATISFACTION, True),
            "Q3": _answer_value(rng, 0.72 if older else 0.55, 0, Scale.AGREEMENT, True),
        }
        channel = rng.choice([ResponseChannel.PAPER, ResponseChannel.PHONE, ResponseChannel.DOOR_KNOCK])
        plan.append((customer, today - datetime.timedelta(days=rng.randint(1, 44)), channel, "", values))
    _bulk_responses(survey, {q.code: q for q in survey.questions.all()}, plan)


def _seed_weighting() -> None:
    manager = User.objects.managers().first()
    neighbourhood = Survey.objects.filter(title=SURVEY_TITLE).first()
    if neighbourhood is not None:
        WeightingScheme.objects.get_or_create(
            survey=neighbourhood, defaults={"characteristics": ["age_band", "patch"], "chosen_by": manager}
        )
    for survey in Survey.objects.filter(kind=SurveyKind.TSM):
        WeightingScheme.objects.get_or_create(
            survey=survey, defaults={"characteristics": ["tenure", "patch", "age_band"], "chosen_by": manager}
        )
