"""Charter measures computed from engagement activities (SQL aggregates, fixed query count)."""

from __future__ import annotations

import datetime

from django.db.models import Count, F, Q, Sum
from django.urls import reverse
from django.utils import timezone

from engagement.registry import MeasureResult, computed_measure

from .models import ActivityStatus, ActivityType, EngagementActivity


def _held(start: datetime.date, end: datetime.date):
    return EngagementActivity.objects.took_place().real_engagement().started_between(start, end)


def _drilldown(start: datetime.date, end: datetime.date, **extra) -> str:
    query = "&".join(f"{key}={value}" for key, value in {"from_date": start, "to_date": end, **extra}.items())
    return f"{reverse('activities:all')}?{query}"


@computed_measure("activities.held", label="Engagement activities held", unit="count")
def activities_held(start: datetime.date, end: datetime.date) -> MeasureResult:
    rows = list(_held(start, end).values("activity_type").annotate(n=Count("pk")).order_by("-n", "activity_type"))
    total = sum(row["n"] for row in rows)
    if not total:
        return MeasureResult(value=None, detail="No engagement activities held in the period")
    labels = dict(ActivityType.choices)
    by_type = ", ".join(
        f"{row['n']:,} {labels.get(row['activity_type'], row['activity_type']).lower()}" for row in rows
    )
    return MeasureResult(
        value=total,
        detail=f"{total:,} held: {by_type}",
        drilldown_url=_drilldown(start, end, took_place="true"),
    )


@computed_measure("activities.customers_engaged", label="Customers engaged at activities", unit="count")
def customers_engaged(start: datetime.date, end: datetime.date) -> MeasureResult:
    figures = _held(start, end).aggregate(activities=Count("pk"), customers=Sum("customers_engaged"))
    if not figures["activities"]:
        return MeasureResult(value=None, detail="No engagement activities held in the period")
    customers = figures["customers"] or 0
    return MeasureResult(
        value=customers,
        detail=f"{customers:,} customers engaged at {figures['activities']:,} activities",
        drilldown_url=_drilldown(start, end, took_place="true"),
    )


@computed_measure("activities.reports_on_time_pct", label="Activity reports filed within one week", unit="%")
def reports_on_time(start: datetime.date, end: datetime.date) -> MeasureResult:
    """Of the reports due in the period, the share filed on or before the due date.

    A report not yet filed counts against once its due date has passed; one whose due date is
    still to come (a period that runs past today) is left out until it can be judged. A social
    activity with no noted feedback is not engagement (seed 2.1) and is in no measure at all.
    """
    today = timezone.localdate()
    judged = (
        EngagementActivity.objects.real_engagement()
        .filter(report_due_on__range=(start, end))
        .exclude(status=ActivityStatus.CANCELLED)
        .filter(Q(reported_at__isnull=False) | Q(report_due_on__lt=today))
    )
    figures = judged.aggregate(
        due=Count("pk"), on_time=Count("pk", filter=Q(reported_at__date__lte=F("report_due_on")))
    )
    if not figures["due"]:
        return MeasureResult(
            value=None, numerator=0, denominator=0, detail="No activity reports were due in the period"
        )
    return MeasureResult(
        value=round(100 * figures["on_time"] / figures["due"], 1),
        numerator=figures["on_time"],
        denominator=figures["due"],
        detail=f"{figures['on_time']:,} of {figures['due']:,} reports filed within one week of the activity",
        drilldown_url=f"{reverse('activities:all')}?from_date={start - datetime.timedelta(days=7)}"
        f"&to_date={end - datetime.timedelta(days=7)}",
    )
