"""Surveys: the estate champion survey, satisfaction surveys and the Tenant Satisfaction Measures.

Two kinds of survey live here because they share a purpose (hearing customers in a closed,
countable way) but not a shape:

* `ChampionSurvey` is a short, fixed form an estate champion fills in on a phone for one of
  their estates. Every poor rating or comment becomes a `ChampionIssue` that staff triage into an
  Action ("You said, we did") or close with a reason the champion can read.
* `Survey` / `Question` / `Response` / `Answer` are staff-defined satisfaction surveys (including
  the TSM perception survey), answered by phone, door knock, paper, online or an invitation link.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from engagement.models import Customer, Estate, Role, Tenure
from engagement.storage import private_storage

# --- Estate champion survey -----------------------------------------------------------------


class Rating(models.TextChoices):
    GOOD = "good", "Good"
    OKAY = "okay", "Okay"
    POOR = "poor", "Poor"


class Topic(models.TextChoices):
    GROUNDS = "grounds", "Grounds maintenance"
    CLEANING = "cleaning", "Communal cleaning"
    REPAIRS = "repairs", "Repairs done"
    ASB = "asb", "Anti-social behaviour and graffiti"
    OTHER = "other", "Anything else"


# The four rated topics, in the order the form asks them, with the question in plain English.
RATED_TOPICS = [
    (Topic.GROUNDS, "How are the grass, hedges, paths and bins areas looking?"),
    (Topic.CLEANING, "How clean are the shared areas: stairs, corridors, lifts, bin stores?"),
    (Topic.REPAIRS, "Have repairs that were reported been done?"),
    (Topic.ASB, "Is there any graffiti, litter dumping or other nuisance?"),
]


class ChampionSurveyQuerySet(models.QuerySet):
    def of_customer(self, customer: Customer):
        return self.filter(customer=customer)

    def with_issue_counts(self):
        return self.annotate(
            issue_count=models.Count("issues", distinct=True),
            open_issue_count=models.Count("issues", filter=Q(issues__status="new"), distinct=True),
        )


class ChampionSurvey(models.Model):
    """One visit by an estate champion to one of their estates, and what they found."""

    customer = models.ForeignKey(Customer, on_delete=models.PROTECT, related_name="champion_surveys")
    estate = models.ForeignKey(Estate, on_delete=models.PROTECT, related_name="champion_surveys")
    visited_on = models.DateField("date of your visit", default=timezone.localdate, db_index=True)
    grounds_rating = models.CharField(max_length=10, choices=Rating.choices)
    grounds_comment = models.TextField(blank=True)
    cleaning_rating = models.CharField(max_length=10, choices=Rating.choices)
    cleaning_comment = models.TextField(blank=True)
    repairs_rating = models.CharField(max_length=10, choices=Rating.choices)
    repairs_comment = models.TextField(blank=True)
    asb_rating = models.CharField(max_length=10, choices=Rating.choices)
    asb_comment = models.TextField(blank=True)
    anything_else = models.TextField(blank=True)
    # A one-time token from the form: a double-tapped "Send" or a resent POST finds this row.
    form_token = models.UUIDField(unique=True)
    submitted_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = ChampionSurveyQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        indexes = [models.Index(fields=["estate", "visited_on"])]

    def __str__(self) -> str:
        return f"{self.estate} – {self.visited_on:%-d %b %Y}"

    def get_absolute_url(self) -> str:
        return reverse("surveys:champion_detail", args=[self.pk])

    def get_staff_url(self) -> str:
        return reverse("surveys:submission_detail", args=[self.pk])

    def rating_of(self, topic: str) -> str:
        return getattr(self, f"{topic}_rating")

    def comment_of(self, topic: str) -> str:
        return getattr(self, f"{topic}_comment")

    @property
    def answers(self) -> list[dict]:
        """The four rated topics as (topic, label, rating, comment) for templates."""
        return [
            {
                "topic": topic,
                "label": topic.label,
                "rating": self.rating_of(topic),
                "rating_label": Rating(self.rating_of(topic)).label,
                "comment": self.comment_of(topic),
            }
            for topic, _question in RATED_TOPICS
        ]

    @property
    def poor_count(self) -> int:
        return sum(1 for topic, _ in RATED_TOPICS if self.rating_of(topic) == Rating.POOR)


MAX_PHOTOS = 6  # a champion's survey carries at most this many photos
PHOTO_MAX_SIDE_PX = 2400  # plenty to see a broken fence; keeps storage and phones' data use down


def _photo_path(instance: ChampionPhoto, filename: str) -> str:
    return f"surveys/champion/{instance.form_token}/{uuid.uuid4().hex}-{filename}"


class ChampionPhoto(models.Model):
    """A photo a champion attached. Kept as a pending upload (no survey yet) while the form has
    errors, so nothing they chose is lost; attached to the survey when it is sent. Stored as the
    clean copy engagement.uploads makes: no EXIF, so no GPS position of the champion's home."""

    survey = models.ForeignKey(ChampionSurvey, null=True, blank=True, on_delete=models.CASCADE, related_name="photos")
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="champion_photos")
    form_token = models.UUIDField(db_index=True)
    image = models.FileField(upload_to=_photo_path, storage=private_storage, max_length=250)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("surveys:photo", args=[self.pk])

    @property
    def is_pending(self) -> bool:
        return self.survey_id is None


