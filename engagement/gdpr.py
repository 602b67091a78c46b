"""A customer's GDPR rights: everything we hold about them (right of access) and erasure.

What is held is gathered from the core (the customer record, their portal login and its
notifications) and from every app that registered what it keeps (engagement.registry
`register_personal_data`, in each app's portal.py); the core never imports an app.

Erasure anonymises rather than deletes: the Customer row stays with its estate and tenure, so
every complaint, survey response, attendance and membership still counts in the reports exactly as
before, but nothing in it identifies the person any more — name, address, contact details, free
text they typed, files they uploaded, letters, their login. The audit trail keeps who did what and
when, without the old values (they would bring the data back). The old tenancy reference is kept
only as a digest (Customer.erased_reference_digest), so an import or the demo seed recognises the
person and never creates them again.

Both the export and the erasure are recorded in the audit log (django-auditlog) with the manager
who did them; the views ask for confirmation first (a POST after a confirmation page).
"""

from __future__ import annotations

import datetime

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, Value
from django.db.models.functions import Replace
from django.utils import timezone

from .models import Customer, Notification, User
from .registry import PERSONAL_DATA

ERASED_NAME = "Erased"
ERASED_SURNAME = "customer"


def _plain(value):
    if isinstance(value, datetime.datetime):
        # Local time without seconds, readable on the page and still sortable: "2026-11-24 14:05".
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return local.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def plain_record(**values) -> dict:
    """A record for an export: values as JSON-friendly plain types (dates as ISO text)."""
    return {key: _plain(value) for key, value in values.items()}


def records_of(queryset, fields: list[str]) -> list[dict]:
    """Export rows: each field under its verbose name, choices as their labels, files by name."""
    model = queryset.model
    rows = []
    for obj in queryset:
        row = {}
        for name in fields:
            field = model._meta.get_field(name)
            value = getattr(obj, f"get_{name}_display")() if field.choices else getattr(obj, name)
            if hasattr(value, "name") and hasattr(value, "storage"):  # a file: its stored name, or nothing
                value = value.name or None
            row[str(field.verbose_name)] = _plain(value)
        rows.append(row)
    return rows


REMOVED = "[removed on GDPR erasure]"


def _core_sections(customer: Customer) -> list[dict]:
    record = plain_record(
        **{
            "tenancy reference": customer.reference,
            "title": customer.title,
            "first name": customer.first_name,
            "last name": customer.last_name,
            "address": customer.address,
            "postcode": customer.postcode,
            "estate": str(customer.estate),
            "tenure": customer.get_tenure_display(),
            "email": customer.email,
            "phone": customer.phone,
            "preferred contact": customer.get_preferred_channel_display(),
            "preferred language": customer.language,
            "large print": customer.large_print,
            "braille": customer.braille,
            "easy read": customer.easy_read,
            "digitally excluded": customer.digitally_excluded,
            "needs assistance": customer.needs_assistance,
            "assistance notes": customer.assistance_notes,
            "consent to contact": customer.consent_to_contact,
            "record created": customer.created_at,
            "last changed": customer.updated_at,
        }
    )
    sections = [{"key": "customer", "label": "Customer record", "records": [record]}]
    user = customer.user
    if user is not None:
        login = plain_record(
            username=user.username,
            **{"first name": user.first_name, "last name": user.last_name, "email": user.email},
            joined=user.date_joined,
            **{"last login": user.last_login, "active": user.is_active},
        )
        notifications = [
            plain_record(title=n.title, message=n.body, link=n.url, sent=n.created_at, read=n.read_at)
            for n in user.notifications.order_by("created_at")
        ]
        sections.append({"key": "login", "label": "Portal login", "records": [login]})
        sections.append({"key": "notifications", "label": "Notifications", "records": notifications})
    return sections


def _audit(customer_pk: int, label: str, *, action: int, text: str, by: User, at, data: dict) -> None:
    """One audit entry for a GDPR action on a customer, written directly: the row's own changes are
    not logged (an erasure must not keep the values it removes)."""
    LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(Customer),
        object_pk=str(customer_pk),
        object_id=customer_pk,
        object_repr=label,
        action=action,
        changes_text=text,
        actor=by,
        timestamp=at,
        additional_data=data,
    )


