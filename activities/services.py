"""Business rules for engagement activities: logging, reporting, verifying and chasing reports."""

from __future__ import annotations

import datetime
import logging
import uuid
from collections import Counter
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from engagement.models import User
from engagement.services import action_create, create_once, notify
from engagement.uploads import CheckedUpload, check_upload
from engagement.workdays import (
    add_working_days,
    is_working_day,
    next_working_day,
    previous_working_day,
    working_days_between,
)

from .models import (
    AWAITING_REPORT,
    FILEABLE,
    ActivityAttachment,
    ActivityStatus,
    AttachmentKind,
    EngagementActivity,
    ReminderKind,
    ReportReminder,
)

logger = logging.getLogger(__name__)

ESCALATE_AFTER_WORKING_DAYS = 3


# --- The seed's rule: what is not an engagement activity ------------------------------------


def _full_clean(activity: EngagementActivity) -> None:
    """Model checks, including the seed's engagement rule in EngagementActivity.clean()."""
    activity.derive()
    activity.full_clean(exclude=["report_due_on"])


# --- Logging and editing ------------------------------------------------------------------------


ACTIVITY_FIELDS = (
    "activity_type",
    "title",
    "purpose",
    "estate",
    "location",
    "patch",
    "starts_at",
    "ends_at",
    "lead_officer",
    "partners_present",
    "customers_engaged",
    "customers_assisted",
    "feedback_captured",
    "feedback_notes",
)


def activity_create(
    *, created_by: User, form_token: uuid.UUID | None = None, now: datetime.datetime | None = None, **fields
) -> EngagementActivity:
    """Log an activity: planned when it is still to come, held (report due) once it has started.

    A repeated submission with the same form token returns the activity the first one created.
    """
    unknown = set(fields) - set(ACTIVITY_FIELDS)
    if unknown:
        raise TypeError(f"Unknown activity fields: {sorted(unknown)}")
    now = now or timezone.now()

    def build() -> EngagementActivity:
        activity = EngagementActivity(created_by=created_by, form_token=form_token, **fields)
        activity.status = ActivityStatus.HELD if activity.starts_at <= now else ActivityStatus.PLANNED
        _full_clean(activity)
        activity.save()
        return activity

    activity, _ = create_once(EngagementActivity, form_token=form_token, build=build)
    return activity


def activity_update(
    *, activity: EngagementActivity, user: User, now: datetime.datetime | None = None, **fields
) -> EngagementActivity:
    """Change an activity's details. A planned activity whose date has now passed becomes held."""
    if not activity.can_be_edited_by(user):
        raise PermissionDenied("Only the lead officer or a manager can change this activity.")
    for name, value in fields.items():
        if name not in ACTIVITY_FIELDS:
            raise TypeError(f"Unknown activity field: {name}")
        setattr(activity, name, value)
    now = now or timezone.now()
    if activity.status in AWAITING_REPORT:
        activity.status = ActivityStatus.HELD if activity.starts_at <= now else ActivityStatus.PLANNED
    _full_clean(activity)
    activity.save()
    return activity


def activity_cancel(*, activity: EngagementActivity, user: User, reason: str) -> bool:
    """A planned activity that did not take place: no report is owed and no chasing follows."""
    if not activity.can_be_edited_by(user):
        raise PermissionDenied("Only the lead officer or a manager can cancel this activity.")
    if not reason.strip():
        raise ValidationError({"reason": "Say why the activity did not go ahead."})
    cancelled = EngagementActivity.objects.filter(pk=activity.pk, status=ActivityStatus.PLANNED).update(
        status=ActivityStatus.CANCELLED, cancelled_reason=reason.strip()[:250], updated_at=timezone.now()
    )
    return bool(cancelled)


# --- The report ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportAction:
    """One action or change that follows from the report ("You said, we did")."""

    you_said: str
    we_will: str
    owner: User
    due_on: datetime.date
    publish: bool = False


