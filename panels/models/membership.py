"""Panels, who is on them, and how customers join: expressions of interest, induction, training.

Panel and Membership come first because every other part of the app (and the estate champion
survey in the surveys app, which needs the estates a champion covers) depends on them.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from engagement.models import Customer, Estate, Role


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
    """Where a panel sits on the Menu of Engagement (the demo landlord's strategy, section 6)."""

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
    """A customer asking to join a panel. Staff must answer in time (panels.deadlines.EOI_ANSWER_WORKING_DAYS)."""

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
