"""Business rules of the core app: notifications and shared actions."""

from __future__ import annotations

import datetime
import logging
import re
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone

from .landlord import landlord_current
from .models import STAFF_ROLES, Action, ActionStatus, Channel, Estate, Notification, PosterPrint, User
from .outbox import enqueue_many

logger = logging.getLogger(__name__)


def create_once(
    model, *, form_token: uuid.UUID | None, build: Callable, scope: dict | None = None, looked_up: bool = False
):
    """Create a row from a submitted form at most once. Returns (row, created).

    The one mechanism for "a double submit creates one thing" (forms carry an
    engagement.forms.OneTimeTokenField). A repeated submission with the same one-time token
    (unique on the model's `form_token`) returns the row the first one created; when two
    requests race past the lookup, the unique token lets only one row in and the other gets
    that row. `build()` creates and returns the row (storing `form_token` on it); it runs in a
    transaction, so a failure inside leaves nothing behind. `scope` (e.g. {"customer": c})
    limits whose rows a token can find: someone else's token is refused, never returned, with a
    ValidationError the form shows (a stale or tampered page, never a server error).
    `looked_up=True`: the caller has just looked the token up itself and found nothing (one
    round trip less on a busy form); a race is still settled by the unique token.
    """
    existing = None if looked_up else _created_with(model, form_token, scope)
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
    landlord = landlord_current()
    return EmailMessage(
        subject=f"[{landlord.site_name}] {notification.title}",
        body=f"{notification.body}{link}\n\n-- \n{landlord.signature}",
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


def staff_by_pk() -> dict[int, User]:
    """Every member of staff (a few dozen) by pk, names only: dashboard panels name officers from
    this one read (shared within a page through registry.batch_cached) instead of joining users."""
    staff = User.objects.filter(role__in=STAFF_ROLES).only("username", "first_name", "last_name", "role")
    return {user.pk: user for user in staff}


def actions_owed_by(owner_pk: int, today: datetime.date, n: int = 8) -> tuple[list[Action], int, int]:
    """One person's open actions: (the n due soonest, how many open, how many overdue), in one
    query (the counts ride on each row as window counts). Shared within a dashboard by the "My
    actions" list and the deadlines panel (registry.batch_cached)."""
    from django.db.models import Window

    rows = list(
        Action.objects.open()
        .filter(owner_id=owner_pk)
        .annotate(open_total=Window(Count("pk")), overdue_total=Window(Count("pk", filter=Q(due_on__lt=today))))
        .select_related("owner", "estate")
        .order_by("due_on", "pk")[:n]
    )
    if not rows:
        return [], 0, 0
    return rows, rows[0].open_total, rows[0].overdue_total


def action_counts_by_owner(*, today: datetime.date | None = None):
    """Open and overdue actions per owner, one aggregate query."""
    today = today or timezone.localdate()
    return list(
        Action.objects.open()
        .values("owner", "owner__first_name", "owner__last_name")
        .annotate(open=Count("pk"), overdue=Count("pk", filter=Q(due_on__lt=today)))
        .order_by("-overdue", "owner__first_name")
    )


def large_print_set(*, user: User, on: bool) -> None:
    """Remember the portal's large-print mode on the person's profile (every device, every visit)."""
    user.large_print = on
    User.objects.filter(pk=user.pk).update(large_print=on)


# "You said, we did" in public -------------------------------------------------------------------
# Seed 2 and charter commitments 1, 3 and 7: once a change is made, tell every customer it affects,
# on the website and on posters. Only wording a member of staff approved, after the action was
# done, is ever public; it is written in the past tense and names nobody.

FUTURE_TENSE = re.compile(r"\b(we will|we'll|we shall|we are going to|we're going to|we plan to|we intend to)\b", re.I)
EMAIL_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE_NUMBER = re.compile(r"(?:\+?\d[\s-]?){9,}")
LEADING_LABEL = re.compile(r"^\s*(you said|we did|we found)\s*[:\-–—]\s*", re.I)


def public_wording_clean(text: str) -> str:
    """Tidy one half of the public wording: no label typed in front ("We did: …"; the page and
    poster print the label), no runs of spaces, a capital letter and a full stop."""
    text = " ".join(LEADING_LABEL.sub("", text or "").split())
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    if text and text[-1] not in ".!?":
        text += "."
    return text


def _names_on_record(action: Action) -> list[str]:
    """Full names that must never appear in public about this action: the staff on it and the
    customers of its estate (who raised it is not always recorded, so all of them)."""
    from .models import Customer

    people = [user for user in (action.owner, action.created_by) if user is not None]
    names = [user.get_full_name() for user in people]
    if action.estate_id is not None:
        names += [
            f"{first} {last}"
            for first, last in Customer.objects.filter(estate_id=action.estate_id).values_list(
                "first_name", "last_name"
            )
        ]
    return [name for name in names if len(name.strip()) > 3]


def public_wording_problems(*, action: Action, you_said: str, we_did: str) -> dict[str, list[str]]:
    """What stops this wording being published, by field (empty when it may be)."""
    problems: dict[str, list[str]] = {}
    if action.status != ActionStatus.DONE:
        problems.setdefault("__all__", []).append(
            'Only a done action can be published as "You said, we did". '
            "Until then customers who follow it see its progress."
        )
    texts = {"public_you_said": you_said, "public_we_did": we_did}
    for field, text in texts.items():
        if not text.strip():
            problems.setdefault(field, []).append(
                "Say what customers told us." if field == "public_you_said" else "Say what we did."
            )
    if FUTURE_TENSE.search(we_did):
        problems.setdefault("public_we_did", []).append(
            "Say what we did, in the past tense (for example \u201cWe added a Saturday collection\u201d), "
            "not what we will do."
        )
    names = [name.lower() for name in _names_on_record(action)]
    for field, text in texts.items():
        lowered = " ".join(text.lower().split())
        if EMAIL_ADDRESS.search(text) or PHONE_NUMBER.search(text):
            problems.setdefault(field, []).append(
                "Take out the email address or phone number: nothing personal is published."
            )
        if any(name in lowered for name in names):
            problems.setdefault(field, []).append("Take out the person's name: nothing personal is published.")
    return problems


def action_publish(*, action: Action, you_said: str, we_did: str, by: User) -> Action:
    """Approve the public wording of a done action and publish it (who and when are recorded,
    and the audit log keeps every change). Raises ValidationError with what must change."""
    you_said, we_did = public_wording_clean(you_said), public_wording_clean(we_did)
    problems = public_wording_problems(action=action, you_said=you_said, we_did=we_did)
    if problems:
        raise ValidationError(problems)
    action.public_you_said, action.public_we_did = you_said, we_did
    action.published_at, action.published_by = timezone.now(), by
    action.publish = True
    action.full_clean(exclude=["form_token"])
    action.save(
        update_fields=["public_you_said", "public_we_did", "published_at", "published_by", "publish", "updated_at"]
    )
    return action


def action_withdraw(*, action: Action, by: User) -> Action:
    """Take an action off the public pages (its approved wording is kept to approve again; the
    audit log records who withdrew it and when). Posters already printed are not recalled."""
    action.published_at, action.published_by = None, None
    action.save(update_fields=["published_at", "published_by", "updated_at"])
    logger.info("Action %s withdrawn from 'You said, we did' by user %s", action.pk, by.pk)
    return action


# At most this many published items on a poster; how many fit one A4 page depends on their
# length (engagement.posters.poster_fit). Large print (20 pt) holds fewer.
POSTER_ITEMS = {"standard": 6, "large_print": 4}


def poster_candidates(*, estate: Estate, version: str) -> list[Action]:
    """The most recent published items for an estate's poster: its own first, then changes for
    everyone (newest first within each)."""
    published = Action.objects.published().order_by("-published_at", "-pk")
    own = list(published.filter(estate=estate)[: POSTER_ITEMS[version]])
    general = list(published.filter(estate__isnull=True)[: POSTER_ITEMS[version]])
    return (own + general)[: POSTER_ITEMS[version]]


def poster_items(*, estate: Estate, version: str, printed_on: datetime.date | None = None) -> list[Action]:
    """What goes on the poster: the candidates that fit one A4 page."""
    from .posters import poster_fit

    candidates = poster_candidates(estate=estate, version=version)
    if not candidates:
        return []
    return poster_fit(
        estate=estate, version=version, candidates=candidates, printed_on=printed_on or timezone.localdate()
    )


def poster_print(*, estate: Estate, version: str, by: User, form_token: uuid.UUID | None = None) -> PosterPrint:
    """Log a poster printed for an estate's notice board, with the items on it (what the charter
    counts as a "You Said, We Did" poster published). A resent form logs it once."""
    existing = _created_with(PosterPrint, form_token, {"estate": estate})
    if existing is not None:
        return existing
    items = poster_items(estate=estate, version=version)
    if not items:
        raise ValidationError(f'Nothing has been published as "You said, we did" for {estate} yet.')

    def build() -> PosterPrint:
        poster = PosterPrint.objects.create(estate=estate, version=version, printed_by=by, form_token=form_token)
        poster.items.set(items)
        return poster

    return create_once(PosterPrint, form_token=form_token, build=build, scope={"estate": estate})[0]
