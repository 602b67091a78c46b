"""Panel meetings: attendance, papers, minutes (the action plan is the shared engagement Action)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from engagement.models import Customer
from engagement.storage import private_storage

from .membership import Membership, Panel


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    HELD = "held", "Held"
    CANCELLED = "cancelled", "Cancelled"


class MeetingQuerySet(models.QuerySet):
    def held(self):
        return self.filter(status=MeetingStatus.HELD)

    def minutes_outstanding(self):
        return self.held().filter(minutes_published_on__isnull=True)

    def visible_to(self, user):
        """Meetings of panels the user is a current member of; every meeting for staff."""
        if user.is_engagement_staff:
            return self
        return self.filter(panel__memberships__in=Membership.objects.of_user(user)).distinct()


class Meeting(models.Model):
    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="meetings")
    meets_on = models.DateField("date")
    starts_at = models.TimeField("start time", null=True, blank=True)
    venue = models.CharField(max_length=200, blank=True, help_text="Where, or 'Online' with how to join.")
    status = models.CharField(max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED)
    agenda = models.TextField(blank=True)
    staff_present = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="panel_meetings_attended", verbose_name="staff present"
    )
    others_present = models.TextField(
        "others present", blank=True, help_text="Guests and partners, one a line (name, organisation)."
    )
    minutes = models.TextField(blank=True)
    minutes_due_on = models.DateField(null=True, blank=True, db_index=True)
    minutes_published_on = models.DateField(null=True, blank=True)
    minutes_published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-meets_on", "pk"]
        constraints = [
            # A panel meets once a day: also what makes a double-submitted "new meeting" form harmless.
            models.UniqueConstraint(fields=["panel", "meets_on"], name="meeting_once_a_day"),
            models.CheckConstraint(
                condition=Q(minutes_published_on__isnull=True) | Q(status="held"), name="meeting_minutes_only_if_held"
            ),
            # A held meeting owes its minutes by a date: without one the deadline could neither be
            # chased nor sorted on the overdue board (panels.deadlines).
            models.CheckConstraint(
                condition=~Q(status="held") | Q(minutes_due_on__isnull=False),
                name="meeting_held_has_minutes_due_on",
            ),
        ]
        indexes = [models.Index(fields=["status", "minutes_due_on"])]

    def __str__(self) -> str:
        return f"{self.panel} – {self.meets_on:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("panels:meeting_detail", args=[self.pk])

    @property
    def minutes_published(self) -> bool:
        return self.minutes_published_on is not None


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Present"
    APOLOGIES = "apologies", "Sent apologies"
    ABSENT = "absent", "Absent"


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="panel_attendance")
    status = models.CharField(max_length=20, choices=AttendanceStatus.choices)

    class Meta:
        ordering = ["meeting", "customer__last_name"]
        constraints = [models.UniqueConstraint(fields=["meeting", "customer"], name="attendance_once")]

    def __str__(self) -> str:
        return f"{self.customer.full_name}: {self.get_status_display()}"


class PaperKind(models.TextChoices):
    AGENDA = "agenda", "Agenda"
    PAPER = "paper", "Paper"
    REPORT = "report", "Performance report"
    PRESENTATION = "presentation", "Presentation"
    MINUTES = "minutes", "Minutes"
    OTHER = "other", "Other"


def _paper_path(instance, filename):
    return f"panels/papers/{instance.meeting.panel_id}/{instance.meeting_id}/{filename}"


class MeetingPaper(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=PaperKind.choices, default=PaperKind.PAPER)
    file = models.FileField(upload_to=_paper_path, storage=private_storage)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    form_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)  # one-time form token

    class Meta:
        ordering = ["meeting", "kind", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("panels:paper_download", args=[self.pk])
