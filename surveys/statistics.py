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
