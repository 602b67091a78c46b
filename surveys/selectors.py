"""Reads for the surveys app: audiences, sample checks, results, TSMs and champion trends.

Every figure is an SQL aggregate; each function runs a fixed number of queries whatever the
number of responses.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Max, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from engagement.models import Customer, Estate, StockType, Tenure
from panels.selectors import champion_estates as panel_champion_estates

from . import tsm
from .models import (
    DONT_KNOW,
    DONT_KNOW_LABEL,
    RATED_TOPICS,
    Answer,
    ChampionIssue,
    ChampionSurvey,
    IssueStatus,
    PopulationBasis,
    Question,
    Rating,
    Response,
    Scale,
    Survey,
    SurveyKind,
)
from .statistics import AccuracyCheck, SampleCheck, regulator_accuracy, sample_check


def champion_estates(customer: Customer):
    """The estates this customer currently champions. The panels app owns memberships: this is
    surveys' one read of it (declared in SurveysConfig.depends_on)."""
    return panel_champion_estates(customer)


# --- Audience and the 10% rule ----------------------------------------------------------------


def survey_audience(survey: Survey):
    """Current customers the survey is for: its estates (all if none chosen) and tenures (all if none).
    A customer whose tenancy ended (housing_system's sync) is neither invited nor counted."""
    customers = Customer.objects.current()
    estate_ids = [estate.pk for estate in survey.estates.all()]
    if estate_ids:
        customers = customers.filter(estate__in=estate_ids)
    if survey.tenures:
        customers = customers.filter(tenure__in=survey.tenures)
    return customers


def survey_population_computed(survey: Survey) -> int:
    if survey.population_basis == PopulationBasis.CUSTOMERS:
        return survey_audience(survey).count()
    estates = Estate.objects.all()
    estate_ids = [estate.pk for estate in survey.estates.all()]
    if estate_ids:
        estates = estates.filter(pk__in=estate_ids)
    if survey.kind == SurveyKind.TSM:
        # The TSM population is the relevant homes: rented and shared-ownership, never leasehold.
        totals = estates.aggregate(lcra=Sum("homes_lcra"), lcho=Sum("homes_lcho"))
        return (totals["lcra"] or 0) + (totals["lcho"] or 0)
    return estates.aggregate(homes=Sum("homes"))["homes"] or 0


def survey_population(survey: Survey) -> int:
    if survey.population_override:
        return survey.population_override
    return survey_population_computed(survey)


def survey_sample_check(survey: Survey) -> SampleCheck:
    return sample_check(responses=survey.responses.count(), population=survey_population(survey))


def survey_regulator_checks(survey: Survey) -> list[tuple[str, AccuracyCheck]]:
    """A TSM survey's sample judged as the Regulator does: per stock type, its responses against
    the relevant homes of that type (surveys.statistics.regulator_accuracy). Two queries."""
    homes = relevant_homes()
    counts = survey.responses.aggregate(
        **{str(stock): Count("pk", filter=tsm.stock_q(stock)) for stock in tsm.STOCK_TYPES}
    )
    return [
        (StockType(stock).label, regulator_accuracy(responses=counts[str(stock)], homes=homes[str(stock)]))
        for stock in tsm.STOCK_TYPES
    ]


# --- Results per question ----------------------------------------------------------------------

GROUPINGS = {
    "estate": ("response__estate__name", "Estate or scheme"),
    "patch": ("response__estate__patch__name", "Patch"),
    "tenure": ("response__tenure", "Tenure"),
}


def _eligible(questions: list[Question]) -> Q:
    """Answers that count: each question's own denominator rule (TSM), OR-ed across questions."""
    condition = Q(pk__in=[])
    for question in questions:
        condition |= Q(question=question.pk) & tsm.eligibility_q(
            question.eligibility, renters_only=question.renters_only, prefix="response__"
        )
    return condition


def _pct(numerator: int, denominator: int) -> float | None:
    return round(100 * numerator / denominator, 1) if denominator else None


@dataclass
class GroupFigure:
    name: str
    answered: int
    positive: int
    dont_know: int

    @property
    def pct(self) -> float | None:
        return _pct(self.positive, self.answered)


