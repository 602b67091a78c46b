"""The Community Call for Action (seed 002, "Quality and Insight Panel"): "a Community Call for
Action form that allows customers the opportunity to bring an issue to the QIP's attention if they
feel it is an area that should be looked into", available on the website.

Every call is a deadline (community.deadlines) until the panel decides; a decision always has its
reasons (a database check) and the customer is told, in the portal if they have a login, else by
e-mail through the outbox (`told_at` records when and `told_how` how).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from engagement.models import Customer, Estate
from panels.models import Panel, PanelKind, ScrutinyProject

SCRUTINY_KINDS = [PanelKind.QUALITY_INSIGHT, PanelKind.SCRUTINY_GROUP]


class CallStatus(models.TextChoices):
    AWAITING = "awaiting", "Waiting for the panel's decision"
    ACCEPTED = "accepted", "Accepted for scrutiny"
    DECLINED = "declined", "Declined"


class CallQuerySet(models.QuerySet):
    def awaiting(self):
        return self.filter(status=CallStatus.AWAITING)

    def decided(self):
        return self.exclude(status=CallStatus.AWAITING)


class CallForAction(models.Model):
    panel = models.ForeignKey(
        Panel, on_delete=models.PROTECT, related_name="calls_for_action", limit_choices_to={"kind__in": SCRUTINY_KINDS}
    )
    issue = models.CharField("the issue, in a few words", max_length=160)
    details = models.TextField("what has happened and why the panel should look into it")
    tried_already = models.TextField(
        "what you have tried already", blank=True, help_text="For example a complaint you made, and when."
    )
    customer = models.ForeignKey(
        Customer, null=True, blank=True, on_delete=models.SET_NULL, related_name="calls_for_action"
    )
    name = models.CharField("your name", max_length=120)
    email = models.EmailField("your e-mail address", blank=True)
    phone = models.CharField("your phone number", max_length=40, blank=True)
    estate = models.ForeignKey(
        Estate, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="where you live"
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    decision_due_on = models.DateField(db_index=True)
    status = models.CharField(max_length=20, choices=CallStatus.choices, default=CallStatus.AWAITING, db_index=True)
    decision_reason = models.TextField("the panel's reasons", blank=True)
    decided_on = models.DateField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    told_at = models.DateTimeField("customer told", null=True, blank=True)
    told_how = models.CharField(max_length=20, blank=True)  # "portal", "email" or "letter"
    email_claimed_at = models.DateTimeField(null=True, blank=True)
    scrutiny_project = models.ForeignKey(
        ScrutinyProject, null=True, blank=True, on_delete=models.SET_NULL, related_name="calls_for_action"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The officer who took it by phone or in person; blank when sent through the form.",
    )
    form_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    objects = CallQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = "community call for action"
        verbose_name_plural = "community calls for action"
        constraints = [
            # A decision is never recorded without the panel's reasons and its date.
            models.CheckConstraint(
                condition=Q(status="awaiting") | (~Q(decision_reason="") & Q(decided_on__isnull=False)),
                name="call_decision_has_reasons",
            ),
            models.CheckConstraint(
                condition=~Q(email="") | ~Q(phone="") | Q(customer__isnull=False), name="call_can_be_answered"
            ),
        ]

    def __str__(self) -> str:
        return self.issue

    def get_absolute_url(self) -> str:
        return reverse("community:call_detail", args=[self.pk])
