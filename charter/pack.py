"""What goes in the board pack (quarterly) and the annual customer voice report: the figures, in
words a board member understands, and the charts.

Figures are read, not recomputed: the quarter's stored charter figures (the build has just refreshed
them), the Tenant Satisfaction Measures from the regulator app's `tsm_report` (LCRA and LCHO, the
same function as the TSM page), and, for the annual report, each registered measure computed once over
the calendar year and judged against the measure's annual target (`Measure.year_target`).
"""

from __future__ import annotations

import base64
from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone

from engagement.landlord import landlord_current
from engagement.models import Action
from engagement.quarters import Period, local_day_bounds
from engagement.registry import COMPUTED_MEASURES, report_sections
from regulator.selectors import tsm_report

from .breakdowns import breakdowns_for
from .charts import bar_chart_svg
from .models import BoardReport, Rag, ReportKind, Unit
from .selectors import MeasureRow, base_words, charter_rows
from .services import format_value, measure_compute, rag_for

# Two trend charts a commitment, side by side under its table: the measures furthest off target (every
# figure is in the table; the charter page charts them all). Each chart costs about 0.1 s to draw and lay out.
CHARTS_PER_COMMITMENT = 2
SEVERITY = {Rag.RED: 0, Rag.AMBER: 1, Rag.GREEN: 2, Rag.NONE: 3}
REGISTERED_UNITS = {"%": Unit.PERCENT, "count": Unit.COUNT, "per 1,000 homes": Unit.PER_1000}
REGISTERED_UNITS["working days"] = Unit.WORKING_DAYS


def pdf_image(svg: str) -> str:
    """A chart for the PDF: the SVG as a data URI for an <img>. WeasyPrint still draws it as vector
    paths, but parses it with its SVG engine instead of styling every element as HTML (4× faster)."""
    text = str(svg)
    if 'xmlns="http://www.w3.org/2000/svg"' not in text:
        text = text.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    return "data:image/svg+xml;base64," + base64.b64encode(text.encode()).decode()


def _rag_worst(rags) -> str:
    present = [rag for rag in rags if rag != Rag.NONE]
    return min(present, key=SEVERITY.get) if present else Rag.NONE


def _shortfall(row: MeasureRow) -> float:
    """How far off target, as a share of the target (to rank what the board must know)."""
    value, target = row.value.value if row.value else None, row.measure.target
    if value is None or not target:
        return 0.0
    gap = float(target - value) if row.measure.direction == "higher" else float(value - target)
    return gap / float(target)


def _sentence(row: MeasureRow, *, value=None, words=None, target_text=None) -> str:
    figure = format_value(value if value is not None else (row.value.value if row.value else None), row.measure.unit)
    words = row.figure_words if words is None else words
    target = target_text or row.display_target
    base = f" ({words})" if words else ""
    return f"{row.measure.name}: {figure}{base} against a target of {target}"


def _once(rows: list[MeasureRow]) -> list[MeasureRow]:
    """Each figure once: the charter lists some under two commitments (a mirror, or the same TSM key)."""
    seen, unique = set(), []
    for row in rows:
        key = row.measure.computed_key or f"measure-{row.measure.figure_measure_id}"
        if row.measure.mirror_of_id or key in seen:
            continue
        seen.add(key)
        unique.append(row)
    return unique


def _changes(rows: list[MeasureRow]) -> dict:
    """Measures whose status moved since the quarter before, better and worse."""
    better, worse = [], []
    for row in _once(rows):
        before = row.previous
        if before is None or row.value is None or Rag.NONE in (before.rag, row.rag) or before.rag == row.rag:
            continue
        text = (
            f"{row.measure.code} {row.measure.name}: {row.display_value} "
            f"(was {format_value(before.value, row.measure.unit)}), now {Rag(row.rag).label.lower()}"
        )
        (better if SEVERITY[row.rag] > SEVERITY[before.rag] else worse).append(text)
    return {"better": better, "worse": worse}


def _must_know(rows: list[MeasureRow], rag_of) -> list[str]:
    """The three things the board must know: the measures furthest off target, red before amber; if
    fewer than three, measures on target."""
    judged = [row for row in _once(rows) if rag_of(row) in (Rag.RED, Rag.AMBER)]
    judged.sort(key=lambda row: (SEVERITY[rag_of(row)], -_shortfall(row)))
    points = [f"{Rag(rag_of(row)).label}: {row.extra.get('sentence') or _sentence(row)}." for row in judged[:3]]
    if len(points) < 3:
        on_target = [row for row in _once(rows) if rag_of(row) == Rag.GREEN]
        points += [f"On target: {row.extra.get('sentence') or _sentence(row)}." for row in on_target[: 3 - len(points)]]
    return points