def question_results(survey: Survey, *, group_by: str | None = None) -> list[dict]:
    """For each question: how many gave each answer, % positive of those who answered (don't know
    left out), and optionally the same by estate, patch or tenure. Four queries in all."""
    questions = list(survey.questions.all())
    eligible = _eligible(questions)
    answers = Answer.objects.filter(question__survey=survey).filter(eligible)
    counts: dict[int, dict[str, int]] = {}
    for row in answers.exclude(value="").values("question", "value").annotate(n=Count("pk")).order_by():
        counts.setdefault(row["question"], {})[row["value"]] = row["n"]
    text_counts = dict(
        answers.exclude(text="").values("question").annotate(n=Count("pk")).order_by().values_list("question", "n")
    )
    groups: dict[int, list[GroupFigure]] = {}
    if group_by in GROUPINGS:
        field, _label = GROUPINGS[group_by]
        tenure_labels = dict(Tenure.choices)
        rows = (
            answers.exclude(value="")
            .values("question", field)
            .annotate(
                answered=Count("pk", filter=Q(positive__isnull=False)),
                positive_n=Count("pk", filter=Q(positive=True)),
                dont_know=Count("pk", filter=Q(value=DONT_KNOW)),
            )
            .order_by(field)
        )
        for row in rows:
            name = row[field] or "Not recorded"
            if group_by == "tenure":
                name = tenure_labels.get(name, name)
            groups.setdefault(row["question"], []).append(
                GroupFigure(name=name, answered=row["answered"], positive=row["positive_n"], dont_know=row["dont_know"])
            )
    results = []
    for question in questions:
        by_value = counts.get(question.pk, {})
        options = [
            {"value": value, "label": label, "count": by_value.get(value, 0)} for value, label in question.options()
        ]
        positive = sum(by_value.get(value, 0) for value in by_value if question.positive(value))
        answered = sum(n for value, n in by_value.items() if question.positive(value) is not None)
        dont_know = by_value.get(DONT_KNOW, 0)
        for option in options:
            option["pct"] = _pct(option["count"], answered) if option["value"] != DONT_KNOW else None
        results.append(
            {
                "question": question,
                "options": options,
                "answered": answered,
                "positive": positive,
                "dont_know": dont_know,
                "pct": _pct(positive, answered),
                "text_count": text_counts.get(question.pk, 0),
                "groups": groups.get(question.pk, []),
                "positive_label": "agree"
                if question.scale == Scale.AGREEMENT
                else ("yes" if question.scale == Scale.YES_NO else "satisfied"),
            }
        )
    return results


def recent_comments(survey: Survey, *, limit: int = 100) -> dict[int, list[Answer]]:
    """Free-text answers, newest first, per question (one query)."""
    comments: dict[int, list[Answer]] = {}
    rows = (
        Answer.objects.filter(question__survey=survey)
        .exclude(text="")
        .select_related("response__estate")
        .order_by("-response__responded_on", "-pk")[:limit]
    )
    for answer in rows:
        comments.setdefault(answer.question_id, []).append(answer)
    return comments


# --- Tenant Satisfaction Measures ----------------------------------------------------------------


@dataclass(frozen=True)
class TpFigure:
    code: str
    label: str
    positive: int
    answered: int

    @property
    def value(self) -> float | None:
        return _pct(self.positive, self.answered)


def tsm_perception_by_stock(start: datetime.date, end: datetime.date) -> dict[str, dict[str, TpFigure]]:
    """TP01–TP12 for LCRA and TP01, TP05–TP12 for LCHO, from TSM perception responses received
    between start and end (inclusive): {"lcra": {"TP01": TpFigure, ...}, "lcho": {...}}.

    One aggregate query. Each measure is satisfied (or agree, for TP08) over those who answered,
    "don't know" left out, each measure's own base (a "yes" to its screening question), each
    stock type apart and leaseholders in neither (the rules are in surveys.tsm).
    """
    answers = Answer.objects.filter(
        question__survey__kind="tsm",
        question__code__in=tsm.TP_CODES,
        response__responded_on__range=(start, end),
        response__tenure__in=tsm.TSM_TENURES,
    )
    aggregates = {}
    items = {item.code: item for item in tsm.PERCEPTION}
    for stock in tsm.STOCK_TYPES:
        for code in tsm.CODES_FOR_STOCK[stock]:
            counts = (
                Q(question__code=code)
                & tsm.stock_q(stock, prefix="response__")
                & tsm.eligibility_q(items[code].eligibility, prefix="response__")
            )
            aggregates[f"{stock}_{code}_positive"] = Count("pk", filter=counts & Q(positive=True))
            aggregates[f"{stock}_{code}_answered"] = Count("pk", filter=counts & Q(positive__isnull=False))
    figures = answers.aggregate(**aggregates)
    return {
        str(stock): {
            code: TpFigure(
                code=code,
                label=items[code].short,
                positive=figures[f"{stock}_{code}_positive"],
                answered=figures[f"{stock}_{code}_answered"],
            )
            for code in tsm.CODES_FOR_STOCK[stock]
        }
        for stock in tsm.STOCK_TYPES
    }