def activity_report_file(
    *,
    activity: EngagementActivity,
    user: User,
    outcome: str,
    customers_said: str,
    customers_engaged: int,
    customers_assisted: int,
    feedback_captured: bool,
    feedback_notes: str = "",
    actions: list[ReportAction] = (),
    attachments: list = (),
    attachment_kind: str = AttachmentKind.PHOTO,
    now: datetime.datetime | None = None,
) -> bool:
    """File (or re-file, after a return) the activity report. Stops the chase.

    The status moves with a conditional UPDATE, so a double submit or a second tab files once
    and creates the actions once. Returns False if the report had already been filed.
    """
    if not activity.can_be_edited_by(user):
        raise PermissionDenied("Only the lead officer or a manager can file this report.")
    now = now or timezone.now()
    if activity.starts_at > now:
        raise ValidationError("The report can be filed once the activity has taken place.")
    errors = {}
    if not outcome.strip():
        errors["outcome"] = "Say what the outcome of the activity was."
    if not customers_said.strip():
        errors["customers_said"] = "Say what customers told us, even if briefly."
    if errors:
        raise ValidationError(errors)
    activity.outcome = outcome.strip()
    activity.customers_said = customers_said.strip()
    activity.customers_engaged = customers_engaged
    activity.customers_assisted = customers_assisted
    activity.feedback_captured = feedback_captured
    activity.feedback_notes = feedback_notes.strip()
    activity.status = ActivityStatus.REPORTED
    _full_clean(activity)
    files = [check_upload(upload) for upload in attachments]

    with transaction.atomic():
        claimed = EngagementActivity.objects.filter(pk=activity.pk, status__in=FILEABLE).update(
            status=ActivityStatus.REPORTED,
            outcome=activity.outcome,
            customers_said=activity.customers_said,
            customers_engaged=customers_engaged,
            customers_assisted=customers_assisted,
            feedback_captured=feedback_captured,
            feedback_notes=activity.feedback_notes,
            reported_by=user,
            updated_at=now,
        )
        if not claimed:
            return False
        # The first filing is the one measured against the one-week deadline.
        EngagementActivity.objects.filter(pk=activity.pk, reported_at__isnull=True).update(reported_at=now)
        for item in actions:
            action_create(
                you_said=item.you_said,
                we_will=item.we_will,
                owner=item.owner,
                due_on=item.due_on,
                estate=activity.estate,
                publish=item.publish,
                source=activity,
                created_by=user,
            )
        for checked in files:
            _attachment_save(activity=activity, checked=checked, kind=attachment_kind, user=user)
    activity.refresh_from_db()
    return True


def activity_report_verify(*, activity: EngagementActivity, manager: User) -> bool:
    if not manager.is_manager:
        raise PermissionDenied("Only a manager can verify a report.")
    now = timezone.now()
    with transaction.atomic():
        verified = EngagementActivity.objects.filter(pk=activity.pk, status=ActivityStatus.REPORTED).update(
            status=ActivityStatus.VERIFIED, verified_by=manager, verified_at=now, updated_at=now
        )
        if verified and activity.lead_officer_id != manager.pk:
            notify(
                activity.lead_officer,
                title=f"Report verified: {activity.title}"[:200],
                body=f"{manager} verified your report on {activity}.",
                url=activity.get_absolute_url(),
                email=False,
            )
    return bool(verified)


def activity_report_return(*, activity: EngagementActivity, manager: User, comment: str) -> bool:
    """Send a report back to the lead officer with what needs changing."""
    if not manager.is_manager:
        raise PermissionDenied("Only a manager can return a report.")
    if not comment.strip():
        raise ValidationError({"comment": "Say what needs changing, so the officer can put it right."})
    now = timezone.now()
    with transaction.atomic():
        returned = EngagementActivity.objects.filter(pk=activity.pk, status=ActivityStatus.REPORTED).update(
            status=ActivityStatus.RETURNED,
            returned_by=manager,
            returned_at=now,
            return_comment=comment.strip(),
            updated_at=now,
        )
        if returned:
            notify(
                activity.lead_officer,
                title=f"Report returned: {activity.title}"[:200],
                body=f"{manager} returned your report on {activity} with this comment:\n\n{comment.strip()}",
                url=reverse("activities:report", args=[activity.pk]),
            )
    return bool(returned)


# --- Attachments --------------------------------------------------------------------------------


def _attachment_save(*, activity, checked: CheckedUpload, kind: str, user: User) -> ActivityAttachment:
    # Shown and downloaded under the person's name for it, with the extension of what it really is.
    attachment = ActivityAttachment(
        activity=activity,
        kind=kind,
        original_name=checked.name[:200],
        content_type=checked.content_type,
        size=checked.size,
        uploaded_by=user,
    )
    attachment.file.save(checked.name, checked.file, save=False)
    attachment.save()
    return attachment


def attachments_add(
    *, activity: EngagementActivity, user: User, uploads: list, kind: str = AttachmentKind.PHOTO
) -> list[ActivityAttachment]:
    """Add photos or sign-in sheets; all are checked (photos cleaned of EXIF) before any is kept."""
    if not activity.can_be_edited_by(user):
        raise PermissionDenied("Only the lead officer or a manager can add files to this activity.")
    files = [check_upload(upload) for upload in uploads]
    with transaction.atomic():
        return [_attachment_save(activity=activity, checked=checked, kind=kind, user=user) for checked in files]


# --- Chasing overdue reports --------------------------------------------------------------------