def _figure(key: str, *, period: Period, stored: dict, year: dict) -> dict | None:
    registered = COMPUTED_MEASURES.get(key)
    if registered is None:
        return None
    unit = REGISTERED_UNITS.get(registered.unit, Unit.COUNT)
    if period.kind == ReportKind.QUARTER and key in stored:
        value = stored[key]
        result = (value.value, value.numerator, value.denominator, value.detail)
    else:
        if key not in year:
            year[key] = measure_compute(key=key, start=period.start, end=period.end)
        computed = year[key]
        if computed is None:
            return {"label": registered.label, "value": "Could not be computed", "words": "", "detail": ""}
        result = (computed.value, computed.numerator, computed.denominator, computed.detail)
    value, numerator, denominator, detail = result
    return {
        "label": registered.label,
        "value": format_value(value, unit),
        "words": base_words(unit=unit, numerator=numerator, denominator=denominator),
        "detail": detail,
    }


def _figures(prefixes: tuple[str, ...], **kwargs) -> list[dict]:
    keys = sorted(key for key in COMPUTED_MEASURES if key.startswith(prefixes))
    return [figure for key in keys if (figure := _figure(key, **kwargs)) is not None]


def _tsm(period: Period) -> dict:
    report = tsm_report(start=period.start, end=period.end)
    perception = []
    for row in report.perception:
        cells = []
        for stock in report.stocks:
            cell = row["cells"][stock["key"]]
            if cell is None:
                cells.append("Not asked")
            elif cell.figure.value is None:
                cells.append("No answers")
            else:
                cells.append(
                    f"{format_value(cell.figure.value, Unit.PERCENT)} "
                    f"({cell.figure.positive:,} of {cell.figure.answered:,})"
                )
        perception.append({"code": row["code"], "label": row["label"], "cells": cells})
    complaints = []
    for row in report.complaints:
        cells = []
        for stock in report.stocks:
            figures = row["cells"][stock["key"]]
            if row["code"] == "CH01":
                cells.append(
                    f"{format_value(figures.per_1000_homes, Unit.PER_1000)} ({figures.received:,} for "
                    f"{row['homes'][stock['key']]:,} homes)"
                    if figures.per_1000_homes is not None
                    else "No homes"
                )
            else:
                cells.append(
                    f"{format_value(figures.on_time_pct, Unit.PERCENT)} ({figures.on_time:,} of {figures.responded:,})"
                    if figures.responded
                    else "No responses"
                )
        complaints.append({"code": row["code"], "label": row["label"], "cells": cells})
    answered = any(stock["responses"] for stock in report.stocks)
    return {"stocks": report.stocks, "perception": perception if answered else [], "complaints": complaints}


def _you_said_we_did(period: Period) -> list[Action]:
    """Changes published in the period, in the wording staff approved for the public (past tense)."""
    first, after = local_day_bounds(period.start, period.end)
    return list(
        Action.objects.published()
        .filter(published_at__gte=first, published_at__lt=after)
        .select_related("estate")
        .order_by("-published_at")[:8]
    )


def _scrutiny_actions(period: Period) -> list[Action]:
    scrutiny_types = ContentType.objects.filter(model__icontains="scrutiny")
    first, after = local_day_bounds(period.start, period.end)  # aware bounds: the created_at index applies
    return list(
        Action.objects.filter(source_type__in=scrutiny_types)
        .filter(Q(created_at__gte=first, created_at__lt=after) | Q(done_on__range=(period.start, period.end)))
        .select_related("estate")
        .order_by("-updated_at")[:8]
    )


