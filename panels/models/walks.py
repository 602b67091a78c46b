"""Estate walkabouts: who came, the issues found, and the letters we print for people offline."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from engagement.models import Customer, Estate, Role
from engagement.storage import private_storage


class WalkKind(models.TextChoices):
    ESTATE = "estate", "Estate walkabout"
    BLOCK = "block", "Block walkabout"
    STREET = "street", "Street walkabout"
    ISSUE = "issue", "Issue-based walkabout"
    PARTNER = "partner", "Partner walkabout"
    YOUNG_PEOPLE = "young_people", "Young people's walkabout"
    RIDE_ABOUT = "ride_about", "Ride-about (transport provided)"


class WalkStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    HELD = "held", "Held"
    CANCELLED = "cancelled", "Cancelled"


class EstateWalk(models.Model):
    kind = models.CharField(max_length=20, choices=WalkKind.choices, default=WalkKind.ESTATE)
    estate = models.ForeignKey(Estate, on_delete=models.PROTECT, related_name="walks")
    area = models.CharField(
        max_length=200, blank=True, help_text="The block, street or issue, e.g. 'Alder Close' or 'litter'."
    )
    walks_on = models.DateField("date")
    starts_at = models.TimeField("start time", null=True, blank=True)
    route = models.TextField(blank=True, help_text="Where the walk starts, goes and ends.")
    lead_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="led_walks",
        limit_choices_to={"role__in": [Role.OFFICER, Role.MANAGER]},
    )
    status = models.CharField(max_length=20, choices=WalkStatus.choices, default=WalkStatus.PLANNED)
    actions_sent_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-walks_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["estate", "walks_on", "kind", "area"], name="walk_once"),
        ]

    def __str__(self) -> str:
        where = f"{self.estate}, {self.area}" if self.area else str(self.estate)
        return f"{self.get_kind_display()}: {where} ({self.walks_on:%-d %b %Y})"

    def get_absolute_url(self) -> str:
        return reverse("panels:walk_detail", args=[self.pk])


class AttendeeKind(models.TextChoices):
    CUSTOMER = "customer", "Customer"
    OFFICER = "officer", "Officer"
    PARTNER = "partner", "Partner"


class WalkAttendee(models.Model):
    walk = models.ForeignKey(EstateWalk, on_delete=models.CASCADE, related_name="attendees")
    kind = models.CharField(max_length=20, choices=AttendeeKind.choices)
    customer = models.ForeignKey(Customer, null=True, blank=True, on_delete=models.CASCADE, related_name="walks")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="walks_attended"
    )
    name = models.CharField(max_length=120, blank=True, help_text="For a partner: the person's name.")
    organisation = models.CharField(max_length=120, blank=True, help_text="e.g. West Midlands Police")
    email = models.EmailField(blank=True)
    actions_sent_on = models.DateField(null=True, blank=True)
    # A partner's email copy is claimed (conditional UPDATE) before sending, like notifications.
    email_claimed_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    form_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)  # one-time form token

    class Meta:
        ordering = ["walk", "kind", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["walk", "customer"], condition=Q(customer__isnull=False), name="walk_customer_once"
            ),
            models.UniqueConstraint(fields=["walk", "user"], condition=Q(user__isnull=False), name="walk_user_once"),
            models.CheckConstraint(
                condition=(Q(kind="customer", customer__isnull=False) | Q(kind="officer", user__isnull=False))
                | Q(kind="partner", customer__isnull=True, user__isnull=True),
                name="walk_attendee_matches_kind",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.customer_id:
            return self.customer.full_name
        if self.user_id:
            return str(self.user)
        return ", ".join(part for part in (self.name, self.organisation) if part)


def _walk_photo_path(instance, filename):
    return f"panels/walks/{instance.walk_id}/{filename}"


class WalkIssue(models.Model):
    """Something found on a walk, where it was, and the action agreed for it."""

    walk = models.ForeignKey(EstateWalk, on_delete=models.CASCADE, related_name="issues")
    description = models.TextField("what we found")
    location = models.CharField(max_length=200, help_text="Where exactly, e.g. 'bin store behind 12–20 Alder Close'.")
    photo = models.ImageField(upload_to=_walk_photo_path, storage=private_storage, blank=True)
    action = models.OneToOneField(
        "engagement.Action", null=True, blank=True, on_delete=models.SET_NULL, related_name="walk_issue"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["walk", "pk"]

    def __str__(self) -> str:
        return f"{self.location}: {self.description[:60]}"


class Letter(models.Model):
    """A letter staff must print and post, for someone we cannot reach online.

    `key` says what it is about (e.g. "walk:12"); unique with the recipient, so sending the
    same thing twice never queues a second letter.
    """

    customer = models.ForeignKey(Customer, null=True, blank=True, on_delete=models.CASCADE, related_name="letters")
    recipient = models.CharField(max_length=200)
    address = models.TextField(blank=True)
    key = models.CharField(max_length=60)
    title = models.CharField(max_length=200)
    body = models.TextField()
    format_needs = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    printed_on = models.DateField(null=True, blank=True)
    printed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["printed_on", "created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["recipient", "address", "key"], name="letter_once")]

    def __str__(self) -> str:
        return f"{self.title} – {self.recipient}"
