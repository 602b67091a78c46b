"""API clients (one bearer token each, with scopes) and the log of every call they make.

Only a SHA-256 hash of a token is kept (as GitHub and pretix do): the token is shown once, when the
administrator creates it, and cannot be read back. A token is 32 random bytes, so a fast hash is
enough (there is nothing to guess); a slow password hash would cost every API call.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from engagement.models import Customer


class Scope(models.TextChoices):
    """What a token may read. Personal data only through PERSONAL and CUSTOMER_SELF."""

    FIGURES = "figures:read", "Figures: complaints, TSMs and charter measures per quarter (no personal data)"
    ACTIVITIES = "activities:read", "Engagement activities (no free text, no names)"
    ACTIONS = "actions:read", '"You said, we did" actions with their public wording only'
    COMPLAINTS = "complaints:read", "Complaints: dates, stage, status, category and outcome (no names, no text)"
    PERSONAL = "personal:read", "Personal data: names, contact details and free text on the records above"
    CUSTOMER_SELF = "customer:self", "One customer's own complaints and actions (needs a customer)"


# A customer-bound token reads its customer's records, and may also read figures (no personal data).
CUSTOMER_BOUND_SCOPES = {Scope.CUSTOMER_SELF, Scope.FIGURES}


class ApiClientQuerySet(models.QuerySet):
    def usable(self, now=None):
        now = now or timezone.now()
        return self.filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now), revoked_at__isnull=True)


class ApiClient(models.Model):
    """One of the landlord's other systems (a BI tool, the housing system, a customer's app) and its token."""

    name = models.CharField("client name", max_length=120, help_text='For example "Power BI — board figures".')
    # Space-separated, as OAuth writes scopes: "figures:read actions:read" (the same on SQLite and PostgreSQL).
    scopes = models.CharField(max_length=200, help_text="What the token may read.")
    customer = models.ForeignKey(
        Customer,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="api_clients",
        help_text='Only for a "customer:self" token: the one customer whose records it reads.',
    )
    token_prefix = models.CharField(max_length=12, editable=False, help_text="The token's first characters.")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    expires_at = models.DateTimeField(null=True, blank=True, help_text="Leave blank for a token that does not expire.")
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    objects = ApiClientQuerySet.as_manager()

    class Meta:
        verbose_name = "API client"
        ordering = ["name", "pk"]
        constraints = [
            # customer:self without a customer would read nobody's records; with one, everybody's.
            models.CheckConstraint(
                condition=Q(customer__isnull=True) | Q(scopes__contains="customer:self"),
                name="api_client_customer_needs_customer_scope",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.token_prefix}…)"

    @property
    def scope_list(self) -> list[str]:
        return self.scopes.split()

    def has_scope(self, scope: str) -> bool:
        return scope in self.scope_list

    @property
    def status(self) -> str:
        if self.revoked_at:
            return "revoked"
        if self.expires_at and self.expires_at <= timezone.now():
            return "expired"
        return "active"


class ApiCall(models.Model):
    """One request to the API: who, what, the answer and how long it took. Never a body."""

    client = models.ForeignKey(ApiClient, null=True, blank=True, on_delete=models.PROTECT, related_name="calls")
    method = models.CharField(max_length=10)
    path = models.CharField(max_length=300)
    status = models.PositiveSmallIntegerField()
    at = models.DateTimeField(default=timezone.now, db_index=True)
    duration_ms = models.PositiveIntegerField()

    class Meta:
        verbose_name = "API call"
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["client", "at"])]

    def __str__(self) -> str:
        return f"{self.method} {self.path} {self.status}"
