"""The chi-square goodness-of-fit test against a textbook result, and the pooling of sparse groups.

Textbook case: Mendel's dihybrid cross (round-yellow, wrinkled-yellow, round-green, wrinkled-green)
observed 315, 108, 101, 32 against the 9:3:3:1 ratio; n = 556, expected 312.75, 104.25, 104.25,
34.75; χ² = 2.25²/312.75 + 3.75²/104.25 + 3.25²/104.25 + 2.75²/34.75 = 0.470 on 3 degrees of
freedom, p = 0.925 (e.g. Sokal & Rohlf, Biometry; any statistics textbook).

Pooling rule (Cochran 1954, voice.statistics.goodness_of_fit): groups whose expected count is under
5 are put together, smallest first, until every expected count is at least 5.
"""

import pytest

from voice.statistics import goodness_of_fit


def test_mendels_peas_give_the_textbook_chi_square_and_p_value():
    test = goodness_of_fit(
        {"round yellow": 315, "wrinkled yellow": 108, "round green": 101, "wrinkled green": 32},
        {"round yellow": 9, "wrinkled yellow": 3, "round green": 3, "wrinkled green": 1},
    )
    assert test.possible and test.pooled == ()
    assert test.statistic == pytest.approx(0.470, abs=0.001)
    assert test.dof == 3
    assert test.p_value == pytest.approx(0.925, abs=0.001)
    assert not test.significant
    assert "could be chance" in test.sentence


def test_sparse_groups_are_pooled_until_every_expected_count_is_five():
    # n = 20; expected A 10, B 9, C 0.6, D 0.4. D+C = 1.0 is still under 5, so it joins B: 10.
    # Two groups: A (observed 15, expected 10) and B+C+D (5, 10): χ² = 25/10 + 25/10 = 5.0, 1 dof, p = 0.0253.
    test = goodness_of_fit({"A": 15, "B": 5, "C": 0, "D": 0}, {"A": 50, "B": 45, "C": 3, "D": 2})
    assert set(test.pooled) == {"B", "C", "D"}
    assert test.statistic == pytest.approx(5.0)
    assert test.dof == 1
    assert test.p_value == pytest.approx(0.0253, abs=0.0001)
    assert test.significant
    assert "taken together" in test.sentence and "more than chance" in test.sentence


def test_fewer_than_five_answers_is_no_test_and_says_why():
    test = goodness_of_fit({"A": 3, "B": 1}, {"A": 50, "B": 50})
    assert not test.possible
    assert test.sentence.startswith("No test:")
