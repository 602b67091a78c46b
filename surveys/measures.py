"""Charter measures from surveys: TP01–TP12 and the estate champion survey figures."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q
from django.urls import reverse

from engagement.models import StockType
from engagement.registry import MeasureResult, batch_cached, computed_measure

from . import selectors, tsm
from .models import ChampionIssue, ChampionSurvey, IssueStatus, SurveyKind


def _tsm_drilldown(start: datetime.date, end: datetime.date) -> str:
    return (
        f"{reverse('surveys:responses')}?survey__kind={SurveyKind.TSM}"
        f"&responded_after={start.isoformat()}&responded_before={end.isoformat()}"
    )


def _tsm_measure(code: str, label: str):
    """The charter's TSM measures report the low-cost rental (LCRA) figure, the one the charter's
    targets were set for; the shared owners' (LCHO) figure is given beside it in the detail, never
    mixed in (surveys.tsm). Both come from tsm_perception_by_stock, as on the TSM page and return."""

    def compute(start: datetime.date, end: datetime.date) -> MeasureResult:
        by_stock = batch_cached(selectors.tsm_perception_by_stock, start, end)
        figure = by_stock[StockType.LCRA][code]
        lcho = by_stock[StockType.LCHO].get(code)
        word = "agreed" if code == "TP08" else "were satisfied"
        if lcho is None:
            shared = "Shared owners are not asked this."
        elif lcho.answered:
            shared = (
                f"Shared owners (LCHO), reported apart: {lcho.value:.1f}% ({lcho.positive:,} of {lcho.answered:,})."
            )
        else:
            shared = "No shared owners (LCHO) answered."
        if not figure.answered:
            return MeasureResult(
                value=None,
                numerator=0,
                denominator=0,
                detail=f"No {code} answers from rented homes (LCRA) in the period. {shared}",
                drilldown_url=_tsm_drilldown(start, end),
            )
        return MeasureResult(
            value=figure.value,
            numerator=figure.positive,
            denominator=figure.answered,
            detail=f"{figure.positive:,} of {figure.answered:,} tenants of rented homes (LCRA) who answered {word} "
            f"({code}). {shared}",
            drilldown_url=_tsm_drilldown(start, end),
        )

    compute.__name__ = f"tsm_{code.lower()}"
    return computed_measure(f"tsm.{code}", label=f"{code} {label} (LCRA)", unit="%")(compute)


for _item in tsm.PERCEPTION:
    _tsm_measure(_item.code, _item.short)


@computed_measure("champion_surveys.count", label="Estate champion surveys submitted", unit="count")
def champion_surveys_count(start: datetime.date, end: datetime.date) -> MeasureResult:
    figures = ChampionSurvey.objects.filter(visited_on__range=(start, end)).aggregate(
        surveys=Count("pk"), estates=Count("estate", distinct=True)
    )
    return MeasureResult(
        value=figures["surveys"],
        detail=f"{figures['surveys']} surveys covering {figures['estates']} estates",
        drilldown_url=(
            f"{reverse('surveys:submissions')}?visited_after={start.isoformat()}&visited_before={end.isoformat()}"
        ),
    )


@computed_measure(
    "champion_surveys.issues_actioned_pct", label="Estate champion issues turned into an action", unit="%"
)
def champion_issues_actioned(start: datetime.date, end: datetime.date) -> MeasureResult:
    figures = ChampionIssue.objects.filter(raised_on__range=(start, end)).aggregate(
        raised=Count("pk"),
        actioned=Count("pk", filter=Q(status=IssueStatus.ACTIONED)),
        closed=Count("pk", filter=Q(status=IssueStatus.CLOSED)),
        waiting=Count("pk", filter=Q(status=IssueStatus.NEW)),
    )
    drilldown = f"{reverse('surveys:issues')}?raised_after={start.isoformat()}&raised_before={end.isoformat()}"
    if not figures["raised"]:
        return MeasureResult(
            value=None,
            numerator=0,
            denominator=0,
            detail="No issues raised by champions in the period",
            drilldown_url=drilldown,
        )
    return MeasureResult(
        value=round(100 * figures["actioned"] / figures["raised"], 1),
        numerator=figures["actioned"],
        denominator=figures["raised"],
        detail=(
            f"{figures['actioned']} of {figures['raised']} issues raised became actions; "
            f"{figures['closed']} closed with a reason, {figures['waiting']} still to triage"
        ),
        drilldown_url=drilldown,
    )
