"""Reads for the charter pages and the board report: a fixed number of queries whatever the history."""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Q

from engagement.quarters import Quarter

from .charts import trend_chart_svg
from .models import BoardReport, Commitment, Measure, MeasureValue, Rag, ReportStatus, Unit
from .services import format_value, rag_for

TREND_QUARTERS = 8


def _quarter_range_q(first: Quarter, last: Quarter) -> Q:
    after = Q(year__gt=first.year) | Q(year=first.year, quarter__gte=first.number)
    before = Q(year__lt=last.year) | Q(year=last.year, quarter__lte=last.number)
    return after & before


@dataclass
class MeasureRow:
    measure: Measure
    value: MeasureValue | None
    history: list[tuple[Quarter, MeasureValue | None]]
    extra: dict = field(default_factory=dict)

    @property
    def rag(self) -> str:
        return self.value.rag if self.value else Rag.NONE

    @property
    def rag_label(self) -> str:
        return Rag(self.rag).label

    @property
    def display_value(self) -> str:
        return format_value(self.value.value if self.value else None, self.measure.unit)

    @property
    def display_target(self) -> str:
        if self.measure.target is None:
            return "No target"
        prefix = "at most " if self.measure.direction == "lower" else ""
        return prefix + format_value(self.measure.target, self.measure.unit)

    @property
    def series(self) -> list[tuple[str, object, str]]:
        return [(q.short_label, v.value if v else None, v.rag if v else Rag.NONE) for q, v in self.history]

    @property
    def trend_text(self) -> str:
        return "; ".join(
            f"{q.short_label}: {format_value(v.value if v else None, self.measure.unit)}" for q, v in self.history
        )

    @property
    def figure_words(self) -> str:
        """What the figure was worked out from, in words: "41 of 52", "93 complaints for 7,750 homes"."""
        value = self.value
        if value is None:
            return ""
        return base_words(unit=self.measure.unit, numerator=value.numerator, denominator=value.denominator)

    @property
    def previous(self) -> MeasureValue | None:
        return self.history[-2][1] if len(self.history) > 1 else None

    def chart(self, size: str = "small", titled: bool = True):
        return trend_chart_svg(
            self.series,
            title=f"{self.measure.code} {self.measure.name}",
            unit=self.measure.unit,
            target=self.measure.target,
            size=size,
            titled=titled,
        )

    @property
    def sparkline(self):
        return self.chart("spark")

    @property
    def trend_chart(self):
        return self.chart("small")

    @property
    def charted(self) -> bool:
        """Worth a trend chart: a number (not yes/no), shown once, with at least one figure in the window."""
        return (
            self.measure.unit != "yes_no"
            and not self.measure.mirror_of_id
            and any(v is not None and v.value is not None for _q, v in self.history)
        )

    @property
    def awaiting_entry(self) -> bool:
        return self.value is None and self.measure.accepts_manual_entry


def base_words(*, unit: str, numerator: int | None, denominator: int | None) -> str:
    """The base of a figure where it matters, with thousands separators; nothing where it would mislead
    (an average's numerator is a sum of days, not a count of anything a reader would recognise)."""
    if numerator is None or not denominator:
        return ""
    if unit == Unit.PERCENT:
        return f"{numerator:,} of {denominator:,}"
    if unit == Unit.PER_1000:
        return f"{numerator:,} for {denominator:,} homes"
    if unit == Unit.WORKING_DAYS:
        return f"over {denominator:,} responses"
    return ""


def charter_rows(
    *, quarter: Quarter, trend_quarters: int = TREND_QUARTERS, figures_only: bool = False
) -> list[tuple[Commitment, list[MeasureRow]]]:
    """Every active measure with its figure for `quarter` and its trend over the quarters before it.

    Three queries: commitments, measures (with what they mirror) and the values of the whole window.
    `figures_only` (the dashboard: RAG counts and trend charts) reads only each value's figure, base
    and RAG, without who entered it, its notes or its timestamps: a few hundred values' dates and
    users were most of the panel's time.
    """
    window = quarter.trailing(trend_quarters)
    commitments = list(Commitment.objects.all())
    measures = list(Measure.objects.active().select_related("mirror_of").order_by("commitment__number", "order"))
    figure_ids = {m.figure_measure_id for m in measures}
    values = MeasureValue.objects.filter(_quarter_range_q(window[0], window[-1]), measure_id__in=figure_ids)
    if figures_only:
        values = values.only("measure_id", "year", "quarter", "value", "numerator", "denominator", "rag").order_by()
    else:
        values = values.select_related("entered_by")
    by_key = {(v.measure_id, v.year, v.quarter): v for v in values}
    grouped: dict[int, list[MeasureRow]] = {c.pk: [] for c in commitments}
    for measure in measures:
        history = [(q, by_key.get((measure.figure_measure_id, q.year, q.number))) for q in window]
        value = history[-1][1]
        if value is not None and measure.mirror_of_id:
            # A mirrored figure is judged against this listing's own target (on a copy: the row is shared).
            value = copy.copy(value)
            history[-1] = (quarter, value)
            value.rag = rag_for(
                value=value.value,
                target=measure.target,
                direction=measure.direction,
                amber_tolerance=measure.amber_tolerance,
            )
        grouped[measure.commitment_id].append(MeasureRow(measure=measure, value=value, history=history))
    return [(c, grouped[c.pk]) for c in commitments]


def rag_summary(rows_by_commitment) -> dict:
    """Counts of green/amber/red/no figure, per commitment and in total (every listed measure once)."""
    per_commitment = []
    total = Counter()
    for commitment, rows in rows_by_commitment:
        counts = Counter(row.rag for row in rows)
        total.update(counts)
        per_commitment.append({"commitment": commitment, **{rag: counts.get(rag, 0) for rag in Rag.values}})
    return {
        "per_commitment": per_commitment,
        "total": {rag: total.get(rag, 0) for rag in Rag.values},
        "measures": sum(total.values()),
    }


def measure_history(*, measure: Measure) -> list[MeasureValue]:
    return list(
        MeasureValue.objects.filter(measure_id=measure.figure_measure_id)
        .select_related("entered_by")
        .order_by("-year", "-quarter")
    )


def latest_reports(limit: int = 5):
    return BoardReport.objects.select_related("requested_by").order_by("-created_at")[:limit]


def latest_ready_report() -> BoardReport | None:
    return BoardReport.objects.filter(status=ReportStatus.READY).order_by("-built_at").first()


def annual_report_default_year(*, today) -> int:
    """The calendar year the annual report is about by default: the last complete year with figures in
    every quarter; failing that, the complete year with the most quarters with figures; failing that,
    last year. Judged from the stored charter figures (one query)."""
    from engagement.quarters import calendar_year_quarters

    last = today.year - 1
    candidates = list(range(last, max(last - 5, 2019), -1))
    filled = set(
        MeasureValue.objects.filter(value__isnull=False, year__gte=candidates[-1] - 1)
        .values_list("year", "quarter")
        .distinct()
    )

    def quarters_with_figures(year: int) -> int:
        return sum((q.year, q.number) in filled for q in calendar_year_quarters(year))

    best = max(candidates, key=lambda year: (quarters_with_figures(year) == 4, quarters_with_figures(year), year))
    return best if quarters_with_figures(best) else last
