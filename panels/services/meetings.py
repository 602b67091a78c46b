"""Meetings: scheduling, attendance, minutes and the action plan (the minutes deadline and its chase
are in panels/deadlines.py)."""

from __future__ import annotations

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from engagement.models import Action, User
from engagement.services import action_create, create_once
from engagement.uploads import DOCUMENTS, check_upload

from ..deadlines import minutes_due_on
from ..models import (
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingPaper,
    MeetingStatus,
    Membership,
    Panel,
)
from .contact import customer_tell


def meeting_schedule(
    *,
    panel: Panel,
    meets_on: datetime.date,
    by: User,
    starts_at: datetime.time | None = None,
    venue: str = "",
    agenda: str = "",
) -> Meeting:
    try:
        with transaction.atomic():
            meeting = Meeting.objects.create(
                panel=panel, meets_on=meets_on, starts_at=starts_at, venue=venue, agenda=agenda, created_by=by
            )
    except IntegrityError as error:
        raise ValidationError({"meets_on": f"{panel} already has a meeting on {meets_on:%-d %B %Y}."}) from error
    if panel.cadence_from is None:
        Panel.objects.filter(pk=panel.pk, cadence_from__isnull=True).update(cadence_from=meets_on)
    return meeting


def meeting_update(*, meeting: Meeting, **fields) -> Meeting:
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError("This meeting was cancelled.")
    for name, value in fields.items():
        setattr(meeting, name, value)
    try:
        with transaction.atomic():
            meeting.save()
    except IntegrityError as error:
        raise ValidationError({"meets_on": "The panel already has a meeting on that date."}) from error
    return meeting


def meeting_attendance_record(
    *,
    meeting: Meeting,
    statuses: dict[int, str],
    staff: list[User],
    others: str = "",
    today: datetime.date | None = None,
) -> Meeting:
    """Record who came. A meeting with attendance took place: it is held and its minutes fall due."""
    today = today or timezone.localdate()
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError("This meeting was cancelled.")
    if meeting.meets_on > today:
        raise ValidationError("Attendance can be recorded on or after the day of the meeting.")
    if AttendanceStatus.PRESENT not in statuses.values():
        raise ValidationError("Mark at least one member as present; otherwise the meeting did not take place.")
    with transaction.atomic():
        for customer_id, status in statuses.items():
            Attendance.objects.update_or_create(meeting=meeting, customer_id=customer_id, defaults={"status": status})
        meeting.staff_present.set(staff)
        meeting.others_present = others
        if meeting.status != MeetingStatus.HELD:
            meeting.status = MeetingStatus.HELD
            meeting.minutes_due_on = minutes_due_on(meeting.meets_on)
        meeting.save(update_fields=["others_present", "status", "minutes_due_on"])
    return meeting


def meeting_minutes_save(*, meeting: Meeting, minutes: str) -> Meeting:
    if meeting.status != MeetingStatus.HELD:
        raise ValidationError("Record the attendance first: minutes are for a meeting that took place.")
    if meeting.minutes_published:
        raise ValidationError("These minutes are published and can no longer be changed.")
    meeting.minutes = minutes
    meeting.save(update_fields=["minutes"])
    return meeting


def meeting_action_add(
    *,
    meeting: Meeting,
    you_said: str,
    we_will: str,
    owner: User,
    due_on: datetime.date,
    by: User,
    estate=None,
    publish: bool = False,
    form_token: uuid.UUID | None = None,
) -> tuple[Action, bool]:
    """An item on the meeting's action plan (the shared Action, sourced from the meeting).

    Returns (action, created): a resent form (the same one-time token) returns the action the
    first one added. create_once is what says whether this call added it; action_create stores
    the token on the action."""
    if meeting.status != MeetingStatus.HELD:
        raise ValidationError("Actions are agreed at a meeting that took place: record the attendance first.")
    return create_once(
        Action,
        form_token=form_token,
        build=lambda: action_create(
            you_said=you_said,
            we_will=we_will,
            owner=owner,
            due_on=due_on,
            estate=estate if estate is not None else meeting.panel.estate,
            publish=publish,
            source=meeting,
            created_by=by,
            form_token=form_token,
        ),
    )


def meeting_paper_add(
    *, meeting: Meeting, title: str, kind: str, file, by: User, form_token: uuid.UUID | None = None
) -> tuple[MeetingPaper, bool]:
    """Add a paper to the meeting. Returns (paper, created): the same form sent twice (its one-time
    token) returns the paper the first one added."""
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError("This meeting was cancelled.")
    file = check_upload(file, accept=DOCUMENTS).file  # free when the form has checked it already
    return create_once(
        MeetingPaper,
        form_token=form_token,
        scope={"meeting": meeting},
        build=lambda: MeetingPaper.objects.create(
            meeting=meeting, title=title, kind=kind, file=file, uploaded_by=by, form_token=form_token
        ),
    )


def meeting_cancel(*, meeting: Meeting) -> Meeting:
    if meeting.status != MeetingStatus.PLANNED:
        raise ValidationError("Only a planned meeting can be cancelled.")
    Meeting.objects.filter(pk=meeting.pk, status=MeetingStatus.PLANNED).update(status=MeetingStatus.CANCELLED)
    meeting.refresh_from_db()
    return meeting


def meeting_minutes_publish(*, meeting: Meeting, by: User, today: datetime.date | None = None) -> int:
    """Publish the minutes and action plan to the panel's members, once. Returns members told."""
    today = today or timezone.localdate()
    if meeting.status != MeetingStatus.HELD:
        raise ValidationError("Record the attendance before publishing minutes.")
    if not meeting.minutes.strip():
        raise ValidationError("Write the minutes before publishing them.")
    with transaction.atomic():
        claimed = Meeting.objects.filter(
            pk=meeting.pk, status=MeetingStatus.HELD, minutes_published_on__isnull=True
        ).update(minutes_published_on=today, minutes_published_by=by)
        if not claimed:
            raise ValidationError("These minutes are already published.")
        meeting.refresh_from_db()
        actions = Action.objects.from_source(meeting).order_by("due_on")
        plan = "\n".join(f"- {a.we_will} (by {a.due_on:%-d %B %Y})" for a in actions) or "- No actions agreed."
        body = f"The minutes of the meeting on {meeting.meets_on:%-d %B %Y} are ready.\n\nAction plan:\n{plan}"
        members = Membership.objects.current(today).filter(panel=meeting.panel).select_related("customer__user")
        told = 0
        for membership in members:
            customer_tell(
                customer=membership.customer,
                key=f"minutes:{meeting.pk}",
                title=f"Minutes of {meeting}",
                body=body,
                url=meeting.get_absolute_url(),
            )
            told += 1
    return told
