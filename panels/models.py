"""Panels of involved customers and who is on them.

The panels helper extends this app (meetings, minutes, scrutiny, walks, recruitment, training,
expenses). Panel and Membership are defined first because the estate champion survey (surveys
app) depends on knowing which estates a champion covers.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from engagement.models import Customer, Estate, Role

from .storage import get_private_storage


class PanelKind(models.TextChoices):
    CUSTOMER_VOICE_GROUP = "cvg", "Customer Voice Group"
    SCRUTINY_GROUP = "scrutiny", "Customer Scrutiny Group"
    ESTATE_CHAMPIONS = "estate_champions", "Estate Champions"
    COMMUNICATIONS = "communications", "Communications Panel"
    CUSTOMER_EXPERIENCE = "customer_experience", "Customer Experience Panel"
    POLICY_REVIEW = "policy_review", "Policy Review Panel"
    PROCUREMENT = "procurement", "Procurement Panel"
    LEASEHOLDER_FORUM = "leaseholder_forum", "Leaseholders' Forum"
    RESIDENTS_FORUM = "residents_forum", "Residents' Forum"
    YOUTH_BOARD = "youth_board", "Youth Board"
    COMMUNITY_PANEL = "community_panel", "Community Panel"
    QUALITY_INSIGHT = "quality_insight", "Quality and Insight Panel"
    SCHEME_RESIDENTS = "scheme_residents", "Scheme residents' meeting"
    ASB_CASE_REVIEW = "asb_case_review", "ASB Case Review Panel"
    STANDARDS_AUDIT = "standards_audit", "RSH & Consumer Standards Audit Group"
    RECRUITMENT = "recruitment", "Staff & Involved Customer Recruitment Panel"
    TENANTS_ASSOCIATION = "tenants_association", "Tenants' and Residents' Association"


class MenuTheme(models.TextChoices):
    """Where a panel sits on the Menu of Engagement (Trident's strategy, section 6)."""

    ACCOUNTABILITY = "accountability", "Accountability"
    COLLABORATIVE = "collaborative", "Collaborative"
    PEOPLE_FOCUSED = "people_focused", "People focused"


THEME_OF_KIND = {
    PanelKind.CUSTOMER_VOICE_GROUP: MenuTheme.ACCOUNTABILITY,
    PanelKind.SCRUTINY_GROUP: MenuTheme.ACCOUNTABILITY,
    PanelKind.QUALITY_INSIGHT: MenuTheme.ACCOUNTABILITY,
    PanelKind.STANDARDS_AUDIT: MenuTheme.ACCOUNTABILITY,
    PanelKind.PROCUREMENT: MenuTheme.COLLABORATIVE,
    PanelKind.POLICY_REVIEW: MenuTheme.COLLABORATIVE,
    PanelKind.ESTATE_CHAMPIONS: MenuTheme.COLLABORATIVE,
    PanelKind.LEASEHOLDER_FORUM: MenuTheme.COLLABORATIVE,
    PanelKind.RESIDENTS_FORUM: MenuTheme.COLLABORATIVE,
    PanelKind.COMMUNITY_PANEL: MenuTheme.COLLABORATIVE,
    PanelKind.SCHEME_RESIDENTS: MenuTheme.COLLABORATIVE,
    PanelKind.TENANTS_ASSOCIATION: MenuTheme.COLLABORATIVE,
    PanelKind.COMMUNICATIONS: MenuTheme.PEOPLE_FOCUSED,
    PanelKind.CUSTOMER_EXPERIENCE: MenuTheme.PEOPLE_FOCUSED,
    PanelKind.ASB_CASE_REVIEW: MenuTheme.PEOPLE_FOCUSED,
    PanelKind.RECRUITMENT: MenuTheme.PEOPLE_FOCUSED,
    PanelKind.YOUTH_BOARD: MenuTheme.PEOPLE_FOCUSED,
}


class Panel(models.Model):
    name = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=30, choices=PanelKind.choices, db_index=True)
    purpose = models.TextField(blank=True)
    terms_of_reference = models.TextField(blank=True)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supported_panels",
        limit_choices_to={"role__in": [Role.OFFICER, Role.MANAGER]},
        verbose_name="supporting officer",
    )
    meets_every_months = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Meeting cadence in months (the CVG meets every 2); blank if ad hoc."
    )
    estate = models.ForeignKey(
        Estate,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="panels",
        help_text="For a forum, community panel or scheme meeting tied to one place.",
    )
    cadence_from = models.DateField(
        null=True,
        blank=True,
        help_text="The date the cadence counts from, usually the first meeting. Set automatically when blank.",
    )
    term_years = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Usual length of a member's term in years; blank if open-ended."
    )
    recruiting = models.BooleanField(
        default=True, help_text="Customers can send an expression of interest to join this panel."
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("panels:panel_detail", args=[self.pk])

    @property
    def theme(self) -> str:
        theme = THEME_OF_KIND.get(self.kind)
        return theme.label if theme else ""

    @property
    def is_cvg(self) -> bool:
        return self.kind == PanelKind.CUSTOMER_VOICE_GROUP


class MembershipRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    VICE_CHAIR = "vice_chair", "Vice chair"
    MEMBER = "member", "Member"
    CHAMPION = "champion", "Estate champion"


class MembershipQuerySet(models.QuerySet):
    def current(self, on: datetime.date | None = None):
        on = on or timezone.localdate()
        return self.filter(starts_on__lte=on).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))

    def of_user(self, user):
        """Current memberships of an involved customer's login (none for staff)."""
        return self.current().filter(customer__user=user) if user.is_authenticated else self.none()


