"""Awards: Trafford Treasures, the annual customer award scheme (seed 002, "Trafford Treasures").

"Customers can nominate a family member, friend or neighbour by completing a simple form explaining
who they are nominating and why." Winners are celebrated in public, so a nominee's name is published
only once their consent is recorded (who took it, when and how); until then the public page says
"A resident of <area>" (`Nomination.public_name`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from engagement.models import Patch


class AwardRound(models.Model):
    """One year's awards: nominations open and close, then a celebration evening."""

    name = models.CharField(max_length=120, unique=True, help_text="e.g. Trafford Treasures 2026")
    year = models.PositiveSmallIntegerField(unique=True)
    opens_on = models.DateField()
    closes_on = models.DateField()
    ceremony_on = models.DateField("celebration evening", null=True, blank=True)
    winners_announced = models.BooleanField(
        default=False, help_text="Tick once the winners have been told: only then does the public page list them."
    )

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(condition=Q(closes_on__gte=models.F("opens_on")), name="round_closes_after_it_opens")
        ]

    def __str__(self) -> str:
        return self.name

    def is_open(self, on=None) -> bool:
        on = on or timezone.localdate()
        return self.opens_on <= on <= self.closes_on


class AwardCategory(models.Model):
    award_round = models.ForeignKey(AwardRound, on_delete=models.CASCADE, related_name="categories")
    name = models.CharField(max_length=120)
    description = models.CharField(max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["award_round", "position", "name"]
        verbose_name_plural = "award categories"
        constraints = [models.UniqueConstraint(fields=["award_round", "name"], name="award_category_once")]

    def __str__(self) -> str:
        return self.name


class NominationStatus(models.TextChoices):
    RECEIVED = "received", "Received"
    SHORTLISTED = "shortlisted", "Shortlisted"
    WINNER = "winner", "Winner"
    NOT_SHORTLISTED = "not_shortlisted", "Not shortlisted"


class Nomination(models.Model):
    category = models.ForeignKey(AwardCategory, on_delete=models.PROTECT, related_name="nominations")
    nominee_name = models.CharField("their name", max_length=120)
    nominee_area = models.ForeignKey(
        Patch, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="the area they live in"
    )
    nominee_contact = models.CharField(
        "how we can reach them",
        max_length=200,
        blank=True,
        help_text="An address, e-mail or phone number, if you know it.",
    )
    reason = models.TextField("why you are nominating them")
    nominator_name = models.CharField("your name", max_length=120)
    nominator_contact = models.CharField(
        "your e-mail address or phone number", max_length=200, help_text="So we can tell you what happens next."
    )
    status = models.CharField(
        max_length=20, choices=NominationStatus.choices, default=NominationStatus.RECEIVED, db_index=True
    )
    public_citation = models.CharField(
        "what the public page says about them",
        max_length=300,
        blank=True,
        help_text="One or two sentences for the winners page, naming nobody else.",
    )
    consent_recorded_at = models.DateTimeField("consent to publish their name recorded", null=True, blank=True)
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    consent_how = models.CharField(
        "how they gave consent", max_length=200, blank=True, help_text="e.g. signed consent form, phone call 3 May"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The officer who took it on someone's behalf; blank when sent through the public form.",
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    form_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["category", "-submitted_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(consent_recorded_at__isnull=True) | ~Q(consent_how=""), name="nominee_consent_says_how"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nominee_name} ({self.category})"

    def get_absolute_url(self) -> str:
        return reverse("community:nomination_detail", args=[self.pk])

    @property
    def has_consent(self) -> bool:
        return self.consent_recorded_at is not None

    @property
    def public_name(self) -> str:
        """The nominee as the public sees them: their name only with consent recorded."""
        if self.has_consent:
            return self.nominee_name
        return f"A resident of {self.nominee_area}" if self.nominee_area_id else "A resident"
