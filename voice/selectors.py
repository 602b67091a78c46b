"""Reads: the customer profile (the baseline) and who we heard from, side by side.

Every count is an SQL aggregate (`values(path).annotate(Count)`): one query a characteristic for
each population, whatever the number of customers. Representativeness is worked in Python on those
counts (voice.statistics), with small cells of equality data suppressed before anything is shown.

Percentages compare people whose answer we know: "Prefer not to say" and "Not known" are shown as
counts, never in the shares, so a gap in our records is not mistaken for a gap in the voice.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, QuerySet

from engagement.models import Customer
from panels.models import Membership, Panel
from surveys import tsm
from surveys.models import Response, Survey, SurveyKind
from surveys.selectors import survey_audience

from . import dimensions as dims
from .statistics import FitTest, goodness_of_fit, pct, rounded, suppress


def small_cell() -> int:
    return int(getattr(settings, "VOICE_SMALL_CELL", 5))


def gap_points() -> float:
    return float(getattr(settings, "VOICE_GAP_POINTS", 5))


def counts_by(queryset: QuerySet, dimension: dims.Dimension, *, path: str | None = None) -> dict[str, int]:
    """{group: count} of one population by one dimension. One query."""
    path = path or dimension.customer_path
    counts: dict[str, int] = {}
    for row in queryset.order_by().values(path).annotate(n=Count("pk")):
        group = dimension.group(row[path])
        counts[group] = counts.get(group, 0) + row["n"]
    return counts


# --- Populations -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Population:
    """A group of people to compare with the customers: respondents to a survey, members of a panel."""

    title: str
    noun: str  # "respondents", "members"
    queryset: QuerySet
    path_kind: str  # "response" (paths from Response) or "customer" (paths from a Customer-related row)
    prefix: str = ""  # for "customer": the lookup to the Customer ("customer__")
    baseline: QuerySet | None = None  # the customers they are compared with
    baseline_label: str = "customers"

    def path(self, dimension: dims.Dimension) -> str:
        if self.path_kind == "response":
            return dimension.response_path
        return f"{self.prefix}{dimension.customer_path}"


def current_customers() -> QuerySet:
    """The landlord's customers: the baseline. (When the import marks leavers as ended, they go here.)"""
    return Customer.objects.all()


def survey_population(survey: Survey) -> Population:
    baseline = survey_audience(survey)
    label = "customers the survey was for"
    if survey.kind == SurveyKind.TSM:
        baseline = baseline.filter(tenure__in=tsm.TSM_TENURES)
        label = "tenants and shared owners (the TSM population)"
    return Population(
        title=str(survey),
        noun="respondents",
        queryset=Response.objects.filter(survey=survey),
        path_kind="response",
        baseline=baseline,
        baseline_label=label,
    )


def tsm_year_population(year: int) -> Population:
    start, end = datetime.date(year, 4, 1), datetime.date(year + 1, 3, 31)
    return Population(
        title=f"TSM perception survey {year}/{(year + 1) % 100:02d}",
        noun="respondents",
        queryset=Response.objects.filter(
            survey__kind=SurveyKind.TSM, responded_on__range=(start, end), tenure__in=tsm.TSM_TENURES
        ),
        path_kind="response",
        baseline=current_customers().filter(tenure__in=tsm.TSM_TENURES),
        baseline_label="tenants and shared owners (the TSM population)",
    )


def panel_population(panel: Panel, *, on: datetime.date | None = None) -> Population:
    return Population(
        title=str(panel),
        noun="members",
        queryset=Membership.objects.current(on).filter(panel=panel),
        path_kind="customer",
        prefix="customer__",
        baseline=current_customers(),
    )


# --- Representativeness ---------------------------------------------------------------------------


@dataclass
class Row:
    group: str
    known: bool
    base_n: int
    base_hidden: bool
    sample_n: int
    sample_hidden: bool
    base_pct: float | None = None
    sample_pct: float | None = None
    gap: float | None = None
    verdict: str = ""  # "Under-represented", "Over-represented", "In line", ""

    @property
    def hidden(self) -> bool:
        return self.base_hidden or self.sample_hidden


@dataclass
class Comparison:
    dimension: dims.Dimension
    rows: list[Row]
    base_total: int
    sample_total: int
    test: FitTest
    sentences: list[str] = field(default_factory=list)  # the verdicts in words
    actions: list[str] = field(default_factory=list)
    suppressed_any: bool = False

    @property
    def under(self) -> list[Row]:
        return [row for row in self.rows if row.verdict == "Under-represented"]


def _order(dimension: dims.Dimension, groups) -> list[str]:
    """Known groups in the dimension's order (then alphabetically), the unknowns last."""
    known = [g for g in groups if dims.is_known(g)]
    ranked = {g: i for i, g in enumerate(dimension.order)}
    known.sort(key=lambda g: (ranked.get(g, len(ranked)), g))
    return known + [g for g in dims.UNKNOWN_ORDER if g in groups]


