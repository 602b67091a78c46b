"""Writes: recording equality information with the consent behind it, withdrawing it, and the
manager's choice of weighting."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from engagement.models import Customer

from .characteristics import EQUALITY_FIELDS
from .consent import EXPLANATION_VERSION
from .models import EqualityConsent, EqualityProfile, WeightingScheme


@transaction.atomic
def equality_profile_record(
    *, customer: Customer, answers: dict[str, str], method: str, recorded_by=None, version: str = EXPLANATION_VERSION
) -> EqualityProfile:
    """Store the customer's answers (all of them: an empty answer clears the old one) and the consent
    they were given under: when, how and which explanation."""
    now = timezone.now()
    values = {name: answers.get(name, "") or "" for name in EQUALITY_FIELDS}
    profile, _created = EqualityProfile.objects.update_or_create(
        customer=customer,
        defaults={**values, "consent_given_at": now, "consent_method": method, "explanation_version": version},
    )
    EqualityConsent.objects.create(
        customer=customer, given_at=now, method=method, explanation_version=version, recorded_by=recorded_by
    )
    return profile


@transaction.atomic
def equality_profile_withdraw(*, customer: Customer, method: str, recorded_by=None) -> bool:
    """The customer withdrew consent: their answers are deleted, the withdrawal recorded."""
    deleted, _ = EqualityProfile.objects.filter(customer=customer).delete()
    EqualityConsent.objects.create(
        customer=customer,
        given_at=timezone.now(),
        method=method,
        explanation_version=EXPLANATION_VERSION,
        recorded_by=recorded_by,
        withdrawn=True,
    )
    return bool(deleted)


def weighting_scheme_set(*, survey, characteristics: list[str], method: str, user) -> WeightingScheme | None:
    """The manager's choice; no characteristics means the survey is not weighted."""
    if not characteristics:
        WeightingScheme.objects.filter(survey=survey).delete()
        return None
    scheme, _ = WeightingScheme.objects.update_or_create(
        survey=survey, defaults={"characteristics": list(characteristics), "method": method, "chosen_by": user}
    )
    return scheme
