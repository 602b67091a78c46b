"""Business rules of the core app: notifications and shared actions."""

from __future__ import annotations

import datetime
import logging
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone

from .models import Action, ActionStatus, Channel, Notification, User
from .outbox import enqueue_many

logger = logging.getLogger(__name__)


def create_once(model, *, form_token: uuid.UUID | None, build: Callable, scope: dict | None = None):
    """Create a row from a submitted form at most once. Returns (row, created).

    The one mechanism for "a double submit creates one thing" (forms carry an
    engagement.forms.OneTimeTokenField). A repeated submission with the same one-time token
    (unique on the model's `form_token`) returns the row the first one created; when two
    requests race past the lookup, the unique token lets only one row in and the other gets
    that row. `build()` creates and returns the row (storing `form_token` on it); it runs in a
    transaction, so a failure inside leaves nothing behind. `scope` (e.g. {"customer": c})
    limits whose rows a token can find: someone else's token is refused, never returned, with a
    ValidationError the form shows (a stale or tampered page, never a server error).
    """
    existing = _created_with(model, form_token, scope)
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return build(), True
    except IntegrityError:
        existing = _created_with(model, form_token, scope)
        if existing is not None:
            return existing, False
        if form_token is not None and model.objects.filter(form_token=form_token).exists():
            raise ValidationError(STALE_FORM) from None
        raise


STALE_FORM = "This form has already been used. Please open it again and fill it in afresh."


def _created_with(model, form_token, scope):
    if form_token is None:
        return None
    return model.objects.filter(form_token=form_token, **(scope or {})).first()


def wants_email(user: User) -> bool:
    """Staff always get email copies; a customer only when they asked for email and consented."""
    if not user.email or not user.is_active:
        return False
    if not user.is_involved_customer:
        return True
    customer = getattr(user, "customer", None)
    if customer is None:
        return True
    return (
        customer.consent_to_contact and not customer.digitally_excluded and customer.preferred_channel == Channel.EMAIL
    )


def notify(user: User, *, title: str, body: str = "", url: str = "", email: bool = True) -> Notification:
    """Tell one person something: an in-app notification plus, where wanted, an email."""
    return notify_many([(user, title, body, url)], email=email)[0]


def notify_many(messages: list[tuple[User, str, str, str]], *, email: bool = True) -> list[Notification]:
    """Tell many people things at once: (user, title, body, url) each, in one INSERT.

    The emails go through Celery tasks recorded in the outbox (`engagement.outbox`) and queued
    after the surrounding transaction commits (in batches, one mail connection each), so a
    rolled-back change never emails anyone, a slow mail server never slows a page or the daily
    chase, and a broker that is down delays the emails instead of losing them.
    """
    rows = [
        Notification(user=user, title=title[:200], body=body, url=url, email_wanted=email and wants_email(user))
        for user, title, body, url in messages
    ]
    created = Notification.objects.bulk_create(rows)
    to_email = [notification.pk for notification in created if notification.email_wanted]
    if to_email:
        from .tasks import send_notification_emails

        enqueue_many(
            send_notification_emails,
            [[to_email[start : start + EMAIL_BATCH]] for start in range(0, len(to_email), EMAIL_BATCH)],
        )
    return created


EMAIL_BATCH = 100


def _email_claim(notification_ids: list[int]) -> list[int]:
    """Claim the emails of these notifications that nobody has claimed yet; returns the ids won.

    The rows are locked (skipping any another worker holds) and stamped in one transaction, so
    two workers given the same ids never both send one.
    """
    with transaction.atomic():
        free = list(
            Notification.objects.select_for_update(skip_locked=True)
            .filter(pk__in=notification_ids, email_wanted=True, email_claimed_at__isnull=True)
            .values_list("pk", flat=True)
        )
        if free:
            Notification.objects.filter(pk__in=free).update(email_claimed_at=timezone.now())
    return free


