"""The activity report deadline and how it is chased.

Rule (seed 000, section 2 "Our Approach"): the report on an engagement
activity reaches the Customer Engagement Team "no later than 1 week after the event has taken
place". So the report is due 7 calendar days after the day of the activity (a Tuesday event is
due the next Tuesday). A report the manager returns for changes is owed again: it is due
`RESUBMIT_WORKING_DAYS` working days after it was returned (the portal's rule: the original
week has usually passed by then, and the officer needs a fair chance to put it right).

Chase (see `engagement.deadlines.policy` for how a policy reads): a reminder to the lead officer
the working day before; an overdue notice once it is late; escalation to the managers at 3
working days overdue, repeated every 5 working days (a working week) until it is filed.
"""

from __future__ import annotations

import datetime

from django.db.models import Case, Count, DateField, F, Q, When
from django.urls import reverse
from django.utils import timezone

from engagement.deadlines import ChasePolicy, Step
from engagement.registry import Deadline, DeadlineKind, register_deadline_kind
from engagement.workdays import add_working_days, working_days_between

REPORT_DUE_AFTER_DAYS = 7  # calendar days: "no later than 1 week after the event"
RESUBMIT_WORKING_DAYS = 5  # a returned report is owed again within a working week
POLICY = ChasePolicy(remind_before=1, escalate_after=3, repeat_every=5)

RULE = (
    f"The report is due {REPORT_DUE_AFTER_DAYS} days (one week) after the activity "
    f"(strategy section 2); a report returned for changes is due again {RESUBMIT_WORKING_DAYS} working days "
    "after it was returned."
)


def report_due_for(starts_at: datetime.datetime) -> datetime.date:
    return timezone.localdate(starts_at) + datetime.timedelta(days=REPORT_DUE_AFTER_DAYS)


def resubmit_due_for(returned_on: datetime.date) -> datetime.date:
    return add_working_days(returned_on, RESUBMIT_WORKING_DAYS)


def owed_due_expression() -> Case:
    """SQL for the date a report is owed by: the resubmission date once returned."""
    from .models import ActivityStatus

    return Case(
        When(status=ActivityStatus.RETURNED, then=F("resubmit_due_on")),
        default=F("report_due_on"),
        output_field=DateField(),
    )


def _reports_owed(*, due_by=None, owner=None, patch=None):
    from .models import AWAITING_REPORT, ActivityStatus, EngagementActivity

    if due_by is not None and due_by < timezone.localdate() + datetime.timedelta(days=REPORT_DUE_AFTER_DAYS):
        # Due that soon means held before today, so "has it started?" is implied; leaving it out lets
        # each arm use its (status, date) index: the daily chase reads only what is due or overdue.
        qs = EngagementActivity.objects.filter(
            Q(status__in=AWAITING_REPORT, report_due_on__lte=due_by)
            | Q(status=ActivityStatus.RETURNED, resubmit_due_on__lte=due_by)
        ).with_owed_date()
    else:
        qs = EngagementActivity.objects.reports_owed()
        if due_by is not None:
            qs = qs.filter(report_owed_on__lte=due_by)
    if owner is not None:
        qs = qs.filter(lead_officer=owner)
    if patch is not None:
        qs = qs.filter(patch=patch)
    return qs


def deadline_for(activity) -> Deadline:
    """The report deadline of one activity (read with `reports_owed()` for `report_owed_on`)."""
    returned = activity.status == "returned"
    return Deadline(
        kind=KIND_KEY,
        object_id=activity.pk,
        what=f"{'Corrected report' if returned else 'Report'}: {activity.title}, {activity.event_date:%-d %b %Y}",
        due_on=activity.report_owed_by,
        owner=activity.lead_officer,
        url=reverse("activities:report", args=[activity.pk]),
        place=activity.place,
    )


def open_deadlines(*, due_by=None, owner=None, patch=None):
    qs = _reports_owed(due_by=due_by, owner=owner, patch=patch).select_related("lead_officer", "estate")
    fields = ("pk", "title", "starts_at", "status", "report_due_on", "resubmit_due_on", "location", "lead_officer")
    for activity in qs.only(*fields, "estate__name"):
        yield deadline_for(activity)


