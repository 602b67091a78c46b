"""The Customer Charter: seven commitments, how each is measured, the quarterly figures and board reports."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from engagement.quarters import Period, Quarter
from engagement.registry import COMPUTED_MEASURES
from engagement.storage import private_storage


class Commitment(models.Model):
    """One of the charter's seven promises to customers."""

    number = models.PositiveSmallIntegerField(unique=True)
    name = models.CharField(max_length=60, unique=True)
    promise = models.TextField(help_text="What we promise, in the charter's words.")
    delivery = models.TextField("how we will deliver it", blank=True)

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class Unit(models.TextChoices):
    PERCENT = "percent", "%"
    COUNT = "count", "Number"
    PER_1000 = "per_1000", "Per 1,000 homes"
    WORKING_DAYS = "working_days", "Working days"
    YES_NO = "yes_no", "Yes or no"


class Direction(models.TextChoices):
    HIGHER = "higher", "Higher is better"
    LOWER = "lower", "Lower is better"


class Source(models.TextChoices):
    COMPUTED = "computed", "Computed from the portal"
    MANUAL = "manual", "Entered manually"


class Rag(models.TextChoices):
    GREEN = "green", "On target"
    AMBER = "amber", "Close to target"
    RED = "red", "Off target"
    NONE = "none", "No figure"


class MeasureQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Measure(models.Model):
    """How one commitment is measured ("How we'll measure it" in the charter).

    `source` says how the figure is meant to be produced. A computed measure names a key in
    engagement.registry.COMPUTED_MEASURES; until an app registers that key the measure is entered
    manually each quarter (with evidence), and the pages say so: we never invent a figure.
    A measure the charter lists under two commitments is entered once: `mirror_of` points the
    second listing at the first.
    """

    commitment = models.ForeignKey(Commitment, on_delete=models.PROTECT, related_name="measures")
    code = models.CharField(max_length=8, unique=True, help_text="e.g. 1.3: commitment number, then order.")
    order = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(max_length=160)
    how_measured = models.TextField(help_text="The charter's wording.")
    unit = models.CharField(max_length=20, choices=Unit.choices)
    target = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    direction = models.CharField(max_length=10, choices=Direction.choices, default=Direction.HIGHER)
    amber_tolerance = models.DecimalField(
        max_digits=9,
        decimal_places=2,
        default=0,
        help_text="How far short of the target (in the measure's unit) still counts as amber rather than red.",
    )
    source = models.CharField(max_length=10, choices=Source.choices)
    computed_key = models.CharField(max_length=80, blank=True, db_index=True)
    mirror_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mirrors",
        help_text="Shows the figure of this other measure (the charter lists it twice).",
    )
    monitored_by = models.CharField(max_length=200, blank=True)
    annual_target = models.DecimalField(
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="The target for a whole calendar year, for the annual customer voice report. Blank: worked out "
        "from the quarterly target (four times it for counts and rates per 1,000 homes; the same for percentages, "
        "averages and yes/no).",
    )
    is_active = models.BooleanField(default=True)

    objects = MeasureQuerySet.as_manager()

    class Meta:
        ordering = ["commitment__number", "order"]
        constraints = [
            models.CheckConstraint(
                condition=Q(source="manual", computed_key="") | Q(source="computed") & ~Q(computed_key=""),
                name="charter_measure_computed_has_key",
            ),
            models.CheckConstraint(condition=Q(amber_tolerance__gte=0), name="charter_measure_tolerance_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("charter:measure_detail", args=[self.pk])

    @property
    def year_target(self):
        """The target a year's figure is judged against: a quarter's count or rate adds up over four quarters."""
        if self.annual_target is not None:
            return self.annual_target
        if self.target is None:
            return None
        return self.target * 4 if self.unit in (Unit.COUNT, Unit.PER_1000) else self.target

    @property
    def figure_measure_id(self) -> int:
        """The measure whose values this one shows (itself unless it mirrors another)."""
        return self.mirror_of_id or self.pk

    @property
    def computed_measure(self):
        return COMPUTED_MEASURES.get(self.computed_key) if self.source == Source.COMPUTED else None

    @property
    def is_computable(self) -> bool:
        """Computed now: the key is registered by an app. Otherwise entered by hand."""
        return self.computed_measure is not None

    @property
    def effective_source(self) -> str:
        return Source.COMPUTED if self.is_computable else Source.MANUAL

    @property
    def source_description(self) -> str:
        if self.mirror_of_id:
            return f"Same figure as {self.mirror_of.code}" if self.mirror_of else "Same figure as another measure"
        if self.is_computable:
            return "Computed from the portal"
        if self.source == Source.COMPUTED:
            return "Entered manually until the portal can compute it"
        return "Entered manually with evidence"

    @property
    def accepts_manual_entry(self) -> bool:
        return not self.mirror_of_id and not self.is_computable


class MeasureValue(models.Model):
    """A measure's figure for one financial quarter: the quarterly snapshot the charter and board report show."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="values")
    year = models.PositiveSmallIntegerField(help_text="Year the financial year starts (2026 for 2026/27).")
    quarter = models.PositiveSmallIntegerField(choices=[(n, f"Q{n}") for n in range(1, 5)])
    value = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    numerator = models.PositiveIntegerField(null=True, blank=True)
    denominator = models.PositiveIntegerField(null=True, blank=True)
    rag = models.CharField("RAG status", max_length=10, choices=Rag.choices, default=Rag.NONE)
    source = models.CharField(max_length=10, choices=Source.choices)
    detail = models.CharField(max_length=300, blank=True, help_text="What a computed figure was worked out from.")
    drilldown_url = models.CharField(max_length=300, blank=True)
    note = models.TextField(blank=True)
    evidence = models.TextField(blank=True, help_text="Where the figure comes from, for manual entries.")
    evidence_file = models.FileField(upload_to="charter/evidence/%Y/", storage=private_storage, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_at = models.DateTimeField(null=True, blank=True)
    computed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["measure__code", "-year", "-quarter"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "year", "quarter"], name="charter_one_value_per_quarter"),
        ]
        indexes = [models.Index(fields=["year", "quarter"])]

    def __str__(self) -> str:
        return f"{self.measure.code} {self.period.label}: {self.value}"

    @property
    def period(self) -> Quarter:
        return Quarter(self.year, self.quarter)


class ReportKind(models.TextChoices):
    QUARTER = "quarter", "Quarterly board report"
    ANNUAL = "annual", "Annual customer voice report"


class ReportStatus(models.TextChoices):
    PENDING = "pending", "Waiting to start"
    BUILDING = "building", "Being built"
    READY = "ready", "Ready"
    FAILED = "failed", "Failed"


class BoardReport(models.Model):
    """One built (or building) PDF for a period. Rebuilding adds a new version; earlier ones are kept."""

    kind = models.CharField(max_length=10, choices=ReportKind.choices)
    period_start = models.DateField()
    period_end = models.DateField()
    period_label = models.CharField(max_length=60)
    version = models.PositiveSmallIntegerField(default=1)
    status = models.CharField(max_length=10, choices=ReportStatus.choices, default=ReportStatus.PENDING)
    progress = models.PositiveSmallIntegerField(default=0, help_text="Per cent done.")
    file = models.FileField(upload_to="charter/board-reports/%Y/", storage=private_storage, blank=True)
    page_count = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    foreword = models.TextField(
        blank=True, help_text="The Customer Voice Group's own foreword, printed first in the annual report."
    )
    # The worker building the report renews its lease as it goes; a build whose lease ran out was lost
    # with its worker and is taken over (by a redelivered task or the sweep), at most MAX_ATTEMPTS times.
    lease_expires_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    # Null for the reports the quarter-end job builds; `scheduled` claims "built once per period".
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    scheduled = models.BooleanField(default=False)
    request_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    built_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-period_start", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "period_start", "version"], name="charter_report_version_unique"),
            models.UniqueConstraint(
                fields=["kind", "period_start"],
                condition=Q(scheduled=True),
                name="charter_report_scheduled_once",
            ),
            models.CheckConstraint(condition=Q(progress__lte=100), name="charter_report_progress_max_100"),
        ]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period_label} (version {self.version})"

    def get_absolute_url(self) -> str:
        return reverse("charter:report_detail", args=[self.pk])

    @property
    def period(self) -> Period:
        if self.kind == ReportKind.ANNUAL:
            return Period.for_year(self.period_start.year)
        return Period.for_quarter(Quarter.containing(self.period_start))

    @property
    def is_finished(self) -> bool:
        return self.status in {ReportStatus.READY, ReportStatus.FAILED}

    def lease_expired(self, now) -> bool:
        return self.status == ReportStatus.BUILDING and (self.lease_expires_at is None or self.lease_expires_at < now)

    @property
    def filename(self) -> str:
        stem = "customer-voice-report" if self.kind == ReportKind.ANNUAL else "board-report"
        period = self.period_start.year if self.kind == ReportKind.ANNUAL else self.period.last_quarter.code
        return f"{stem}-{period}-v{self.version}.pdf"
