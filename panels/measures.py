"""Charter measures computed from panels data (keys agreed with the charter app).

Each is a fixed number of SQL aggregate queries whatever the data size, returns value=None
when there is nothing to measure, and links to the staff list behind the figure.
"""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Min, Q
from django.urls import reverse
from django.utils import timezone

from engagement.models import OPEN_ACTION_STATUSES, Action, ActionStatus
from engagement.quarters import local_day_bounds
from engagement.registry import MeasureResult, computed_measure

from .cadence import slots_between
from .deadlines import EOI_ANSWER_WORKING_DAYS, MINUTES_DUE_WORKING_DAYS
from .models import (
    EoiStatus,
    ExpressionOfInterest,
    Meeting,
    MeetingStatus,
    Membership,
    Panel,
    ScrutinyProject,
    TrainingRecord,
)


def _pct(numerator: int, denominator: int) -> float | None:
    return round(100 * numerator / denominator, 1) if denominator else None


def _range(param: str, start: datetime.date, end: datetime.date) -> str:
    return f"{param}_after={start:%Y-%m-%d}&{param}_before={end:%Y-%m-%d}"


@computed_measure("scrutiny.completed", label="Scrutiny projects completed (report delivered)", unit="count")
def scrutiny_completed(start: datetime.date, end: datetime.date) -> MeasureResult:
    count = ScrutinyProject.objects.filter(report_delivered_on__range=(start, end)).count()
    return MeasureResult(
        value=count,
        numerator=count,
        detail=f"{count:,} scrutiny report{'s' if count != 1 else ''} delivered",
        drilldown_url=f"{reverse('panels:scrutiny_list')}?{_range('report_delivered_on', start, end)}",
    )


@computed_measure("scrutiny.actions_on_track_pct", label="Scrutiny actions on track", unit="%")
def scrutiny_actions_on_track(start: datetime.date, end: datetime.date) -> MeasureResult:
    """Of the scrutiny action-plan actions that existed at the end of the period (not cancelled),
    the share done by their due date or still open and not yet due at that date."""
    as_of = min(end, timezone.localdate())
    figures = (
        Action.objects.filter(
            source_type=ContentType.objects.get_for_model(ScrutinyProject),
            created_at__lt=local_day_bounds(end, end)[1],  # aware: whole local days, index-friendly
        )
        .exclude(status=ActionStatus.CANCELLED)
        .aggregate(
            total=Count("pk"),
            on_track=Count(
                "pk",
                filter=Q(status=ActionStatus.DONE, done_on__lte=F("due_on"))
                | Q(status__in=OPEN_ACTION_STATUSES, due_on__gte=as_of),
            ),
        )
    )
    total, on_track = figures["total"], figures["on_track"]
    return MeasureResult(
        value=_pct(on_track, total),
        numerator=on_track,
        denominator=total,
        detail=f"{on_track:,} of {total:,} scrutiny actions done on time or not yet due"
        if total
        else "No scrutiny actions",
        drilldown_url=reverse("panels:scrutiny_actions"),
    )


@computed_measure("panels.meetings_held_vs_cadence_pct", label="Panel meetings held as the cadence requires", unit="%")
def meetings_held_vs_cadence(start: datetime.date, end: datetime.date) -> MeasureResult:
    """Meetings held in the period against the cadence slots that fell in it, panel by panel.

    Each panel counts at most as many meetings as it owed, so one panel meeting extra times
    cannot hide another that missed its meetings.
    """
    held = Q(meetings__status=MeetingStatus.HELD, meetings__meets_on__range=(start, end))
    panels = (
        Panel.objects.filter(is_active=True, meets_every_months__gte=1)
        .annotate(
            held=Count("meetings", filter=held),
            first_meeting=Min("meetings__meets_on", filter=~Q(meetings__status=MeetingStatus.CANCELLED)),
        )
        .values("pk", "meets_every_months", "cadence_from", "first_meeting", "held")
    )
    due = counted = 0
    for panel in panels:
        anchor = panel["cadence_from"] or panel["first_meeting"]
        if anchor is None:
            continue
        owed = len(slots_between(anchor=anchor, every_months=panel["meets_every_months"], start=start, end=end))
        due += owed
        counted += min(panel["held"], owed)
    return MeasureResult(
        value=_pct(counted, due),
        numerator=counted,
        denominator=due,
        detail=f"{counted:,} of {due:,} meetings due by the panels' cadence were held" if due else "No meetings due",
        drilldown_url=f"{reverse('panels:meeting_list')}?status=held&{_range('meets_on', start, end)}",
    )


