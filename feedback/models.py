"""Customer feedback: complaints (Complaint Handling Code stages, lessons learned), compliments, suggestions.

Deadlines are working-day dates computed by `feedback.deadlines` and stored on the complaint by the
services whenever what they depend on changes, so lists, reminders and figures read them in SQL.
Whether a response was on time is never stored or typed: it is the comparison of the response date
with the deadline (including a valid extension), made in SQL by `with_timeliness()` or in Python.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from engagement.models import Customer, Estate, Role

STAFF_CHOICES = {"role__in": [Role.OFFICER, Role.MANAGER]}


class FeedbackChannel(models.TextChoices):
    PHONE = "phone", "Phone call"
    EMAIL = "email", "Email"
    LETTER = "letter", "Letter"
    IN_PERSON = "in_person", "In person"
    WEBSITE = "website", "Website form"
    SOCIAL_MEDIA = "social_media", "Social media"
    REPRESENTATIVE = "representative", "Through a representative (MP, councillor, advocate)"


class ComplaintCategory(models.TextChoices):
    REPAIRS = "repairs", "Repairs"
    ASB = "asb", "Anti-social behaviour"
    STAFF_CONDUCT = "staff_conduct", "Staff conduct"
    COMMUNICATION = "communication", "Communication"
    ESTATE_SERVICES = "estate_services", "Estate services"
    OTHER = "other", "Other"


class ComplaintStatus(models.TextChoices):
    RECEIVED = "received", "Awaiting acknowledgement"
    ACKNOWLEDGED = "acknowledged", "Being investigated"
    RESPONDED = "responded", "Responded"
    CLOSED = "closed", "Closed"


class Outcome(models.TextChoices):
    UPHELD = "upheld", "Upheld"
    PARTLY_UPHELD = "partly_upheld", "Partly upheld"
    NOT_UPHELD = "not_upheld", "Not upheld"


UPHELD_OUTCOMES = (Outcome.UPHELD, Outcome.PARTLY_UPHELD)
OPEN_STATUSES = (ComplaintStatus.RECEIVED, ComplaintStatus.ACKNOWLEDGED)


def _due(stage: int) -> Coalesce:
    """The response deadline that counts: the valid extension when there is one."""
    return Coalesce(f"stage{stage}_extended_due_on", f"stage{stage}_response_due_on")


class ComplaintQuerySet(models.QuerySet):
    def for_lists(self):
        return self.select_related("customer__estate", "estate", "stage1_handler", "stage2_handler")

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def handled_by(self, user):
        """Complaints whose current stage this person handles."""
        return self.filter(Q(stage=1, stage1_handler=user) | Q(stage=2, stage2_handler=user))

    def awaiting_acknowledgement(self):
        return self.filter(status=ComplaintStatus.RECEIVED)

    def awaiting_response(self):
        return self.filter(status=ComplaintStatus.ACKNOWLEDGED)

    def with_current_deadline(self):
        """Annotate `next_due_on`: the next deadline of the current stage (acknowledge or respond)."""
        return self.annotate(
            next_due_on=models.Case(
                models.When(Q(status=ComplaintStatus.RECEIVED, stage=1), then=F("stage1_ack_due_on")),
                models.When(Q(status=ComplaintStatus.RECEIVED, stage=2), then=F("stage2_ack_due_on")),
                models.When(Q(status=ComplaintStatus.ACKNOWLEDGED, stage=1), then=_due(1)),
                models.When(Q(status=ComplaintStatus.ACKNOWLEDGED, stage=2), then=_due(2)),
                default=None,
                output_field=models.DateField(),
            )
        )


class Complaint(models.Model):
    """A formal complaint, handled at stage 1 and, if the customer escalates, at stage 2."""

    customer = models.ForeignKey(
        Customer,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints",
        help_text="Leave blank for an anonymous complaint.",
    )
    estate = models.ForeignKey(
        Estate,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="complaints",
        help_text="Taken from the customer's home; choose one for an anonymous complaint if known.",
    )
    received_on = models.DateField("date received", db_index=True)
    channel = models.CharField("how it was made", max_length=20, choices=FeedbackChannel.choices)
    category = models.CharField(max_length=20, choices=ComplaintCategory.choices, db_index=True)
    description = models.TextField("what the complaint is about")
    desired_outcome = models.TextField("what the customer would like to happen", blank=True)
    stage = models.PositiveSmallIntegerField(default=1, choices=[(1, "Stage 1"), (2, "Stage 2")])
    status = models.CharField(max_length=20, choices=ComplaintStatus.choices, default=ComplaintStatus.RECEIVED)

    # Stage 1
    stage1_handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="stage1_complaints",
        limit_choices_to=STAFF_CHOICES,
        verbose_name="stage 1 handler",
    )
    stage1_ack_due_on = models.DateField("stage 1 acknowledgement due")
    stage1_acknowledged_on = models.DateField("stage 1 acknowledged", null=True, blank=True)
    stage1_response_due_on = models.DateField("stage 1 response due")
    stage1_extension_reason = models.TextField("stage 1 extension reason", blank=True)
    stage1_extended_due_on = models.DateField("stage 1 extended response date", null=True, blank=True)
    stage1_outcome = models.CharField("stage 1 outcome", max_length=20, choices=Outcome.choices, blank=True)
    stage1_remedy = models.TextField("stage 1 remedy", blank=True)
    stage1_responded_on = models.DateField("stage 1 responded", null=True, blank=True, db_index=True)
    # Set with the response, so the average can be taken in SQL.
    stage1_working_days = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)

    # Stage 2
    stage2_requested_on = models.DateField("escalation requested", null=True, blank=True, db_index=True)
    stage2_reason = models.TextField("why the customer escalated", blank=True)
    stage2_handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="stage2_complaints",
        limit_choices_to=STAFF_CHOICES,
        verbose_name="stage 2 handler",
    )
    stage2_ack_due_on = models.DateField("stage 2 acknowledgement due", null=True, blank=True)
    stage2_acknowledged_on = models.DateField("stage 2 acknowledged", null=True, blank=True)
    stage2_response_due_on = models.DateField("stage 2 response due", null=True, blank=True)
    stage2_extension_reason = models.TextField("stage 2 extension reason", blank=True)
    stage2_extended_due_on = models.DateField("stage 2 extended response date", null=True, blank=True)
    stage2_outcome = models.CharField("stage 2 outcome", max_length=20, choices=Outcome.choices, blank=True)
    stage2_remedy = models.TextField("stage 2 remedy", blank=True)
    stage2_responded_on = models.DateField("stage 2 responded", null=True, blank=True, db_index=True)
    stage2_working_days = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)

    closed_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # One-time token from the recording form: a double tap on "Save" finds the first complaint.
    form_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    objects = ComplaintQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "-pk"]
        indexes = [
            models.Index(fields=["status", "stage"]),
            models.Index(fields=["status", "stage1_ack_due_on"]),
            models.Index(fields=["status", "stage1_response_due_on"]),
        ]
        constraints = [
            # The Code: stage 2 is reviewed by someone who did not handle stage 1.
            models.CheckConstraint(
                condition=Q(stage2_handler__isnull=True) | ~Q(stage2_handler=F("stage1_handler")),
                name="complaint_stage2_handler_differs",
            ),
            models.CheckConstraint(
                condition=Q(stage=1) | Q(stage2_requested_on__isnull=False, stage2_handler__isnull=False),
                name="complaint_stage2_has_request_and_handler",
            ),
            models.CheckConstraint(
                condition=Q(stage1_extended_due_on__isnull=True)
                | (Q(stage1_extended_due_on__gt=F("stage1_response_due_on")) & ~Q(stage1_extension_reason="")),
                name="complaint_stage1_extension_later_with_reason",
            ),
            models.CheckConstraint(
                condition=Q(stage2_extended_due_on__isnull=True)
                | (Q(stage2_extended_due_on__gt=F("stage2_response_due_on")) & ~Q(stage2_extension_reason="")),
                name="complaint_stage2_extension_later_with_reason",
            ),
            models.CheckConstraint(
                condition=Q(stage1_responded_on__isnull=True, stage1_outcome="")
                | Q(stage1_responded_on__isnull=False, stage1_acknowledged_on__isnull=False) & ~Q(stage1_outcome=""),
                name="complaint_stage1_response_has_outcome",
            ),
            models.CheckConstraint(
                condition=Q(stage2_responded_on__isnull=True, stage2_outcome="")
                | Q(stage2_responded_on__isnull=False, stage2_acknowledged_on__isnull=False) & ~Q(stage2_outcome=""),
                name="complaint_stage2_response_has_outcome",
            ),
            models.CheckConstraint(
                condition=~Q(status="closed") | Q(closed_on__isnull=False), name="complaint_closed_has_date"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.get_category_display()}"

    def get_absolute_url(self) -> str:
        return reverse("feedback:complaint_detail", args=[self.pk])

    @property
    def reference(self) -> str:
        return f"CMP-{self.pk:05d}" if self.pk else "CMP-new"

    @property
    def complainant(self) -> str:
        return self.customer.full_name if self.customer_id else "Anonymous"

    def handler(self, stage: int | None = None):
        return self.stage2_handler if (stage or self.stage) == 2 else self.stage1_handler

    @property
    def current_handler(self):
        return self.handler()

    def stage_field(self, stage: int, name: str):
        return getattr(self, f"stage{stage}_{name}")

    def effective_due_on(self, stage: int) -> datetime.date | None:
        return self.stage_field(stage, "extended_due_on") or self.stage_field(stage, "response_due_on")

    def responded_on_time(self, stage: int) -> bool | None:
        """Derived: responded on or before the deadline (including a valid extension); None if no response."""
        responded = self.stage_field(stage, "responded_on")
        if responded is None:
            return None
        return responded <= self.effective_due_on(stage)

    def acknowledged_on_time(self, stage: int) -> bool | None:
        acknowledged = self.stage_field(stage, "acknowledged_on")
        if acknowledged is None:
            return None
        return acknowledged <= self.stage_field(stage, "ack_due_on")

    @property
    def current_due_on(self) -> datetime.date | None:
        if self.status == ComplaintStatus.RECEIVED:
            return self.stage_field(self.stage, "ack_due_on")
        if self.status == ComplaintStatus.ACKNOWLEDGED:
            return self.effective_due_on(self.stage)
        return None

    @property
    def current_step(self) -> str:
        if self.status == ComplaintStatus.RECEIVED:
            return "acknowledge"
        if self.status == ComplaintStatus.ACKNOWLEDGED:
            return "respond"
        return ""

    def is_late(self, today: datetime.date | None = None) -> bool:
        due = self.current_due_on
        return due is not None and due < (today or timezone.localdate())

    @property
    def upheld_at_any_stage(self) -> bool:
        return self.stage1_outcome in UPHELD_OUTCOMES or self.stage2_outcome in UPHELD_OUTCOMES

    @property
    def final_outcome(self) -> str:
        outcome = self.stage2_outcome or self.stage1_outcome
        return Outcome(outcome).label if outcome else ""


class ComplaintExtension(models.Model):
    """One extension of a stage's response date, agreed with the customer (feedback.deadlines).

    A stage may be extended several times; the complaint's `stageN_extended_due_on` and
    `stageN_extension_reason` are the last one's, so deadlines and CH02 read one column.
    """

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="extensions")
    stage = models.PositiveSmallIntegerField(choices=[(1, "Stage 1"), (2, "Stage 2")])
    agreed_on = models.DateField("date agreed with the customer")
    previous_due_on = models.DateField("response date before this extension")
    new_due_on = models.DateField("new response date")
    reason = models.TextField("reason, as explained to the customer")
    good_reason = models.TextField(
        "good reason for going beyond the Code's limit",
        blank=True,
        help_text="Needed only when the extensions together add more than 10 working days (stage 2: 20).",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["stage", "new_due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(new_due_on__gt=F("previous_due_on")) & ~Q(reason=""),
                name="complaint_extension_later_with_reason",
            )
        ]

    def __str__(self) -> str:
        return f"Stage {self.stage} extended to {self.new_due_on:%-d %b %Y}"


class LessonsLearned(models.Model):
    """The "Lessons Learned" form the complaint respondent completes (seed §3.1)."""

    complaint = models.OneToOneField(Complaint, on_delete=models.CASCADE, related_name="lessons_learned")
    what_went_wrong = models.TextField("what went wrong")
    root_cause = models.TextField("root cause")
    what_we_changed = models.TextField("what we changed, or will change")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="lessons_owned",
        limit_choices_to=STAFF_CHOICES,
        help_text="Who makes sure the change happens.",
    )
    learned_on = models.DateField("date")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-learned_on", "-pk"]
        verbose_name = "lessons learned"
        verbose_name_plural = "lessons learned"

    def __str__(self) -> str:
        return f"Lessons learned from {self.complaint.reference}"

    def get_absolute_url(self) -> str:
        return self.complaint.get_absolute_url()


class ComplimentAbout(models.TextChoices):
    PERSON = "person", "A member of staff"
    TEAM = "team", "A team"
    SERVICE = "service", "A service"


class Compliment(models.Model):
    received_on = models.DateField("date received", db_index=True)
    customer = models.ForeignKey(Customer, null=True, blank=True, on_delete=models.SET_NULL, related_name="compliments")
    from_name = models.CharField(
        "from (if not a customer on record)",
        max_length=120,
        blank=True,
        help_text="A relative, friend, partner organisation or other stakeholder.",
    )
    channel = models.CharField("how it was made", max_length=20, choices=FeedbackChannel.choices)
    about = models.CharField("about", max_length=10, choices=ComplimentAbout.choices)
    staff_member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="compliments_received",
        limit_choices_to={"role__in": [Role.OFFICER, Role.MANAGER, Role.ADMIN]},
    )
    team = models.CharField("team or service", max_length=120, blank=True)
    description = models.TextField("what they said")
    passed_on_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    form_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["-received_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(about="person") | Q(staff_member__isnull=False), name="compliment_person_is_named"
            ),
            models.CheckConstraint(
                condition=Q(about="person") | ~Q(team=""), name="compliment_team_or_service_is_named"
            ),
        ]

    def __str__(self) -> str:
        return f"Compliment for {self.recipient_label}, {self.received_on:%-d %b %Y}"

    def get_absolute_url(self) -> str:
        return reverse("feedback:compliment_detail", args=[self.pk])

    @property
    def recipient_label(self) -> str:
        if self.about == ComplimentAbout.PERSON and self.staff_member_id:
            return str(self.staff_member)
        return self.team

    @property
    def giver(self) -> str:
        if self.customer_id:
            return self.customer.full_name
        return self.from_name or "Anonymous"


class SuggestionStatus(models.TextChoices):
    OPEN = "open", "Awaiting response"
    RESPONDED = "responded", "Responded"


class Suggestion(models.Model):
    received_on = models.DateField("date received", db_index=True)
    customer = models.ForeignKey(Customer, null=True, blank=True, on_delete=models.SET_NULL, related_name="suggestions")
    from_name = models.CharField("from (if not a customer on record)", max_length=120, blank=True)
    estate = models.ForeignKey(
        Estate,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="suggestions",
        help_text="The estate or scheme it is about; blank if it is about everyone.",
    )
    channel = models.CharField("how it was made", max_length=20, choices=FeedbackChannel.choices)
    suggestion = models.TextField("the suggestion")
    status = models.CharField(max_length=20, choices=SuggestionStatus.choices, default=SuggestionStatus.OPEN)
    response = models.TextField("our response", blank=True)
    responded_on = models.DateField(null=True, blank=True, db_index=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    led_to_change = models.BooleanField("led to a change", default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    form_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["-received_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="open") | (Q(responded_on__isnull=False) & ~Q(response="")),
                name="suggestion_response_has_date_and_text",
            ),
            models.CheckConstraint(
                condition=Q(led_to_change=False) | Q(status="responded"), name="suggestion_change_after_response"
            ),
        ]

    def __str__(self) -> str:
        return f"Suggestion {self.received_on:%-d %b %Y}: {self.suggestion[:60]}"

    def get_absolute_url(self) -> str:
        return reverse("feedback:suggestion_detail", args=[self.pk])

    @property
    def giver(self) -> str:
        if self.customer_id:
            return self.customer.full_name
        return self.from_name or "Anonymous"
