"""Reads for the charter pages and the board report: a fixed number of queries whatever the history."""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone

from engagement.models import Action, ActionStatus
from engagement.quarters import Period, Quarter, local_day_bounds
from engagement.registry import COMPUTED_MEASURES

from .breakdowns import breakdowns_for
from .charts import bar_chart_svg, sparkline_svg, trend_chart_svg
from .models import BoardReport, Commitment, Measure, MeasureValue, Rag, ReportKind, ReportStatus
from .services import format_value, measure_compute, rag_for, unit_suffix

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
    def sparkline(self):
        return sparkline_svg(self.series, title=f"Trend for {self.measure.name}", target=self.measure.target)

    @property
    def trend_chart(self):
        return trend_chart_svg(
            self.series,
            title=f"{self.measure.code} {self.measure.name}: last {len(self.history)} quarters",
            unit_suffix=unit_suffix(self.measure.unit),
            target=self.measure.target,
        )

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


def charter_rows(
    *, quarter: Quarter, trend_quarters: int = TREND_QUARTERS
) -> list[tuple[Commitment, list[MeasureRow]]]:
    """Every active measure with its figure for `quarter` and its trend over the quarters before it.

    Three queries: commitments, measures (with what they mirror) and the values of the whole window.
    """
    window = quarter.trailing(trend_quarters)
    commitments = list(Commitment.objects.all())
    measures = list(Measure.objects.active().select_related("mirror_of").order_by("commitment__number", "order"))
    figure_ids = {m.figure_measure_id for m in measures}
    values = MeasureValue.objects.filter(
        _quarter_range_q(window[0], window[-1]), measure_id__in=figure_ids
    ).select_related("entered_by")
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


# --- The board report's content -------------------------------------------------------------------


def _registered(prefixes: tuple[str, ...]) -> list[str]:
    return sorted(key for key in COMPUTED_MEASURES if key.startswith(prefixes))


def registered_figures(*, prefixes: tuple[str, ...], period: Period) -> list[dict]:
    """Every registered measure under these key prefixes, computed over the whole period."""
    figures = []
    for key in _registered(prefixes):
        registered = COMPUTED_MEASURES[key]
        result = measure_compute(key=key, start=period.start, end=period.end)
        unit = {"%": "percent", "count": "count", "per 1,000 homes": "per_1000", "working days": "working_days"}.get(
            registered.unit, "count"
        )
        figures.append(
            {
                "key": key,
                "label": registered.label,
                "value": format_value(result.value, unit) if result is not None else "Could not be computed",
                "detail": result.detail if result is not None else "",
            }
        )
    return figures


def _scrutiny_actions(period: Period):
    scrutiny_types = ContentType.objects.filter(model__icontains="scrutiny")
    first, after = local_day_bounds(period.start, period.end)  # aware bounds: the created_at index applies
    return list(
        Action.objects.filter(source_type__in=scrutiny_types)
        .filter(Q(created_at__gte=first, created_at__lt=after) | Q(done_on__range=(period.start, period.end)))
        .select_related("estate")
        .order_by("-updated_at")[:8]
    )


def board_report_context(*, report: BoardReport) -> dict:
    period = report.period
    last = period.last_quarter
    rows_by_commitment = charter_rows(quarter=last)
    annual = report.kind == ReportKind.ANNUAL
    if annual:
        year_keys = {}
        for _commitment, rows in rows_by_commitment:
            for row in rows:
                row.extra["quarters"] = [(q, v) for q, v in row.history if q in period.quarters]
                if row.measure.is_computable:
                    key = row.measure.computed_key
                    if key not in year_keys:
                        year_keys[key] = measure_compute(key=key, start=period.start, end=period.end)
                    result = year_keys[key]
                    row.extra["year"] = format_value(result.value if result else None, row.measure.unit)
                else:
                    row.extra["year"] = ""
    summary = rag_summary(rows_by_commitment)
    breakdowns = breakdowns_for(period.start, period.end)
    for breakdown in breakdowns:
        breakdown["chart"] = bar_chart_svg(breakdown["rows"], title=breakdown["title"]) if breakdown["rows"] else ""
    you_said_we_did = list(
        Action.objects.published()
        .filter(status=ActionStatus.DONE, done_on__range=(period.start, period.end))
        .select_related("estate")
        .order_by("-done_on")[:10]
    )
    red = [row for _c, rows in rows_by_commitment for row in rows if row.rag == Rag.RED]
    return {
        "report": report,
        "period": period,
        "last_quarter": last,
        "annual": annual,
        "rows_by_commitment": rows_by_commitment,
        "summary": summary,
        "red_rows": red,
        "engagement_figures": registered_figures(prefixes=("activities.", "champion_surveys."), period=period),
        "breakdowns": breakdowns,
        "complaint_figures": registered_figures(
            prefixes=("complaints.", "compliments.", "suggestions."), period=period
        ),
        "tsm_figures": registered_figures(prefixes=("tsm.",), period=period),
        "scrutiny_figures": registered_figures(prefixes=("scrutiny.", "panels."), period=period),
        "scrutiny_actions": _scrutiny_actions(period),
        "you_said_we_did": you_said_we_did,
        "generated_at": timezone.localtime(),
        "LANDLORD_NAME": settings.LANDLORD_NAME,
    }
