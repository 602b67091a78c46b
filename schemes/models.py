"""Recurring obligations per service area and scheme, and informal / adverse-event feedback.

- `ObligationTemplate`: one rhythm of a service area, as data (seed 000 sections 2.2–2.4): what is
  owed, how often (every N months from the start of the financial year, or in named months such
  as May and November, or when a young person leaves), who owes it and the rule in words.
- `SchemeSettings`: what differs per scheme: its IHMO / scheme lead, the scheme manager, the
  meeting interval agreed with a young people's scheme, the Sense Check interval of a leasehold
  block (quarterly or six-monthly).
- `Obligation`: one period's obligation of one scheme (proposed by `services.obligations_propose`),
  met on a date with evidence links (`ObligationEvidence`) to the records that prove it.
- `Leaver`: a young person leaving a scheme, which owes an exit interview.
- `InformalFeedback`: a note any member of staff makes of informal feedback, an adverse event or a
  near miss (seed 2.5, 3.2), reviewed by the team and possibly turned into an `Action`.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from engagement.models import Estate, EstateType, Role

# The service areas with obligations of their own (general needs estates have none here).
SERVICE_AREAS = [EstateType.CARE_SUPPORTED, EstateType.YOUNG_PEOPLE, EstateType.LEASEHOLD_BLOCK]
SERVICE_AREA_CHOICES = [(str(area), area.label) for area in SERVICE_AREAS]


class ObligationKind(models.TextChoices):
    RESIDENTS_MEETING = "residents_meeting", "Residents' meeting"
    MANAGEMENT_INVITATION = "management_invitation", "Managers invited to the residents' meeting"
    SATISFACTION_SURVEY = "satisfaction_survey", "Satisfaction survey"
    RESULTS_REPORTED = "results_reported", "Survey results reported back, with an action plan"
    POSTER = "poster", '"You said, we did" poster displayed'
    EXIT_INTERVIEW = "exit_interview", "Exit interview"
    SENSE_CHECK = "sense_check", "Sense Check survey"
    LEASEHOLDER_MEETING = "leaseholder_meeting", "Leaseholders' meeting (fixed agenda)"


class OwnerRole(models.TextChoices):
    IHMO = "ihmo", "The scheme's IHMO / scheme lead"
    OFFICER = "officer", "The scheme's engagement officer"


class SchemeSetting(models.TextChoices):
    """A template whose interval is agreed per scheme names the SchemeSettings field holding it."""

    NONE = "", "The template's own interval"
    MEETING_INTERVAL = "meeting_every_months", "The scheme's agreed meeting interval"
    SENSE_CHECK_INTERVAL = "sense_check_every_months", "The block's Sense Check interval"


class ObligationTemplate(models.Model):
    """One recurring obligation of a service area (loaded from the seed by migration 0002)."""

    service_area = models.CharField(max_length=20, choices=SERVICE_AREA_CHOICES, db_index=True)
    kind = models.CharField(max_length=30, choices=ObligationKind.choices)
    title = models.CharField(max_length=120)
    rule = models.TextField(help_text="The rule in words, with the section of the strategy it comes from.")
    every_months = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Every 1, 2, 3, 4, 6 or 12 months from 1 April (the financial year)."
    )
    in_months = models.JSONField(
        default=list, blank=True, help_text="Or in these calendar months only, e.g. [5, 11] for May and November."
    )
    scheme_setting = models.CharField(max_length=30, choices=SchemeSetting.choices, blank=True)
    on_leaving = models.BooleanField(default=False, help_text="Owed once for each young person who leaves.")
    due_working_days = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="For one owed on leaving: how many working days after the leaving date."
    )
    owner_role = models.CharField(max_length=20, choices=OwnerRole.choices, default=OwnerRole.OFFICER)
    order = models.PositiveSmallIntegerField(default=50)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["service_area", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["service_area", "kind"], name="obligation_template_once_per_area"),
        ]

    def __str__(self) -> str:
        return f"{self.get_service_area_display()}: {self.title}"


class MeetingInterval(models.IntegerChoices):
    MONTHLY = 1, "Every month"
    TWO_MONTHLY = 2, "Every 2 months"
    QUARTERLY = 3, "Every 3 months (quarterly)"
    FOUR_MONTHLY = 4, "Every 4 months"
    SIX_MONTHLY = 6, "Every 6 months"
    YEARLY = 12, "Once a year"


class SenseCheckInterval(models.IntegerChoices):
    QUARTERLY = 3, "Quarterly"
    SIX_MONTHLY = 6, "Every 6 months"


class SchemeSettings(models.Model):
    scheme = models.OneToOneField(Estate, on_delete=models.CASCADE, related_name="scheme_settings")
    ihmo = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"role__in": [Role.OFFICER, Role.MANAGER]},
        verbose_name="IHMO / scheme lead",
        help_text="Runs the residents' meetings; blank: the scheme's engagement officer.",
    )
    scheme_manager = models.CharField(max_length=120, blank=True, help_text="Invited to a meeting every quarter.")
    meeting_every_months = models.PositiveSmallIntegerField(
        "agreed meeting interval",
        choices=MeetingInterval.choices,
        default=MeetingInterval.QUARTERLY,
        help_text="Young people's services: the interval agreed with the scheme (strategy section 2.3).",
    )
    sense_check_every_months = models.PositiveSmallIntegerField(
        "Sense Check interval",
        choices=SenseCheckInterval.choices,
        default=SenseCheckInterval.QUARTERLY,
        help_text="Leasehold blocks: quarterly or every 6 months (strategy section 2.4).",
    )
    obligations_from = models.DateField(
        null=True, blank=True, help_text="Nothing is owed for periods that ended before this date (a new scheme)."
    )

    class Meta:
        verbose_name_plural = "scheme settings"

    def __str__(self) -> str:
        return f"Settings: {self.scheme}"

    def interval_for(self, template: ObligationTemplate) -> int | None:
        if template.scheme_setting:
            return getattr(self, template.scheme_setting)
        return template.every_months


class ObligationStatus(models.TextChoices):
    DONE = "done", "Done"
    DONE_LATE = "done_late", "Done late"
    DUE = "due", "Due"
    MISSED = "missed", "Missed"
    UPCOMING = "upcoming", "Not yet due"


class ObligationQuerySet(models.QuerySet):
    def open(self):
        return self.filter(met_on__isnull=True)

    def in_year(self, year: int):
        """Due in financial year `year` (1 April `year` to 31 March `year + 1`)."""
        return self.filter(due_on__range=(datetime.date(year, 4, 1), datetime.date(year + 1, 3, 31)))

    def missed(self, today: datetime.date):
        return self.open().filter(due_on__lt=today)


class Obligation(models.Model):
    """What one scheme owes for one period (or for one leaver), and how it was met."""

    scheme = models.ForeignKey(Estate, on_delete=models.CASCADE, related_name="obligations")
    template = models.ForeignKey(ObligationTemplate, on_delete=models.PROTECT, related_name="obligations")
    period_start = models.DateField()
    period_end = models.DateField()
    due_on = models.DateField(db_index=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="scheme_obligations"
    )
    leaver = models.OneToOneField(
        "Leaver", null=True, blank=True, on_delete=models.CASCADE, related_name="exit_interview_obligation"
    )
    met_on = models.DateField(null=True, blank=True)
    met_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(blank=True)
    # What this kind records besides evidence: who was invited, the agenda items covered, in
    # person or online (`forms.RECORD_FIELDS` says which kind asks for what).
    details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ObligationQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "scheme__name", "template__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "template", "period_start"],
                condition=Q(leaver__isnull=True),
                name="obligation_once_per_scheme_period",
            ),
            models.CheckConstraint(condition=Q(period_end__gte=models.F("period_start")), name="obligation_period"),
        ]
        indexes = [models.Index(fields=["met_on", "due_on"], name="obligation_open_due")]

    def __str__(self) -> str:
        return f"{self.template.title}, {self.scheme}, {self.period_label}"

    def get_absolute_url(self) -> str:
        return reverse("schemes:obligation_detail", args=[self.pk])

    @property
    def period_label(self) -> str:
        if self.leaver_id:
            return f"left {self.period_start:%-d %b %Y}"
        if self.period_start.month == self.period_end.month and self.period_start.year == self.period_end.year:
            return f"{self.period_start:%b %Y}"
        return f"{self.period_start:%b %Y} – {self.period_end:%b %Y}"

    @property
    def minutes_distributed_on(self) -> datetime.date | None:
        value = self.details.get("minutes_distributed_on")
        return datetime.date.fromisoformat(value) if value else None

    @property
    def agenda_covered(self) -> list[str]:
        return list(self.details.get("agenda", []))

    @property
    def details_summary(self) -> str:
        """What was recorded besides the evidence, in words (the compliance view and its CSV)."""
        from .rhythms import FIXED_AGENDA, QUARTERLY_INVITEES

        parts = []
        if self.details.get("invited"):
            names = dict(QUARTERLY_INVITEES)
            parts.append("Invited: " + ", ".join(names.get(key, key) for key in self.details["invited"]))
        if self.details.get("format"):
            parts.append("Held online" if self.details["format"] == "online" else "Held in person")
        if "agenda" in self.details:
            parts.append(f"fixed agenda: {len(self.agenda_covered)} of {len(FIXED_AGENDA)} items covered")
        if self.minutes_distributed_on:
            parts.append(f"minutes distributed {self.minutes_distributed_on:%-d %b %Y}")
        if self.details.get("no_dissatisfaction"):
            parts.append("no area of dissatisfaction needed an action plan")
        return "; ".join(parts)

    def status(self, today: datetime.date | None = None) -> str:
        today = today or timezone.localdate()
        if self.met_on is not None:
            return ObligationStatus.DONE if self.met_on <= self.due_on else ObligationStatus.DONE_LATE
        if self.due_on < today:
            return ObligationStatus.MISSED
        return ObligationStatus.DUE if self.period_start <= today else ObligationStatus.UPCOMING

    def status_label(self, today: datetime.date | None = None) -> str:
        return ObligationStatus(self.status(today)).label


class ObligationEvidence(models.Model):
    """A link to the record that shows an obligation was met (a meeting, a survey, a poster, an
    action plan, a survey response). The link's label and address are kept with it, so the
    compliance view and its CSV read one table."""

    obligation = models.ForeignKey(Obligation, on_delete=models.CASCADE, related_name="evidence")
    record_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    record_id = models.PositiveBigIntegerField()
    label = models.CharField(max_length=200)
    url = models.CharField(max_length=300, blank=True)
    found_automatically = models.BooleanField(default=False)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["added_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["obligation", "record_type", "record_id"], name="evidence_once"),
        ]

    def __str__(self) -> str:
        return self.label


class Leaver(models.Model):
    """A young person leaving a young people's scheme: owes an exit interview (seed 2.3)."""

    scheme = models.ForeignKey(Estate, on_delete=models.PROTECT, related_name="leavers")
    # No name and no link to a customer record: the exit interview's answers are anonymous in
    # the survey results, and a support reference is enough for staff to tell leavers apart.
    reference = models.CharField(max_length=40, blank=True, help_text="A support or tenancy reference.")
    left_on = models.DateField("date they left")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)
    form_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["-left_on", "-pk"]

    def __str__(self) -> str:
        who = self.reference or "A young person"
        return f"{who} left {self.scheme} on {self.left_on:%-d %b %Y}"


