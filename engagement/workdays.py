"""Working-day calendar for England & Wales: weekends and bank holidays are not working days.

Every deadline in the portal counted in working days (Complaint Handling Code timescales,
minutes within 10 working days, expressions of interest answered within 2) goes through
`add_working_days`. Bank holidays come from the maintained `holidays` package (GB, subdivision
ENG), which includes substitute days such as Monday 28 December 2026.
"""

from __future__ import annotations

import datetime
from functools import cache

import holidays


@cache  # a few hundred bytes a year; absurd dates must not recompute every call
def _bank_holidays(year: int) -> frozenset[datetime.date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


def bank_holiday_name(day: datetime.date) -> str | None:
    return holidays.country_holidays("GB", subdiv="ENG", years=day.year).get(day)


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The date `days` working days after `start` (before it when negative).

    The start date itself is day 0 and does not count, so a complaint received on a Friday
    with 5 working days to acknowledge is due the following Friday.
    """
    step = 1 if days >= 0 else -1
    remaining = abs(days)
    day = start
    while remaining:
        day += datetime.timedelta(days=step)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Working days after `start` up to and including `end` (negative if `end` is earlier).

    The inverse of `add_working_days`: working_days_between(d, add_working_days(d, n)) == n.
    Counted arithmetically (weekdays, less the bank holidays on weekdays), so a deadline a year
    overdue costs no more than one due tomorrow.
    """
    if end == start:
        return 0
    if end < start:
        return -working_days_between(end, start)
    holidays_on_weekdays = sum(
        1
        for year in range(start.year, end.year + 1)
        for day in _bank_holidays(year)
        if start < day <= end and day.weekday() < 5
    )
    return _weekdays_upto(end) - _weekdays_upto(start) - holidays_on_weekdays


def _weekdays_upto(day: datetime.date) -> int:
    """Monday-to-Friday days from a fixed Monday (1 Jan 0001) up to and including `day`."""
    ordinal = day.toordinal() - 1  # 1 Jan 0001 is a Monday, ordinal 1
    weeks, rest = divmod(ordinal + 1, 7)
    return weeks * 5 + min(rest, 5)


def next_working_day(day: datetime.date) -> datetime.date:
    return add_working_days(day, 1)


def previous_working_day(day: datetime.date) -> datetime.date:
    return add_working_days(day, -1)