class IssueStatus(models.TextChoices):
    NEW = "new", "Waiting to be looked at"
    ACTIONED = "actioned", "Action agreed"
    CLOSED = "closed", "Closed"


class ChampionIssueQuerySet(models.QuerySet):
    def awaiting_triage(self):
        return self.filter(status=IssueStatus.NEW)


class ChampionIssue(models.Model):
    """A poor rating or a comment from a champion survey, for staff to triage."""

    survey = models.ForeignKey(ChampionSurvey, on_delete=models.CASCADE, related_name="issues")
    estate = models.ForeignKey(Estate, on_delete=models.PROTECT, related_name="champion_issues")
    topic = models.CharField(max_length=20, choices=Topic.choices)
    rating = models.CharField(max_length=10, choices=Rating.choices, blank=True)
    comment = models.TextField(blank=True)
    raised_on = models.DateField(db_index=True)
    status = models.CharField(max_length=20, choices=IssueStatus.choices, default=IssueStatus.NEW, db_index=True)
    action = models.OneToOneField(
        "engagement.Action", null=True, blank=True, on_delete=models.SET_NULL, related_name="champion_issue"
    )
    closed_reason = models.TextField(blank=True, help_text="Shown to the champion: say plainly why.")
    triaged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    triaged_at = models.DateTimeField(null=True, blank=True)

    objects = ChampionIssueQuerySet.as_manager()

    class Meta:
        ordering = ["raised_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "topic"], name="champion_issue_once_per_topic"),
            models.CheckConstraint(
                condition=~Q(status="closed") | ~Q(closed_reason=""), name="champion_issue_closed_has_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_topic_display()} at {self.estate}"

    def get_absolute_url(self) -> str:
        return reverse("surveys:issue_detail", args=[self.pk])

    @property
    def summary(self) -> str:
        parts = []
        if self.rating:
            parts.append(f"{self.get_topic_display()}: rated {self.get_rating_display().lower()}")
        else:
            parts.append(self.get_topic_display())
        if self.comment:
            parts.append(f"“{self.comment}”")
        return " – ".join(parts)


# --- Satisfaction surveys -------------------------------------------------------------------


class SurveyKind(models.TextChoices):
    GENERAL = "general", "Satisfaction survey"
    TSM = "tsm", "TSM perception survey"


class PopulationBasis(models.TextChoices):
    HOMES = "homes", "Homes in the chosen estates"
    CUSTOMERS = "customers", "Customers on our records"


class SurveyQuerySet(models.QuerySet):
    def with_response_counts(self):
        return self.annotate(response_count=models.Count("responses", distinct=True))


class Survey(models.Model):
    kind = models.CharField(max_length=20, choices=SurveyKind.choices, default=SurveyKind.GENERAL, db_index=True)
    title = models.CharField(max_length=200, unique=True)
    purpose = models.TextField(help_text="Why we are asking and what we will do with the answers.")
    estates = models.ManyToManyField(
        Estate, blank=True, related_name="surveys", help_text="Estates and schemes asked. Leave empty for all."
    )
    tenures = models.JSONField(default=list, blank=True, help_text="Tenures asked. Leave empty for all.")
    population_basis = models.CharField(
        max_length=20,
        choices=PopulationBasis.choices,
        default=PopulationBasis.HOMES,
        help_text="What the 10% rule counts: homes, or customer records (choose this when only some tenures are "
        "asked).",
    )
    population_override = models.PositiveIntegerField(
        "population size (override)",
        null=True,
        blank=True,
        help_text="Only if you know the number affected better than our records do.",
    )
    opens_on = models.DateField()
    closes_on = models.DateField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SurveyQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_on", "title"]
        constraints = [
            models.CheckConstraint(condition=Q(closes_on__gte=models.F("opens_on")), name="survey_closes_after_opening")
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("surveys:survey_detail", args=[self.pk])

    def is_open(self, on=None) -> bool:
        on = on or timezone.localdate()
        return self.opens_on <= on <= self.closes_on

    def get_tenures_display(self) -> str:
        labels = dict(Tenure.choices)
        return ", ".join(labels.get(value, value) for value in self.tenures) or "All tenures"


class Scale(models.TextChoices):
    SATISFACTION = "satisfaction", "Very satisfied … very dissatisfied"
    AGREEMENT = "agreement", "Strongly agree … strongly disagree"
    YES_NO = "yes_no", "Yes / no"
    FREE_TEXT = "free_text", "Free text"


DONT_KNOW = "dont_know"
DONT_KNOW_LABEL = "Don't know / not applicable"

# Each closed scale's options, best first, and which of them count as "satisfied" (positive).
SCALE_OPTIONS = {
    Scale.SATISFACTION: [
        ("very_satisfied", "Very satisfied"),
        ("fairly_satisfied", "Fairly satisfied"),
        ("neither", "Neither satisfied nor dissatisfied"),
        ("fairly_dissatisfied", "Fairly dissatisfied"),
        ("very_dissatisfied", "Very dissatisfied"),
    ],
    Scale.AGREEMENT: [
        ("strongly_agree", "Strongly agree"),
        ("agree", "Agree"),
        ("neither", "Neither agree nor disagree"),
        ("disagree", "Disagree"),
        ("strongly_disagree", "Strongly disagree"),
    ],
    Scale.YES_NO: [("yes", "Yes"), ("no", "No")],
    Scale.FREE_TEXT: [],
}
POSITIVE_VALUES = {
    Scale.SATISFACTION: {"very_satisfied", "fairly_satisfied"},
    Scale.AGREEMENT: {"strongly_agree", "agree"},
    Scale.YES_NO: {"yes"},
    Scale.FREE_TEXT: set(),
}


class Eligibility(models.TextChoices):
    """Who counts in a question's denominator (the TSM rules; 'everyone' for other surveys)."""

    EVERYONE = "everyone", "Everyone who answered"
    HAD_REPAIR = "had_repair", "Only those who had a repair in the last 12 months"
    COMPLAINED = "complained", "Only those who complained in the last 12 months"
    COMMUNAL_AREAS = "communal_areas", "Only those with communal areas"


class Screens(models.TextChoices):
    """A yes/no question whose answer decides who counts for other questions."""

    NOTHING = "", "Nothing"
    HAD_REPAIR = "had_repair", "Had a repair in the last 12 months"
    COMPLAINED = "complained", "Complained in the last 12 months"
    COMMUNAL_AREAS = "communal_areas", "Has communal areas"


class Question(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(default=0)
    code = models.CharField(
        max_length=20, blank=True, help_text="A short code used in CSV files and reports, e.g. TP01 or Q3."
    )
    text = models.TextField("question")
    scale = models.CharField(max_length=20, choices=Scale.choices, default=Scale.SATISFACTION)
    allow_dont_know = models.BooleanField(
        "offer “don't know / not applicable”",
        default=True,
        help_text="Those answers are left out of the percentage satisfied.",
    )
    required = models.BooleanField(default=False)
    eligibility = models.CharField(max_length=20, choices=Eligibility.choices, default=Eligibility.EVERYONE)
    screens_for = models.CharField(max_length=20, choices=Screens.choices, default=Screens.NOTHING, blank=True)
    # TSM: questions about repairs, home maintenance and communal areas are for renters only.
    renters_only = models.BooleanField(default=False, help_text="Leave shared owners out of the percentage.")

    form_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)  # one-time form token

    class Meta:
        ordering = ["survey", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "code"], condition=~Q(code=""), name="question_code_unique_in_survey"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.text[:60]}" if self.code else self.text[:70]

    @property
    def label(self) -> str:
        return self.code or f"Q{self.position}"

    @property
    def is_closed(self) -> bool:
        return self.scale != Scale.FREE_TEXT

    def options(self) -> list[tuple[str, str]]:
        options = list(SCALE_OPTIONS[Scale(self.scale)])
        if options and self.allow_dont_know:
            options.append((DONT_KNOW, DONT_KNOW_LABEL))
        return options

    def positive(self, value: str) -> bool | None:
        """True/False for a counted answer; None when it does not count (don't know, free text)."""
        if not self.is_closed or value in ("", DONT_KNOW):
            return None
        return value in POSITIVE_VALUES[Scale(self.scale)]


class ResponseChannel(models.TextChoices):
    ONLINE = "online", "Online (invitation link)"
    PHONE = "phone", "Phone"
    DOOR_KNOCK = "door_knock", "Door knock"
    PAPER = "paper", "Paper"
    EVENT = "event", "At an event"
    IMPORTED = "imported", "Imported (contractor file)"


class Response(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    customer = models.ForeignKey(
        Customer, null=True, blank=True, on_delete=models.SET_NULL, related_name="survey_responses"
    )
    # Where the answer came from, kept on the row so results by place and tenure stay true
    # even if the customer moves or the record is anonymised later.
    estate = models.ForeignKey(Estate, on_delete=models.PROTECT, related_name="survey_responses")
    tenure = models.CharField(max_length=20, choices=Tenure.choices, db_index=True)
    responded_on = models.DateField(default=timezone.localdate, db_index=True)
    channel = models.CharField(max_length=20, choices=ResponseChannel.choices)
    assisted_by = models.CharField(
        max_length=120, blank=True, help_text="Who helped the customer give their answers, if anyone."
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"role__in": [Role.OFFICER, Role.MANAGER]},
    )
    invitation = models.OneToOneField(
        "Invitation", null=True, blank=True, on_delete=models.SET_NULL, related_name="response"
    )
    # Denominator flags set from the screening answers (TSM: repairs, complaints, communal areas).
    had_repair = models.BooleanField(null=True, blank=True)
    complained = models.BooleanField(null=True, blank=True)
    has_communal_areas = models.BooleanField(null=True, blank=True)
    form_token = models.UUIDField(null=True, blank=True, unique=True)
    external_ref = models.CharField(
        "contractor reference", max_length=60, blank=True, help_text="The row id in an imported file."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-responded_on", "-pk"]
        indexes = [models.Index(fields=["survey", "responded_on"])]
        constraints = [
            # One voice per customer per survey: a second phone call or import row adds nothing.
            models.UniqueConstraint(
                fields=["survey", "customer"], condition=Q(customer__isnull=False), name="response_once_per_customer"
            ),
            models.UniqueConstraint(
                fields=["survey", "external_ref"], condition=~Q(external_ref=""), name="response_external_ref_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.survey} – {self.responded_on:%-d %b %Y}"

    def get_absolute_url(self) -> str:
        return reverse("surveys:response_detail", args=[self.pk])


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    value = models.CharField(max_length=30, blank=True)
    text = models.TextField(blank=True)
    # True: satisfied/agree/yes; False: counted but not positive; None: don't know or free text.
    positive = models.BooleanField(null=True, blank=True)

    class Meta:
        ordering = ["question__position"]
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="answer_once_per_question")]
        indexes = [models.Index(fields=["question", "positive"])]

    def __str__(self) -> str:
        return f"{self.question.label}: {self.value or self.text[:40]}"


class Invitation(models.Model):
    """A customer's personal, single-use link to answer one survey without an account.

    The link carries a TimestampSigner signature of this row's id (so it expires and cannot be
    forged); `used_at` is claimed with a conditional UPDATE, so it works exactly once.
    """

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="invitations")
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="survey_invitations")
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    used_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["survey", "customer"], name="invitation_once_per_customer")]

    def __str__(self) -> str:
        return f"{self.customer.full_name} → {self.survey}"
