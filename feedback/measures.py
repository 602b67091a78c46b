"""Charter measures computed from feedback (TSM CH01 and CH02 and the complaint, compliment and
suggestion figures). Each is a thin wrapper over a tested selector; the drill-down opens the staff
list filtered to the records behind the figure."""

from __future__ import annotations

import datetime
from urllib.parse import urlencode

from django.urls import reverse

from engagement.models import StockType
from engagement.registry import MeasureResult, batch_cached, computed_measure

from .selectors import StageFigures, complaint_figures, complaint_figures_by_stock, other_feedback_figures


def _url(name: str, prefix: str, start: datetime.date, end: datetime.date, **extra) -> str:
    query = {f"{prefix}_after": start.isoformat(), f"{prefix}_before": end.isoformat(), **extra}
    return f"{reverse(name)}?{urlencode(query)}"


# The charter's CH01 and CH02 measures are the rented homes' (LCRA) figures, the ones the charter's
# targets were set for; the shared owners' (LCHO) figure is stated beside them in the detail, never
# mixed in (feedback.tsm). Both come from complaint_figures_by_stock, as on the TSM page and return.


def _shared(figure: StageFigures, text: str) -> str:
    return f"Shared owners (LCHO), reported apart: {text}."


def _per_1000(stage: int, start: datetime.date, end: datetime.date) -> MeasureResult:
    by_stock = batch_cached(complaint_figures_by_stock, start=start, end=end)
    figures, lcho = by_stock[StockType.LCRA], by_stock[StockType.LCHO]
    row = figures.stage1 if stage == 1 else figures.stage2
    shared = lcho.stage1 if stage == 1 else lcho.stage2
    what = "stage 1 complaints received" if stage == 1 else "complaints escalated to stage 2"
    beside = _shared(
        shared,
        f"{shared.received} for {lcho.homes:,} homes"
        + (f" = {shared.per_1000_homes} per 1,000" if shared.per_1000_homes is not None else ""),
    )
    if not figures.homes:
        return MeasureResult(
            value=None, numerator=row.received, denominator=0, detail=f"No rented homes (LCRA) on record. {beside}"
        )
    return MeasureResult(
        value=row.per_1000_homes,
        numerator=row.received,
        denominator=figures.homes,
        detail=f"{row.received:,} {what} from tenants of rented homes (LCRA) for {figures.homes:,} homes. {beside}",
        drilldown_url=_url("feedback:complaints", "received" if stage == 1 else "escalated", start, end),
    )


@computed_measure(
    "complaints.stage1_per_1000", label="Stage 1 complaints per 1,000 homes (CH01, LCRA)", unit="per 1,000 homes"
)
def stage1_per_1000(start: datetime.date, end: datetime.date) -> MeasureResult:
    return _per_1000(1, start, end)


@computed_measure(
    "complaints.stage2_per_1000", label="Stage 2 complaints per 1,000 homes (CH01, LCRA)", unit="per 1,000 homes"
)
def stage2_per_1000(start: datetime.date, end: datetime.date) -> MeasureResult:
    return _per_1000(2, start, end)


def _on_time(stage: int, start: datetime.date, end: datetime.date) -> MeasureResult:
    by_stock = batch_cached(complaint_figures_by_stock, start=start, end=end)
    row = by_stock[StockType.LCRA].stage1 if stage == 1 else by_stock[StockType.LCRA].stage2
    shared = by_stock[StockType.LCHO].stage1 if stage == 1 else by_stock[StockType.LCHO].stage2
    beside = _shared(
        shared,
        f"{shared.on_time:,} of {shared.responded:,} on time" if shared.responded else "no responses in the period",
    )
    if not row.responded:
        return MeasureResult(
            value=None,
            numerator=0,
            denominator=0,
            detail=f"No stage {stage} responses to tenants of rented homes (LCRA) in the period. {beside}",
        )
    return MeasureResult(
        value=row.on_time_pct,
        numerator=row.on_time,
        denominator=row.responded,
        detail=f"{row.on_time:,} of {row.responded:,} stage {stage} responses to tenants of rented homes (LCRA) within "
        f"Code timescales (on or before the last agreed extension, if any). {beside}",
        drilldown_url=_url("feedback:complaints", f"stage{stage}_responded", start, end),
    )


@computed_measure(
    "complaints.stage1_on_time_pct",
    label="Stage 1 complaints responded to within Code timescales (CH02, LCRA)",
    unit="%",
)
def stage1_on_time_pct(start: datetime.date, end: datetime.date) -> MeasureResult:
    return _on_time(1, start, end)


