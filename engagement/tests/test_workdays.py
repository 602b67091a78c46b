import datetime

import pytest

from engagement.workdays import (
    add_working_days,
    bank_holiday_name,
    is_working_day,
    next_working_day,
    previous_working_day,
    working_days_between,
)

D = datetime.date


def test_weekdays_are_working_days_and_weekends_are_not():
    assert is_working_day(D(2026, 11, 23))  # Monday
    assert not is_working_day(D(2026, 11, 21))  # Saturday
    assert not is_working_day(D(2026, 11, 22))  # Sunday


@pytest.mark.parametrize(
    "day",
    [
        D(2026, 1, 1),
        D(2026, 4, 3),
        D(2026, 4, 6),
        D(2026, 5, 4),
        D(2026, 5, 25),
        D(2026, 8, 31),
        D(2026, 12, 25),
        D(2026, 12, 28),
        D(2027, 1, 1),
    ],
)
def test_england_and_wales_bank_holidays_are_not_working_days(day):
    assert not is_working_day(day)


def test_boxing_day_on_a_saturday_moves_the_holiday_to_monday_28_december_2026():
    assert bank_holiday_name(D(2026, 12, 28)) is not None
    assert is_working_day(D(2026, 12, 29))


def test_scottish_only_holidays_do_not_count():
    # 2 January and St Andrew's Day are Scottish bank holidays, not English ones.
    assert is_working_day(D(2026, 11, 30))
    assert is_working_day(D(2026, 1, 2))


def test_five_working_days_from_a_friday_is_the_next_friday():
    assert add_working_days(D(2026, 11, 20), 5) == D(2026, 11, 27)


def test_the_start_day_itself_never_counts_even_at_a_weekend():
    assert add_working_days(D(2026, 11, 21), 1) == D(2026, 11, 23)


def test_counting_across_christmas_and_new_year_skips_every_holiday():
    # Wed 23 Dec 2026: 24 Dec (1), 29 (2), 30 (3), 31 (4), 1 Jan 2027 is a holiday, Mon 4 Jan (5).
    assert add_working_days(D(2026, 12, 23), 5) == D(2027, 1, 4)
    assert add_working_days(D(2026, 12, 23), 2) == D(2026, 12, 29)


def test_counting_across_easter_skips_good_friday_and_easter_monday():
    assert add_working_days(D(2026, 4, 2), 1) == D(2026, 4, 7)


def test_zero_working_days_is_the_same_day():
    assert add_working_days(D(2026, 12, 25), 0) == D(2026, 12, 25)


def test_negative_counts_go_backwards():
    assert add_working_days(D(2027, 1, 4), -5) == D(2026, 12, 23)
    assert previous_working_day(D(2026, 12, 29)) == D(2026, 12, 24)
    assert next_working_day(D(2026, 12, 24)) == D(2026, 12, 29)


def test_working_days_between_is_the_inverse_of_adding():
    start = D(2026, 12, 18)
    for n in range(0, 30):
        assert working_days_between(start, add_working_days(start, n)) == n


def test_working_days_between_counts_backwards_as_negative():
    assert working_days_between(D(2027, 1, 4), D(2026, 12, 23)) == -5


def test_ten_working_days_for_minutes_after_a_meeting_before_the_late_may_bank_holiday():
    # Meeting Thu 14 May 2026; 10 working days skips Mon 25 May.
    assert add_working_days(D(2026, 5, 14), 10) == D(2026, 5, 29)
