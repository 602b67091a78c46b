import datetime

import pytest

from engagement.quarters import Period, Quarter, QuarterConverter, calendar_year_quarters, quarters_between

D = datetime.date


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2026, 4, 1), Quarter(2026, 1)),
        (D(2026, 6, 30), Quarter(2026, 1)),
        (D(2026, 7, 1), Quarter(2026, 2)),
        (D(2026, 12, 31), Quarter(2026, 3)),
        (D(2027, 1, 1), Quarter(2026, 4)),
        (D(2027, 3, 31), Quarter(2026, 4)),
        (D(2027, 4, 1), Quarter(2027, 1)),
    ],
)
def test_a_day_belongs_to_its_financial_quarter(day, expected):
    assert Quarter.containing(day) == expected


def test_the_fourth_quarter_runs_january_to_march_of_the_next_calendar_year():
    q4 = Quarter(2026, 4)
    assert (q4.start, q4.end) == (D(2027, 1, 1), D(2027, 3, 31))
    assert q4.label == "Q4 2026/27"
    assert q4.months_label == "January to March 2027"


def test_quarter_ends_fall_on_the_last_day_of_june_september_december_and_march():
    assert [Quarter(2023, n).end for n in (1, 2, 3, 4)] == [
        D(2023, 6, 30),
        D(2023, 9, 30),
        D(2023, 12, 31),
        D(2024, 3, 31),
    ]


def test_a_leap_year_march_has_its_29th_of_february_in_q4():
    assert D(2028, 2, 29) <= Quarter(2027, 4).end and Quarter.containing(D(2028, 2, 29)) == Quarter(2027, 4)


def test_next_and_previous_cross_the_financial_year():
    assert Quarter(2026, 4).next() == Quarter(2027, 1)
    assert Quarter(2027, 1).previous() == Quarter(2026, 4)


def test_the_last_closed_quarter_on_the_first_day_of_a_quarter_is_the_one_before():
    assert Quarter.last_closed(D(2026, 4, 1)) == Quarter(2025, 4)
    assert Quarter.last_closed(D(2026, 3, 31)) == Quarter(2025, 3)


def test_trailing_quarters_are_oldest_first_and_end_with_the_quarter():
    assert Quarter(2026, 2).trailing(4) == [Quarter(2025, 3), Quarter(2025, 4), Quarter(2026, 1), Quarter(2026, 2)]


def test_quarter_codes_round_trip_and_reject_years_that_do_not_follow():
    assert Quarter.parse("2026-27-q3") == Quarter(2026, 3)
    assert Quarter(2099, 4).code == "2099-00-q4" and Quarter.parse("2099-00-q4") == Quarter(2099, 4)
    for bad in ("2026-28-q3", "2026-27-q5", "Q3 2026", ""):
        with pytest.raises(ValueError):
            Quarter.parse(bad)
    with pytest.raises(ValueError):
        QuarterConverter().to_python("2026-25-q1")


def test_a_calendar_year_is_four_whole_financial_quarters():
    assert calendar_year_quarters(2026) == [Quarter(2025, 4), Quarter(2026, 1), Quarter(2026, 2), Quarter(2026, 3)]
    year = Period.for_year(2026)
    assert (year.start, year.end) == (D(2026, 1, 1), D(2026, 12, 31))
    assert year.quarters[0].start == year.start and year.quarters[-1].end == year.end


def test_quarters_between_includes_both_ends():
    assert len(quarters_between(Quarter(2025, 3), Quarter(2026, 2))) == 4
