"""Business rules for engagement activities: logging, reporting and verifying reports.

The report deadline and its chase live in `activities.deadlines` (the core deadline engine chases it)."""

from __future__ import annotations

import datetime
import logging
import uuid
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from engagement.models import Patch, User
from engagement.services import action_create, create_once, notify
from engagement.uploads import CheckedUpload, check_upload

from .deadlines import RESUBMIT_WORKING_DAYS, resubmit_due_for
from .models import (
    AWAITING_REPORT,
    FILEABLE,
    ActivityAttachment,
    ActivityStatus,
    AttachmentKind,
    EngagementActivity,
)

logger = logging.getLogger(__name__)


# --- The seed's rule: what is not an engagement activity ------------------------------------


def _full_clean(activity: EngagementActivity) -> None:
    """Model checks, including the seed's engagement rule in EngagementActivity.clean()."""
    activity.derive()
    activity.full_clean(exclude=["report_due_on"])


# --- Logging and editing ------------------------------------------------------------------------


def activity_defaults(*, user: User, my_estates: list) -> dict:
    """What a new activity starts with, so an officer on a phone types only what is new:
    the type they logged last, and the estate they logged it on when it is one of theirs
    (or their only estate)."""
    defaults = {}
    last = (
        EngagementActivity.objects.filter(lead_officer=user)
        .order_by("-created_at", "-pk")
        .values("activity_type", "estate_id")
        .first()
    )
    if last:
        defaults["activity_type"] = last["activity_type"]
    mine = {estate.pk for estate in my_estates}
    if last and last["estate_id"] in mine:
        defaults["estate"] = last["estate_id"]
    elif len(mine) == 1:
        defaults["estate"] = next(iter(mine))
    return defaults


def officer_patch(officer: User | None) -> Patch | None:
    """The officer's patch, when they look after exactly one (an activity off our estates is filed there)."""
    if officer is None:
        return None
    patches = list(Patch.objects.filter(officer=officer)[:2])
    return patches[0] if len(patches) == 1 else None


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


def activity_log_and_report(
    *,
    created_by: User,
    form_token: uuid.UUID | None = None,
    outcome: str,
    customers_said: str,
    actions: list[ReportAction] = (),
    attachments: list = (),
    attachment_kind: str = AttachmentKind.PHOTO,
    now: datetime.datetime | None = None,
    **fields,
) -> EngagementActivity:
    """An activity that has already happened, logged and its report filed in one go.

    All or nothing: a report the rules refuse leaves no half-logged activity behind. A repeated
    submission (same form token) finds the first activity, whose report is then already filed.
    """
    now = now or timezone.now()
    if fields.get("starts_at") and fields["starts_at"] > now:
        raise ValidationError("Log a planned activity with Log an activity, and file its report afterwards.")
    with transaction.atomic():
        activity = activity_create(created_by=created_by, form_token=form_token, now=now, **fields)
        activity_report_file(
            activity=activity,
            user=created_by,
            outcome=outcome,
            customers_said=customers_said,
            customers_engaged=activity.customers_engaged,
            customers_assisted=activity.customers_assisted,
            feedback_captured=activity.feedback_captured,
            feedback_notes=activity.feedback_notes,
            actions=actions,
            attachments=attachments,
            attachment_kind=attachment_kind,
            now=now,
        )
    return activity


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
    due = resubmit_due_for(timezone.localdate(now))
    with transaction.atomic():
        returned = EngagementActivity.objects.filter(pk=activity.pk, status=ActivityStatus.REPORTED).update(
            status=ActivityStatus.RETURNED,
            returned_by=manager,
            returned_at=now,
            return_comment=comment.strip(),
            resubmit_due_on=due,
            updated_at=now,
        )
        if returned:
            notify(
                activity.lead_officer,
                title=f"Report returned: {activity.title}"[:200],
                body=f"{manager} returned your report on {activity} with this comment:\n\n{comment.strip()}\n\n"
                f"Please file the corrected report by {due:%A %-d %B %Y} ({RESUBMIT_WORKING_DAYS} working days).",
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
