"""Mail-outs: plan who gets what and how, record it, and send each copy exactly once.

`mailout_create` records the mail-out and one `Delivery` per recipient (routed by
`routing.route`, customers without consent recorded as left out) in one transaction with its
outbox row; the Celery task then runs `mailout_deliver`. Every copy is claimed with a conditional
UPDATE (pending → sending) before it goes, so a task retried after a crash, the outbox sweep and
a late duplicate message never send one copy twice. A copy whose sender died mid-send stays
"sending" (interrupted) for staff to check: sending it again could send it twice.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.utils import timezone

from engagement.landlord import landlord_current
from engagement.models import Customer, User
from engagement.outbox import enqueue
from engagement.services import create_once

from . import routing
from .audiences import Audience
from .letters import batch_filename, batch_pdf
from .models import Delivery, DeliveryStatus, How, Kind, MailOut, PrintBatch
from .sms import send_sms

SMS_MAX = 612  # four text-message parts; longer texts say where to read the rest


@dataclass(frozen=True)
class Recipient:
    """Someone who is not a customer (a partner on an estate walk): e-mailed when an address is
    given, otherwise a letter."""

    name: str
    email: str = ""
    address: str = ""
    postcode: str = ""


@dataclass(frozen=True)
class Plan:
    deliveries: list[Delivery]

    @property
    def counts(self) -> dict[str, int]:
        counted = Counter(delivery.channel for delivery in self.deliveries)
        return {how: counted.get(how, 0) for how in How.values}

    @property
    def to_send(self) -> int:
        return sum(1 for delivery in self.deliveries if delivery.channel != How.NONE)

    @property
    def left_out(self) -> int:
        return self.counts[How.NONE]

    @property
    def large_print(self) -> int:
        return sum(1 for d in self.deliveries if d.channel == How.LETTER and d.large_print)

    @property
    def special(self) -> int:
        return sum(1 for d in self.deliveries if d.channel == How.LETTER and d.format_needs)


def kind_for(slug: str, name: str) -> Kind:
    return Kind.objects.get_or_create(slug=slug, defaults={"name": name})[0]


def mailout_plan(
    *,
    customers: Iterable[Customer] = (),
    others: Iterable[Recipient] = (),
    wanted: dict[int, str] | None = None,
) -> Plan:
    """Who would get it and how, without saving anything (the preview shows this)."""
    wanted = wanted or {}
    deliveries = []
    for customer in customers:
        channel, reason = routing.route(customer, wanted=wanted.get(customer.pk))
        deliveries.append(
            Delivery(
                customer=customer,
                name=customer.full_name,
                address=customer.address,
                postcode=customer.postcode,
                email=customer.email if channel == How.EMAIL else "",
                phone=customer.phone if channel in (How.SMS, How.PHONE) else "",
                channel=channel,
                status=DeliveryStatus.LEFT_OUT if channel == How.NONE else DeliveryStatus.PENDING,
                reason=reason,
                **routing.format_of(customer),
            )
        )
    for other in others:
        deliveries.append(
            Delivery(
                name=other.name[:200],
                email=other.email,
                address=other.address,
                postcode=other.postcode,
                channel=How.EMAIL if other.email else How.LETTER,
            )
        )
    return Plan(deliveries)


def audience_plan(audience: Audience) -> Plan:
    return mailout_plan(customers=audience.customers().order_by("last_name", "first_name", "pk"))


def mailout_create(
    *,
    kind: Kind,
    subject: str,
    body: str,
    by: User,
    audience: Audience | None = None,
    customers: Iterable[Customer] = (),
    others: Iterable[Recipient] = (),
    wanted: dict[int, str] | None = None,
    audience_label: str = "",
    source_key: str = "",
    form_token: uuid.UUID | None = None,
) -> tuple[MailOut, bool]:
    """Record a mail-out and every recipient's copy, and queue the sending. The same form sent
    twice (its one-time token) makes one mail-out. Returns (mailout, created)."""

    def build() -> MailOut:
        chosen = list(audience.customers().order_by("last_name", "first_name", "pk")) if audience else []
        plan = mailout_plan(customers=[*chosen, *customers], others=others, wanted=wanted)
        mailout = MailOut.objects.create(
            kind=kind,
            subject=subject[:150],
            body=body,
            audience=(audience_label or (audience.describe() if audience else ""))[:500],
            source_key=source_key,
            created_by=by,
            form_token=form_token,
        )
        for delivery in plan.deliveries:
            delivery.mailout = mailout
        Delivery.objects.bulk_create(plan.deliveries)
        from .tasks import send_mailout

        enqueue(send_mailout, mailout.pk)
        return mailout

    return create_once(MailOut, form_token=form_token, build=build, scope={"created_by": by})


def mailout_deliver(*, mailout_id: int) -> dict[str, int]:
    """Send what is still waiting: letters onto the print batch, then each e-mail, text and
    call-list entry claimed one at a time. Safe to run any number of times."""
    mailout = MailOut.objects.select_related("kind").get(pk=mailout_id)
    counts = Counter()
    counts["letters"] = letters_batch_build(mailout)
    waiting = mailout.deliveries.filter(status=DeliveryStatus.PENDING).exclude(channel=How.LETTER)
    for pk in waiting.order_by("pk").values_list("pk", flat=True):
        outcome = delivery_send(delivery_id=pk)
        counts[outcome] += 1
    if not mailout.deliveries.filter(status__in=[DeliveryStatus.PENDING, DeliveryStatus.SENDING]).exists():
        MailOut.objects.filter(pk=mailout.pk, finished_at__isnull=True).update(finished_at=timezone.now())
    return dict(counts)


def letters_batch_build(mailout: MailOut) -> int:
    """Put the waiting letters on the mail-out's print batch (one conditional UPDATE claims
    them all) and build its PDF; a batch whose PDF was lost to a crash is built again."""
    if not mailout.deliveries.filter(channel=How.LETTER).exists():
        return 0
    now = timezone.now()
    batch, _ = PrintBatch.objects.get_or_create(mailout=mailout)
    added = Delivery.objects.filter(mailout=mailout, channel=How.LETTER, status=DeliveryStatus.PENDING).update(
        status=DeliveryStatus.SENT, batch=batch, claimed_at=now, sent_at=now
    )
    if added or not batch.pdf:
        letters = list(batch.letters.order_by("postcode", "name", "pk"))  # in postcode order for the post room
        pdf = batch_pdf(mailout, letters)
        if batch.pdf:
            batch.pdf.delete(save=False)
        batch.pdf.save(batch_filename(mailout), ContentFile(pdf), save=False)
        batch.built_at = now
        batch.save(update_fields=["pdf", "built_at"])
    return added


def delivery_send(*, delivery_id: int) -> str:
    """Send one copy if nobody has claimed it yet. Returns "sent", "failed" or "skipped"."""
    now = timezone.now()
    if not Delivery.objects.filter(pk=delivery_id, status=DeliveryStatus.PENDING).update(
        status=DeliveryStatus.SENDING, claimed_at=now
    ):
        return "skipped"
    delivery = Delivery.objects.select_related("mailout").get(pk=delivery_id)
    try:
        reference = _send(delivery)
    except Exception as error:  # noqa: BLE001 - the provider's or mail server's refusal, kept on the copy
        Delivery.objects.filter(pk=delivery_id).update(status=DeliveryStatus.FAILED, reason=str(error)[:300])
        return "failed"
    Delivery.objects.filter(pk=delivery_id).update(
        status=DeliveryStatus.SENT, sent_at=timezone.now(), reason=reference[:300]
    )
    return "sent"


def _send(delivery: Delivery) -> str:
    mailout = delivery.mailout
    if delivery.channel == How.EMAIL:
        EmailMessage(
            subject=mailout.subject,
            body=f"Dear {delivery.name},\n\n{mailout.body}\n\n-- \n{landlord_current().signature}",
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[delivery.email],
        ).send()
        return ""
    if delivery.channel == How.SMS:
        return send_sms(to=delivery.phone, body=sms_text(mailout))
    if delivery.channel == How.PHONE:
        return ""  # on the mail-out's call list: staff ring them
    raise ValueError(f"Cannot send a {delivery.channel} copy one at a time")


def sms_text(mailout: MailOut) -> str:
    text = f"{landlord_current().short_name}: {mailout.subject}. {mailout.body}".replace("\r\n", "\n")
    if len(text) <= SMS_MAX:
        return text
    ending = " … Ask us for the full text."
    return text[: SMS_MAX - len(ending)].rstrip() + ending


def print_batch_mark_posted(*, batch: PrintBatch, by: User) -> bool:
    return bool(
        PrintBatch.objects.filter(pk=batch.pk, posted_on__isnull=True).update(
            posted_on=timezone.localdate(), posted_by=by
        )
    )


def mailout_summary(mailout: MailOut) -> dict:
    """Counts per channel and status for the mail-out's page (one query)."""
    rows = mailout.deliveries.values_list("channel", "status")
    by_channel, by_status = Counter(), Counter()
    for channel, status in rows:
        by_channel[channel] += 1
        by_status[status] += 1
    return {
        "by_channel": [(How(c).label, by_channel.get(c, 0)) for c in How.values if by_channel.get(c)],
        "by_status": [
            (DeliveryStatus(s).label, by_status.get(s, 0)) for s in DeliveryStatus.values if by_status.get(s)
        ],
        "total": sum(by_channel.values()),
    }
