"""Reach of engagement: where and from whom we hear, against who our customers are.

The manager's dashboard panel reads everything in ONE query (a UNION of grouped counts): customers,
survey respondents and panel members by patch and by age band, and people engaged at activities by
patch and quarter. The annual customer voice report reads the same for its calendar year.
Age bands are equality data: small cells suppressed (voice.statistics.suppress).

That query reads every customer and the year's responses, so its cost grows with the landlord
(130 ms on 15,615 customers and 50,000 responses). The dashboard shows it from the cache, worked out
at most REACH_CACHE_SECONDS ago and saying when: shares of a year's reach barely move in minutes.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import CharField, Count, DateField, F, IntegerField, Sum, Value
from django.db.models.functions import Cast, Coalesce, Trunc

from activities.models import EngagementActivity
from engagement.models import Customer
from engagement.quarters import Quarter
from panels.models import Membership
from surveys.models import Response

from . import dimensions as dims
from .selectors import compare, small_cell

# Typed NULL and DATE on every side: PostgreSQL matches UNION columns by type.
NO_DATE = Cast(Value(None), DateField())


def _part(queryset, kind: str, key, period, measure):
    return (
        queryset.order_by()
        .annotate(kind=Value(kind, output_field=CharField()), key=Cast(key, CharField()), period=period)
        .values("kind", "key", "period")
        .annotate(n=Cast(measure, IntegerField()))
    )


def reach_rows(*, start: datetime.date, end: datetime.date, on: datetime.date) -> list[tuple]:
    """(kind, key, period, n) rows: one query whatever the data size."""
    activities = EngagementActivity.objects.started_between(start, end)  # on the starts_at index
    responses = Response.objects.filter(responded_on__range=(start, end))
    members = Membership.objects.current(on)
    customers = Customer.objects.all()
    parts = [
        _part(customers, "customers", F("estate__patch__name"), NO_DATE, Count("pk")),
        _part(customers, "customers_age", F("equality__age_band"), NO_DATE, Count("pk")),
        _part(responses, "responses", F("estate__patch__name"), NO_DATE, Count("pk")),
        _part(responses, "responses_age", F("customer__equality__age_band"), NO_DATE, Count("pk")),
        _part(members, "members", F("customer__estate__patch__name"), NO_DATE, Count("customer", distinct=True)),
        _part(members, "members_age", F("customer__equality__age_band"), NO_DATE, Count("customer", distinct=True)),
        _part(
            activities,
            "engaged",
            Coalesce("patch__name", "estate__patch__name"),
            Cast(Trunc("starts_at", "quarter"), DateField()),
            Coalesce(Sum("customers_engaged"), 0),
        ),
    ]
    query = parts[0].union(*parts[1:], all=True)
    return [(row["kind"], row["key"], row["period"], row["n"]) for row in query]


@dataclass
class Reach:
    quarters: list[Quarter]
    patches: list[dict]  # name, customers %, responses %, members %, engaged per quarter
    age: object  # voice.selectors.Comparison rows for respondents and members
    age_members: object
    totals: dict


REACH_CACHE_SECONDS = 600


def reach_recent(*, today: datetime.date) -> tuple[Reach, datetime.datetime]:
    """(reach, when its counts were read): the counts from the cache when read less than
    REACH_CACHE_SECONDS ago for the same day, else read now (and cached)."""
    from django.utils import timezone

    span = _span(today)
    key = f"voice:reach:{today.isoformat()}"
    found = cache.get(key)
    if found is None:
        found = (reach_rows(start=span[0].start, end=today, on=today), timezone.now())
        cache.set(key, found, REACH_CACHE_SECONDS)
    rows, read_at = found
    return _reach(rows, span), read_at


def _span(today: datetime.date, quarters: int = 4) -> list[Quarter]:
    span = [Quarter.containing(today)]
    for _ in range(quarters - 1):
        span.insert(0, span[0].previous())
    return span


def reach(*, today: datetime.date, quarters: int = 4) -> Reach:
    span = _span(today, quarters)
    return _reach(reach_rows(start=span[0].start, end=today, on=today), span)


def _reach(rows: list[tuple], span: list[Quarter]) -> Reach:
    counts: dict[str, dict] = {}
    engaged: dict[tuple, int] = {}
    for kind, key, period, n in rows:
        if kind == "engaged":
            quarter = Quarter.containing(period) if period else None
            engaged[(key, quarter)] = engaged.get((key, quarter), 0) + n
        else:
            counts.setdefault(kind, {})
            counts[kind][key] = counts[kind].get(key, 0) + n
    totals = {kind: sum(values.values()) for kind, values in counts.items()}
    names = sorted({k for k in counts.get("customers", {}) if k} | {k for (k, _q) in engaged if k})
    patches = []
    for name in names:
        row = {"name": name, "engaged": [engaged.get((name, q), 0) for q in span]}
        for kind in ("customers", "responses", "members"):
            n = counts.get(kind, {}).get(name, 0)
            total = totals.get(kind, 0)
            row[kind] = round(100 * n / total) if total else None
            row[f"{kind}_n"] = n
        patches.append(row)
    age = dims.BY_KEY["age_band"]

    def grouped(kind):
        out: dict[str, int] = {}
        for value, n in counts.get(kind, {}).items():
            out[age.group(value)] = out.get(age.group(value), 0) + n
        return out

    base = grouped("customers_age")
    return Reach(
        quarters=span,
        patches=patches,
        age=compare(age, base=base, sample=grouped("responses_age"), noun="respondents", threshold=small_cell()),
        age_members=compare(
            age, base=base, sample=grouped("members_age"), noun="panel members", threshold=small_cell()
        ),
        totals=totals,
    )
