"""The figures the API serves, read from the very functions the portal's pages use, so an API figure
and the page's figure can never differ:

- complaints: `feedback.selectors.complaint_figures` (the complaints figures page, /feedback/figures/);
- TSMs: `regulator.selectors.tsm_report` (the manager's TSM page, /tsm/?year=&quarter=);
- charter: `charter.selectors.charter_rows` (the charter quarter page, /charter/<quarter>/), i.e. the
  stored quarter figures the board pack prints, not a fresh computation.

Nothing is worked out here: these functions only turn the selectors' results into plain dicts.
"""

from __future__ import annotations

import datetime

from charter.selectors import charter_rows
from engagement.quarters import Quarter, quarters_between
from feedback.selectors import complaint_figures
from regulator.selectors import STOCK_TYPES, tsm_report

DEFAULT_QUARTERS = 4


def quarters_asked(*, start: datetime.date | None, end: datetime.date | None, today: datetime.date) -> list[Quarter]:
    """The quarters touching [start, end], newest first, never past the current quarter.
    With no dates: the current quarter and the three before it."""
    current = Quarter.containing(today)
    last = min(Quarter.containing(end), current) if end else current
    if start is None:
        first = last.trailing(DEFAULT_QUARTERS)[0]
    else:
        first = Quarter.containing(start)
    return list(reversed(quarters_between(first, last)))


def _quarter(quarter: Quarter) -> dict:
    return {"quarter": quarter.code, "label": quarter.label, "start": quarter.start, "end": quarter.end}


def _stage(stage) -> dict:
    return {
        "received": stage.received,
        "per_1000_homes": stage.per_1000_homes,
        "responded": stage.responded,
        "on_time": stage.on_time,
        "on_time_pct": stage.on_time_pct,
        "upheld": stage.upheld,
        "upheld_pct": stage.upheld_pct,
        "average_working_days": stage.average_working_days,
    }


def complaints_quarter(quarter: Quarter) -> dict:
    figures = complaint_figures(start=quarter.start, end=quarter.end)
    return {
        **_quarter(quarter),
        "homes": figures.homes,
        "stage1": _stage(figures.stage1),
        "stage2": _stage(figures.stage2),
        "responded": figures.responded,
        "on_time": figures.on_time,
        "on_time_pct": figures.on_time_pct,
        "upheld_pct": figures.upheld_pct,
        "average_working_days": figures.average_working_days,
        "by_category": [
            {"category": value, "label": str(label), "count": count} for value, label, count in figures.by_category
        ],
    }


def tsm_quarter(quarter: Quarter) -> dict:
    report = tsm_report(start=quarter.start, end=quarter.end)
    measures = []
    for row in report.perception:
        cells = []
        for stock in STOCK_TYPES:
            cell = row["cells"][stock]
            if cell is None:
                continue  # not reported for this stock type (e.g. TP02–TP04 for LCHO)
            cells.append(
                {
                    "stock": stock,
                    "value": cell.figure.value,
                    "numerator": cell.figure.positive,
                    "denominator": cell.figure.answered,
                    "margin_points": cell.margin_points,
                }
            )
        measures.append({"code": row["code"], "stage": None, "label": row["label"], "cells": cells})
    for row in report.complaints:
        cells = []
        for stock in STOCK_TYPES:
            figures = row["cells"][stock]
            if row["code"] == "CH01":
                value, numerator, denominator = figures.per_1000_homes, figures.received, row["homes"][stock]
            else:
                value, numerator, denominator = figures.on_time_pct, figures.on_time, figures.responded
            cells.append(
                {
                    "stock": stock,
                    "value": value,
                    "numerator": numerator,
                    "denominator": denominator,
                    "margin_points": None,
                }
            )
        measures.append({"code": row["code"], "stage": row["stage"], "label": row["label"], "cells": cells})
    return {
        **_quarter(quarter),
        "stocks": [
            {
                "stock": stock["key"],
                "homes": stock["homes"],
                "responses": stock["responses"],
                "accuracy_required_pct": stock["accuracy"].required_points,
                "margin_pct": stock["accuracy"].margin_points,
                "accuracy_met": stock["accuracy"].met,
            }
            for stock in report.stocks
        ],
        "measures": measures,
        "not_attributed": dict(report.not_attributed),
    }


def charter_quarter(quarter: Quarter) -> dict:
    measures = []
    for commitment, rows in charter_rows(quarter=quarter, trend_quarters=1):
        for row in rows:
            value = row.value
            measures.append(
                {
                    "commitment": commitment.number,
                    "code": row.measure.code,
                    "name": row.measure.name,
                    "unit": row.measure.unit,
                    "target": row.measure.target,
                    "direction": row.measure.direction,
                    "value": value.value if value else None,
                    "numerator": value.numerator if value else None,
                    "denominator": value.denominator if value else None,
                    "rag": row.rag,
                    "source": value.source if value else None,
                    "detail": value.detail if value else "",
                }
            )
    return {**_quarter(quarter), "measures": measures}
