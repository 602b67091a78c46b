"""The quarterly satisfaction survey's random sample.

Seed 002 (Trafford, Speakeasy): "We will also send a quarterly satisfaction survey to a sample
of customers ... Over half of our customers will be surveyed each year." Issue #17: without
surveying the same customer twice within a set interval.

The rule, for a quarter Q (1-4) of a financial year (engagement.quarters), drawn on day D:
- population N: customers who consent to contact (not erased);
- yearly target T = the smallest number over `CONSULTATION_YEARLY_SHARE` of N
  (share 0.5: floor(N / 2) + 1; never more than N);
- already A: customers in the population sampled in this financial year's earlier rounds;
- wanted W = ceil(max(0, T - A) / quarters left including this one (5 - Q)): an even share of what
  is still needed, so a quarter drawn late (or a growing population) catches up;
- eligible E: the population less anyone sampled within the last `CONSULTATION_NO_REPEAT_DAYS`
  days (sampled on a day after D - interval);
- the sample: min(W, E) customers chosen uniformly at random from E (Python's `random.Random`
  seeded with a number kept on the round, so the draw can be repeated and checked).

Hand-worked, N = 100, share 0.5, interval 365 days, drawn on the first day of each quarter:
T = 51; W = ceil(51/4) = 13, ceil(38/3) = 13, ceil(25/2) = 13, ceil(12/1) = 12: 51 customers,
none twice. When the interval is longer than a year, the population can be too small: with 730
days, next year only the 49 not sampled this year may be asked, so at most 49 of the 51 needed
are reached and the last quarter's round says it is short (the page says why).
"""

from __future__ import annotations

import datetime
import math
import random
import secrets

from django.conf import settings

from engagement.models import Customer
from engagement.quarters import Quarter

from .models import Sampled


def population():
    return Customer.objects.filter(consent_to_contact=True, erased_at__isnull=True)


def yearly_target(size: int, share: float | None = None) -> int:
    share = settings.CONSULTATION_YEARLY_SHARE if share is None else share
    return min(size, math.floor(size * share) + 1) if size else 0


def wanted_this_quarter(*, target: int, already: int, quarter: Quarter) -> int:
    return math.ceil(max(0, target - already) / (5 - quarter.number))


def year_start(quarter: Quarter) -> datetime.date:
    return Quarter(quarter.year, 1).start


def already_this_year(quarter: Quarter, people=None) -> int:
    people = population() if people is None else people
    earlier = [Quarter(quarter.year, number).code for number in range(1, quarter.number)]
    return Sampled.objects.filter(round__quarter__in=earlier, customer__in=people).values("customer").distinct().count()


def eligible_ids(*, on: datetime.date, interval_days: int, people=None) -> list[int]:
    people = population() if people is None else people
    recent = Sampled.objects.filter(sampled_on__gt=on - datetime.timedelta(days=interval_days)).values("customer")
    return sorted(people.exclude(pk__in=recent).values_list("pk", flat=True))


def draw(ids: list[int], size: int, seed: int) -> list[int]:
    return sorted(random.Random(seed).sample(ids, min(size, len(ids))))


def new_seed() -> int:
    return secrets.randbits(48)


def settings_can_meet_target(*, share: float | None = None, interval_days: int | None = None) -> bool:
    """Whether the settings allow the target every year at all: a customer can be asked at most
    once in `interval_days`, so only a share of about 365/interval of them can be asked each year."""
    share = settings.CONSULTATION_YEARLY_SHARE if share is None else share
    interval_days = settings.CONSULTATION_NO_REPEAT_DAYS if interval_days is None else interval_days
    return share * interval_days / 365 < 1