def _annual_rows(rows_by_commitment, period: Period, year: dict) -> None:
    """Each row's four quarters and its figure for the year, judged against the annual target."""
    for _commitment, rows in rows_by_commitment:
        for row in rows:
            measure = row.measure
            row.extra["quarters"] = [(q, v) for q, v in row.history if q in period.quarters]
            row.extra["year_target"] = (
                "No target"
                if measure.year_target is None
                else ("at most " if measure.direction == "lower" else "")
                + format_value(measure.year_target, measure.unit)
            )
            value, words = None, ""
            if measure.is_computable:
                if measure.computed_key not in year:
                    year[measure.computed_key] = measure_compute(
                        key=measure.computed_key, start=period.start, end=period.end
                    )
                result = year[measure.computed_key]
                if result is not None:
                    value = result.value
                    words = base_words(unit=measure.unit, numerator=result.numerator, denominator=result.denominator)
            if measure.is_computable:
                row.extra["year_value"] = format_value(value, measure.unit)
            else:  # entered by hand each quarter: the quarters are the figures
                entered = any(v is not None and v.value is not None for _q, v in row.extra["quarters"])
                row.extra["year_value"] = "See quarters" if entered else "No figure"
            row.extra["year_words"] = words
            row.extra["year_rag"] = rag_for(
                value=value,
                target=measure.year_target,
                direction=measure.direction,
                amber_tolerance=measure.amber_tolerance * (4 if measure.unit in (Unit.COUNT, Unit.PER_1000) else 1),
            )
            if value is not None:
                row.extra["sentence"] = _sentence(row, value=value, words=words, target_text=row.extra["year_target"])


def board_pack_context(*, report: BoardReport) -> dict:
    period = report.period
    last = period.last_quarter
    annual = report.kind == ReportKind.ANNUAL
    rows_by_commitment = charter_rows(quarter=last)
    year: dict = {}
    if annual:
        _annual_rows(rows_by_commitment, period, year)

    def rag_of(row):
        return row.extra["year_rag"] if annual else row.rag

    all_rows = [row for _c, rows in rows_by_commitment for row in rows]
    commitments = []
    for commitment, rows in rows_by_commitment:
        counts = Counter(rag_of(row) for row in rows)
        charted = sorted(
            (row for row in rows if row.charted), key=lambda row: (SEVERITY[rag_of(row)], -_shortfall(row))
        )
        commitments.append(
            {
                "commitment": commitment,
                "rows": rows,
                "counts": {rag: counts.get(rag, 0) for rag in Rag.values},
                "rag": _rag_worst(counts),
                "charts": [
                    {
                        "row": row,
                        "src": pdf_image(row.chart(titled=False)),
                        "title": f"{row.measure.code} {row.measure.name}",
                    }
                    for row in charted[:CHARTS_PER_COMMITMENT]
                ],
                "more_charts": max(len(charted) - CHARTS_PER_COMMITMENT, 0),
            }
        )
    totals = Counter(rag_of(row) for row in all_rows)
    quarter_counts = []
    if annual:
        for quarter in period.quarters:
            counts = Counter(
                (value.rag if value else Rag.NONE) for row in all_rows for q, value in row.history if q == quarter
            )
            quarter_counts.append({"quarter": quarter, **{rag: counts.get(rag, 0) for rag in Rag.values}})
    stored = {
        row.measure.computed_key: row.value
        for row in all_rows
        if row.value is not None and row.measure.computed_key and not row.measure.mirror_of_id
    }
    figures = {"period": period, "stored": stored, "year": year}
    breakdowns = breakdowns_for(period.start, period.end)
    for breakdown in breakdowns:
        rows = breakdown["rows"]
        breakdown["chart"] = pdf_image(bar_chart_svg(rows[:12], title=breakdown["title"])) if rows else ""
        breakdown["total"] = sum(number for _label, number in rows)
    return {
        "report": report,
        "period": period,
        "last_quarter": last,
        "previous_quarter": last.previous(),
        "annual": annual,
        "foreword": report.foreword.strip(),
        "commitments": commitments,
        "totals": {rag: totals.get(rag, 0) for rag in Rag.values},
        "measure_count": len(all_rows),
        "changes": None if annual else _changes(all_rows),
        "quarter_counts": quarter_counts,
        "must_know": _must_know(all_rows, rag_of),
        "engagement_figures": _figures(("activities.", "champion_surveys.", "actions."), **figures),
        "breakdowns": breakdowns,
        "complaint_figures": _figures(("complaints.", "compliments.", "suggestions."), **figures),
        "tsm": _tsm(period),
        "scrutiny_figures": _figures(("scrutiny.", "panels."), **figures),
        "scrutiny_actions": _scrutiny_actions(period),
        "you_said_we_did": _you_said_we_did(period),
        # Other apps' sections (the voice app: weighting; in the annual report, who we heard from).
        "sections": report_sections("annual_report" if annual else "board_pack", start=period.start, end=period.end),
        "generated_at": timezone.localtime(),
        "LANDLORD_NAME": landlord_current().name,
    }
