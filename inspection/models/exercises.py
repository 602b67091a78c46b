"""Customer inspectors and mystery shoppers (seed 002, "Customer Inspectors and Mystery Shopping",
"Mystery Shopping Telephone Calls" and "CIRCLE").

An exercise tests one service against its standards: overt (an inspection: staff know) or covert
(a mystery shop, in person, online or by telephone from home). The Community and Partnerships Team
designs the scenario and checklist with the service; customers carry it out and score each item;
"a report will be produced after each exercise with recommendations and suggestions for
improvements and any aspects of positive practice identified"; "a service improvement plan is
produced which shows the areas for development ..., the actions required and a timescale". The
plan's actions are the shared engagement Action (source = the exercise), monitored like any other.
CIRCLE exercises, planned with partner landlords in Greater Manchester, are recorded as such.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from engagement.models import Customer, Role
from panels.models import ExpenseClaim, Panel


class ExerciseKind(models.TextChoices):
    INSPECTION = "inspection", "Customer inspection (overt)"
    MYSTERY_SHOP = "mystery_shop", "Mystery shop (covert)"


class ExerciseMethod(models.TextChoices):
    VISIT = "visit", "In person"
    TELEPHONE = "telephone", "Telephone, from home"
    ONLINE = "online", "Online or e-mail"
    DOCUMENTS = "documents", "Reviewing documents or letters"


class ExerciseStatus(models.TextChoices):
    PLANNING = "planning", "Planning the scenario and checklist"
    FIELDWORK = "fieldwork", "Customers carrying it out"
    REPORTING = "reporting", "Writing the report"
    MONITORING = "monitoring", "Monitoring the improvement plan"
    CLOSED = "closed", "Closed"


EXERCISE_ORDER = list(ExerciseStatus.values)


class Exercise(models.Model):
    title = models.CharField(max_length=160, unique=True)
    kind = models.CharField(max_length=20, choices=ExerciseKind.choices)
    method = models.CharField(max_length=20, choices=ExerciseMethod.choices)
    service_tested = models.CharField(max_length=160, help_text="e.g. Repairs reporting line, Lettings")
    scenario = models.TextField(blank=True, help_text="What the customers will do or ask, agreed with the service.")
    circle = models.BooleanField(
        "a CIRCLE exercise", default=False, help_text="Planned and carried out with partner landlords' customers."
    )
    partner_landlords = models.CharField(
        max_length=300, blank=True, help_text="For a CIRCLE exercise: the partner landlords taking part."
    )
    commissioned_by = models.ForeignKey(
        Panel,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inspection_exercises",
        help_text="The scrutiny panel that asked for it, if any.",
    )
    lead_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="inspection_exercises",
        limit_choices_to={"role__in": [Role.OFFICER, Role.MANAGER]},
    )
    planned_on = models.DateField("planned start", default=timezone.localdate)
    carried_out_on = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=ExerciseStatus.choices, default=ExerciseStatus.PLANNING, db_index=True
    )
    findings = models.TextField(blank=True)
    recommendations = models.TextField(blank=True, help_text="One a line.")
    good_practice = models.TextField("good practice to share", blank=True)
    report_issued_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-planned_on", "title"]
        constraints = [
            models.CheckConstraint(condition=Q(circle=False) | ~Q(partner_landlords=""), name="circle_names_partners"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("inspection:exercise_detail", args=[self.pk])

    @property
    def recommendation_list(self) -> list[str]:
        return [line.strip(" -•\t") for line in self.recommendations.splitlines() if line.strip(" -•\t")]


class ChecklistItem(models.Model):
    """One thing the customers check, scored 0 (not met) to `max_score`."""

    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="checklist")
    number = models.PositiveSmallIntegerField()
    question = models.CharField(max_length=300, help_text="e.g. Was the call answered within 30 seconds?")
    standard = models.CharField(max_length=200, blank=True, help_text="The service standard it tests.")
    max_score = models.PositiveSmallIntegerField(default=5)

    class Meta:
        ordering = ["exercise", "number"]
        constraints = [models.UniqueConstraint(fields=["exercise", "number"], name="checklist_number_once")]

    def __str__(self) -> str:
        return f"{self.number}. {self.question}"


class Participant(models.Model):
    """A customer who took part, with their expenses (a panels expense claim) and when they were paid."""

    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="participants")
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT, related_name="inspection_roles")
    from_partner = models.CharField(
        "from a partner landlord", max_length=120, blank=True, help_text="For CIRCLE: the partner's customer."
    )
    expense_claim = models.OneToOneField(
        ExpenseClaim, null=True, blank=True, on_delete=models.SET_NULL, related_name="inspection_participant"
    )
    expenses_paid_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["exercise", "customer__last_name"]
        constraints = [models.UniqueConstraint(fields=["exercise", "customer"], name="participant_once")]

    def __str__(self) -> str:
        return self.customer.full_name


class ItemScore(models.Model):
    item = models.ForeignKey(ChecklistItem, on_delete=models.CASCADE, related_name="scores")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="scores")
    score = models.PositiveSmallIntegerField()
    comment = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["item", "participant"]
        constraints = [models.UniqueConstraint(fields=["item", "participant"], name="item_scored_once")]

    def __str__(self) -> str:
        return f"{self.item}: {self.score}"
