"""Estate walkabouts: attendees, issues and agreed actions, sending them out (as a mail-out)."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from engagement.landlord import landlord_current
from engagement.models import Action, Customer, User
from engagement.services import action_create, create_once, notify
from engagement.uploads import PHOTOS, check_upload
from mailouts.models import How, MailOut
from mailouts.services import Recipient, kind_for, mailout_create

from ..models import AttendeeKind, EstateWalk, Letter, WalkAttendee, WalkIssue, WalkStatus


def walk_attendee_add(
    *,
    walk: EstateWalk,
    kind: str,
    customer: Customer | None = None,
    user: User | None = None,
    name: str = "",
    organisation: str = "",
    email: str = "",
    form_token: uuid.UUID | None = None,
) -> WalkAttendee:
    """Add someone to the walk's attendees. The same form sent twice (its one-time token) adds
    them once, so a partner is never emailed the actions twice."""
    if kind == AttendeeKind.CUSTOMER and customer is None:
        raise ValidationError({"reference": "Give the customer's tenancy reference."})
    if kind == AttendeeKind.OFFICER and user is None:
        raise ValidationError({"user": "Choose the officer."})
    if kind == AttendeeKind.PARTNER and not (name or organisation):
        raise ValidationError({"organisation": "Give the partner's name or organisation."})
    attendee = WalkAttendee(
        walk=walk,
        kind=kind,
        customer=customer if kind == AttendeeKind.CUSTOMER else None,
        user=user if kind == AttendeeKind.OFFICER else None,
        name=name if kind == AttendeeKind.PARTNER else "",
        organisation=organisation if kind == AttendeeKind.PARTNER else "",
        email=email if kind == AttendeeKind.PARTNER else "",
        form_token=form_token,
    )

    def build() -> WalkAttendee:
        attendee.save()
        return attendee

    try:
        attendee, _created = create_once(WalkAttendee, form_token=form_token, scope={"walk": walk}, build=build)
    except IntegrityError as error:
        raise ValidationError("They are already on the list of attendees.") from error
    return attendee


def walk_issue_add(
    *,
    walk: EstateWalk,
    description: str,
    location: str,
    we_will: str,
    owner: User,
    due_on: datetime.date,
    by: User,
    photo=None,
    publish: bool = False,
    form_token: uuid.UUID | None = None,
    today: datetime.date | None = None,
) -> tuple[WalkIssue, bool]:
    """An issue found on the walk and the action agreed for it, with its timescale.

    Returns (issue, created). The form's one-time token is kept on the action: a resent form
    finds that action and returns its issue, adding neither again."""
    today = today or timezone.localdate()
    if walk.status == WalkStatus.CANCELLED:
        raise ValidationError("This walk was cancelled.")
    if walk.walks_on > today:
        raise ValidationError("Issues are recorded on or after the day of the walk.")
    if due_on < walk.walks_on:
        raise ValidationError({"due_on": "The action cannot be due before the walk."})

    def build() -> Action:
        action = action_create(
            you_said=f"{description} ({location})",
            we_will=we_will,
            owner=owner,
            due_on=due_on,
            estate=walk.estate,
            publish=publish,
            source=walk,
            created_by=by,
        )
        if form_token is not None:
            # Stored here, not passed to action_create: its own guard would hand back an action some
            # other form made with this token, and the issue would be pinned to it. Here a reused
            # token fails the unique column and nothing is kept.
            action.form_token = form_token
            action.save(update_fields=["form_token"])
        WalkIssue.objects.create(
            walk=walk,
            description=description,
            location=location,
            photo=check_upload(photo, accept=PHOTOS).file if photo else "",
            action=action,
        )
        EstateWalk.objects.filter(pk=walk.pk, status=WalkStatus.PLANNED).update(status=WalkStatus.HELD)
        return action

    # Scoped to this walk's issues: a token already on another action is refused, never returned.
    action, created = create_once(Action, form_token=form_token, build=build, scope={"walk_issue__walk": walk})
    return action.walk_issue, created


def walk_action_summary(walk: EstateWalk) -> str:
    lines = [f"Thank you for joining the {walk.get_kind_display().lower()} on {walk.walks_on:%-d %B %Y}."]
    lines.append("These are the actions we agreed:")
    for issue in walk.issues.select_related("action__owner").order_by("pk"):
        if issue.action is None:
            continue
        lines.append(
            f"- {issue.description} at {issue.location}: {issue.action.we_will} "
            f"({issue.action.owner}, by {issue.action.due_on:%-d %B %Y})"
        )
    return "\n".join(lines)


@dataclass(frozen=True)
class WalkSendResult:
    notified: int = 0
    letters: int = 0
    partner_emails: int = 0
    mailout: MailOut | None = None

    @property
    def total(self) -> int:
        return self.notified + (self.mailout.deliveries.count() if self.mailout else 0)


def walk_actions_send(*, walk: EstateWalk, by: User, today: datetime.date | None = None) -> WalkSendResult:
    """Send the agreed actions to every attendee not yet sent them.

    Each attendee is claimed with a conditional UPDATE before anything is sent, so pressing
    the button twice (or adding an attendee and pressing it again) sends each person one copy.
    Customers and partners get it as one mail-out (mailouts): each customer the way their record
    says (e-mail, text or a letter on the print batch, in their format; left out without
    consent), a partner by e-mail or else a letter; a customer with a login also sees it in the
    portal. Officers are told in the portal.
    """
    today = today or timezone.localdate()
    if not walk.issues.filter(action__isnull=False).exists():
        raise ValidationError("Record the issues and agreed actions before sending them.")
    body = walk_action_summary(walk)
    title = f"Actions from the walkabout at {walk.estate}"
    notified = 0
    customers, partners = [], []
    attendees = walk.attendees.filter(actions_sent_on__isnull=True).select_related("customer__user", "user")
    with transaction.atomic():
        for attendee in attendees:
            if not WalkAttendee.objects.filter(pk=attendee.pk, actions_sent_on__isnull=True).update(
                actions_sent_on=today
            ):
                continue
            if attendee.kind == AttendeeKind.CUSTOMER:
                customers.append(attendee.customer)
                user = attendee.customer.user
                if user is not None and user.is_active:
                    notify(user, title=title, body=body, url=reverse("home"), email=False)  # the mail-out e-mails
                    notified += 1
            elif attendee.kind == AttendeeKind.OFFICER:
                notify(attendee.user, title=title, body=body, url=walk.get_absolute_url())
                notified += 1
            else:
                partners.append(Recipient(name=attendee.display_name, email=attendee.email))
        mailout = None
        if customers or partners:
            mailout, _ = mailout_create(
                kind=kind_for("estate-walk-actions", "Estate-walk actions"),
                subject=title,
                body=body,
                by=by,
                customers=customers,
                others=partners,
                audience_label=f"Attendees of the {walk}",
                source_key=f"walk:{walk.pk}",
            )
        EstateWalk.objects.filter(pk=walk.pk).update(actions_sent_on=today, status=WalkStatus.HELD)
    walk.refresh_from_db()
    copies = mailout.deliveries if mailout else None
    return WalkSendResult(
        notified=notified,
        letters=copies.filter(channel=How.LETTER).count() if copies else 0,
        partner_emails=copies.filter(customer__isnull=True, channel=How.EMAIL).count() if copies else 0,
        mailout=mailout,
    )


def walk_partner_email_send(*, attendee_id: int) -> bool:
    """Email a partner the walk's actions at most once (claimed like notification emails)."""
    claimed = WalkAttendee.objects.filter(
        pk=attendee_id, kind=AttendeeKind.PARTNER, email_claimed_at__isnull=True
    ).update(email_claimed_at=timezone.now())
    if not claimed:
        return False
    attendee = WalkAttendee.objects.select_related("walk__estate").get(pk=attendee_id)
    landlord = landlord_current()
    try:
        send_mail(
            subject=f"[{landlord.site_name}] Actions from the walkabout at {attendee.walk.estate}",
            message=f"{walk_action_summary(attendee.walk)}\n\n-- \n{landlord.signature}",
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[attendee.email],
        )
    except Exception:
        WalkAttendee.objects.filter(pk=attendee_id).update(email_claimed_at=None)
        raise
    WalkAttendee.objects.filter(pk=attendee_id).update(emailed_at=timezone.now())
    return True


def letters_mark_printed(*, letter_ids: list[int], by: User, today: datetime.date | None = None) -> int:
    return Letter.objects.filter(pk__in=letter_ids, printed_on__isnull=True).update(
        printed_on=today or timezone.localdate(), printed_by=by
    )
