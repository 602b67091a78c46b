"""Demo data for the involvement app: the landlord's menu, its residents' groups, documents with
its reviewing panel, and a training programme under its own name (Trident's in the demo; after
`load_landlord trafford`, the Review Crew and Skills 4 You). Idempotent: found by name, never duplicated."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from engagement.landlord import landlord_current
from engagement.models import Estate
from panels.cadence import add_months, on_a_working_day
from panels.models import Course, Membership, MembershipRole, Panel, PanelKind, TrainingRecord

from .models import (
    Booking,
    Group,
    GroupKind,
    GroupOfficer,
    GroupSupport,
    InvolvementLevel,
    OfficerRole,
    ProgrammeCourse,
    ReviewComment,
    ReviewDocument,
    ReviewStatus,
    SupportKind,
    TrainingProgramme,
)
from .services import landlord_load

# A stand-in file for demo drafts and constitutions (factory_boy, which makes real ones, is a test tool).
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def pdf_bytes() -> bytes:
    return PDF


# name, kind, estate, area, renewal in days from today (negative: overdue), support: (kind, days ago, £)
GROUPS = [
    (
        "Druids Heath Tenants' and Residents' Association",
        GroupKind.TRA,
        "Druids Heath",
        "Bellfounder Close, Ardencote Road and the blocks around the shops",
        45,
        [
            (SupportKind.SETTING_UP, 700, None),
            (SupportKind.BANK_ACCOUNT, 650, None),
            (SupportKind.GRANT, 400, "450.00"),
            (SupportKind.GRANT, 60, "300.00"),
        ],
    ),
    (
        "Castle Vale Residents' Forum",
        GroupKind.FORUM,
        "Castle Vale",
        "Farnborough Road and Tangmere Drive",
        -6,
        [(SupportKind.SETTING_UP, 300, None), (SupportKind.PROMOTION, 120, None)],
    ),
]

# title, kind, days ago sent, status, comments
DOCUMENTS = [
    (
        "Winter newsletter",
        "newsletter",
        40,
        ReviewStatus.APPROVED,
        ["The bit about the heating grant is clear now.", "Could the phone number be bigger on the back page?"],
    ),
    (
        "Rent and service charge letter 2027/28",
        "letter",
        5,
        ReviewStatus.IN_REVIEW,
        ["'Apportionment' needs explaining in plain words.", "The table is easier to follow than last year's."],
    ),
    (
        "Damp and mould: what to do leaflet",
        "leaflet",
        20,
        ReviewStatus.CHANGES,
        ["Put the 'report it now' number first, before the causes."],
    ),
]

# title, course, days from today, capacity, venue suffix
COURSES = [
    ("Chairing a meeting with confidence", Course.CHAIRING, -50, 12),
    ("Understanding the Tenant Satisfaction Measures", Course.TSM, -20, 15),
    ("Mystery shopping: how an exercise works", Course.MYSTERY_SHOPPING, 12, 10),
    ("Budgeting and saving on energy", Course.OTHER, 30, 16),
    ("Getting online: e-mail and video calls", Course.DIGITAL_SKILLS, 55, 8),
]


def seed(rng, today: datetime.date, context: dict) -> dict:
    landlord = landlord_current()
    with transaction.atomic():
        if not InvolvementLevel.objects.exists():
            landlord_load(key=landlord.configuration or "trident")
        involved = list(context.get("involved", []))
        officers = context.get("officers", [])
        manager = context.get("manager")
        _seed_groups(rng, today, involved, officers, manager)
        _seed_documents(today, landlord, involved, officers, manager)
        _seed_training(today, landlord, involved, officers)
    return {}


def _seed_groups(rng, today, involved, officers, manager) -> None:
    for index, (name, kind, estate_name, area, renewal_days, support) in enumerate(GROUPS):
        estate = Estate.objects.filter(name=estate_name).first()
        group, created = Group.objects.get_or_create(
            name=name,
            defaults={
                "kind": kind,
                "area": area,
                "patch": estate.patch if estate else None,
                "officer": officers[index % len(officers)] if officers else None,
                "renewal_due_on": today + datetime.timedelta(days=renewal_days),
                "constitution": ContentFile(pdf_bytes(), name="constitution.pdf") if kind == GroupKind.TRA else "",
                "constitution_content_type": "application/pdf" if kind == GroupKind.TRA else "",
                "constitution_adopted_on": today - datetime.timedelta(days=690) if kind == GroupKind.TRA else None,
            },
        )
        if not created:
            continue
        if estate:
            group.estates.add(estate)
        local = [c for c in involved if estate and c.estate_id == estate.pk]
        if len(local) < 2:  # not enough involved customers live there: officers from the wider area
            local = involved[index * 2 : index * 2 + 2]
        for role, customer in zip((OfficerRole.CHAIR, OfficerRole.SECRETARY), local, strict=False):
            GroupOfficer.objects.create(
                group=group, role=role, customer=customer, since=today - datetime.timedelta(days=400)
            )
        if kind == GroupKind.TRA:
            GroupOfficer.objects.create(
                group=group, role=OfficerRole.TREASURER, name="Pat Okonjo", since=today - datetime.timedelta(days=400)
            )
        for support_kind, days_ago, amount in support:
            GroupSupport.objects.create(
                group=group,
                kind=support_kind,
                given_on=today - datetime.timedelta(days=days_ago),
                amount=Decimal(amount) if amount else None,
                note="From the community chest" if support_kind == SupportKind.GRANT else "",
                recorded_by=group.officer or manager,
            )


def _review_panel(landlord, involved, today) -> Panel:
    panel, created = Panel.objects.get_or_create(
        name=landlord.review_panel_name,
        defaults={
            "kind": PanelKind.COMMUNICATIONS,
            "purpose": "Checks our letters and leaflets are clear and jargon-free.",
        },
    )
    if not Membership.objects.current().filter(panel=panel).exists():
        for position, customer in enumerate(involved[-5:]):
            Membership.objects.get_or_create(
                panel=panel,
                customer=customer,
                defaults={
                    "role": MembershipRole.CHAIR if position == 0 else MembershipRole.MEMBER,
                    "starts_on": today - datetime.timedelta(days=500),
                },
            )
    return panel


def _seed_documents(today, landlord, involved, officers, manager) -> None:
    if not involved or ReviewDocument.objects.exists():
        return
    panel = _review_panel(landlord, involved, today)
    members = [m.customer for m in Membership.objects.current().filter(panel=panel).select_related("customer__user")]
    for index, (title, kind, days_ago, status, comments) in enumerate(DOCUMENTS):
        sent = today - datetime.timedelta(days=days_ago)
        decided = status != ReviewStatus.IN_REVIEW
        document = ReviewDocument.objects.create(
            title=title,
            kind=kind,
            panel=panel,
            file=ContentFile(pdf_bytes(), name=f"draft-{index + 1}.pdf"),
            file_content_type="application/pdf",
            notes="Is it clear? Is there any jargon? Would you read it to the end?",
            submitted_by=officers[index % len(officers)] if officers else manager,
            submitted_on=sent,
            status=status,
            decided_by=manager if decided else None,
            decided_on=sent + datetime.timedelta(days=10) if decided else None,
            decision_note="Put the phone number first and explain 'condensation'."
            if status == ReviewStatus.CHANGES
            else "",
        )
        for number, body in enumerate(comments):
            author = (
                members[number % len(members)].user if members and members[number % len(members)].user_id else manager
            )
            ReviewComment.objects.create(document=document, author=author, body=body)


def _seed_training(today, landlord, involved, officers) -> None:
    if not involved or TrainingProgramme.objects.exists():
        return
    starts = today - datetime.timedelta(days=70)
    ends = add_months(starts, 6) - datetime.timedelta(days=1)
    programme = TrainingProgramme.objects.create(
        title=f"{landlord.training_programme_name}: {starts:%B %Y} to {ends:%B %Y}",
        starts_on=starts,
        ends_on=ends,
        published=True,
    )
    staff = officers[0] if officers else None
    venue = landlord.usual_venue or "Head office"
    for index, (title, course_kind, days, capacity) in enumerate(COURSES):
        held_on = on_a_working_day(today + datetime.timedelta(days=days))
        course = ProgrammeCourse.objects.create(
            programme=programme,
            title=title,
            course=course_kind,
            description="A friendly, practical session. Refreshments provided; we pay your travel and childcare.",
            provider="In-house" if index % 2 else "TPAS",
            held_on=held_on,
            starts_at=datetime.time(10, 0) if index % 2 else datetime.time(13, 30),
            venue=f"{venue}, training room",
            capacity=capacity,
        )
        # The demo writes its history directly (as the panels' demo does): the booking rules compare
        # with the real today, while the demo may be seeded for another day.
        attendees = involved[index * 3 : index * 3 + min(capacity - 2, 6)]
        for number, customer in enumerate(attendees):
            booking = Booking.objects.create(course=course, customer=customer, booked_by=staff)
            booked_on = min(held_on - datetime.timedelta(days=10 + number), today - datetime.timedelta(days=number))
            booked_at = datetime.datetime.combine(booked_on, datetime.time(11))
            Booking.objects.filter(pk=booking.pk).update(booked_at=timezone.make_aware(booked_at))
            if days < 0:
                booking.attended = number % 5 != 4
                if booking.attended:
                    booking.training_record, _ = TrainingRecord.objects.get_or_create(
                        customer=customer,
                        course=course.course,
                        title=course.title,
                        held_on=course.held_on,
                        defaults={"provider": course.provider, "completed": True, "recorded_by": staff},
                    )
                booking.save(update_fields=["attended", "training_record"])
        ProgrammeCourse.objects.filter(pk=course.pk).update(places_taken=len(attendees))