class FeedbackKind(models.TextChoices):
    PRAISE = "praise", "Informal praise"
    CRITICISM = "criticism", "Informal criticism or concern"
    IDEA = "idea", "An idea or request"
    ADVERSE_EVENT = "adverse_event", "Adverse event or incident"
    NEAR_MISS = "near_miss", "Near miss"


ADVERSE_KINDS = {FeedbackKind.ADVERSE_EVENT, FeedbackKind.NEAR_MISS}


class Service(models.TextChoices):
    REPAIRS = "repairs", "Repairs"
    CLEANING = "cleaning", "Cleaning"
    GROUNDS = "grounds", "Grounds maintenance"
    SAFETY = "safety", "Safety and security"
    ASB = "asb", "Anti-social behaviour"
    CARE_SUPPORT = "care_support", "Care and support"
    STAFF = "staff", "Staff conduct"
    COMMUNICATION = "communication", "Communication"
    OTHER = "other", "Something else"


class RaisedBy(models.TextChoices):
    CUSTOMER = "customer", "A customer or resident"
    RELATIVE = "relative", "A relative, friend or representative"
    STAFF = "staff", "Me or another member of staff"
    OTHER = "other", "Someone else (contractor, visitor)"


class ReviewStatus(models.TextChoices):
    NEW = "new", "Waiting for review"
    REVIEWED = "reviewed", "Reviewed, nothing more to do"
    ACTIONED = "actioned", "Reviewed, action agreed"


