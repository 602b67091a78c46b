"""The Tenant Satisfaction Measures for a reporting period, LCRA and LCHO side by side.

Nothing is computed here that another app owns: TP01–TP12 come from
`surveys.selectors.tsm_perception_by_stock` (rules in surveys.tsm), the accuracy from
`surveys.statistics` and CH01–CH02 from `feedback.selectors.complaint_figures_by_stock` (rules in
feedback.tsm) — the same functions the charter's measures use, so the two never disagree.

A reporting year runs 1 April to 31 March (the Regulator's and our financial year); a quarter is a
UK financial quarter (engagement.quarters.Quarter).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Max, Min

from engagement.models import StockType
from engagement.registry import batch_cached, report_sections
from feedback.selectors import StageFigures, complaint_figures_by_stock, complaints_not_attributed
from surveys import tsm
from surveys.models import Response, ResponseChannel, Survey, SurveyKind
from surveys.selectors import TpFigure, relevant_homes, tsm_perception_by_stock, tsm_response_counts
from surveys.statistics import AccuracyCheck, margin_of_error, regulator_accuracy

from .models import MANUAL_MEASURES, ManualMeasureValue

STOCK_TYPES = [str(stock) for stock in tsm.STOCK_TYPES]


@dataclass(frozen=True)
class TpCell:
    figure: TpFigure
    homes: int

    @property
    def margin_points(self) -> float | None:
        margin = margin_of_error(self.figure.answered, self.homes)
        return None if margin is None else round(100 * margin, 1)


@dataclass(frozen=True)
class TsmReport:
    start: datetime.date
    end: datetime.date
    homes: dict[str, int]  # relevant homes per stock type
    responses: dict[str, int]  # perception survey responses per stock type
    accuracy: dict[str, AccuracyCheck]  # TP01 against the Regulator's band, per stock type
    perception: list[dict]  # one row per TP measure: code, label, cells {stock: TpCell | None}
    complaints: list[dict]  # CH01/CH02 rows: code, stage, label, cells {stock: StageFigures}
    not_attributed: dict[str, int]

    @property
    def stocks(self) -> list[dict]:
        return [
            {
                "key": stock,
                "label": StockType(stock).label,
                "homes": self.homes[stock],
                "responses": self.responses[stock],
                "accuracy": self.accuracy[stock],
            }
            for stock in STOCK_TYPES
        ]


def tsm_report(*, start: datetime.date, end: datetime.date) -> TsmReport:
    """Every TSM this portal computes for the period, for LCRA and LCHO. A fixed number of queries."""
    homes = relevant_homes()
    responses = tsm_response_counts(start, end)
    by_stock = batch_cached(tsm_perception_by_stock, start, end)
    perception = [
        {
            "code": item.code,
            "label": item.short,
            "cells": {
                stock: (
                    TpCell(figure=by_stock[stock][item.code], homes=homes[stock])
                    if item.code in by_stock[stock]
                    else None
                )
                for stock in STOCK_TYPES
            },
        }
        for item in tsm.PERCEPTION
    ]
    complaints_by_stock = batch_cached(complaint_figures_by_stock, start=start, end=end)
    complaints = []
    for code, label in (
        ("CH01", "Complaints relative to the size of the landlord (per 1,000 homes)"),
        ("CH02", "Complaints responded to within the Complaint Handling Code timescales"),
    ):
        for stage in (1, 2):
            cells: dict[str, StageFigures] = {
                stock: getattr(complaints_by_stock[stock], f"stage{stage}") for stock in STOCK_TYPES
            }
            complaints.append(
                {
                    "code": code,
                    "stage": stage,
                    "label": f"{label}, stage {stage}",
                    "cells": cells,
                    "homes": {stock: complaints_by_stock[stock].homes for stock in STOCK_TYPES},
                }
            )
    return TsmReport(
        start=start,
        end=end,
        homes=homes,
        responses=responses,
        accuracy={stock: regulator_accuracy(responses=responses[stock], homes=homes[stock]) for stock in STOCK_TYPES},
        perception=perception,
        complaints=complaints,
        not_attributed=complaints_not_attributed(start=start, end=end),
    )


# --- The annual return ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ReturnRow:
    code: str
    name: str
    stock: str  # "lcra" or "lcho"
    value: object  # a number, or None when there is nothing to report
    numerator: int | None
    denominator: int | None
    unit: str
    source: str  # how the figure was obtained

    @property
    def stock_label(self) -> str:
        return StockType(self.stock).label


def survey_facts(*, start: datetime.date, end: datetime.date) -> dict:
    """How the perception survey was run in the period: surveys and their dates, responses by
    channel (the method) and by stock type (the sample sizes). Three queries."""
    surveys = list(Survey.objects.filter(kind=SurveyKind.TSM, opens_on__lte=end, closes_on__gte=start))
    responses = Response.objects.filter(survey__kind=SurveyKind.TSM, responded_on__range=(start, end))
    labels = dict(ResponseChannel.choices)
    channels = [
        (labels.get(row["channel"], row["channel"]), row["n"])
        for row in responses.filter(tenure__in=tsm.TSM_TENURES)
        .values("channel")
        .annotate(n=Count("pk"))
        .order_by("-n", "channel")
    ]
    dates = responses.aggregate(first=Min("responded_on"), last=Max("responded_on"))
    return {"surveys": surveys, "channels": channels, "first": dates["first"], "last": dates["last"]}


def annual_return(*, year: int) -> dict:
    """Every TSM the Regulator collects for the reporting year (1 April `year` to 31 March), per
    stock type: TP01–TP12 and CH01–CH02 computed here, BS01–BS05, RP01–RP02 and NM01 as the manager
    entered them (None when not yet entered), with the survey's method, sample sizes and dates and
    the LCRA/LCHO stock counts."""
    start, end = datetime.date(year, 4, 1), datetime.date(year + 1, 3, 31)
    report = tsm_report(start=start, end=end)
    rows: list[ReturnRow] = []
    for stock in STOCK_TYPES:
        for row in report.perception:
            cell = row["cells"][stock]
            if cell is None:
                continue
            figure = cell.figure
            rows.append(
                ReturnRow(
                    code=row["code"],
                    name=row["label"],
                    stock=stock,
                    value=figure.value,
                    numerator=figure.positive,
                    denominator=figure.answered,
                    unit="%",
                    source="Perception survey, computed by the portal",
                )
            )
        for row in report.complaints:
            f = row["cells"][stock]
            ch01 = row["code"] == "CH01"
            rows.append(
                ReturnRow(
                    code=row["code"],
                    name=row["label"],
                    stock=stock,
                    value=f.per_1000_homes if ch01 else f.on_time_pct,
                    numerator=f.received if ch01 else f.on_time,
                    denominator=row["homes"][stock] if ch01 else f.responded,
                    unit="per 1,000 homes" if ch01 else "%",
                    source="Complaints, computed by the portal",
                )
            )
    entered = {
        (value.code, value.stock): value
        for value in ManualMeasureValue.objects.filter(year=year).select_related("entered_by")
    }
    for measure in MANUAL_MEASURES:
        for stock in measure.stocks:
            value = entered.get((measure.code, stock))
            rows.append(
                ReturnRow(
                    code=measure.code,
                    name=measure.name,
                    stock=stock,
                    value=value.value if value else None,
                    numerator=value.numerator if value else None,
                    denominator=value.denominator if value else None,
                    unit=measure.unit,
                    source=(
                        f"Entered by {value.entered_by} on {value.entered_at:%-d %B %Y}: {value.evidence}"
                        if value
                        else "Not entered yet"
                    ),
                )
            )
    order = {code: n for n, code in enumerate(["TP", "CH", "BS", "RP", "NM"])}
    rows.sort(key=lambda r: (STOCK_TYPES.index(r.stock), order[r.code[:2]], r.code))
    return {
        "year": year,
        "label": f"{year}/{(year + 1) % 100:02d}",
        "start": start,
        "end": end,
        "report": report,
        "rows": rows,
        "survey": survey_facts(start=start, end=end),
        # Other apps' statements for the return (the voice app: whether and how the survey was weighted).
        "sections": report_sections("tsm_return", start=start, end=end),
    }
