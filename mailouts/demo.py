"""Demo data for mail-outs: a season of communications of every kind, each customer reached by
their own channel and format, with letters on print batches, one text the provider refused and
customers left out for want of consent; walk mail-outs queued by the panels demo are recorded as
delivered on their day.

Deterministic (the given rng) and idempotent: skipped once the demo's own mail-outs exist.
"""

from __future__ import annotations

import datetime
import random

from django.db import transaction

from engagement.models import Estate, EstateType, PendingTask, Tenure

from .audiences import GROUPS, Audience
from .models import Delivery, DeliveryStatus, How, MailOut
from .services import kind_for, letters_batch_build, mailout_create

DEMO = [
    (
        "minutes",
        "Minutes of the Customer Voice Group",
        "Thank you to everyone who came to the Customer Voice Group.\n\nThe minutes and the action plan are "
        "below. We agreed to look again at how repairs appointments are booked, and to report back in two months.",
        {"group": "Customer Voice Group"},
        40,
    ),
    (
        "you-said-we-did",
        "You said, we did: bin stores",
        "You told us the bin stores overflowed at weekends.\n\nWe now empty them on Saturdays as well as Tuesdays.",
        {"estate_type": EstateType.GENERAL_NEEDS},
        25,
    ),
    (
        "meeting-invitation",
        "Leaseholders' quarterly meeting, in person or online",
        "You are invited to the leaseholders' quarterly meeting.\n\nThe agenda: outstanding issues, new issues, "
        "satisfaction and KPI data, forward planning and any other business.",
        {"tenure": Tenure.LEASEHOLDER, "estate_type": EstateType.LEASEHOLD_BLOCK},
        12,
    ),
    (
        "survey-invitation",
        "Your scheme's satisfaction survey (November)",
        "Every May and November we ask how you feel about your home and your scheme.\n\nYour scheme manager can "
        "help you fill it in, or we can ring you.",
        {"estate_type": EstateType.CARE_SUPPORTED},
        5,
    ),
]


def seed(rng: random.Random, today: datetime.date, context: dict) -> dict:
    staff = context["officers"][0]
    with transaction.atomic():
        if not MailOut.objects.filter(source_key__startswith="demo:").exists():
            for slug, subject, body, audience_spec, days_ago in DEMO:
                audience = _audience(audience_spec)
                if audience is None:
                    continue
                mailout, _ = mailout_create(
                    kind=kind_for(slug, slug),
                    subject=subject,
                    body=body,
                    by=staff,
                    audience=audience,
                    source_key=f"demo:{slug}",
                )
                when = datetime.datetime.combine(today - datetime.timedelta(days=days_ago), datetime.time(9, 15))
                MailOut.objects.filter(pk=mailout.pk).update(created_at=when.replace(tzinfo=datetime.UTC))
        for mailout in MailOut.objects.filter(finished_at__isnull=True).order_by("pk"):
            record_delivered(rng, mailout)
    return {}


def _audience(spec: dict) -> Audience | None:
    if "group" in spec:
        ids = [pk for pk, label in GROUPS["panel"].choices() if label == spec["group"]] if "panel" in GROUPS else []
        return Audience(groups={"panel": ids}) if ids else None
    # One estate or scheme each: a demo print batch of a few dozen letters, not hundreds.
    estates = list(Estate.objects.filter(estate_type=spec["estate_type"]).order_by("name").values_list("pk", flat=True))
    if not estates:
        return None
    return Audience(estates=estates[:1], tenures=[spec["tenure"]] if "tenure" in spec else [])


def record_delivered(rng: random.Random, mailout: MailOut) -> None:
    """Record a demo mail-out as sent on its day (no real e-mail or text leaves the demo)."""
    sent_at = mailout.created_at + datetime.timedelta(minutes=4)
    waiting = mailout.deliveries.filter(status=DeliveryStatus.PENDING).exclude(channel=How.LETTER)
    refused = [pk for pk in waiting.filter(channel=How.SMS).values_list("pk", flat=True) if rng.random() < 0.1]
    Delivery.objects.filter(pk__in=refused).update(
        status=DeliveryStatus.FAILED, claimed_at=sent_at, reason="The SMS provider answered 503"
    )
    waiting.exclude(pk__in=refused).update(status=DeliveryStatus.SENT, claimed_at=sent_at, sent_at=sent_at)
    letters_batch_build(mailout)
    Delivery.objects.filter(mailout=mailout, channel=How.LETTER).update(sent_at=sent_at, claimed_at=sent_at)
    MailOut.objects.filter(pk=mailout.pk).update(finished_at=sent_at)
    queued = PendingTask.objects.filter(task="mailouts.tasks.send_mailout")
    queued.filter(pk__in=[row.pk for row in queued if row.args == [mailout.pk]]).delete()