class InformalFeedback(models.Model):
    """Informal feedback, an adverse event or a near miss noted by any member of staff (seed 2.5:
    "providing systems for staff to report such informal feedback to managers"; 3.2: "record
    adverse events and take appropriate action")."""

    kind = models.CharField("what is it", max_length=20, choices=FeedbackKind.choices)
    estate = models.ForeignKey(
        Estate,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="informal_feedback",
        verbose_name="estate or scheme",
    )
    service = models.CharField(max_length=20, choices=Service.choices)
    raised_by = models.CharField("who told us", max_length=20, choices=RaisedBy.choices, default=RaisedBy.CUSTOMER)
    what_happened = models.TextField("what was said or what happened")
    noted_on = models.DateField(default=timezone.localdate, db_index=True)
    noted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.NEW, db_index=True)
    outcome = models.TextField(blank=True, help_text="What the team decided, and why.")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    form_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["-noted_on", "-pk"]
        verbose_name_plural = "informal feedback"
        constraints = [
            models.CheckConstraint(
                condition=Q(status="new") | (Q(reviewed_at__isnull=False) & ~Q(outcome="")),
                name="informal_feedback_review_has_outcome",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, {self.noted_on:%-d %b %Y}"

    def get_absolute_url(self) -> str:
        return reverse("schemes:feedback_detail", args=[self.pk])

    @property
    def is_adverse(self) -> bool:
        return self.kind in ADVERSE_KINDS
