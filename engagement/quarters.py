"""Reporting periods: UK financial-year quarters and the calendar year of the annual report.

One implementation for every app: the charter, the board report and the dashboards' "this quarter"
figures all mean the same three months.

Landlords report to their board and the regulator by financial year (1 April to 31 March), so a
quarter here is a financial quarter: Q1 = April-June, Q2 = July-September, Q3 = October-December,
Q4 = January-March of the following calendar year. "Q3 2026/27" is October-December 2026.

The annual customer voice report is published every January (seed), so it covers the calendar year
just ended, which is exactly four whole financial quarters (Q4 of one financial year and Q1-Q3 of the next).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

_QUARTER_CODE = re.compile(r"^(\d{4})-(\d{2})-q([1-4])$")


@dataclass(frozen=True, order=True)
class Quarter:
    """A financial quarter: `year` is the calendar year in which the financial year starts."""

    year: int
    number: int

    def __post_init__(self):
        if self.number not in (1, 2, 3, 4):
            raise ValueError(f"A quarter number is 1 to 4, not {self.number}")

    @classmethod
    def containing(cls, day: datetime.date) -> Quarter:
        if day.month >= 4:
            return cls(day.year, (day.month - 4) // 3 + 1)
        return cls(day.year - 1, 4)

    @classmethod
    def last_closed(cls, today: datetime.date) -> Quarter:
        """The most recent quarter that has ended before `today`."""
        return cls.containing(today).previous()

    @classmethod
    def parse(cls, code: str) -> Quarter:
        """'2026-27-q3' -> Quarter(2026, 3); the two-digit end year must follow the start year."""
        match = _QUARTER_CODE.match((code or "").strip().lower())
        if not match:
            raise ValueError(f"Not a quarter: {code!r} (expected e.g. 2026-27-q3)")
        year, end, number = int(match[1]), int(match[2]), int(match[3])
        if (year + 1) % 100 != end:
            raise ValueError(f"{code!r}: a financial year runs from one year into the next")
        return cls(year, number)

    @property
    def start(self) -> datetime.date:
        if self.number == 4:
            return datetime.date(self.year + 1, 1, 1)
        return datetime.date(self.year, 3 * self.number + 1, 1)

    @property
    def end(self) -> datetime.date:
        return self.next().start - datetime.timedelta(days=1)

    @property
    def financial_year(self) -> str:
        return f"{self.year}/{(self.year + 1) % 100:02d}"

    @property
    def label(self) -> str:
        return f"Q{self.number} {self.financial_year}"

    @property
    def short_label(self) -> str:
        return f"Q{self.number} {(self.year) % 100:02d}/{(self.year + 1) % 100:02d}"

    @property
    def months_label(self) -> str:
        return f"{self.start:%B} to {self.end:%B %Y}"

    @property
    def code(self) -> str:
        return f"{self.year}-{(self.year + 1) % 100:02d}-q{self.number}"

    def next(self) -> Quarter:
        return Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)

    def previous(self) -> Quarter:
        return Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)

    def has_ended(self, today: datetime.date) -> bool:
        return self.end < today

    def trailing(self, count: int) -> list[Quarter]:
        """The `count` quarters ending with this one, oldest first (for trend charts)."""
        quarters = [self]
        while len(quarters) < count:
            quarters.append(quarters[-1].previous())
        return list(reversed(quarters))

    def __str__(self) -> str:
        return self.label


def quarters_between(first: Quarter, last: Quarter) -> list[Quarter]:
    quarters = []
    current = first
    while current <= last:
        quarters.append(current)
        current = current.next()
    return quarters


def calendar_year_quarters(year: int) -> list[Quarter]:
    """The four financial quarters that make up calendar year `year` (January to December)."""
    return [Quarter(year - 1, 4), Quarter(year, 1), Quarter(year, 2), Quarter(year, 3)]


@dataclass(frozen=True)
class Period:
    """What a board report covers: one quarter, or one calendar year (the annual customer voice report)."""

    kind: str  # "quarter" or "annual"
    start: datetime.date
    end: datetime.date
    label: str
    quarters: tuple[Quarter, ...]

    @classmethod
    def for_quarter(cls, quarter: Quarter) -> Period:
        return cls("quarter", quarter.start, quarter.end, quarter.label, (quarter,))

    @classmethod
    def for_year(cls, year: int) -> Period:
        return cls(
            "annual",
            datetime.date(year, 1, 1),
            datetime.date(year, 12, 31),
            f"January to December {year}",
            tuple(calendar_year_quarters(year)),
        )

    @property
    def last_quarter(self) -> Quarter:
        return self.quarters[-1]


class QuarterConverter:
    """URL converter: /charter/2026-27-q3/ -> Quarter(2026, 3)."""

    regex = r"\d{4}-\d{2}-q[1-4]"

    def to_python(self, value: str) -> Quarter:
        return Quarter.parse(value)

    def to_url(self, value) -> str:
        return value.code if isinstance(value, Quarter) else str(value)


def local_day_bounds(start: datetime.date, end: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """[start 00:00, the day after end 00:00) as aware datetimes in the portal's time zone.

    Filter a datetime column with `__gte` / `__lt` on these rather than on `__date`: PostgreSQL
    then compares the indexed column itself, instead of converting every row to a local date.
    """
    from django.utils import timezone

    midnight = datetime.time()
    return (
        timezone.make_aware(datetime.datetime.combine(start, midnight)),
        timezone.make_aware(datetime.datetime.combine(end + datetime.timedelta(days=1), midnight)),
    )
