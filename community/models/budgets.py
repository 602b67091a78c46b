"""Community panel budgets: participatory budgeting by the community panels.

Trafford's strategy (seed 002, "Community Panels"): five panels, one for each area of the borough,
"each have a budget of £140,000 which they allocate against an agreed set of priorities that are
informed by Community Needs Assessments and a Neighbourhood Plan", meeting every other month.

Money is whole pence in integer columns (never float). `CommunityBudget.awarded_pence` is the running
total of grants awarded; a database check keeps it within `amount_pence`, and the one service that
raises it does so with a conditional UPDATE (community.services.budgets.application_decide), so two
decisions at once can never overspend.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from engagement.models import Customer
from panels.models import Meeting, Panel, PanelKind

from ..money import pounds


class CommunityBudget(models.Model):
    """One community panel's budget for one financial year (April to March)."""

    panel = models.ForeignKey(
        Panel,
        on_delete=models.PROTECT,
        related_name="community_budgets",
        limit_choices_to={"kind": PanelKind.COMMUNITY_PANEL},
    )
    year = models.PositiveSmallIntegerField(
        help_text="The financial year it starts in: 2026 for April 2026 – March 2027."
    )
    amount_pence = models.PositiveBigIntegerField("budget (pence)")
    awarded_pence = models.PositiveBigIntegerField("awarded so far (pence)", default=0, editable=False)
    needs_assessment = models.TextField(
        blank=True, help_text="Where the priorities come from: the Community Needs Assessment and Neighbourhood Plan."
    )

    class Meta:
        ordering = ["-year", "panel__name"]
        constraints = [
            models.UniqueConstraint(fields=["panel", "year"], name="community_budget_once_a_year"),
            # The last line of defence: whatever code runs, the database refuses an overspend.
            models.CheckConstraint(condition=Q(awarded_pence__lte=F("amount_pence")), name="budget_never_overspent"),
        ]

    def __str__(self) -> str:
        return f"{self.panel} {self.year_label}"

    def get_absolute_url(self) -> str:
        return reverse("community:budget_detail", args=[self.pk])

    @property
    def year_label(self) -> str:
        return f"{self.year}/{(self.year + 1) % 100:02d}"

    @property
    def remaining_pence(self) -> int:
        return self.amount_pence - self.awarded_pence


class FundingPriority(models.Model):
    """One of a panel's agreed priorities for the year, from its needs assessment or neighbourhood plan."""

    budget = models.ForeignKey(CommunityBudget, on_delete=models.CASCADE, related_name="priorities")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=160)
    source = models.CharField(
        max_length=160, blank=True, help_text="e.g. Community Needs Assessment 2025, Neighbourhood Plan section 3"
    )

    class Meta:
        ordering = ["budget", "number"]
        constraints = [models.UniqueConstraint(fields=["budget", "number"], name="priority_number_once")]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", "Waiting for the panel"
    AWARDED = "awarded", "Awarded"
    DECLINED = "declined", "Not funded"
    WITHDRAWN = "withdrawn", "Withdrawn"


class ApplicationQuerySet(models.QuerySet):
    def awarded(self):
        return self.filter(status=ApplicationStatus.AWARDED)

    def visible_to(self, user):
        """Staff see every application; a customer only the ones they sent."""
        if user.is_engagement_staff:
            return self
        return self.filter(applicant__user=user) if user.is_authenticated else self.none()


class FundingApplication(models.Model):
    """A group's or resident's bid for money from a community panel's budget."""

    budget = models.ForeignKey(CommunityBudget, on_delete=models.PROTECT, related_name="applications")
    priority = models.ForeignKey(
        FundingPriority, on_delete=models.PROTECT, related_name="applications", verbose_name="which priority it meets"
    )
    group_name = models.CharField(
        "group or project name", max_length=160, blank=True, help_text="Leave blank if you are applying as a resident."
    )
    applicant = models.ForeignKey(
        Customer,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="funding_applications",
        help_text="The customer who applied, or for whom staff applied.",
    )
    contact_name = models.CharField(max_length=120)
    contact_details = models.CharField(max_length=200, help_text="An e-mail address or phone number.")
    name_may_be_published = models.BooleanField("the applicant agreed to their own name being published", default=False)
    title = models.CharField("project title", max_length=160)
    purpose = models.TextField("what the money is for")
    outcomes = models.TextField("what difference it will make")
    requested_pence = models.PositiveBigIntegerField("amount asked for (pence)")
    status = models.CharField(
        max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.SUBMITTED, db_index=True
    )
    awarded_pence = models.PositiveBigIntegerField("amount awarded (pence)", default=0)
    decided_at_meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="funding_decisions"
    )
    decision_reason = models.TextField(blank=True)
    decided_on = models.DateField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcomes_achieved = models.TextField("what the money achieved", blank=True)
    outcomes_reported_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The officer who entered it for a group; blank when a customer applied themselves.",
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    form_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(requested_pence__gt=0), name="application_asks_for_something"),
            models.CheckConstraint(
                condition=~Q(status="awarded") | (Q(awarded_pence__gt=0) & Q(decided_at_meeting__isnull=False)),
                name="award_has_amount_and_meeting",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["submitted", "withdrawn"]) | ~Q(decision_reason=""),
                name="funding_decision_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("community:application_detail", args=[self.pk])

    @property
    def public_name(self) -> str:
        """Who got the money, as the public page says it: a group by name, a resident only with consent."""
        if self.group_name:
            return self.group_name
        if self.name_may_be_published and self.contact_name:
            return self.contact_name
        return "A local resident"

    @property
    def paid_pence(self) -> int:
        return sum(payment.amount_pence for payment in self.payments.all())


SCORE_CHOICES = [(0, "0 – does not meet it"), (1, "1 – partly meets it"), (2, "2 – meets it"), (3, "3 – meets it well")]


class ApplicationScore(models.Model):
    """How well an application meets one of the panel's priorities, as the panel scored it."""

    application = models.ForeignKey(FundingApplication, on_delete=models.CASCADE, related_name="scores")
    priority = models.ForeignKey(FundingPriority, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField(choices=SCORE_CHOICES)
    scored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["application", "priority__number"]
        constraints = [
            models.UniqueConstraint(fields=["application", "priority"], name="score_once_per_priority"),
            models.CheckConstraint(condition=Q(score__lte=3), name="score_at_most_three"),
        ]

    def __str__(self) -> str:
        return f"{self.priority}: {self.score}"


class Payment(models.Model):
    """Money paid out against an award (grants are often paid in instalments)."""

    application = models.ForeignKey(FundingApplication, on_delete=models.PROTECT, related_name="payments")
    amount_pence = models.PositiveBigIntegerField("amount (pence)")
    paid_on = models.DateField(default=timezone.localdate)
    reference = models.CharField(max_length=60, blank=True, help_text="The finance system's payment reference.")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    form_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["paid_on", "pk"]
        constraints = [models.CheckConstraint(condition=Q(amount_pence__gt=0), name="payment_positive")]

    def __str__(self) -> str:
        return f"{pounds(self.amount_pence)} on {self.paid_on:%-d %b %Y}"
