"""Engagement activities, their reports and the chasing of late reports.

The seed asks for every engagement activity to be recorded (where, when, what type and why,
how many customers, the outcome and the actions that follow) and for the report to reach the
Customer Engagement Team "no later than 1 week after the event has taken place".
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from engagement.models import Estate, Patch, Role
from engagement.quarters import local_day_bounds
from engagement.storage import private_storage

from .deadlines import owed_due_expression, report_due_for


class ActivityType(models.TextChoices):
    SURVEY = "survey", "Survey"
    MEETING = "meeting", "Customer meeting"
    DOOR_KNOCK = "door_knock", "Door knock"
    FORUM = "forum", "Forum"
    THEMED_DAY = "themed_day", "Themed community day"
    ESTATE_WALK = "estate_walk", "Estate walk"
    FOCUS_GROUP = "focus_group", "Focus group"
    COFFEE_MORNING = "coffee_morning", "Coffee morning"
    CONSULTATION = "consultation", "Consultation event"
    LIFESTYLE = "lifestyle", "Lifestyle or social activity"
    BREAKFAST_CLUB = "breakfast_club", "Breakfast club"
    INFORMAL_CHAT = "informal_chat", "Informal chat"
    OTHER = "other", "Other"


# Seed 2.1 "An engagement activity is not": a lifestyle activity, a breakfast club "where no feedback on
# services is being taken", an informal chat "where no noted feedback is taken". Every social type is
# judged the same way (a coffee morning is a breakfast club by another name): it counts as engagement,
# in every measure, dashboard and board figure, only when feedback on services was taken and noted.
SOCIAL_TYPES = frozenset(
    {ActivityType.LIFESTYLE, ActivityType.BREAKFAST_CLUB, ActivityType.INFORMAL_CHAT, ActivityType.COFFEE_MORNING}
)
FEEDBACK_REQUIRED_TYPES = SOCIAL_TYPES


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    HELD = "held", "Held – report due"
    REPORTED = "reported", "Report filed"
    RETURNED = "returned", "Report returned"
    VERIFIED = "verified", "Verified"
    CANCELLED = "cancelled", "Cancelled"


# Reports still owed: a planned activity whose date has passed owes its report just as a held one does.
AWAITING_REPORT = (ActivityStatus.PLANNED, ActivityStatus.HELD)
# Statuses from which a report can be filed (a returned report is corrected and filed again).
FILEABLE = (ActivityStatus.PLANNED, ActivityStatus.HELD, ActivityStatus.RETURNED)
# The activity took place (what the charter counts).
TOOK_PLACE = (ActivityStatus.HELD, ActivityStatus.REPORTED, ActivityStatus.RETURNED, ActivityStatus.VERIFIED)


def engagement_rule_check(*, activity_type: str, feedback_captured: bool, feedback_notes: str) -> None:
    """Refuse a lifestyle/social activity, breakfast club or informal chat with no noted feedback.

    Seed 2.1: an engagement activity is "where we gain customer insight and use this to improve
    our services"; a lifestyle activity, a breakfast club "where no feedback on services is being
    taken" and "an informal chat where no noted feedback is taken" are not engagement.
    """
    if activity_type not in FEEDBACK_REQUIRED_TYPES:
        return
    label = ActivityType(activity_type).label.lower()
    if not feedback_captured:
        raise ValidationError(
            {
                "feedback_captured": (
                    f"A {label} counts as engagement only when customers' feedback on our services was captured. "
                    "If no feedback was taken it cannot be recorded as an engagement activity."
                )
            }
        )
    if not (feedback_notes or "").strip():
        raise ValidationError(
            {
                "feedback_notes": (
                    f"Note the feedback customers gave: a {label} counts as engagement only when the feedback "
                    "is written down."
                )
            }
        )


def is_real_engagement_q() -> Q:
    """Rows that count as engagement under the seed's rule (usable in filters and aggregates)."""
    # Notes of only spaces are no notes (the forms strip them; a row from the admin may not be).
    return ~Q(activity_type__in=FEEDBACK_REQUIRED_TYPES) | Q(feedback_captured=True, feedback_notes__regex=r"\S")


class ActivityQuerySet(models.QuerySet):
    def for_lists(self):
        return self.select_related("lead_officer", "estate", "patch").with_owed_date()

    def with_owed_date(self):
        """Annotate `report_owed_on` (the resubmission date once a report was returned)."""
        if "report_owed_on" in self.query.annotations:
            return self
        return self.annotate(report_owed_on=owed_due_expression())

    def led_by(self, user):
        return self.filter(lead_officer=user)

    def awaiting_report(self, now: datetime.datetime | None = None):
        """First reports owed: the activity has started and no report has been filed."""
        return self.filter(status__in=AWAITING_REPORT, starts_at__lte=now or timezone.now())

    def reports_owed(self, now: datetime.datetime | None = None):
        """Every report owed, first reports and those returned for changes, annotated with
        `report_owed_on` (the date it is owed by; see activities.deadlines)."""
        return self.filter(
            Q(status__in=AWAITING_REPORT, starts_at__lte=now or timezone.now()) | Q(status=ActivityStatus.RETURNED)
        ).with_owed_date()

    def overdue(self, today: datetime.date | None = None):
        return self.reports_owed().filter(report_owed_on__lt=today or timezone.localdate())

    def took_place(self):
        return self.filter(status__in=TOOK_PLACE)

    def real_engagement(self):
        return self.filter(is_real_engagement_q())

    def started_between(self, start: datetime.date, end: datetime.date):
        """Activities starting on local days start..end (inclusive), on the starts_at index."""
        first, after = local_day_bounds(start, end)
        return self.filter(starts_at__gte=first, starts_at__lt=after)


