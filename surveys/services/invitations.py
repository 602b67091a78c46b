"""Invitation links: signed, one-time links a customer answers a survey through, and their emails."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from engagement.landlord import landlord_current
from engagement.models import Customer, User
from engagement.outbox import enqueue_many

from ..models import Invitation, Response, ResponseChannel, Survey
from .responses import response_record

INVITATION_SALT = "surveys.invitation"
INVITATION_MAX_AGE_DAYS = 28


class InvitationProblem(Exception):
    """Why an invitation link cannot be used, in words for the customer."""

    status = 404
    title = "This link does not work"


class InvitationInvalid(InvitationProblem):
    pass


class InvitationExpired(InvitationProblem):
    status = 410
    title = "This link has expired"


class InvitationUsed(InvitationProblem):
    status = 410
    title = "You have already answered this survey"


def invitation_create(*, survey: Survey, customer: Customer, created_by: User | None = None) -> Invitation:
    invitation, _ = Invitation.objects.get_or_create(
        survey=survey, customer=customer, defaults={"created_by": created_by}
    )
    return invitation


def invitation_token(invitation: Invitation) -> str:
    return signing.TimestampSigner(salt=INVITATION_SALT).sign(str(invitation.pk))


def invitation_url(invitation: Invitation) -> str:
    return reverse("surveys:invitation", args=[invitation_token(invitation)])


def invitation_resolve(token: str, *, today: datetime.date | None = None) -> Invitation:
    """The invitation behind a link, or an InvitationProblem saying why it cannot be used."""
    signer = signing.TimestampSigner(salt=INVITATION_SALT)
    try:
        pk = signer.unsign(token, max_age=datetime.timedelta(days=INVITATION_MAX_AGE_DAYS))
    except signing.SignatureExpired as error:
        raise InvitationExpired(
            "Links work for 4 weeks after we send them. Call us and we will take your answers by phone."
        ) from error
    except signing.BadSignature as error:
        raise InvitationInvalid("Please check you copied the whole link from your email or letter.") from error
    invitation = (
        Invitation.objects.select_related("survey", "customer__estate").filter(pk=int(pk)).first()
        if pk.isdigit()
        else None
    )
    if invitation is None:
        raise InvitationInvalid("Please check you copied the whole link from your email or letter.")
    if invitation.used_at is not None:
        raise InvitationUsed("Thank you: we already have your answers. Each link can be used once.")
    today = today or timezone.localdate()
    if today > invitation.survey.closes_on:
        raise InvitationExpired(f"This survey closed on {invitation.survey.closes_on:%-d %B %Y}.")
    if today < invitation.survey.opens_on:
        raise InvitationInvalid(f"This survey opens on {invitation.survey.opens_on:%-d %B %Y}.")
    return invitation


def invitation_answer(*, invitation: Invitation, answers: dict[int, dict]) -> Response:
    """Record the customer's answers through their link: exactly once (a conditional UPDATE claims
    the link; a second submit, even a simultaneous one, finds it used)."""
    with transaction.atomic():
        claimed = Invitation.objects.filter(pk=invitation.pk, used_at__isnull=True).update(used_at=timezone.now())
        if not claimed:
            raise InvitationUsed("Thank you: we already have your answers. Each link can be used once.")
        customer = invitation.customer
        try:
            return response_record(
                survey=invitation.survey,
                customer=customer,
                estate=customer.estate,
                tenure=customer.tenure,
                channel=ResponseChannel.ONLINE,
                answers=answers,
                invitation=invitation,
            )
        except IntegrityError as error:
            # They already answered another way (e.g. by phone): the link is spent either way.
            raise InvitationUsed("Thank you: we already have your answers for this survey.") from error


def invitations_send(*, survey: Survey, user: User) -> int:
    """Invite by email every customer in the audience we may email who has no invitation yet and
    has not answered. Emails go from tasks recorded in the outbox and queued after commit.
    Returns how many were invited."""
    from ..selectors import survey_audience
    from ..tasks import send_survey_invitation

    answered = Response.objects.filter(survey=survey, customer__isnull=False).values("customer")
    invited = Invitation.objects.filter(survey=survey).values("customer")
    customers = (
        survey_audience(survey).contactable_by_email().exclude(pk__in=answered).exclude(pk__in=invited).only("pk")
    )
    rows = [Invitation(survey=survey, customer=customer, created_by=user) for customer in customers]
    Invitation.objects.bulk_create(rows, batch_size=500, ignore_conflicts=True)
    ids = list(Invitation.objects.filter(survey=survey, sent_at__isnull=True).values_list("pk", flat=True))
    enqueue_many(send_survey_invitation, [[pk] for pk in ids])
    return len(rows)


def invitation_email_send(*, invitation_id: int) -> bool:
    """Email one invitation link, at most once (claim sent_at with a conditional UPDATE)."""
    claimed = Invitation.objects.filter(pk=invitation_id, sent_at__isnull=True, used_at__isnull=True).update(
        sent_at=timezone.now()
    )
    if not claimed:
        return False
    invitation = Invitation.objects.select_related("survey", "customer").get(pk=invitation_id)
    link = f"{settings.SITE_URL.rstrip('/')}{invitation_url(invitation)}"
    try:
        send_mail(
            subject=f"Tell us what you think: {invitation.survey.title}",
            message=(
                f"Dear {invitation.customer.full_name},\n\n{invitation.survey.purpose}\n\n"
                f"You can answer here, no account needed (the link works once, for 4 weeks):\n{link}\n\n"
                f"If you would rather answer by phone, or need the survey in another format, just reply.\n\n"
                f"-- \n{landlord_current().signature}"
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[invitation.customer.email],
        )
    except Exception:
        Invitation.objects.filter(pk=invitation_id).update(sent_at=None)
        raise
    return True