@computed_measure(
    "complaints.stage2_on_time_pct",
    label="Stage 2 complaints responded to within Code timescales (CH02, LCRA)",
    unit="%",
)
def stage2_on_time_pct(start: datetime.date, end: datetime.date) -> MeasureResult:
    return _on_time(2, start, end)


@computed_measure("complaints.on_time_pct", label="Complaints responded to within Code timescales", unit="%")
def on_time_pct(start: datetime.date, end: datetime.date) -> MeasureResult:
    figures = batch_cached(complaint_figures, start=start, end=end)
    if not figures.responded:
        return MeasureResult(value=None, numerator=0, denominator=0, detail="No complaint responses in the period")
    return MeasureResult(
        value=figures.on_time_pct,
        numerator=figures.on_time,
        denominator=figures.responded,
        detail=(
            f"{figures.on_time:,} of {figures.responded:,} responses on time (stage 1: {figures.stage1.on_time:,} of "
            f"{figures.stage1.responded:,}; stage 2: {figures.stage2.on_time:,} of {figures.stage2.responded:,})"
        ),
        drilldown_url=_url("feedback:complaints", "responded", start, end),
    )


@computed_measure("complaints.upheld_pct", label="Complaints upheld or partly upheld", unit="%")
def upheld_pct(start: datetime.date, end: datetime.date) -> MeasureResult:
    figures = batch_cached(complaint_figures, start=start, end=end)
    if not figures.responded:
        return MeasureResult(value=None, numerator=0, denominator=0, detail="No complaint responses in the period")
    return MeasureResult(
        value=figures.upheld_pct,
        numerator=figures.upheld,
        denominator=figures.responded,
        detail=(
            f"{figures.upheld:,} of {figures.responded:,} responses upheld or partly upheld (stage 1: "
            f"{figures.stage1.upheld:,} of {figures.stage1.responded:,}; stage 2: {figures.stage2.upheld:,} of "
            f"{figures.stage2.responded:,})"
        ),
        drilldown_url=_url("feedback:complaints", "responded", start, end, outcome="upheld_or_partly"),
    )


@computed_measure(
    "complaints.avg_working_days_to_respond",
    label="Average working days to respond to a complaint",
    unit="working days",
)
def avg_working_days_to_respond(start: datetime.date, end: datetime.date) -> MeasureResult:
    figures = batch_cached(complaint_figures, start=start, end=end)
    if not figures.responded:
        return MeasureResult(value=None, numerator=0, denominator=0, detail="No complaint responses in the period")
    return MeasureResult(
        value=figures.average_working_days,
        numerator=figures.stage1.working_days + figures.stage2.working_days,
        denominator=figures.responded,
        detail=(
            f"Stage 1: {figures.stage1.average_working_days or '–'} working days from receipt over "
            f"{figures.stage1.responded:,} responses; stage 2: {figures.stage2.average_working_days or '–'} from "
            f"escalation over {figures.stage2.responded:,}"
        ),
        drilldown_url=_url("feedback:complaints", "responded", start, end),
    )


@computed_measure("compliments.count", label="Compliments received", unit="count")
def compliments_count(start: datetime.date, end: datetime.date) -> MeasureResult:
    figures = other_feedback_figures(start=start, end=end)
    return MeasureResult(
        value=figures.compliments,
        detail=(
            f"{figures.compliments:,} compliments, {figures.compliments_about_staff:,} about a named member of staff"
        ),
        drilldown_url=_url("feedback:compliments", "received", start, end),
    )


@computed_measure("suggestions.count", label="Suggestions received", unit="count")
def suggestions_count(start: datetime.date, end: datetime.date) -> MeasureResult:
    figures = other_feedback_figures(start=start, end=end)
    return MeasureResult(
        value=figures.suggestions,
        detail=(
            f"{figures.suggestions:,} suggestions received; {figures.suggestions_responded:,} answered in the period"
        ),
        drilldown_url=_url("feedback:suggestions", "received", start, end),
    )


@computed_measure("suggestions.changes_made", label="Suggestions that led to a change", unit="count")
def suggestions_changes_made(start: datetime.date, end: datetime.date) -> MeasureResult:
    figures = other_feedback_figures(start=start, end=end)
    return MeasureResult(
        value=figures.changes_made,
        numerator=figures.changes_made,
        denominator=figures.suggestions_responded,
        detail=f"{figures.changes_made} of {figures.suggestions_responded:,} suggestions answered led to a change",
        drilldown_url=_url("feedback:suggestions", "responded", start, end, led_to_change="true"),
    )