class Membership(models.Model):
    """A customer's place on a panel, with a role and a term. Estate champions list their estates."""

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="memberships")
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=MembershipRole.choices, default=MembershipRole.MEMBER)
    estates = models.ManyToManyField(
        Estate,
        blank=True,
        related_name="champion_memberships",
        help_text="For estate champions: the estates they look after.",
    )
    starts_on = models.DateField(default=timezone.localdate)
    ends_on = models.DateField(null=True, blank=True, help_text="End of the term; blank while open-ended.")

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["panel", "customer__last_name"]
        constraints = [
            models.UniqueConstraint(fields=["panel", "customer", "starts_on"], name="membership_unique_term"),
        ]

    def __str__(self) -> str:
        return f"{self.customer.full_name} – {self.get_role_display()}, {self.panel}"

    def get_absolute_url(self) -> str:
        return reverse("panels:membership_detail", args=[self.pk])

    def is_current(self, on: datetime.date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.starts_on <= on and (self.ends_on is None or self.ends_on >= on)


# --- Recruitment ---------------------------------------------------------------------------


class Availability(models.TextChoices):
    WEEKDAY_DAYTIME = "weekday_daytime", "Weekday daytimes"
    WEEKDAY_EVENINGS = "weekday_evenings", "Weekday evenings"
    WEEKENDS = "weekends", "Weekends"
    ONLINE_ONLY = "online_only", "Online meetings only"


class EoiStatus(models.TextChoices):
    AWAITING = "awaiting", "Awaiting an answer"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn"


class EoiQuerySet(models.QuerySet):
    def awaiting(self):
        return self.filter(status=EoiStatus.AWAITING)

    def overdue(self, today: datetime.date | None = None):
        return self.awaiting().filter(answer_due_on__lt=today or timezone.localdate())


class ExpressionOfInterest(models.Model):
    """A customer asking to join a panel. Staff must answer within 2 working days."""

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="expressions_of_interest")
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="expressions_of_interest")
    availability = models.JSONField(default=list, blank=True)
    communication_needs = models.TextField(
        blank=True, help_text="Anything that helps you take part: large print, a hearing loop, an interpreter…"
    )
    why = models.TextField("why you would like to join", blank=True)
    submitted_on = models.DateField(default=timezone.localdate, db_index=True)
    answer_due_on = models.DateField(db_index=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The officer who took it by phone or in person; blank when the customer sent it themselves.",
    )
    status = models.CharField(max_length=20, choices=EoiStatus.choices, default=EoiStatus.AWAITING, db_index=True)
    answered_on = models.DateField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answer_note = models.TextField(blank=True)
    membership = models.OneToOneField(
        Membership, null=True, blank=True, on_delete=models.SET_NULL, related_name="expression_of_interest"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EoiQuerySet.as_manager()

    class Meta:
        ordering = ["answer_due_on", "pk"]
        verbose_name = "expression of interest"
        verbose_name_plural = "expressions of interest"
        constraints = [
            # One open request per customer and panel: a double submit or a second phone call adds nothing.
            models.UniqueConstraint(
                fields=["panel", "customer"], condition=Q(status="awaiting"), name="eoi_one_awaiting_per_panel"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.customer.full_name} → {self.panel}"

    def get_absolute_url(self) -> str:
        return reverse("panels:eoi_detail", args=[self.pk])

    def get_availability_display(self) -> str:
        labels = dict(Availability.choices)
        return ", ".join(labels.get(value, value) for value in self.availability)


class EoiReminder(models.Model):
    """One chase notice about an unanswered expression of interest; the unique row is the claim."""

    class Kind(models.TextChoices):
        DUE = "due", "Answer due today"
        OVERDUE = "overdue", "Answer overdue"

    expression_of_interest = models.ForeignKey(ExpressionOfInterest, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    sent_on = models.DateField(default=timezone.localdate)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["expression_of_interest", "kind"], name="eoi_reminder_once")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.expression_of_interest}"


INDUCTION_CHECKLIST = [
    "Welcome call from the supporting officer",
    "Terms of reference and code of conduct sent",
    "Confidentiality and data protection agreement signed",
    "Expenses policy explained",
    "Communication and access needs recorded",
    "Induction training booked",
]


class InductionItem(models.Model):
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="induction_items")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=200)
    done_on = models.DateField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["membership", "position"]
        constraints = [models.UniqueConstraint(fields=["membership", "title"], name="induction_item_once")]

    def __str__(self) -> str:
        return self.title


