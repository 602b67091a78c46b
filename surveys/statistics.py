"""Survey sample maths: the 10% rule and the margin of error, with words a manager can use.

The seed's guide: "if a service effects 1000 customers, we should look to gather a minimum of
100 pieces of data (10%)". The margin of error is the half-width of a 95% confidence interval
for a percentage, at its widest (p = 50%), with the finite population correction because our
populations are small enough for the sample to be a real share of them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

Z_95 = 1.96  # two-sided 95% confidence
TEN_PERCENT_RULE = 0.10


def required_responses(population: int) -> int:
    """Responses the 10% rule asks for: at least a tenth of the affected customers, rounded up."""
    return math.ceil(population * TEN_PERCENT_RULE) if population > 0 else 0


def margin_of_error(responses: int, population: int, *, proportion: float = 0.5) -> float | None:
    """Half-width of the 95% confidence interval, as a fraction (0.052 = ±5.2 points).

    None when there are no responses (nothing to be accurate about). With every member of the
    population answering there is no sampling error, so the margin is 0.
    """
    if responses <= 0:
        return None
    if population <= 0 or responses >= population:
        return 0.0 if population > 0 else None
    standard_error = math.sqrt(proportion * (1 - proportion) / responses)
    correction = math.sqrt((population - responses) / (population - 1))
    return Z_95 * standard_error * correction


@dataclass(frozen=True)
class SampleCheck:
    responses: int
    population: int
    required: int
    margin: float | None

    @property
    def meets_ten_percent_rule(self) -> bool:
        return self.population > 0 and self.responses >= self.required

    @property
    def shortfall(self) -> int:
        return max(0, self.required - self.responses)

    @property
    def response_rate_pct(self) -> float | None:
        return round(100 * self.responses / self.population, 1) if self.population else None

    @property
    def margin_points(self) -> float | None:
        return None if self.margin is None else round(100 * self.margin, 1)

    @property
    def accuracy_sentence(self) -> str:
        people = f"{self.population:,} customer{'s' if self.population != 1 else ''}"
        if self.population <= 0:
            return "We do not know how many customers this survey is for, so we cannot say how accurate it is."
        if self.responses == 0:
            return f"No responses yet from the {people} this survey is for."
        answered = f"With {self.responses:,} response{'s' if self.responses != 1 else ''} from {people}"
        if self.margin == 0:
            return f"{answered}, everyone has answered: the results are exact."
        return (
            f"{answered}, results are accurate to within ±{self.margin_points:.1f} percentage points "
            "19 times out of 20."
        )

    @property
    def rule_sentence(self) -> str:
        if self.population <= 0:
            return "Set the population size to check the 10% rule."
        asked = f"The 10% rule asks for at least {self.required:,} responses (10% of {self.population:,})."
        if self.meets_ten_percent_rule:
            return f"{asked} You have {self.responses:,}: the rule is met."
        return f"{asked} You have {self.responses:,}: {self.shortfall:,} more needed."


def sample_check(*, responses: int, population: int) -> SampleCheck:
    return SampleCheck(
        responses=responses,
        population=population,
        required=required_responses(population),
        margin=margin_of_error(responses, population),
    )


# --- The Regulator's accuracy for the TSM perception survey ------------------------------------
#
# Source: Regulator of Social Housing, Tenant Satisfaction Measures: Technical Requirements (2023),
# "sample size and accuracy": the TP01 result, per tenure type (LCRA and LCHO apart), must be
# accurate at the 95% confidence level (finite population correction, p = 0.5) to at least
#   ±5% for fewer than 2,500 relevant homes,   ±4% for 2,500 to 9,999,
#   ±3% for 10,000 to 24,999,                  ±2% for 25,000 or more.
# The population is the number of relevant homes of that tenure type (not customer records). A
# census (every home answered) has no sampling error.

ACCURACY_BANDS = [  # (fewest relevant homes, required accuracy as a fraction), largest first
    (25_000, 0.02),
    (10_000, 0.03),
    (2_500, 0.04),
    (0, 0.05),
]


def required_accuracy(homes: int) -> float:
    """The Regulator's accuracy for TP01 given the relevant homes: 0.05, 0.04, 0.03 or 0.02."""
    return next(band for fewest, band in ACCURACY_BANDS if homes >= fewest)


def responses_for_accuracy(homes: int, accuracy: float) -> int:
    """The fewest responses whose margin of error (95%, p = 0.5, finite population correction) is
    within `accuracy` for a population of `homes`.

    Solving z·√(p(1−p)/n)·√((N−n)/(N−1)) ≤ e for n gives n ≥ z²p(1−p)N / (e²(N−1) + z²p(1−p));
    the result is checked against margin_of_error itself so rounding never puts it one out.
    """
    if homes <= 0:
        return 0
    variance = Z_95**2 * 0.25
    n = max(1, min(homes, math.ceil(variance * homes / (accuracy**2 * (homes - 1) + variance))))
    while n > 1 and (margin_of_error(n - 1, homes) or 0) <= accuracy:
        n -= 1
    while n < homes and (margin_of_error(n, homes) or 0) > accuracy:
        n += 1
    return n


@dataclass(frozen=True)
class AccuracyCheck:
    responses: int
    homes: int
    required: float  # the band, e.g. 0.05
    needed: int  # responses that would meet it
    margin: float | None

    @property
    def met(self) -> bool:
        return self.homes > 0 and self.margin is not None and self.margin <= self.required

    @property
    def more_needed(self) -> int:
        return max(0, self.needed - self.responses)

    @property
    def margin_points(self) -> float | None:
        return None if self.margin is None else round(100 * self.margin, 1)

    @property
    def required_points(self) -> int:
        return round(100 * self.required)

    @property
    def sentence(self) -> str:
        if self.homes <= 0:
            return "No homes of this type on record, so accuracy cannot be judged."
        band = f"The Regulator asks for ±{self.required_points}% for {self.homes:,} homes"
        if self.responses == 0:
            return f"{band}: no responses yet; {self.needed:,} would meet it."
        if self.met:
            return f"{band}: ±{self.margin_points:.1f}% from {self.responses:,} responses meets it."
        return (
            f"{band}: ±{self.margin_points:.1f}% from {self.responses:,} responses does not meet it; "
            f"{self.more_needed:,} more responses would."
        )


def regulator_accuracy(*, responses: int, homes: int) -> AccuracyCheck:
    """Judge a TSM sample for one tenure type against the Regulator's accuracy band (see above)."""
    required = required_accuracy(homes)
    return AccuracyCheck(
        responses=responses,
        homes=homes,
        required=required,
        needed=responses_for_accuracy(homes, required),
        margin=margin_of_error(responses, homes),
    )