def tsm_perception_measures(start: datetime.date, end: datetime.date, *, stock: str) -> dict[str, TpFigure]:
    """One stock type's TP measures (LCHO has no TP02–TP04); see tsm_perception_by_stock."""
    return tsm_perception_by_stock(start, end)[stock]


def tsm_response_counts(start: datetime.date, end: datetime.date) -> dict[str, int]:
    """TSM perception responses received in the period, per stock type (leaseholders in neither). One query."""
    return Response.objects.filter(survey__kind="tsm", responded_on__range=(start, end)).aggregate(
        **{str(stock): Count("pk", filter=tsm.stock_q(stock)) for stock in tsm.STOCK_TYPES}
    )


def tsm_response_count(start: datetime.date, end: datetime.date) -> int:
    return sum(tsm_response_counts(start, end).values())


def relevant_homes() -> dict[str, int]:
    """Homes of each stock type (the TSM population and CH01's base): {"lcra": n, "lcho": n}. One query."""
    totals = Estate.objects.aggregate(lcra=Sum("homes_lcra"), lcho=Sum("homes_lcho"))
    return {str(stock): totals[str(stock)] or 0 for stock in tsm.STOCK_TYPES}


def tsm_population() -> int:
    """Homes in scope of the TSMs: rented and shared-ownership homes (leasehold left out)."""
    return sum(relevant_homes().values())


# --- Estate champion trends ----------------------------------------------------------------------


def _month_starts(end: datetime.date, months: int) -> list[datetime.date]:
    first = end.replace(day=1)
    starts = []
    for _ in range(months):
        starts.append(first)
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    return list(reversed(starts))


def champion_trends(*, estate: Estate | None = None, months: int = 12, today: datetime.date | None = None) -> dict:
    """Per rated topic, per month: how many champions said good, okay, poor. One query."""
    today = today or timezone.localdate()
    month_starts = _month_starts(today, months)
    surveys = ChampionSurvey.objects.filter(visited_on__gte=month_starts[0], visited_on__lte=today)
    if estate is not None:
        surveys = surveys.filter(estate=estate)
    aggregates = {"total": Count("pk")}
    for topic, _question in RATED_TOPICS:
        for rating in Rating.values:
            aggregates[f"{topic}_{rating}"] = Count("pk", filter=Q(**{f"{topic}_rating": rating}))
    rows = {
        row["month"]: row
        for row in surveys.annotate(month=TruncMonth("visited_on"))
        .values("month")
        .annotate(**aggregates)
        .order_by("month")
    }
    # TruncMonth gives a date on some databases and a datetime on others.
    rows = {(key.date() if isinstance(key, datetime.datetime) else key): row for key, row in rows.items()}
    topics = []
    for topic, question in RATED_TOPICS:
        points = []
        for index, month in enumerate(month_starts):
            row = rows.get(month, {})
            good, okay, poor = (row.get(f"{topic}_{rating}", 0) for rating in Rating.values)
            total = good + okay + poor
            points.append(
                {
                    "month": month,
                    "good": good,
                    "okay": okay,
                    "poor": poor,
                    "total": total,
                    "good_pct": _pct(good, total),
                    "poor_pct": _pct(poor, total),
                    # Inline SVG bar (viewBox 120 x 30): one 10-unit slot per month.
                    "bar_x": index * 10 + 1,
                    "bar_h": round(0.3 * good / total * 100, 1) if total else 0,
                    "bar_y": round(30 - 0.3 * good / total * 100, 1) if total else 30,
                }
            )
        topics.append({"topic": topic, "label": topic.label, "question": question, "points": points})
    return {"months": month_starts, "topics": topics, "total": sum(row["total"] for row in rows.values())}


def champion_by_estate(*, since: datetime.date):
    """Per estate: submissions since a date, last visit, and how many rated each topic poor."""
    aggregates = {"submissions": Count("pk"), "last_visit": Max("visited_on")}
    for topic, _question in RATED_TOPICS:
        aggregates[f"{topic}_poor"] = Count("pk", filter=Q(**{f"{topic}_rating": Rating.POOR}))
    return (
        ChampionSurvey.objects.filter(visited_on__gte=since)
        .values("estate", "estate__name")
        .annotate(**aggregates)
        .order_by("estate__name")
    )


def champion_issue_counts(*, estate_ids=None) -> dict:
    issues = ChampionIssue.objects.all()
    if estate_ids is not None:
        issues = issues.filter(estate__in=estate_ids)
    return issues.aggregate(
        new=Count("pk", filter=Q(status=IssueStatus.NEW)),
        actioned=Count("pk", filter=Q(status=IssueStatus.ACTIONED)),
        closed=Count("pk", filter=Q(status=IssueStatus.CLOSED)),
    )


__all__ = ["DONT_KNOW_LABEL"]