def open_keys(*, due_by=None, owner=None, patch=None):
    """The overdue board's keys: (id, date owed by), filtered and sorted in SQL."""
    qs = _reports_owed(due_by=due_by, owner=owner, patch=patch)
    return qs.order_by().values(board_id=F("pk"), board_due=F("report_owed_on"))


def deadlines_by_id(ids) -> list[Deadline]:
    """The deadlines of one page of the board."""
    from .models import EngagementActivity

    qs = EngagementActivity.objects.reports_owed().filter(pk__in=ids).select_related("lead_officer", "estate")
    fields = ("pk", "title", "starts_at", "status", "report_due_on", "resubmit_due_on", "location", "lead_officer")
    return [deadline_for(activity) for activity in qs.only(*fields, "estate__name")]


def overdue_counts(today: datetime.date) -> dict:
    """{lead officer id: reports overdue}, in one query: first reports and corrected ones counted
    apart (UNION ALL), so each arm reads its (status, date) index alone, the lead officer included
    in it (an OR of the two made PostgreSQL visit every overdue row in the table)."""
    from .models import AWAITING_REPORT, ActivityStatus, EngagementActivity

    yesterday = today - datetime.timedelta(days=1)
    arms = [
        EngagementActivity.objects.filter(status__in=AWAITING_REPORT, report_due_on__lte=yesterday),
        EngagementActivity.objects.filter(status=ActivityStatus.RETURNED, resubmit_due_on__lte=yesterday),
    ]
    first, returned = (arm.order_by().values_list("lead_officer").annotate(n=Count("*")) for arm in arms)
    counts: dict = {}
    for officer, n in first.union(returned, all=True):
        counts[officer] = counts.get(officer, 0) + n
    return counts


def lock_open(ids: list[int]) -> dict[int, datetime.date]:
    from .models import EngagementActivity

    rows = (
        EngagementActivity.objects.select_for_update()
        .filter(pk__in=ids)
        .reports_owed()
        .order_by("pk")
        .values_list("pk", "report_owed_on")
    )
    return dict(rows)


def notice(deadline: Deadline, step: str, today: datetime.date) -> tuple[str, str]:
    due = f"{deadline.due_on:%A %-d %B %Y}"
    kind, name = deadline.what.split(": ", 1)  # "Report" or "Corrected report", "<title>, <date>"
    report = "Corrected activity report" if kind.startswith("Corrected") else "Activity report"
    about = f"{name} at {deadline.place or 'no location given'}"
    if step == Step.REMINDER:
        when = "today" if deadline.due_on == today else f"on {due}"
        return (
            f"{report} due {when}: {name}",
            f"Your {report.lower()} on {about} is due {when}. {RULE} We need it to report our engagement accurately.",
        )
    if step == Step.OVERDUE:
        return (
            f"{report} overdue: {name}",
            f"Your {report.lower()} on {about} was due on {due} and is now overdue. Please file it today: at "
            f"{POLICY.escalate_after} working days overdue it is escalated to the engagement manager.",
        )
    days = working_days_between(deadline.due_on, today)
    return (
        f"Escalated: {report.lower()} {days} working days overdue: {name}",
        f"The {report.lower()} on {about}, led by {deadline.owner}, was due on {due} and is {days} working days "
        f"overdue. It is escalated again every {POLICY.repeat_every} working days until the report is filed.",
    )


KIND_KEY = "activity_report"
KIND = register_deadline_kind(
    DeadlineKind(
        key=KIND_KEY,
        label="Activity report",
        rule=RULE,
        policy=POLICY,
        open_deadlines=open_deadlines,
        lock_open=lock_open,
        notice=notice,
        owner_label="lead officer",
        order=10,
        overdue_counts=overdue_counts,
        open_keys=open_keys,
        deadlines_by_id=deadlines_by_id,
    )
)