class Course(models.TextChoices):
    INDUCTION = "induction", "Induction"
    SCRUTINY_SKILLS = "scrutiny_skills", "Scrutiny skills"
    CHAIRING = "chairing", "Chairing meetings"
    MYSTERY_SHOPPING = "mystery_shopping", "Mystery shopping"
    TSM = "tsm", "Understanding the Tenant Satisfaction Measures"
    CONSUMER_STANDARDS = "consumer_standards", "Consumer standards"
    SAFEGUARDING = "safeguarding", "Safeguarding"
    DATA_PROTECTION = "data_protection", "Data protection"
    DIGITAL_SKILLS = "digital_skills", "Digital skills"
    OTHER = "other", "Other course"


class TrainingRecord(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="training_records")
    course = models.CharField(max_length=30, choices=Course.choices)
    title = models.CharField(max_length=200, blank=True, help_text="The course name, if it is not in the list.")
    provider = models.CharField(max_length=120, blank=True, help_text="e.g. TPAS, in-house")
    held_on = models.DateField("date")
    completed = models.BooleanField(default=False)
    notes = models.CharField(max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-held_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["customer", "course", "title", "held_on"], name="training_record_once")
        ]

    def __str__(self) -> str:
        return f"{self.course_name}, {self.held_on:%-d %b %Y}"

    @property
    def course_name(self) -> str:
        return self.title or self.get_course_display()


# --- Meetings ------------------------------------------------------------------------------


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
    file = models.FileField(upload_to=_paper_path, storage=get_private_storage)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meeting", "kind", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("panels:paper_download", args=[self.pk])


class MinutesReminder(models.Model):
    """One chase notice about a meeting's minutes; the unique row is the claim."""

    class Kind(models.TextChoices):
        DUE_TOMORROW = "due_tomorrow", "Minutes due next working day"
        OVERDUE = "overdue", "Minutes overdue"
        ESCALATED = "escalated", "Escalated to the manager"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    sent_on = models.DateField(default=timezone.localdate)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "kind"], name="minutes_reminder_once")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.meeting}"


# --- Scrutiny ------------------------------------------------------------------------------


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
    report_file = models.FileField(
        "final report (PDF)", upload_to=_scrutiny_path, storage=get_private_storage, blank=True
    )
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
    file = models.FileField(upload_to=_evidence_path, storage=get_private_storage, blank=True)
    gathered_on = models.DateField(default=timezone.localdate)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

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

    class Meta:
        ordering = ["project", "number"]
        constraints = [models.UniqueConstraint(fields=["project", "number"], name="recommendation_number_once")]

    def __str__(self) -> str:
        return f"Recommendation {self.number}"


# --- Estate walks --------------------------------------------------------------------------


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
    photo = models.ImageField(upload_to=_walk_photo_path, storage=get_private_storage, blank=True)
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


# --- Expenses ------------------------------------------------------------------------------


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
    receipt = models.FileField(upload_to=_receipt_path, storage=get_private_storage, blank=True)
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


class SubmissionToken(models.Model):
    """Claimed once per submitted form, so a double-clicked 'Save' creates one record."""

    token = models.UUIDField(unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return str(self.token)
