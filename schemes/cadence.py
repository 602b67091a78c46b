"""When each scheme obligation is owed: pure date arithmetic, no database.

Rule (strategy 000, sections 2.2–2.4, as the portal applies it):
- The year is the landlord's financial year, 1 April to 31 March (the year the Regulator's
  consumer standards and the board report use; `engagement.quarters`).
- An obligation "every N months" (N = 1, 2, 3, 4, 6 or 12) has one period per N months from
  1 April: monthly = each calendar month, quarterly = the financial quarters (Apr–Jun, Jul–Sep,
  Oct–Dec, Jan–Mar), six-monthly = Apr–Sep and Oct–Mar, yearly = the whole year.
- An obligation "in named months" (the care & supported satisfaction survey: May and November)
  has one period per named month.
- It is due on the last day of its period and met by something done within the period; not met
  by the day after, it is missed (still recordable: "done late").
- An exit interview is owed once per young person leaving, due a number of working days after
  the day they left (`ObligationTemplate.due_working_days`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from engagement.workdays import add_working_days
from panels.cadence import add_months

INTERVALS = (1, 2, 3, 4, 6, 12)


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date

    @property
    def due_on(self) -> datetime.date:
        return self.end


def financial_year_of(day: datetime.date) -> int:
    """The calendar year in which the financial year containing `day` starts."""
    return day.year if day.month >= 4 else day.year - 1


def year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 4, 1), datetime.date(year + 1, 3, 31)


def month_period(year: int, month: int) -> Period:
    start = datetime.date(year, month, 1)
    return Period(start, add_months(start, 1) - datetime.timedelta(days=1))


def periods_in_year(*, year: int, every_months: int | None = None, in_months: list[int] | None = None) -> list[Period]:
    """The periods of financial year `year` for an obligation every N months or in named months."""
    if in_months:
        # Named months in financial-year order: April (4) … December (12), then January … March.
        ordered = sorted(in_months, key=lambda month: (month < 4, month))
        return [month_period(year if month >= 4 else year + 1, month) for month in ordered]
    if every_months not in INTERVALS:
        raise ValueError(f"An interval is one of {INTERVALS} months, not {every_months!r}")
    first = datetime.date(year, 4, 1)
    return [
        Period(add_months(first, step), add_months(first, step + every_months) - datetime.timedelta(days=1))
        for step in range(0, 12, every_months)
    ]


def exit_interview_due_on(*, left_on: datetime.date, working_days: int) -> datetime.date:
    return add_working_days(left_on, working_days)
