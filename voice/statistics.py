"""The arithmetic of a representative voice: small-cell suppression, the goodness-of-fit test,
weights (cells or raking) and the design effect. Plain functions on plain numbers, no database.

Rules and sources:
* Small-cell suppression (ONS, "Statistical disclosure control for tables", and the GSS policy on
  protecting confidentiality in tables): a count of 1 to threshold−1 people (threshold 5 by default,
  `settings.VOICE_SMALL_CELL`) is never shown, nor any figure worked from it (its percentage, its
  gap). Zero is shown: it discloses nothing about a person. Secondary suppression: when a table
  shows its total, one hidden cell could be recovered by subtracting the others from the total, so a
  second cell is hidden too (the smallest shown count, preferring a non-zero one). When the total
  itself is under the threshold every cell is hidden.
* Goodness of fit: Pearson's chi-square (scipy.stats.chisquare) of the observed counts against the
  counts expected from the baseline shares, on the categories whose answer is known. The test needs
  expected counts of at least 5 in every category (Cochran, 1954), so the categories with the
  smallest expected counts are pooled into one until every expected count is 5 or more; the page
  says which were pooled. Fewer than two categories left, or fewer than 5 answers: no test.
* Raking (iterative proportional fitting, Deming and Stephan, 1940): weights start at 1; for each
  chosen characteristic in turn every respondent in a category is scaled by (target / current
  weighted count) of that category, until every weighted margin is within `tolerance` of its target.
  Targets are the baseline shares times the number of respondents, so the weights average 1. A
  category with customers but no respondents cannot be weighted up: it is dropped from the targets
  and the remaining shares rescaled, and the page says so.
* Cell weighting (post-stratification): each respondent's weight is (population share of their
  cell) / (sample share of their cell), cells being the combinations of the chosen characteristics;
  cells with customers but no respondents are dropped the same way.
* Kish's design effect from weighting: deff = n·Σw² / (Σw)², effective sample size n/deff
  (Kish, "Survey Sampling", 1965).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

MIN_EXPECTED = 5


# --- Small-cell suppression ------------------------------------------------------------------------


def suppress(counts: Mapping[str, int], *, threshold: int = 5, total_shown: bool = True) -> set[str]:
    """The keys of the cells to hide: primary (1..threshold−1) and secondary (so a hidden cell
    cannot be recovered from the shown total)."""
    if threshold <= 1:
        return set()
    total = sum(counts.values())
    if 0 < total < threshold:
        return {key for key, n in counts.items()}
    hidden = {key for key, n in counts.items() if 0 < n < threshold}
    if total_shown and len(hidden) == 1:
        shown = [(n == 0, n, key) for key, n in counts.items() if key not in hidden]
        if shown:
            # The smallest non-zero shown cell (a hidden zero would let the reader know the pair's sum is the one cell).
            hidden.add(min(shown)[2])
    return hidden


# --- Goodness of fit ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FitTest:
    possible: bool
    statistic: float | None = None
    p_value: float | None = None
    dof: int | None = None
    pooled: tuple[str, ...] = ()  # the categories put together to reach expected counts of 5
    reason: str = ""  # why no test, in words

    @property
    def significant(self) -> bool:
        return bool(self.possible and self.p_value is not None and self.p_value < 0.05)

    @property
    def sentence(self) -> str:
        if not self.possible:
            return f"No test: {self.reason}."
        pooled = (
            f" ({', '.join(self.pooled)} taken together so that each expected count is at least 5)"
            if self.pooled
            else ""
        )
        verdict = (
            "the difference from our customers is more than chance would explain"
            if self.significant
            else "the difference from our customers could be chance"
        )
        return (
            f"Chi-square goodness of fit: χ² = {self.statistic:.2f} on {self.dof} degrees of freedom, "
            f"p = {self.p_value:.3f}{pooled}: {verdict} (5% level)."
        )


def goodness_of_fit(observed: Mapping[str, int], baseline: Mapping[str, int]) -> FitTest:
    """Observed counts against the baseline's shares, pooling sparse categories (see the module
    docstring). Only categories present in the baseline count."""
    keys = [key for key, n in baseline.items() if n > 0]
    n = sum(observed.get(key, 0) for key in keys)
    base_total = sum(baseline[key] for key in keys)
    if n < MIN_EXPECTED or base_total == 0:
        return FitTest(False, reason=f"fewer than {MIN_EXPECTED} answers known")
    expected = {key: n * baseline[key] / base_total for key in keys}
    obs = {key: observed.get(key, 0) for key in keys}
    pooled: list[str] = []
    ordered = sorted(keys, key=lambda key: expected[key])
    while len(ordered) > 1 and expected[ordered[0]] < MIN_EXPECTED:
        # Pool the smallest with the next smallest until the pool's expected count is 5 or more.
        first, second = ordered[0], ordered[1]
        merged = f"{first} + {second}"
        for part in (first, second):
            if " + " not in part and part not in pooled:
                pooled.append(part)
        expected[merged] = expected.pop(first) + expected.pop(second)
        obs[merged] = obs.pop(first) + obs.pop(second)
        ordered = sorted([key for key in ordered[2:]] + [merged], key=lambda key: expected[key])
    if len(ordered) < 2:
        return FitTest(False, reason="too few answers to compare more than one group", pooled=tuple(pooled))
    f_obs = [obs[key] for key in ordered]
    f_exp = [expected[key] for key in ordered]
    from scipy import stats  # on first use: scipy is most of a web worker's memory otherwise

    result = stats.chisquare(f_obs, f_exp)
    return FitTest(
        True,
        statistic=float(result.statistic),
        p_value=float(result.pvalue),
        dof=len(ordered) - 1,
        pooled=tuple(pooled),
    )


# --- Weights -------------------------------------------------------------------------------------------


@dataclass
class Weights:
    weights: list[float]
    method: str  # "rake" or "cell"
    iterations: int = 0
    converged: bool = True
    dropped: list[str] = field(default_factory=list)  # categories/cells with no respondents

    @property
    def n(self) -> int:
        return len(self.weights)

    @property
    def design_effect(self) -> float | None:
        return design_effect(self.weights)

    @property
    def effective_n(self) -> float | None:
        return effective_sample_size(self.weights)


def design_effect(weights: Sequence[float]) -> float | None:
    """Kish: n·Σw² / (Σw)²."""
    total = sum(weights)
    if not weights or total == 0:
        return None
    return len(weights) * sum(w * w for w in weights) / (total * total)


def effective_sample_size(weights: Sequence[float]) -> float | None:
    """(Σw)² / Σw² = n / deff."""
    squares = sum(w * w for w in weights)
    return (sum(weights) ** 2) / squares if squares else None


def _targets(population: Mapping[str, float], present: set[str], n: int) -> tuple[dict[str, float], list[str]]:
    kept = {key: value for key, value in population.items() if key in present and value > 0}
    dropped = sorted(key for key, value in population.items() if value > 0 and key not in present)
    total = sum(kept.values())
    return {key: n * value / total for key, value in kept.items()}, dropped


def rake(
    sample: Sequence[Mapping[str, str]],
    margins: Mapping[str, Mapping[str, float]],
    *,
    tolerance: float = 1e-6,
    max_iterations: int = 200,
) -> Weights:
    """Raking weights: `sample` is one dict per respondent {characteristic: category}; `margins`
    {characteristic: {category: population count or share}}. See the module docstring."""
    n = len(sample)
    weights = [1.0] * n
    if n == 0:
        return Weights([], "rake")
    targets, dropped = {}, []
    for name, population in margins.items():
        present = {row[name] for row in sample}
        targets[name], lost = _targets(population, present, n)
        dropped += [f"{name}: {key}" for key in lost]
        # A respondent in a category the population lacks cannot be weighted: it keeps its weight.
    iterations, converged = 0, False
    while iterations < max_iterations:
        iterations += 1
        for name, target in targets.items():
            current: Counter = Counter()
            for w, row in zip(weights, sample, strict=True):
                current[row[name]] += w
            factors = {key: target[key] / current[key] for key in target if current[key] > 0}
            weights = [w * factors.get(row[name], 1.0) for w, row in zip(weights, sample, strict=True)]
        worst = 0.0
        for name, target in targets.items():
            current = Counter()
            for w, row in zip(weights, sample, strict=True):
                current[row[name]] += w
            worst = max([worst] + [abs(current[key] - target[key]) for key in target])
        if worst < tolerance:
            converged = True
            break
    return Weights(weights, "rake", iterations=iterations, converged=converged, dropped=dropped)


def cell_weights(
    sample: Sequence[Mapping[str, str]], population: Mapping[tuple, float], names: Sequence[str]
) -> Weights:
    """Post-stratification: `population` {(category, category, …) in the order of `names`: count}."""
    n = len(sample)
    if n == 0:
        return Weights([], "cell")
    cells = [tuple(row[name] for name in names) for row in sample]
    sample_counts = Counter(cells)
    targets, dropped = _targets(population, set(sample_counts), n)
    weights = [targets[cell] / sample_counts[cell] if cell in targets else 1.0 for cell in cells]
    return Weights(weights, "cell", dropped=[" / ".join(cell) for cell in dropped])


def weighted_share(weights: Sequence[float], positive: Sequence[bool | None]) -> float | None:
    """Σw(positive) / Σw(answered), as a percentage: the weighted TP figure. None answers leave the base."""
    answered = sum(w for w, p in zip(weights, positive, strict=True) if p is not None)
    if not answered:
        return None
    return 100 * sum(w for w, p in zip(weights, positive, strict=True) if p) / answered


def pct(part: float, whole: float) -> float | None:
    return None if not whole else 100 * part / whole


def rounded(value: float | None, digits: int = 1) -> float | None:
    return None if value is None or math.isnan(value) else round(value, digits)
