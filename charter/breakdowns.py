"""Breakdowns for the board report ("engagement activity by type and patch" and the like).

A breakdown is a small table: `compute(start, end) -> list[tuple[label, number]]` or None when
there is nothing to show. Other apps may register their own under a key from their portal.py
(`from charter.breakdowns import register_breakdown`); a registration replaces the charter's
default under the same key. The defaults read the activities app's model lazily through the app
registry, so the charter works (and the report says "not available yet") while that app is absent.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import FieldError
from django.db.models import Count, Sum

from engagement.quarters import local_day_bounds


@dataclass(frozen=True)
class Breakdown:
    key: str
    title: str
    compute: Callable  # compute(start, end) -> list[tuple[str, int | float]] | None


BREAKDOWNS: dict[str, Breakdown] = {}


def register_breakdown(key: str, *, title: str):
    def decorator(compute):
        BREAKDOWNS[key] = Breakdown(key=key, title=title, compute=compute)
        return compute

    return decorator


# Activities that really took place (not planned or cancelled): the activities app's statuses.
HELD_STATUSES = ("held", "reported", "verified")


def _held_activities(start: datetime.date, end: datetime.date):
    try:
        model = apps.get_model("activities", "EngagementActivity")
    except LookupError:
        return None
    activities = model.objects.all()
    # Prefer the activities app's own rules ("took place", "counts as engagement") when it has them.
    activities = (
        activities.took_place() if hasattr(activities, "took_place") else activities.filter(status__in=HELD_STATUSES)
    )
    if hasattr(activities, "real_engagement"):
        activities = activities.real_engagement()
    first, after = local_day_bounds(start, end)
    return activities.filter(starts_at__gte=first, starts_at__lt=after)


@register_breakdown("activities.by_type", title="Engagement activities held, by type")
def activities_by_type(start: datetime.date, end: datetime.date):
    activities = _held_activities(start, end)
    if activities is None:
        return None
    try:
        rows = list(
            activities.values("activity_type")
            .annotate(held=Count("pk"), engaged=Sum("customers_engaged"))
            .order_by("-held", "activity_type")
        )
        labels = dict(activities.model._meta.get_field("activity_type").choices or [])
    except FieldError:
        return None
    return [(str(labels.get(row["activity_type"], row["activity_type"])), row["held"]) for row in rows]


@register_breakdown("activities.by_patch", title="Engagement activities held, by patch")
def activities_by_patch(start: datetime.date, end: datetime.date):
    activities = _held_activities(start, end)
    if activities is None:
        return None
    try:
        rows = list(activities.values("patch__name").annotate(held=Count("pk")).order_by("-held", "patch__name"))
    except FieldError:
        return None
    return [(row["patch__name"] or "No patch recorded", row["held"]) for row in rows]


def breakdowns_for(start: datetime.date, end: datetime.date) -> list[dict]:
    """Every registered breakdown for the period; those with nothing to show say so."""
    results = []
    for breakdown in BREAKDOWNS.values():
        rows = breakdown.compute(start, end)
        results.append(
            {"key": breakdown.key, "title": breakdown.title, "rows": rows or [], "available": rows is not None}
        )
    return results