@computed_measure(
    "panels.minutes_on_time_pct",
    label=f"Minutes published within {MINUTES_DUE_WORKING_DAYS} working days",
    unit="%",
)
def minutes_on_time(start: datetime.date, end: datetime.date) -> MeasureResult:
    figures = Meeting.objects.filter(status=MeetingStatus.HELD, minutes_due_on__range=(start, end)).aggregate(
        due=Count("pk"), on_time=Count("pk", filter=Q(minutes_published_on__lte=F("minutes_due_on")))
    )
    due, on_time = figures["due"], figures["on_time"]
    return MeasureResult(
        value=_pct(on_time, due),
        numerator=on_time,
        denominator=due,
        detail=f"{on_time:,} of {due:,} sets of minutes published within {MINUTES_DUE_WORKING_DAYS} working days"
        if due
        else "No minutes due",
        drilldown_url=f"{reverse('panels:meeting_list')}?{_range('minutes_due_on', start, end)}",
    )


@computed_measure(
    # The key keeps its "2wd": the charter's measure 7.8 is stored with it (charter migration 0002).
    "panels.eoi_answered_in_2wd_pct",
    label=f"Expressions of interest answered within {EOI_ANSWER_WORKING_DAYS} working days",
    unit="%",
)
def eoi_answered_in_time(start: datetime.date, end: datetime.date) -> MeasureResult:
    figures = (
        ExpressionOfInterest.objects.filter(answer_due_on__range=(start, end))
        .exclude(status=EoiStatus.WITHDRAWN)
        .aggregate(due=Count("pk"), on_time=Count("pk", filter=Q(answered_on__lte=F("answer_due_on"))))
    )
    due, on_time = figures["due"], figures["on_time"]
    return MeasureResult(
        value=_pct(on_time, due),
        numerator=on_time,
        denominator=due,
        detail=f"{on_time:,} of {due:,} answered within {EOI_ANSWER_WORKING_DAYS} working days"
        if due
        else "No expressions of interest due",
        drilldown_url=f"{reverse('panels:eoi_list')}?{_range('answer_due_on', start, end)}",
    )


@computed_measure("panels.training_sessions", label="Training completed by involved customers", unit="count")
def training_sessions(start: datetime.date, end: datetime.date) -> MeasureResult:
    figures = TrainingRecord.objects.filter(completed=True, held_on__range=(start, end)).aggregate(
        sessions=Count("pk"), people=Count("customer", distinct=True)
    )
    return MeasureResult(
        value=figures["sessions"],
        numerator=figures["sessions"],
        detail=f"{figures['sessions']:,} training sessions completed by {figures['people']:,} customers",
        drilldown_url=f"{reverse('panels:training_list')}?completed=true&{_range('held_on', start, end)}",
    )


@computed_measure("panels.involved_customers", label="Involved customers (current panel members)", unit="count")
def involved_customers(start: datetime.date, end: datetime.date) -> MeasureResult:
    figures = Membership.objects.current(end).aggregate(
        customers=Count("customer", distinct=True), panels=Count("panel", distinct=True)
    )
    return MeasureResult(
        value=figures["customers"],
        numerator=figures["customers"],
        detail=f"{figures['customers']:,} customers on {figures['panels']:,} panels on {end:%-d %B %Y}",
        drilldown_url=f"{reverse('panels:membership_list')}?current_on={end:%Y-%m-%d}",
    )