def customer_data_export(*, customer: Customer, by: User) -> dict:
    """Everything held about `customer`, as sections of plain records; the export is audited."""
    sections = _core_sections(customer)
    for source in sorted(PERSONAL_DATA.values(), key=lambda s: (s.order, s.key)):
        sections.append({"key": source.key, "label": source.label, "records": source.export(customer)})
    now = timezone.now()
    _audit(
        customer.pk,
        f"Customer {customer.reference}",
        action=LogEntry.Action.ACCESS,
        text="GDPR export of everything held",
        by=by,
        at=now,
        data={"gdpr": "export", "records": sum(len(s["records"]) for s in sections)},
    )
    return {
        "customer": customer.reference,
        "exported_at": _plain(now),
        "exported_by": by.get_full_name() or by.username,
        "sections": sections,
    }


def audit_scrub(queryset) -> int:
    """Remove the recorded values from the audit entries of these objects (keep who, what, when).

    For erasure: an entry that says "description: 'My neighbour at 12 ...'" would keep what the
    erasure removes. Returns how many entries were scrubbed."""
    entries = LogEntry.objects.get_for_objects(queryset)
    return entries.update(
        changes=None, changes_text="(values removed on GDPR erasure)", serialized_data=None, object_repr="(erased)"
    )


@transaction.atomic
def customer_erase(*, customer: Customer, by: User, now: datetime.datetime | None = None) -> dict[str, int]:
    """Anonymise everything held about `customer` (see the module docstring); returns what changed
    per kind of record. Refuses a customer already erased."""
    customer = Customer.objects.select_for_update().get(pk=customer.pk)
    if customer.erased_at is not None:
        raise ValidationError("This customer's personal data has already been erased.")
    now = now or timezone.now()
    changed = {}
    for source in sorted(PERSONAL_DATA.values(), key=lambda s: (s.order, s.key)):
        changed[source.key] = source.erase(customer)

    user = customer.user
    if user is not None:
        changed["notifications"] = user.notifications.all().delete()[0]
        audit_scrub(User.objects.filter(pk=user.pk))
        user.username = f"erased-{customer.pk}"
        user.first_name = user.last_name = user.email = ""
        user.phone = user.job_title = ""
        user.is_active = False
        user.set_unusable_password()
        user.save()
        changed["login"] = 1

    # Staff were told about them by name ("Cora Customer would like to join the CVG").
    names = {customer.full_name, f"{customer.first_name} {customer.last_name}"}
    for name in sorted(names, key=len, reverse=True):
        told = Notification.objects.filter(Q(title__contains=name) | Q(body__contains=name))
        changed["staff notifications"] = changed.get("staff notifications", 0) + told.update(
            title=Replace("title", Value(name), Value("a customer")),
            body=Replace("body", Value(name), Value("a customer")),
        )

    # Every record that points at them (whatever app owns it) may have an audit entry naming them.
    for relation in Customer._meta.related_objects:
        if relation.one_to_many or relation.one_to_one:
            audit_scrub(relation.related_model._default_manager.filter(**{relation.field.name: customer}))
    audit_scrub(Customer.objects.filter(pk=customer.pk))
    if user is not None:
        LogEntry.objects.filter(actor=user).update(actor_email="")
    digest = Customer.reference_digest(customer.reference)
    # update(), not save(): the audit log would otherwise record the old values it is meant to lose.
    Customer.objects.filter(pk=customer.pk).update(
        reference=f"ERASED-{customer.pk}",
        source_reference="",  # the housing system's id would identify them again (and let an import refill the row)
        title="",
        first_name=ERASED_NAME,
        last_name=ERASED_SURNAME,
        address="",
        postcode="",
        email="",
        phone="",
        language="English",
        large_print=False,
        braille=False,
        easy_read=False,
        digitally_excluded=False,
        needs_assistance=False,
        assistance_notes="",
        consent_to_contact=False,
        user=None,
        erased_at=now,
        erased_reference_digest=digest,
        updated_at=now,
    )
    changed["customer"] = 1
    _audit(
        customer.pk,
        f"Customer ERASED-{customer.pk}",
        action=LogEntry.Action.UPDATE,
        text="GDPR erasure: personal data removed",
        by=by,
        at=now,
        data={"gdpr": "erasure", "changed": changed},
    )
    return changed
