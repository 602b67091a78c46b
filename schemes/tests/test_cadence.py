"""When each scheme obligation falls, on dates worked by hand from the rule.

Rule (strategy 000, sections 2.2–2.4; schemes/cadence.py): the year is the financial year from
1 April; "every N months" has one period per N months from 1 April; named months (May and
November) have one period each; each is due on the last day of its period. An exit interview is
due 10 working days after the young person leaves.
"""

import datetime

import pytest

from schemes.cadence import Period, exit_interview_due_on, financial_year_of, periods_in_year

D = datetime.date


def test_the_care_survey_falls_in_may_and_november_each_due_on_the_months_last_day():
    assert periods_in_year(year=2026, in_months=[5, 11]) == [
        Period(D(2026, 5, 1), D(2026, 5, 31)),
        Period(D(2026, 11, 1), D(2026, 11, 30)),
    ]


def test_named_months_after_december_belong_to_the_next_calendar_year():
    # A January and March obligation of 2026/27 fall in 2027, after December 2026.
    assert [p.start for p in periods_in_year(year=2026, in_months=[3, 1, 12])] == [
        D(2026, 12, 1),
        D(2027, 1, 1),
        D(2027, 3, 1),
    ]


def test_a_monthly_meeting_has_twelve_periods_and_february_ends_on_the_28th():
    periods = periods_in_year(year=2026, every_months=1)
    assert len(periods) == 12
    assert periods[0] == Period(D(2026, 4, 1), D(2026, 4, 30))
    assert periods[10] == Period(D(2027, 2, 1), D(2027, 2, 28))
    assert periods[11].due_on == D(2027, 3, 31)


def test_quarterly_periods_are_the_financial_quarters():
    assert [(p.start, p.end) for p in periods_in_year(year=2026, every_months=3)] == [
        (D(2026, 4, 1), D(2026, 6, 30)),
        (D(2026, 7, 1), D(2026, 9, 30)),
        (D(2026, 10, 1), D(2026, 12, 31)),
        (D(2027, 1, 1), D(2027, 3, 31)),
    ]


def test_six_monthly_is_april_to_september_and_october_to_march():
    assert periods_in_year(year=2026, every_months=6) == [
        Period(D(2026, 4, 1), D(2026, 9, 30)),
        Period(D(2026, 10, 1), D(2027, 3, 31)),
    ]


def test_a_yearly_obligation_is_due_on_31_march():
    assert periods_in_year(year=2026, every_months=12) == [Period(D(2026, 4, 1), D(2027, 3, 31))]


def test_an_interval_that_does_not_divide_the_year_is_refused():
    with pytest.raises(ValueError):
        periods_in_year(year=2026, every_months=5)


def test_the_financial_year_of_a_date_in_march_is_the_year_before():
    assert financial_year_of(D(2027, 3, 31)) == 2026
    assert financial_year_of(D(2026, 4, 1)) == 2026


def test_an_exit_interview_is_due_ten_working_days_after_leaving_skipping_christmas():
    # Left Monday 21 Dec 2026: working days 22, 23, 24 Dec; 25 Dec and 28 Dec (Boxing Day's
    # substitute) are bank holidays; then 29, 30, 31 Dec, 4, 5, 6, 7 Jan (1 Jan a holiday).
    assert exit_interview_due_on(left_on=D(2026, 12, 21), working_days=10) == D(2027, 1, 7)
