"""The 10% rule and the margin of error, checked against numbers worked by hand."""

import pytest

from surveys.statistics import margin_of_error, required_responses, sample_check


@pytest.mark.parametrize(("population", "required"), [(1000, 100), (2950, 295), (45, 5), (10, 1), (0, 0)])
def test_the_ten_percent_rule_asks_for_a_tenth_of_the_population_rounded_up(population, required):
    assert required_responses(population) == required


def test_margin_of_error_for_312_of_2950_is_5_point_2_percentage_points():
    # 1.96 * sqrt(0.25 / 312) = 0.055482; FPC sqrt((2950 - 312) / 2949) = 0.945802; product 0.052474
    assert margin_of_error(312, 2950) == pytest.approx(0.052474, abs=1e-5)


def test_margin_of_error_for_100_of_1000_is_9_point_3_percentage_points():
    # 1.96 * 0.05 = 0.098; FPC sqrt(900 / 999) = 0.949158; product 0.093018
    assert margin_of_error(100, 1000) == pytest.approx(0.093018, abs=1e-5)


def test_the_finite_population_correction_narrows_the_margin_for_small_schemes():
    # 30 of 40 residents: 1.96 * sqrt(0.25/30) = 0.178922; FPC sqrt(10/39) = 0.506370; product 0.090601
    assert margin_of_error(30, 40) == pytest.approx(0.090601, abs=1e-5)
    assert margin_of_error(30, 40) < margin_of_error(30, 100_000)


def test_no_responses_has_no_margin_and_everyone_answering_has_none_to_give():
    assert margin_of_error(0, 500) is None
    assert margin_of_error(500, 500) == 0.0


def test_the_manager_reads_the_accuracy_and_the_rule_in_plain_words():
    check = sample_check(responses=312, population=2950)
    assert check.accuracy_sentence == (
        "With 312 responses from 2,950 customers, results are accurate to within ±5.2 percentage points "
        "19 times out of 20."
    )
    assert check.meets_ten_percent_rule
    assert check.rule_sentence == (
        "The 10% rule asks for at least 295 responses (10% of 2,950). You have 312: the rule is met."
    )


def test_a_survey_short_of_the_rule_says_how_many_more_are_needed():
    check = sample_check(responses=80, population=1000)
    assert not check.meets_ten_percent_rule
    assert check.shortfall == 20
    assert check.rule_sentence.endswith("You have 80: 20 more needed.")
    assert sample_check(responses=0, population=1000).accuracy_sentence == (
        "No responses yet from the 1,000 customers this survey is for."
    )