class EngagementActivity(models.Model):
    activity_type = models.CharField("type of activity", max_length=20, choices=ActivityType.choices, db_index=True)
    title = models.CharField(max_length=160)
    purpose = models.TextField(help_text="Why we are holding it and what we want to find out.")
    estate = models.ForeignKey(
        Estate,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="activities",
        verbose_name="estate or scheme",
    )
    location = models.CharField(
        max_length=200, blank=True, help_text="Where it took place, if not on one of our estates or schemes."
    )
    # Copied from the estate when there is one, so lists filter by patch even for free locations.
    patch = models.ForeignKey(Patch, null=True, blank=True, on_delete=models.PROTECT, related_name="activities")
    starts_at = models.DateTimeField("starts")
    ends_at = models.DateTimeField("ends", null=True, blank=True)
    lead_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="led_activities",
        limit_choices_to={"role__in": [Role.OFFICER, Role.MANAGER]},
    )
    partners_present = models.CharField(
        max_length=250, blank=True, help_text="Other teams or organisations there, e.g. police, repairs, grounds."
    )
    customers_engaged = models.PositiveIntegerField("customers engaged", default=0)
    customers_assisted = models.PositiveIntegerField(
        "customers assisted", default=0, help_text="Of those engaged, how many we helped with a problem there and then."
    )
    feedback_captured = models.BooleanField("feedback on our services was captured", default=False)
    feedback_notes = models.TextField("feedback noted", blank=True)
    status = models.CharField(max_length=20, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED)
    report_due_on = models.DateField("report due")
    # The report
    outcome = models.TextField(blank=True)
    customers_said = models.TextField("what customers said", blank=True)
    reported_at = models.DateTimeField("report first filed", null=True, blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    returned_at = models.DateTimeField(null=True, blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    return_comment = models.TextField(blank=True)
    resubmit_due_on = models.DateField("corrected report due", null=True, blank=True)
    cancelled_reason = models.CharField(max_length=250, blank=True)
    # One-time token from the logging form: a double tap on "Save" finds the first row.
    form_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-pk"]
        verbose_name = "engagement activity"
        verbose_name_plural = "engagement activities"
        indexes = [
            # The chase job's one candidate query: status IN (...) AND report_due_on <= day. The lead
            # officer rides along so the dashboards' overdue count by officer reads the index alone.
            models.Index(fields=["status", "report_due_on"], include=["lead_officer"], name="activity_chase_idx"),
            models.Index(fields=["status", "resubmit_due_on"], include=["lead_officer"], name="activity_resubmit_idx"),
            models.Index(fields=["lead_officer", "status"], name="activity_officer_status_idx"),
            models.Index(fields=["starts_at"], name="activity_starts_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=models.F("starts_at")),
                name="activity_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(customers_assisted__lte=models.F("customers_engaged")),
                name="activity_assisted_within_engaged",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({timezone.localtime(self.starts_at):%-d %b %Y})" if self.starts_at else self.title

    def save(self, *args, **kwargs):
        self.derive()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("activities:detail", args=[self.pk])

    def clean(self):
        super().clean()
        # The seed's rule applies once the activity has happened; a planned one has no feedback yet.
        if self.status not in (ActivityStatus.PLANNED, ActivityStatus.CANCELLED):
            engagement_rule_check(
                activity_type=self.activity_type,
                feedback_captured=self.feedback_captured,
                feedback_notes=self.feedback_notes,
            )

    def derive(self) -> None:
        """Fields that follow from others: the report deadline and the patch."""
        if self.starts_at:
            self.report_due_on = report_due_for(self.starts_at)
        if self.estate_id:
            self.patch_id = self.estate.patch_id

    @property
    def place(self) -> str:
        return str(self.estate) if self.estate_id else self.location

    @property
    def event_date(self) -> datetime.date:
        return timezone.localdate(self.starts_at)

    @property
    def is_awaiting_report(self) -> bool:
        return self.status in AWAITING_REPORT and self.starts_at <= timezone.now()

    @property
    def is_fileable(self) -> bool:
        return self.status in FILEABLE and self.starts_at <= timezone.now()

    @property
    def counts_as_engagement(self) -> bool:
        return self.activity_type not in FEEDBACK_REQUIRED_TYPES or (
            self.feedback_captured and bool(self.feedback_notes.strip())
        )

    @property
    def report_owed_by(self) -> datetime.date | None:
        """The date the report is owed by now: the resubmission date once it was returned."""
        if self.status == ActivityStatus.RETURNED:
            return self.resubmit_due_on
        if self.status in AWAITING_REPORT:
            return self.report_due_on
        return None

    def can_be_edited_by(self, user) -> bool:
        """Officers see everyone's activities but change only their own; a manager changes any."""
        if user.is_manager:
            return True
        return self.lead_officer_id == user.pk and self.status != ActivityStatus.VERIFIED


def attachment_path(instance: ActivityAttachment, filename: str) -> str:
    return f"activities/{instance.activity_id}/{filename}"


class AttachmentKind(models.TextChoices):
    PHOTO = "photo", "Photo"
    SIGN_IN_SHEET = "sign_in", "Sign-in sheet"
    OTHER = "other", "Other document"


class ActivityAttachment(models.Model):
    """A photo or sign-in sheet: images and PDFs only, checked by content (see validators)."""

    activity = models.ForeignKey(EngagementActivity, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, storage=private_storage, max_length=250)
    kind = models.CharField(max_length=20, choices=AttachmentKind.choices, default=AttachmentKind.PHOTO)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("activities:attachment", args=[self.pk])

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")