def _email_message(notification: Notification) -> EmailMessage:
    link = f"\n\n{settings.SITE_URL.rstrip('/')}{notification.url}" if notification.url else ""
    return EmailMessage(
        subject=f"[{settings.SITE_NAME}] {notification.title}",
        body=f"{notification.body}{link}\n\n-- \n{settings.LANDLORD_NAME} Customer Engagement Team",
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[notification.user.email],
    )


def notification_emails_send(*, notification_ids: list[int]) -> int:
    """Send the email copies of these notifications, each at most once, over one connection.

    Claims first (see `_email_claim`), sends one message at a time and stamps what was sent; if
    the mail server fails, the claims of the messages not yet sent are released so a retry sends
    them, and the error is raised for the task to retry. Returns how many this call sent.
    """
    claimed = _email_claim(notification_ids)
    if not claimed:
        return 0
    notifications = list(Notification.objects.filter(pk__in=claimed).select_related("user").order_by("pk"))
    sent: list[int] = []
    try:
        with get_connection() as connection:
            for notification in notifications:
                connection.send_messages([_email_message(notification)])
                sent.append(notification.pk)
    except Exception:
        unsent = [pk for pk in claimed if pk not in set(sent)]
        Notification.objects.filter(pk__in=unsent).update(email_claimed_at=None)
        raise
    finally:
        if sent:
            Notification.objects.filter(pk__in=sent).update(emailed_at=timezone.now())
    return len(sent)


def notification_email_send(*, notification_id: int) -> bool:
    """Send the email copy of one notification, at most once. Returns True if this call sent it."""
    return notification_emails_send(notification_ids=[notification_id]) == 1


def notifications_mark_read(*, user: User, notification_ids: list[int] | None = None) -> int:
    qs = Notification.objects.filter(user=user, read_at__isnull=True)
    if notification_ids is not None:
        qs = qs.filter(pk__in=notification_ids)
    return qs.update(read_at=timezone.now())


def action_create(
    *,
    you_said: str,
    we_will: str,
    owner: User,
    due_on: datetime.date,
    source=None,
    estate=None,
    publish: bool = False,
    created_by: User | None = None,
    form_token: uuid.UUID | None = None,
) -> Action:
    """Record an action and tell its owner. With the form's one-time token, a resent form
    returns the action the first one created and tells nobody again."""

    def build() -> Action:
        action = Action(
            you_said=you_said,
            we_will=we_will,
            owner=owner,
            due_on=due_on,
            estate=estate,
            publish=publish,
            created_by=created_by,
            form_token=form_token,
        )
        if source is not None:
            action.source = source
        action.full_clean(exclude=["form_token"])
        action.save()
        if created_by is None or created_by.pk != owner.pk:
            notify(
                owner,
                title=f"New action for you, due {due_on:%-d %b %Y}",
                body=f"You said: {you_said}\nWe will: {we_will}",
                url=action.get_absolute_url(),
            )
        return action

    if form_token is None:
        return build()  # no form behind it (a report's list of actions, a job): nothing to repeat
    return create_once(Action, form_token=form_token, build=build)[0]


def action_complete(*, action: Action, we_did: str, done_on: datetime.date | None = None) -> Action:
    action.status = ActionStatus.DONE
    action.we_did = we_did
    action.done_on = done_on or timezone.localdate()
    action.full_clean()
    action.save(update_fields=["status", "we_did", "done_on", "updated_at"])
    return action


def action_counts_by_owner(*, today: datetime.date | None = None):
    """Open and overdue actions per owner, one aggregate query."""
    today = today or timezone.localdate()
    return (
        Action.objects.open()
        .values("owner", "owner__first_name", "owner__last_name")
        .annotate(open=Count("pk"), overdue=Count("pk", filter=Q(due_on__lt=today)))
        .order_by("-overdue", "owner__first_name")
    )


def large_print_set(*, user: User, on: bool) -> None:
    """Remember the portal's large-print mode on the person's profile (every device, every visit)."""
    user.large_print = on
    User.objects.filter(pk=user.pk).update(large_print=on)