def chase_step(*, report_due_on: datetime.date, today: datetime.date) -> tuple[str, int] | None:
    """Which chase notice (kind, period) is due today for a report still owed, if any.

    Notices go out on working days only (a notice due at the weekend or on a bank holiday goes
    on the next working day):
    - reminder: from the working day before the due date until the due date itself;
    - overdue notice: on the first and second working day overdue;
    - escalation (to the managers and the officer): when the report is 3 working days overdue,
      then every 7 days while it is still overdue (period = the escalation's week number).
    A missed run catches up with the step that applies on the day it does run.
    """
    if not is_working_day(today):
        return None
    if today <= report_due_on:
        if previous_working_day(report_due_on) <= today:
            return ReminderKind.REMINDER, 0
        return None
    if working_days_between(report_due_on, today) < ESCALATE_AFTER_WORKING_DAYS:
        return ReminderKind.OVERDUE, 0
    first_escalation = add_working_days(report_due_on, ESCALATE_AFTER_WORKING_DAYS)
    return ReminderKind.ESCALATION, 1 + (today - first_escalation).days // 7


def chase_candidates(*, today: datetime.date):
    """Every report that may need a notice today, in one query on the (status, report_due_on) index.

    A reminder is due from the working day before the due date, so anything due on or before
    the next working day is a candidate.
    """
    return (
        EngagementActivity.objects.filter(status__in=AWAITING_REPORT, report_due_on__lte=next_working_day(today))
        .select_related("lead_officer", "estate")
        .order_by("report_due_on")
    )


class _ReportNoLongerOwed(Exception):
    pass


def chase_notice_text(activity: EngagementActivity, kind: str, today: datetime.date) -> tuple[str, str]:
    due = f"{activity.report_due_on:%A %-d %B %Y}"
    held = f"{activity.title}, {activity.event_date:%-d %B} at {activity.place or 'no location given'}"
    if kind == ReminderKind.REMINDER:
        when = "today" if activity.report_due_on == today else f"on {due}"
        return (
            f"Activity report due {when}: {activity.title}",
            f"Your report on {held} is due {when}. Reports reach the Customer Engagement Team within one week "
            "of the event so we can report our engagement accurately.",
        )
    if kind == ReminderKind.OVERDUE:
        return (
            f"Activity report overdue: {activity.title}",
            f"Your report on {held} was due on {due} and is now overdue. Please file it today: after "
            f"{ESCALATE_AFTER_WORKING_DAYS} working days overdue it is escalated to the engagement manager.",
        )
    days = working_days_between(activity.report_due_on, today)
    return (
        f"Escalated: activity report {days} working days overdue: {activity.title}",
        f"The report on {held}, led by {activity.lead_officer}, was due on {due} and is {days} working days "
        "overdue. It stays escalated, weekly, until the report is filed.",
    )


def _chase_send(
    *, activity: EngagementActivity, kind: str, period: int, managers: list[User], today: datetime.date
) -> bool:
    """Claim the notice with its unique row, then tell people, in one transaction.

    If telling anyone fails the claim rolls back with it, so a retry sends the notice again;
    if another run claimed it first, the insert fails and nothing is sent.
    """
    recipients = [activity.lead_officer]
    if kind == ReminderKind.ESCALATION:
        recipients += [manager for manager in managers if manager.pk != activity.lead_officer_id]
    title, body = chase_notice_text(activity, kind, today)
    url = reverse("activities:report", args=[activity.pk])
    try:
        with transaction.atomic():
            reminder = ReportReminder.objects.create(activity=activity, kind=kind, period=period)
            # Filing the report stops the chase, even if it was filed after the candidates were read.
            still_owed = (
                EngagementActivity.objects.select_for_update()
                .filter(pk=activity.pk, status__in=AWAITING_REPORT)
                .exists()
            )
            if not still_owed:
                raise _ReportNoLongerOwed
            ReportReminder.recipients.through.objects.bulk_create(
                [ReportReminder.recipients.through(reportreminder=reminder, user=person) for person in recipients]
            )
            for person in recipients:
                notify(person, title=title, body=body, url=url)
    except IntegrityError:
        return False
    except _ReportNoLongerOwed:
        return False
    return True


def activity_reports_chase(*, today: datetime.date | None = None) -> dict[str, int]:
    """The daily chase: reminders, overdue notices and escalations, each sent at most once."""
    today = today or timezone.localdate()
    sent: Counter[str] = Counter()
    if not is_working_day(today):
        return dict(sent)
    candidates = list(chase_candidates(today=today))
    if not candidates:
        return dict(sent)
    # Notices already sent need no insert attempt at all; the unique row still guards the rest.
    already = set(
        ReportReminder.objects.filter(
            activity__status__in=AWAITING_REPORT, activity__report_due_on__lte=next_working_day(today)
        ).values_list("activity_id", "kind", "period")
    )
    managers = list(User.objects.managers())
    for activity in candidates:
        step = chase_step(report_due_on=activity.report_due_on, today=today)
        if step is None or (activity.pk, *step) in already:
            continue
        kind, period = step
        if _chase_send(activity=activity, kind=kind, period=period, managers=managers, today=today):
            sent[str(kind)] += 1
    if sent:
        logger.info("Activity report chase on %s sent %s", today, dict(sent))
    return dict(sent)
