"""Expense claims by involved customers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from engagement.models import Customer
from engagement.storage import private_storage

from .meetings import Meeting


class ExpenseKind(models.TextChoices):
    MILEAGE = "mileage", "Mileage"
    CHILDCARE = "childcare", "Childcare or care for a dependant"
    LOSS_OF_EARNINGS = "loss_of_earnings", "Loss of earnings"
    TRAVEL = "travel", "Bus, train or taxi fares"
    SUBSISTENCE = "subsistence", "Food and drink (subsistence)"
    CALLS = "calls", "Phone calls (mystery shopping)"
    OTHER = "other", "Other"


class ExpenseStatus(models.TextChoices):
    SUBMITTED = "submitted", "Waiting for a decision"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


def _receipt_path(instance, filename):
    return f"panels/receipts/{instance.customer_id}/{filename}"


class ExpenseClaim(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="expense_claims")
    kind = models.CharField("type of expense", max_length=20, choices=ExpenseKind.choices)
    incurred_on = models.DateField("date of the expense")
    description = models.CharField(max_length=300, help_text="What it was for, e.g. 'CVG meeting, 12 March'.")
    meeting = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="expenses")
    miles = models.DecimalField(max_digits=6, decimal_places=1, null=True, blank=True)
    mileage_rate = models.DecimalField(max_digits=4, decimal_places=2, null=True, blank=True)
    amount = models.DecimalField("amount (£)", max_digits=8, decimal_places=2)
    receipt = models.FileField(upload_to=_receipt_path, storage=private_storage, blank=True)
    status = models.CharField(
        max_length=20, choices=ExpenseStatus.choices, default=ExpenseStatus.SUBMITTED, db_index=True
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_reason = models.TextField(blank=True)
    # The hidden one-time token of the form that sent it: a double submit creates one claim.
    form_token = models.UUIDField(unique=True, null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="expense_amount_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} £{self.amount} – {self.customer.full_name}"

    def get_absolute_url(self) -> str:
        return reverse("panels:expense_detail", args=[self.pk])
