"""The register of tenants' and residents' associations (TRAs) and forums (seed 002, "Tenant and
Resident Associations and Customer Forums"): each group's constitution, officers, area and estates,
the support the landlord gave (setting up, a bank account, grant funding: dated, with amounts) and
the date its recognition is next renewed, which the deadline engine chases (involvement/deadlines.py).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from engagement.models import Customer, Estate, Patch, Role
from engagement.storage import private_storage


class GroupKind(models.TextChoices):
    TRA = "tra", "Tenants' and residents' association"
    FORUM = "forum", "Residents' forum (informal)"


class Group(models.Model):
    name = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=10, choices=GroupKind.choices, default=GroupKind.TRA)
    patch = models.ForeignKey(Patch, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    area = models.CharField(max_length=200, blank=True, help_text="The streets or area the group covers.")
    estates = models.ManyToManyField(Estate, blank=True, related_name="resident_groups")
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"role__in": [Role.OFFICER, Role.MANAGER]},
        verbose_name="supporting officer",
    )
    constitution = models.FileField(storage=private_storage, upload_to="involvement/constitutions/", blank=True)
    constitution_content_type = models.CharField(max_length=100, blank=True, editable=False)
    constitution_adopted_on = models.DateField(null=True, blank=True)
    renewal_due_on = models.DateField(
        null=True, blank=True, db_index=True, help_text="When the group's recognition is next renewed (its AGM)."
    )
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("involvement:group_detail", args=[self.pk])

    def current_officers(self):
        return [officer for officer in self.officers.all() if officer.until is None]


class OfficerRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    SECRETARY = "secretary", "Secretary"
    TREASURER = "treasurer", "Treasurer"


class GroupOfficer(models.Model):
    """A chair, secretary or treasurer: one of our customers, or a named person who is not."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="officers")
    role = models.CharField(max_length=20, choices=OfficerRole.choices)
    customer = models.ForeignKey(Customer, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    name = models.CharField(max_length=120, blank=True, help_text="Only when the officer is not one of our customers.")
    since = models.DateField()
    until = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["role", "-since"]
        constraints = [
            models.CheckConstraint(
                condition=Q(customer__isnull=False) | ~Q(name=""), name="group_officer_customer_or_name"
            ),
            models.UniqueConstraint(
                fields=["group", "role"], condition=Q(until__isnull=True), name="group_one_current_officer_a_role"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.person}"

    @property
    def person(self) -> str:
        return self.customer.full_name if self.customer_id else self.name


class SupportKind(models.TextChoices):
    SETTING_UP = "setting_up", "Setting up the group"
    CONSTITUTION = "constitution", "Writing the constitution"
    BANK_ACCOUNT = "bank_account", "Opening a bank account"
    GRANT = "grant", "Grant funding"
    TRAINING = "training", "Training"
    PROMOTION = "promotion", "Promoting the group to residents"
    OTHER = "other", "Other support"


class GroupSupport(models.Model):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="support")
    kind = models.CharField(max_length=20, choices=SupportKind.choices)
    given_on = models.DateField()
    amount = models.DecimalField(
        max_digits=9, decimal_places=2, null=True, blank=True, help_text="In pounds; required for grant funding."
    )
    note = models.CharField(max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-given_on", "-pk"]
        verbose_name_plural = "support given"
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="grant") | Q(amount__gt=0), name="group_support_grant_has_an_amount"
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0), name="group_support_amount_0_up"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, {self.given_on:%-d %b %Y}"
