"""Equality information a customer chose to give us, the consent behind it, and how a survey is weighted.

Equality information is special category data (UK GDPR article 9): it lives here, apart from the
Customer record everyone on the team reads, with its own consent record. Only the manager (and the
customer themself) ever sees one person's answers; everywhere else it is counted, with small cells
suppressed (voice.statistics.suppress). It is not registered in the Django admin for that reason.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from engagement.models import Customer

from .characteristics import (
    AGE_BAND,
    CARING,
    DISABILITY,
    ETHNICITY,
    GENDER_IDENTITY,
    RELIGION,
    SEX,
    SEXUAL_ORIENTATION,
    Characteristic,
)


class ConsentMethod(models.TextChoices):
    PROFILE = "profile", "On their own profile page"
    SURVEY = "survey", "On a survey's last page"
    STAFF = "staff", "With a member of staff assisting"


def _field(characteristic: Characteristic) -> models.CharField:
    return models.CharField(
        characteristic.label, max_length=40, blank=True, default="", choices=characteristic.choices()
    )


class EqualityProfile(models.Model):
    """One customer's self-declared equality characteristics (each optional; "" = not answered)."""

    customer = models.OneToOneField(Customer, on_delete=models.CASCADE, related_name="equality")
    age_band = _field(AGE_BAND)
    sex = _field(SEX)
    gender_identity = _field(GENDER_IDENTITY)
    ethnicity = _field(ETHNICITY)
    disability = _field(DISABILITY)
    religion = _field(RELIGION)
    sexual_orientation = _field(SEXUAL_ORIENTATION)
    caring = _field(CARING)
    # The consent in force: when, how and which explanation the customer was shown.
    consent_given_at = models.DateTimeField()
    consent_method = models.CharField(max_length=20, choices=ConsentMethod.choices)
    explanation_version = models.CharField(max_length=20)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["age_band"]), models.Index(fields=["ethnicity"])]

    def __str__(self) -> str:
        # Never the answers: this text is what the audit log keeps.
        return f"Equality information of customer {self.customer_id}"


class EqualityConsent(models.Model):
    """Every time a customer gave (or withdrew) consent and their answers were recorded."""

    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="equality_consents")
    given_at = models.DateTimeField()
    method = models.CharField(max_length=20, choices=ConsentMethod.choices)
    explanation_version = models.CharField(max_length=20)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The member of staff who assisted; blank when the customer answered themselves.",
    )
    withdrawn = models.BooleanField(
        default=False, help_text="The customer withdrew consent; their answers were removed."
    )

    class Meta:
        ordering = ["-given_at", "-pk"]

    def __str__(self) -> str:
        return f"Consent of customer {self.customer_id} on {self.given_at:%-d %b %Y}"


class WeightingMethod(models.TextChoices):
    RAKE = "rake", "Raking (matches each characteristic's totals)"
    CELL = "cell", "Cell weighting (matches every combination)"


class WeightingScheme(models.Model):
    """How the manager chose to weight one satisfaction or TSM survey against the customer profile."""

    survey = models.OneToOneField("surveys.Survey", on_delete=models.CASCADE, related_name="weighting")
    characteristics = models.JSONField(default=list, help_text="Dimension keys, e.g. ['tenure', 'patch'].")
    method = models.CharField(max_length=10, choices=WeightingMethod.choices, default=WeightingMethod.RAKE)
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    chosen_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Weighting of {self.survey}"
