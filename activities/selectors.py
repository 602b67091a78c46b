"""Reads for lists, the calendar and dashboards: aggregates in SQL, a fixed number of queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Sum

from engagement.models import User

from .models import ActivityStatus, ActivityType, EngagementActivity


@dataclass
class Day:
    date: datetime.date
    activities: list = field(default_factory=list)


@dataclass
class Week:
    starts_on: datetime.date
    days: list[Day] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(day.activities) for day in self.days)


def upcoming_by_week(*, start: datetime.date, days: int, lead_officer: User | None = None) -> list[Week]:
    """Planned and held activities from `start` for `days` days, grouped by week (Monday) and day."""
    end = start + datetime.timedelta(days=days - 1)
    qs = (
        EngagementActivity.objects.for_lists()
        .started_between(start, end)
        .exclude(status=ActivityStatus.CANCELLED)
        .order_by("starts_at", "pk")
    )
    if lead_officer is not None:
        qs = qs.led_by(lead_officer)
    weeks: dict[datetime.date, Week] = {}
    for activity in qs:
        day = activity.event_date
        monday = day - datetime.timedelta(days=day.weekday())
        week = weeks.setdefault(monday, Week(starts_on=monday))
        if not week.days or week.days[-1].date != day:
            week.days.append(Day(date=day))
        week.days[-1].activities.append(activity)
    return list(weeks.values())


def officer_report_summary(*, officer: User, today: datetime.date, now: datetime.datetime | None = None) -> dict:
    """Counts for one officer's dashboard (owed, overdue, due this week, returned for changes) and
    the next few reports owed, in one query: the counts ride on each row as window counts (no row
    means nothing is owed). Reports returned for changes are owed like first reports."""
    from django.db.models import Count, Q, Window

    from .models import ActivityStatus, EngagementActivity

    end_of_week = today + datetime.timedelta(days=6 - today.weekday())
    qs = (
        EngagementActivity.objects.reports_owed(now)
        .filter(lead_officer_id=officer.pk)
        .annotate(
            owed_total=Window(Count("pk")),
            overdue_total=Window(Count("pk", filter=Q(report_owed_on__lt=today))),
            this_week_total=Window(Count("pk", filter=Q(report_owed_on__gte=today, report_owed_on__lte=end_of_week))),
            returned_total=Window(Count("pk", filter=Q(status=ActivityStatus.RETURNED))),
        )
    )
    fields = ("pk", "title", "starts_at", "status", "report_due_on", "resubmit_due_on", "location", "lead_officer")
    soonest = list(
        qs.select_related("lead_officer", "estate").only(*fields, "estate__name").order_by("report_owed_on", "pk")[:6]
    )
    first = soonest[0] if soonest else None
    return {
        "owed": first.owed_total if first else 0,
        "overdue": first.overdue_total if first else 0,
        "due_this_week": first.this_week_total if first else 0,
        "returned": first.returned_total if first else 0,
        "soonest": soonest,
        "end_of_week": end_of_week,
    }


def overdue_by_officer(*, today: datetime.date) -> list[dict]:
    """Reports overdue per lead officer, most first: the activity report deadline's own count (one
    GROUP BY on the (status, due date) index, shared with the overdue board's panel within a page)
    named from the staff directory (one small read, shared too)."""
    from engagement.registry import batch_cached
    from engagement.services import staff_by_pk

    from .deadlines import overdue_counts

    counts = {pk: n for pk, n in batch_cached(overdue_counts, today).items() if pk is not None}
    staff = batch_cached(staff_by_pk)
    missing = [pk for pk in counts if pk not in staff]
    if missing:  # a lead officer who is no longer staff (rare): read them too
        staff = {**staff, **User.objects.in_bulk(missing)}
    rows = [
        {
            "lead_officer": pk,
            "lead_officer__first_name": staff[pk].first_name,
            "lead_officer__last_name": staff[pk].last_name,
            "overdue": n,
        }
        for pk, n in counts.items()
        if pk in staff
    ]
    rows.sort(key=lambda row: (-row["overdue"], row["lead_officer__first_name"]))
    return rows


def held_by_type_and_patch(*, start: datetime.date, end: datetime.date):
    """Real engagement held on local days start..end, counted by type and patch (one GROUP BY)."""
    held = EngagementActivity.objects.took_place().real_engagement().started_between(start, end)
    return (
        held.values("activity_type", "patch", "patch__name")
        .annotate(activities=Count("pk"), customers=Sum("customers_engaged"))
        .order_by()
    )


def engagement_figures(*, start: datetime.date, end: datetime.date) -> dict:
    """Activities held (real engagement only) and customers engaged, in total, by type and by patch.

    One aggregate, grouped by type and patch (a few dozen rows), on the starts_at index
    (started_between compares aware datetimes); the totals and both breakdowns are added up here."""
    cells = held_by_type_and_patch(start=start, end=end)
    labels = dict(ActivityType.choices)
    by_type: dict[str, dict] = {}
    by_patch: dict[int | None, dict] = {}
    for cell in cells:
        kind = by_type.setdefault(
            cell["activity_type"],
            {
                "activity_type": cell["activity_type"],
                "label": labels.get(cell["activity_type"], cell["activity_type"]),
                "activities": 0,
                "customers": 0,
            },
        )
        place = by_patch.setdefault(
            cell["patch"], {"patch": cell["patch"], "patch__name": cell["patch__name"], "activities": 0, "customers": 0}
        )
        for row in (kind, place):
            row["activities"] += cell["activities"]
            row["customers"] += cell["customers"] or 0
    return {
        "activities": sum(row["activities"] for row in by_type.values()),
        "customers": sum(row["customers"] for row in by_type.values()),
        "by_type": sorted(by_type.values(), key=lambda row: (-row["activities"], row["activity_type"])),
        # by name as the database sorted them (no patch last, as PostgreSQL puts NULLs last)
        "by_patch": sorted(by_patch.values(), key=lambda row: (row["patch__name"] is None, row["patch__name"] or "")),
    }


def reports_to_verify_count() -> int:
    return EngagementActivity.objects.filter(status=ActivityStatus.REPORTED).count()