def compare(
    dimension: dims.Dimension,
    *,
    base: dict[str, int],
    sample: dict[str, int],
    noun: str,
    baseline_label: str = "customers",
    threshold: int | None = None,
) -> Comparison:
    """One characteristic: baseline and sample side by side, the gap in percentage points, a verdict
    per group, the goodness-of-fit test and what to do. Suppression first, so nothing below uses a
    hidden count in anything it shows."""
    threshold = small_cell() if threshold is None else threshold
    groups = _order(dimension, set(base) | set(sample))
    full_base = {g: base.get(g, 0) for g in groups}
    full_sample = {g: sample.get(g, 0) for g in groups}
    base_hidden = suppress(full_base, threshold=threshold) if dimension.suppressed else set()
    sample_hidden = suppress(full_sample, threshold=threshold) if dimension.suppressed else set()
    known_base = sum(n for g, n in full_base.items() if dims.is_known(g))
    known_sample = sum(n for g, n in full_sample.items() if dims.is_known(g))
    # A share worked from a known-total that includes a hidden cell is fine; a share of a hidden cell is not.
    rows, sentences, actions = [], [], []
    limit = gap_points()
    for g in groups:
        known = dims.is_known(g)
        row = Row(
            group=g,
            known=known,
            base_n=full_base[g],
            base_hidden=g in base_hidden,
            sample_n=full_sample[g],
            sample_hidden=g in sample_hidden,
        )
        if known:
            row.base_pct = None if row.base_hidden else rounded(pct(row.base_n, known_base))
            row.sample_pct = None if row.sample_hidden else rounded(pct(row.sample_n, known_sample))
            if row.base_pct is not None and row.sample_pct is not None and known_sample:
                row.gap = rounded(row.sample_pct - row.base_pct)
                if row.gap <= -limit:
                    row.verdict = "Under-represented"
                elif row.gap >= limit:
                    row.verdict = "Over-represented"
                else:
                    row.verdict = "In line"
                if row.verdict != "In line":
                    sentences.append(
                        f"{row.verdict}: {dimension.describe(g)} are {row.base_pct:.0f}% of {baseline_label} "
                        f"and {row.sample_pct:.0f}% of {noun}."
                    )
                if row.verdict == "Under-represented":
                    actions.append(dimension.suggest(g))
        rows.append(row)
    known_groups = [g for g in groups if dims.is_known(g)]
    test = goodness_of_fit({g: full_sample[g] for g in known_groups}, {g: full_base[g] for g in known_groups})
    if dimension.suppressed and test.pooled:
        # Name pooled groups only when both sides of them are shown.
        visible = {g for g in known_groups if g not in base_hidden | sample_hidden}
        test = FitTest(
            test.possible,
            test.statistic,
            test.p_value,
            test.dof,
            tuple(g if g in visible else "small groups" for g in test.pooled),
            test.reason,
        )
    return Comparison(
        dimension=dimension,
        rows=rows,
        base_total=sum(full_base.values()),
        sample_total=sum(full_sample.values()),
        test=test,
        sentences=sentences,
        actions=actions,
        suppressed_any=bool(base_hidden or sample_hidden),
    )


def representativeness(population: Population, *, dimension_keys=None) -> list[Comparison]:
    """Every characteristic of the population against its baseline. Two queries a characteristic."""
    chosen = [dims.BY_KEY[key] for key in dimension_keys] if dimension_keys else list(dims.ALL)
    baseline = population.baseline if population.baseline is not None else current_customers()
    comparisons = []
    for dimension in chosen:
        base = counts_by(baseline, dimension)
        sample = counts_by(population.queryset, dimension, path=population.path(dimension))
        comparisons.append(
            compare(dimension, base=base, sample=sample, noun=population.noun, baseline_label=population.baseline_label)
        )
    return comparisons


def customer_profile() -> list[Comparison]:
    """The baseline on its own: every current customer by each profile characteristic."""
    baseline = current_customers()
    return [
        compare(d, base=counts_by(baseline, d), sample={}, noun="", baseline_label="customers") for d in dims.PROFILE
    ]


def year_heard_from(*, start: datetime.date, end: datetime.date) -> dict:
    """The annual report's "who we heard from this year": survey respondents in the period and panel
    members at its end against our customers, by patch, age band, ethnic group and disability, plus
    people engaged at activities by patch (all suppressed as everywhere)."""
    from .reach import reach_rows

    keys = ["patch", "age_band", "ethnicity", "disability"]
    respondents = Population(
        title="Survey respondents",
        noun="respondents",
        queryset=Response.objects.filter(responded_on__range=(start, end)),
        path_kind="response",
    )
    members = panel_members_population(on=end)
    engaged: dict[str, int] = {}
    for kind, key, _period, n in reach_rows(start=start, end=end, on=end):
        if kind == "engaged":
            engaged[key or "No patch recorded"] = engaged.get(key or "No patch recorded", 0) + n
    return {
        "respondents": representativeness(respondents, dimension_keys=keys),
        "members": representativeness(members, dimension_keys=keys),
        "engaged": sorted(engaged.items()),
        "threshold": small_cell(),
    }


def panel_members_population(*, on: datetime.date | None = None) -> Population:
    return Population(
        title="Panel members",
        noun="panel members",
        queryset=Customer.objects.filter(pk__in=Membership.objects.current(on).values("customer")),
        path_kind="customer",
        prefix="",
        baseline=current_customers(),
    )
