"""Scrutiny projects: evidence, recommendations and the management response."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from engagement.models import Role
from engagement.storage import private_storage

from .membership import Panel, PanelKind


class ScrutinyStatus(models.TextChoices):
    SCOPING = "scoping", "Scoping"
    EVIDENCE = "evidence", "Evidence gathering"
    REPORTING = "reporting", "Reporting"
    RESPONSE = "response", "Management response"
    MONITORING = "monitoring", "Monitoring"
    CLOSED = "closed", "Closed"


SCRUTINY_ORDER = list(ScrutinyStatus.values)


def _scrutiny_path(instance, filename):
    return f"panels/scrutiny/{instance.pk or 'new'}/{filename}"


class ScrutinyProject(models.Model):
    """A customer-led deep dive into one service (Customer Scrutiny Group or QIP)."""

    panel = models.ForeignKey(
        Panel,
        on_delete=models.PROTECT,
        related_name="scrutiny_projects",
        limit_choices_to={"kind__in": [PanelKind.SCRUTINY_GROUP, PanelKind.QUALITY_INSIGHT]},
    )
    topic = models.CharField(max_length=200, unique=True)
    scope = models.TextField(blank=True, help_text="What the review will and will not look at, and why.")
    lead_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="scrutiny_projects",
        limit_choices_to={"role__in": [Role.OFFICER, Role.MANAGER]},
    )
    status = models.CharField(
        max_length=20, choices=ScrutinyStatus.choices, default=ScrutinyStatus.SCOPING, db_index=True
    )
    started_on = models.DateField(default=timezone.localdate)
    findings = models.TextField(blank=True)
    report_text = models.TextField("final report", blank=True)
    report_file = models.FileField("final report (PDF)", upload_to=_scrutiny_path, storage=private_storage, blank=True)
    report_delivered_on = models.DateField(null=True, blank=True, db_index=True)
    closed_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-started_on", "topic"]

    def __str__(self) -> str:
        return self.topic

    def get_absolute_url(self) -> str:
        return reverse("panels:scrutiny_detail", args=[self.pk])

    @property
    def has_report(self) -> bool:
        return bool(self.report_text.strip() or self.report_file)


class EvidenceKind(models.TextChoices):
    NOTE = "note", "Notes"
    DOCUMENT = "document", "Document or data"
    MYSTERY_SHOPPING = "mystery_shopping", "Mystery shopping findings"
    INTERVIEW = "interview", "Interview with staff or contractors"
    CUSTOMER_VIEWS = "customer_views", "Customers' views"


def _evidence_path(instance, filename):
    return f"panels/scrutiny/{instance.project_id}/evidence/{filename}"


class Evidence(models.Model):
    project = models.ForeignKey(ScrutinyProject, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(max_length=20, choices=EvidenceKind.choices, default=EvidenceKind.NOTE)
    title = models.CharField(max_length=200)
    notes = models.TextField(blank=True)
    file = models.FileField(upload_to=_evidence_path, storage=private_storage, blank=True)
    gathered_on = models.DateField(default=timezone.localdate)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    form_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)  # one-time form token

    class Meta:
        ordering = ["project", "gathered_on", "pk"]
        verbose_name_plural = "evidence"

    def __str__(self) -> str:
        return self.title


class ResponseDecision(models.TextChoices):
    ACCEPTED = "accepted", "Accepted"
    PARTLY = "partly", "Partly accepted"
    REJECTED = "rejected", "Rejected"


class Recommendation(models.Model):
    project = models.ForeignKey(ScrutinyProject, on_delete=models.CASCADE, related_name="recommendations")
    number = models.PositiveSmallIntegerField()
    text = models.TextField("recommendation")
    decision = models.CharField("management response", max_length=20, choices=ResponseDecision.choices, blank=True)
    response = models.TextField("response", blank=True)
    responded_on = models.DateField(null=True, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    form_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)  # one-time form token

    class Meta:
        ordering = ["project", "number"]
        constraints = [models.UniqueConstraint(fields=["project", "number"], name="recommendation_number_once")]

    def __str__(self) -> str:
        return f"Recommendation {self.number}"
