"""TP01's accuracy against the Regulator's bands: ±5% under 2,500 relevant homes, ±4% to 9,999,
±3% to 24,999, ±2% from 25,000; 95% confidence, p = 0.5, finite population correction.

Expected values worked by hand from n ≥ 1.96² × 0.25 × N / (e²(N − 1) + 1.96² × 0.25), with
1.96² × 0.25 = 0.9604."""

import pytest

from surveys.statistics import regulator_accuracy, required_accuracy, responses_for_accuracy


@pytest.mark.parametrize(
    ("homes", "band", "needed"),
    [
        # 0.9604 × 2499 / (0.0025 × 2498 + 0.9604) = 2400.04 / 7.2054 = 333.1 → 334
        (2_499, 0.05, 334),
        # 0.9604 × 2500 / (0.0016 × 2499 + 0.9604) = 2401 / 4.9588 = 484.2 → 485
        (2_500, 0.04, 485),
        # 0.9604 × 9999 / (0.0016 × 9998 + 0.9604) = 9603.04 / 16.9572 = 566.3 → 567
        (9_999, 0.04, 567),
        # 0.9604 × 10000 / (0.0009 × 9999 + 0.9604) = 9604 / 9.9595 = 964.3 → 965
        (10_000, 0.03, 965),
        # 0.9604 × 24999 / (0.0009 × 24998 + 0.9604) = 24008.04 / 23.4586 = 1023.4 → 1024
        (24_999, 0.03, 1_024),
        # 0.9604 × 25000 / (0.0004 × 24999 + 0.9604) = 24010 / 10.96 = 2190.7 → 2191
        (25_000, 0.02, 2_191),
    ],
)
def test_each_band_boundary_and_the_responses_that_meet_it(homes, band, needed):
    assert required_accuracy(homes) == band
    assert responses_for_accuracy(homes, band) == needed
    assert regulator_accuracy(responses=needed, homes=homes).met
    assert not regulator_accuracy(responses=needed - 1, homes=homes).met


def test_200_responses_from_2000_homes_is_about_6_6_percent_and_does_not_meet_5():
    # 1.96 × √(0.25/200) × √(1800/1999) = 1.96 × 0.035355 × 0.948917 = 0.0658 → ±6.6%.
    # ±5% needs 0.9604 × 2000 / (0.0025 × 1999 + 0.9604) = 1920.8 / 5.9579 = 322.4 → 323: 123 more.
    check = regulator_accuracy(responses=200, homes=2_000)
    assert check.margin_points == 6.6 and check.required_points == 5
    assert not check.met and check.more_needed == 123
    assert check.sentence == (
        "The Regulator asks for ±5% for 2,000 homes: ±6.6% from 200 responses does not meet it; "
        "123 more responses would."
    )


def test_323_responses_from_2000_homes_meets_5_percent():
    # 1.96 × √(0.25/323) × √(1677/1999) = 1.96 × 0.027821 × 0.915929 = 0.04994 ≤ 0.05.
    check = regulator_accuracy(responses=323, homes=2_000)
    assert check.met and check.more_needed == 0 and check.margin_points == 5.0


def test_a_census_has_no_sampling_error_and_meets_the_band():
    check = regulator_accuracy(responses=22, homes=22)
    assert check.margin == 0.0 and check.met and check.more_needed == 0


def test_no_responses_meets_nothing_and_says_how_many_would():
    # 22 homes at ±5%: 0.9604 × 22 / (0.0025 × 21 + 0.9604) = 21.13 / 1.0129 = 20.9 → 21.
    check = regulator_accuracy(responses=0, homes=22)
    assert not check.met and check.margin is None and check.more_needed == 21
    assert check.sentence == "The Regulator asks for ±5% for 22 homes: no responses yet; 21 would meet it."


def test_no_homes_of_a_type_cannot_be_judged():
    check = regulator_accuracy(responses=0, homes=0)
    assert not check.met and check.needed == 0
    assert check.sentence == "No homes of this type on record, so accuracy cannot be judged."
