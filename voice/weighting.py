"""Weighting a satisfaction or TSM survey against the customer profile, and what the weighting did.

The manager chooses the characteristics (voice.models.WeightingScheme); each respondent's
categories are read from their response row (tenure, place) and their customer's equality
information; the targets are the survey's baseline (voice.selectors.survey_population). Weights
come from voice.statistics (raking or cells); every closed question's percentage is then shown
unweighted and weighted — Σw over satisfied / Σw over those who answered, "don't know" left out and
each TSM question's own base (surveys.tsm) — with Kish's design effect and the effective sample size.
A respondent whose category is "Not known" is weighted in a "Not known" category of its own (the
baseline has one too), so nobody is dropped.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q

from engagement.models import StockType
from surveys import tsm
from surveys.models import Answer, Survey, SurveyKind

from . import dimensions as dims
from .models import WeightingMethod, WeightingScheme
from .selectors import survey_population
from .statistics import Weights, cell_weights, pct, rake, rounded, weighted_share


@dataclass
class WeightedFigure:
    label: str  # "TP01 Overall satisfaction" or "Q1 …"
    stock: str  # "" for a general survey, "LCRA"/"LCHO" for a TSM
    answered: int
    unweighted: float | None
    weighted: float | None

    @property
    def change(self) -> float | None:
        if self.unweighted is None or self.weighted is None:
            return None
        return rounded(self.weighted - self.unweighted)


@dataclass
class WeightingResult:
    survey: Survey
    keys: list[str]
    method: str
    weights: Weights
    figures: list[WeightedFigure] = field(default_factory=list)

    @property
    def labels(self) -> list[str]:
        return [dims.BY_KEY[key].label.lower() for key in self.keys]

    @property
    def statement(self) -> str:
        """How the survey was weighted, in one paragraph for the TSM return and the board pack."""
        if not self.keys:
            return f"{self.survey}: not weighted."
        how = "raking (iterative proportional fitting)" if self.method == WeightingMethod.RAKE else "cell weighting"
        deff, eff = self.weights.design_effect, self.weights.effective_n
        text = (
            f"{self.survey}: weighted by {how} on {_join(self.labels)} against our customer profile. "
            f"Design effect {deff:.2f}; effective sample size {eff:.0f} of {self.weights.n} responses."
            if deff
            else f"{self.survey}: weighted on {_join(self.labels)}; no responses yet."
        )
        tp01 = [f for f in self.figures if f.label.startswith("TP01") and f.weighted is not None]
        if tp01 and deff:
            text += (
                " TP01 overall satisfaction: "
                + "; ".join(f"{f.stock} {f.unweighted:.1f}% as answered, {f.weighted:.1f}% weighted" for f in tp01)
                + "."
            )
        if self.weights.dropped:
            text += f" Groups with no respondents could not be weighted up: {', '.join(self.weights.dropped)}."
        if self.weights.method == "rake" and not self.weights.converged:
            text += " The raking did not settle; treat the weighted figures with care."
        return text


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def scheme_of(survey: Survey) -> WeightingScheme | None:
    return WeightingScheme.objects.filter(survey=survey).first()


def survey_weights(survey: Survey, *, keys: list[str], method: str) -> tuple[list[int], Weights]:
    """(response ids, weights) for the survey. Two queries, plus one for cell weighting."""
    population = survey_population(survey)
    chosen = [dims.BY_KEY[key] for key in keys]
    paths = [d.response_path for d in chosen]
    rows = list(population.queryset.order_by("pk").values("pk", *paths))
    ids = [row["pk"] for row in rows]
    sample = [{d.key: d.group(row[d.response_path]) for d in chosen} for row in rows]
    if not chosen:
        return ids, Weights([1.0] * len(ids), "none")
    baseline = population.baseline
    if method == WeightingMethod.CELL:
        cells: Counter = Counter()
        for row in baseline.order_by().values(*[d.customer_path for d in chosen]).annotate(n=Count("pk")):
            cells[tuple(d.group(row[d.customer_path]) for d in chosen)] += row["n"]
        return ids, cell_weights(sample, cells, [d.key for d in chosen])
    margins = {}
    for d in chosen:
        margin: Counter = Counter()
        for row in baseline.order_by().values(d.customer_path).annotate(n=Count("pk")):
            margin[d.group(row[d.customer_path])] += row["n"]
        margins[d.key] = margin
    return ids, rake(sample, margins)


def _stock_of(tenure: str) -> str:
    for stock in tsm.STOCK_TYPES:
        if tenure in tsm.tenures_of(stock):
            return str(stock)
    return ""


def weighted_results(survey: Survey, *, keys: list[str], method: str) -> WeightingResult:
    """Every closed question, unweighted and weighted (TSM: TP01–TP12 per stock type, each with its
    own base). A fixed number of queries."""
    ids, weights = survey_weights(survey, keys=keys, method=method)
    weight_of = dict(zip(ids, weights.weights, strict=True))
    questions = [q for q in survey.questions.all() if q.is_closed and not q.screens_for]
    eligible = Q(pk__in=[])
    for question in questions:
        eligible |= Q(question=question.pk) & tsm.eligibility_q(
            question.eligibility, renters_only=question.renters_only, prefix="response__"
        )
    answers = (
        Answer.objects.filter(eligible, response__survey=survey, positive__isnull=False)
        .values_list("question_id", "response_id", "positive", "response__tenure")
        .order_by()
    )
    by_group: dict[tuple, list] = defaultdict(list)
    is_tsm = survey.kind == SurveyKind.TSM
    for question_id, response_id, positive, tenure in answers:
        stock = _stock_of(tenure) if is_tsm else ""
        if is_tsm and not stock:
            continue  # leaseholders are outside the TSMs
        by_group[(question_id, stock)].append((weight_of.get(response_id, 1.0), positive))
    figures = []
    stocks = [str(s) for s in tsm.STOCK_TYPES] if is_tsm else [""]
    for stock in stocks:
        for question in questions:
            if is_tsm and question.code not in tsm.CODES_FOR_STOCK.get(stock, []):
                continue
            pairs = by_group.get((question.pk, stock), [])
            w = [p[0] for p in pairs]
            positive = [p[1] for p in pairs]
            figures.append(
                WeightedFigure(
                    label=f"{question.label} {tsm.SHORT_NAMES.get(question.code, question.text[:70])}",
                    stock=StockType(stock).label if stock else "",
                    answered=len(pairs),
                    unweighted=rounded(pct(sum(1 for p in positive if p), len(pairs))),
                    weighted=rounded(weighted_share(w, positive)),
                )
            )
    return WeightingResult(survey=survey, keys=keys, method=method, weights=weights, figures=figures)


def scheme_results(survey: Survey) -> WeightingResult | None:
    scheme = scheme_of(survey)
    if scheme is None:
        return None
    keys = [key for key in scheme.characteristics if key in dims.BY_KEY]
    return weighted_results(survey, keys=keys, method=scheme.method)
