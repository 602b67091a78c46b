"""The TSM perception survey template."""

from __future__ import annotations

import datetime

from django.db import transaction

from engagement.landlord import landlord_current
from engagement.models import User

from .. import tsm
from ..models import Question, Survey, SurveyKind


def tsm_survey_create(
    *, title: str, opens_on: datetime.date, closes_on: datetime.date, created_by: User | None = None
) -> tuple[Survey, bool]:
    """Create the standard TSM perception survey (screening questions, then TP01–TP12).

    Idempotent by title: asking again returns the existing survey unchanged.
    """
    landlord = landlord_current()
    with transaction.atomic():
        survey, created = Survey.objects.get_or_create(
            title=title,
            defaults={
                "kind": SurveyKind.TSM,
                "purpose": (
                    "The Regulator of Social Housing's tenant perception survey. Your answers give our Tenant "
                    "Satisfaction Measures, which we publish and which the Customer Voice Group uses to hold us to "
                    "account."
                ),
                "tenures": tsm.TSM_TENURES,
                "population_basis": "homes",  # the Regulator's population: relevant homes
                "opens_on": opens_on,
                "closes_on": closes_on,
                "created_by": created_by,
            },
        )
        if created:
            Question.objects.bulk_create(
                Question(
                    survey=survey,
                    position=position,
                    code=item.code,
                    text=item.text.format(landlord=landlord.name),
                    scale=item.scale,
                    allow_dont_know=item.allow_dont_know,
                    required=item.required,
                    eligibility=item.eligibility,
                    screens_for=item.screens_for,
                    renters_only=item.renters_only,
                )
                for position, item in enumerate(tsm.TEMPLATE, start=1)
            )
    return survey, created
