"""Weights worked by hand: cell weights, raking to the margins, Kish's design effect, a weighted share.

Cell weight = population share of the cell / sample share of the cell. Five respondents, 2 in A and
3 in B; customers 60% A, 40% B: w(A) = 0.6×5/2 = 1.5, w(B) = 0.4×5/3 = 0.6667.
Kish (1965): deff = n·Σw²/(Σw)² = 5 × (2×2.25 + 3×0.4444) / 5² = 5 × 5.8333 / 25 = 1.1667;
effective sample size = (Σw)²/Σw² = 25/5.8333 = 4.2857.
Weighted share: A satisfied 1 of 2, B satisfied 3 of 3 → unweighted 4/5 = 80%; weighted
(1.5 + 3×0.6667) / 5 = 3.5/5 = 70%.
Raking (Deming & Stephan 1940): the weighted totals of every characteristic equal their targets
(population share × n) when it has converged.
"""

from collections import Counter

import pytest

from voice.statistics import cell_weights, design_effect, effective_sample_size, rake, weighted_share

SAMPLE = [{"age": "A"}, {"age": "A"}, {"age": "B"}, {"age": "B"}, {"age": "B"}]


def test_cell_weights_are_population_share_over_sample_share():
    weights = cell_weights(SAMPLE, {("A",): 60, ("B",): 40}, ["age"])
    assert weights.weights == pytest.approx([1.5, 1.5, 2 / 3, 2 / 3, 2 / 3])


def test_kish_design_effect_and_effective_sample_size():
    weights = [1.5, 1.5, 2 / 3, 2 / 3, 2 / 3]
    assert design_effect(weights) == pytest.approx(1.16667, abs=1e-5)
    assert effective_sample_size(weights) == pytest.approx(4.28571, abs=1e-5)
    assert design_effect([1, 1, 1]) == pytest.approx(1.0)


def test_the_weighted_share_of_satisfied_matches_the_hand_worked_figure():
    weights = [1.5, 1.5, 2 / 3, 2 / 3, 2 / 3]
    assert weighted_share(weights, [True, False, True, True, True]) == pytest.approx(70.0)
    # Don't know (None) leaves the base.
    assert weighted_share(weights + [9.0], [True, False, True, True, True, None]) == pytest.approx(70.0)


def test_raking_on_one_characteristic_gives_the_cell_weights():
    weights = rake(SAMPLE, {"age": {"A": 60, "B": 40}})
    assert weights.converged
    assert weights.weights == pytest.approx([1.5, 1.5, 2 / 3, 2 / 3, 2 / 3])


def test_raking_converges_to_both_margins():
    sample = [
        {"age": "young", "area": "north"},
        {"age": "young", "area": "south"},
        {"age": "old", "area": "north"},
        {"age": "old", "area": "north"},
        {"age": "old", "area": "south"},
        {"age": "old", "area": "south"},
        {"age": "old", "area": "north"},
    ]
    margins = {"age": {"young": 40, "old": 60}, "area": {"north": 30, "south": 70}}
    weights = rake(sample, margins)
    assert weights.converged and weights.iterations > 1
    n = len(sample)
    for name, margin in margins.items():
        totals = Counter()
        for w, row in zip(weights.weights, sample, strict=True):
            totals[row[name]] += w
        total = sum(margin.values())
        for key, count in margin.items():
            assert totals[key] == pytest.approx(n * count / total, abs=1e-6)
    assert sum(weights.weights) == pytest.approx(n)


def test_a_group_with_customers_but_no_respondents_is_named_not_weighted():
    weights = rake(SAMPLE, {"age": {"A": 50, "B": 30, "C": 20}})
    assert weights.dropped == ["age: C"]
    # The targets are rescaled over A and B: 50/80 and 30/80 of 5.
    assert weights.weights[:2] == pytest.approx([5 * 50 / 80 / 2] * 2)
