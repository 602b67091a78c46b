"""Small-cell suppression, primary and secondary, on tables worked by hand.

Rule (voice.statistics.suppress; ONS "Statistical disclosure control for tables"): a count of 1 to
threshold−1 is hidden; zero is shown; when the table shows its total and exactly one cell is hidden,
the smallest shown non-zero cell is hidden too, so the hidden one cannot be worked out as
total − the rest; a table whose total is under the threshold is hidden whole.
"""

from voice.statistics import suppress


def test_a_count_under_five_is_hidden_with_the_next_smallest_so_the_total_cannot_give_it_away():
    # 20 + 3 + 12 = 35 shown as the total: hiding only B (3) would leave 35 − 20 − 12 = 3.
    assert suppress({"A": 20, "B": 3, "C": 12}, threshold=5) == {"B", "C"}


def test_two_small_counts_protect_each_other_without_a_third():
    assert suppress({"A": 20, "B": 3, "C": 4}, threshold=5) == {"B", "C"}


def test_a_shown_zero_is_not_chosen_as_the_second_cell():
    # Hiding the zero would tell the reader the pair sums to 2, and one of them is 0.
    assert suppress({"A": 10, "B": 0, "C": 2}, threshold=5) == {"C", "A"}


def test_zero_and_large_counts_are_shown():
    assert suppress({"A": 10, "B": 0, "C": 5}, threshold=5) == set()


def test_a_table_of_fewer_than_five_people_is_hidden_whole():
    assert suppress({"A": 2, "B": 1, "C": 0}, threshold=5) == {"A", "B", "C"}


def test_the_threshold_is_a_setting():
    assert suppress({"A": 20, "B": 7, "C": 12}, threshold=10) == {"B", "C"}
    assert suppress({"A": 20, "B": 7, "C": 12}, threshold=5) == set()


def test_without_a_total_shown_only_the_small_cell_is_hidden():
    assert suppress({"A": 20, "B": 3, "C": 12}, threshold=5, total_shown=False) == {"B"}
