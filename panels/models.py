"""Panels of involved customers and who is on them.

The panels helper extends this app (meetings, minutes, scrutiny, walks, recruitment, training,
expenses). Panel and Membership are defined first because the estate champion survey (surveys
app) depends on knowing which estates a champion covers.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from engagement.models import Customer, Estate, Role


class PanelKind(models.TextChoices):
    CUSTOMER_VOICE_GROUP = "cvg", "Customer Voice Group"
    SCRUTINY_GROUP = "scrutiny", "Customer Scrutiny Group"
    ESTATE_CHAMPIONS = "estate_champions", "Estate Champions"
    COMMUNICATIONS = "communications", "Communications Panel"
    CUSTOMER_EXPERIENCE = "customer_experience", "Customer Experience Panel"
    POLICY_REVIEW = "policy_review", "Policy Review Panel"
    PROCUREMENT = "procurement", "Procurement Panel"
    LEASEHOLDER_FORUM = "leaseholder_forum", "Leaseholders' Forum"
    RESIDENTS_FORUM = "residents_forum", "Residents' Forum"
    YOUTH_BOARD = "youth_board", "Youth Board"
    COMMUNITY_PANEL = "community_panel", "Community Panel"
    QUALITY_INSIGHT = "quality_insight", "Quality and Insight Panel"
    SCHEME_RESIDENTS = "scheme_residents", "Scheme residents' meeting"


class Panel(models.Model):
    name = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=30, choices=PanelKind.choices, db_index=True)
    purpose = models.TextField(blank=True)
    terms_of_reference = models.TextField(blank=True)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supported_panels",
        limit_choices_to={"role__in": [Role.OFFICER, Role.MANAGER]},
        verbose_name="supporting officer",
    )
    meets_every_months = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Meeting cadence in months (the CVG meets every 2); blank if ad hoc."
    )
    estate = models.ForeignKey(
        Estate,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="panels",
        help_text="For a forum, community panel or scheme meeting tied to one place.",
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class MembershipRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    VICE_CHAIR = "vice_chair", "Vice chair"
    MEMBER = "member", "Member"
    CHAMPION = "champion", "Estate champion"


class MembershipQuerySet(models.QuerySet):
    def current(self, on: datetime.date | None = None):
        on = on or timezone.localdate()
        return self.filter(starts_on__lte=on).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))


class Membership(models.Model):
    """A customer's place on a panel, with a role and a term. Estate champions list their estates."""

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="memberships")
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=MembershipRole.choices, default=MembershipRole.MEMBER)
    estates = models.ManyToManyField(
        Estate,
        blank=True,
        related_name="champion_memberships",
        help_text="For estate champions: the estates they look after.",
    )
    starts_on = models.DateField(default=timezone.localdate)
    ends_on = models.DateField(null=True, blank=True, help_text="End of the term; blank while open-ended.")

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["panel", "customer__last_name"]
        constraints = [
            models.UniqueConstraint(fields=["panel", "customer", "starts_on"], name="membership_unique_term"),
        ]

    def __str__(self) -> str:
        return f"{self.customer.full_name} – {self.get_role_display()}, {self.panel}"
