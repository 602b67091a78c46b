"""Demo data for panels: every kind of panel with members, a year of meetings with minutes and
action plans, one scrutiny project at each stage, recruitment, training, expenses and walks.

Deterministic (only the given rng) and idempotent: panels are found by name (the surveys demo
may already have made "Estate Champions"), and the rest is skipped once the CVG has meetings.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction

from engagement.landlord import landlord_current
from engagement.models import Action, ActionStatus, Customer, EstateType
from engagement.workdays import add_working_days

from .cadence import add_months, on_a_working_day
from .deadlines import MINUTES_DUE_WORKING_DAYS, eoi_answer_due_on, minutes_due_on
from .models import (
    INDUCTION_CHECKLIST,
    Attendance,
    AttendanceStatus,
    AttendeeKind,
    Course,
    EoiStatus,
    EstateWalk,
    Evidence,
    EvidenceKind,
    ExpenseClaim,
    ExpenseKind,
    ExpenseStatus,
    ExpressionOfInterest,
    InductionItem,
    Meeting,
    MeetingPaper,
    MeetingStatus,
    Membership,
    MembershipRole,
    Panel,
    PanelKind,
    PaperKind,
    Recommendation,
    ResponseDecision,
    ScrutinyProject,
    ScrutinyStatus,
    TrainingRecord,
    WalkAttendee,
    WalkIssue,
    WalkKind,
    WalkStatus,
)
from .services import MILEAGE_RATE

CVG_TERMS = (
    "The group will be part of shaping, participating and reviewing a variety of activities, with a focus on "
    "resident and customer-led initiatives across different geographical locations.\n\nThe group will play a key "
    "role in influencing {short}'s communication strategies to meet the diverse needs of all residents and "
    "customers.\n\nOperating within {short}'s governance structure, the group will directly engage with the Homes "
    "and Communities Committee, holding {short} to account with effective challenge and insightful scrutiny of "
    "performance information including Tenant Satisfaction Measures, strategies, policies and services."
)

# name, kind, cadence (months or None), members, purpose, estate type for a local panel
PANELS = [
    (
        "Customer Voice Group",
        PanelKind.CUSTOMER_VOICE_GROUP,
        2,
        8,
        "Oversight and assurance to the board that the customer voice is heard in everything we do.",
        None,
    ),
    (
        "Customer Scrutiny Group",
        PanelKind.SCRUTINY_GROUP,
        1,
        6,
        "Customer-led deep dives into a service, with a report and an action plan monitored by the CVG.",
        None,
    ),
    (
        "Estate Champions",
        PanelKind.ESTATE_CHAMPIONS,
        None,
        6,
        "Customers who keep an eye on communal services on their estate without a commitment to meetings.",
        None,
    ),
    (
        "Communications Panel",
        PanelKind.COMMUNICATIONS,
        3,
        4,
        "Checks our letters, website and leaflets are clear, accessible and in the right formats.",
        None,
    ),
    (
        "Customer Experience Panel",
        PanelKind.CUSTOMER_EXPERIENCE,
        3,
        4,
        "Looks at complaints, response times and how we learn from feedback.",
        None,
    ),
    (
        "Policy Review Panel",
        PanelKind.POLICY_REVIEW,
        None,
        3,
        "Signs off that the customer voice has shaped customer-facing policies.",
        None,
    ),
    (
        "Procurement Panel",
        PanelKind.PROCUREMENT,
        None,
        3,
        "Helps write service specifications and marks the tender questions customers influenced.",
        None,
    ),
    (
        "Leaseholders' Forum",
        PanelKind.LEASEHOLDER_FORUM,
        3,
        3,
        "Leaseholders raise concerns about service charges and block services.",
        EstateType.LEASEHOLD_BLOCK,
    ),
    (
        "Castle Vale Residents' Forum",
        PanelKind.RESIDENTS_FORUM,
        2,
        4,
        "Local forum: residents raise concerns and get minutes and an action plan within "
        f"{MINUTES_DUE_WORKING_DAYS} working days.",
        EstateType.GENERAL_NEEDS,
    ),
    (
        "Youth Board",
        PanelKind.YOUTH_BOARD,
        3,
        3,
        "Young people aged 14–19 have a say in what happens in their neighbourhoods.",
        EstateType.YOUNG_PEOPLE,
    ),
    (
        "Northfield Community Panel",
        PanelKind.COMMUNITY_PANEL,
        2,
        4,
        "Allocates the neighbourhood budget against local priorities.",
        None,
    ),
    (
        "Quality and Insight Panel",
        PanelKind.QUALITY_INSIGHT,
        2,
        4,
        "Reviews services, investigates high-level complaints and commissions mystery shopping.",
        None,
    ),
    (
        "Turves Green Court Residents' Meeting",
        PanelKind.SCHEME_RESIDENTS,
        3,
        3,
        "Scheme residents meet the scheme manager about their building.",
        EstateType.CARE_SUPPORTED,
    ),
    (
        "ASB Case Review Panel",
        PanelKind.ASB_CASE_REVIEW,
        3,
        3,
        "Reviews anti-social behaviour cases and whether customers were treated fairly.",
        None,
    ),
    (
        "RSH & Consumer Standards Audit Group",
        PanelKind.STANDARDS_AUDIT,
        3,
        3,
        "Leads our self-assessment against the Regulator's consumer standards.",
        None,
    ),
    (
        "Involved Customer Recruitment Panel",
        PanelKind.RECRUITMENT,
        None,
        2,
        "Customers sit on interview panels for staff roles that affect them.",
        None,
    ),
    (
        "Druids Heath Tenants' and Residents' Association",
        PanelKind.TENANTS_ASSOCIATION,
        2,
        3,
        "An elected association campaigning for improvements on Druids Heath.",
        None,
    ),
]

MINUTES_ITEMS = [
    ("Repairs performance was below target.", "Ask the repairs manager to attend the next meeting with a plan."),
    ("Customers do not know how to report damp.", "Add a damp and mould page to the website and newsletter."),
    ("The TSM results for communal cleaning fell.", "Review the cleaning contract specification with customers."),
    ("Complaint letters are hard to understand.", "Rewrite the stage 1 response template in plain English."),
    ("Few young people take part.", "Hold a session with the Youth Board on how to reach them."),
    ("Service charge statements are confusing.", "Produce an easy read guide to service charges."),
]

SCRUTINY = [
    ("Anti-social behaviour case handling", ScrutinyStatus.SCOPING),
    ("Damp and mould response times", ScrutinyStatus.EVIDENCE),
    ("The lettable standard for empty homes", ScrutinyStatus.REPORTING),
    ("Repairs appointment communication", ScrutinyStatus.RESPONSE),
    ("Stage 1 complaint handling", ScrutinyStatus.MONITORING),
    ("Service charge transparency", ScrutinyStatus.CLOSED),
]

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def seed(rng: random.Random, today: datetime.date, context: dict) -> dict:
    officers, manager, involved = context["officers"], context["manager"], list(context["involved"])
    estates = context["estates"]
    with transaction.atomic():
        panels = _seed_panels(rng, officers, estates)
        if not Meeting.objects.filter(panel=panels["Customer Voice Group"]).exists():
            memberships = _seed_members(rng, today, panels, involved, estates)
            _seed_meetings(rng, today, panels, memberships, officers)
            _seed_scrutiny(rng, today, panels["Customer Scrutiny Group"], officers, manager)
            _seed_recruitment(rng, today, panels, involved, officers)
            _seed_training(rng, today, involved)
            _seed_expenses(rng, today, involved, officers)
            _seed_walks(rng, today, estates, involved, officers)
    return {"panels": panels, "cvg": panels["Customer Voice Group"]}


def _seed_panels(rng, officers, estates) -> dict[str, Panel]:
    panels = {}
    for index, (name, kind, cadence, _members, purpose, estate_type) in enumerate(PANELS):
        officer = officers[index % len(officers)]
        estate = next((e for e in estates if e.estate_type == estate_type), None) if estate_type else None
        if name.startswith("Castle Vale"):
            estate = next((e for e in estates if e.name == "Castle Vale"), estate)
        if name.startswith("Druids Heath"):
            estate = next((e for e in estates if e.name == "Druids Heath"), None)
        panel, _ = Panel.objects.get_or_create(
            name=name,
            defaults={
                "kind": kind,
                "purpose": purpose,
                "terms_of_reference": CVG_TERMS.format(short=landlord_current().short_name)
                if kind == PanelKind.CUSTOMER_VOICE_GROUP
                else "",
                "officer": officer,
                "meets_every_months": cadence,
                "term_years": 3 if kind in {PanelKind.CUSTOMER_VOICE_GROUP, PanelKind.SCRUTINY_GROUP} else None,
                "estate": estate,
                "recruiting": kind != PanelKind.RECRUITMENT,
            },
        )
        panels[name] = panel
    return panels


def _membership(panel, customer, role, starts_on, estates=()):
    membership, created = Membership.objects.get_or_create(
        panel=panel, customer=customer, starts_on=starts_on, defaults={"role": role}
    )
    if created:
        if estates:
            membership.estates.set(estates)
        InductionItem.objects.bulk_create(
            [
                InductionItem(membership=membership, position=n, title=title, done_on=starts_on if n < 4 else None)
                for n, title in enumerate(INDUCTION_CHECKLIST)
            ]
        )
    return membership


def _seed_members(rng, today, panels, involved, estates) -> dict[str, list[Membership]]:
    started = today - datetime.timedelta(days=400)
    result = {}
    for name, kind, _cadence, count, _purpose, _estate_type in PANELS:
        panel = panels[name]
        # Margaret Hughes (the demo login) sits on the CVG, the scrutiny group and a forum.
        pool = involved[1:]
        chosen = rng.sample(pool, count)
        if kind in {PanelKind.CUSTOMER_VOICE_GROUP, PanelKind.SCRUTINY_GROUP, PanelKind.COMMUNICATIONS}:
            chosen = [involved[0], *chosen[:-1]]
        rows = []
        if kind == PanelKind.ESTATE_CHAMPIONS:
            existing = Membership.objects.current(today).filter(panel=panel).values_list("customer_id", flat=True)
            for customer in chosen:
                if customer.pk in set(existing):
                    continue
                rows.append(_membership(panel, customer, MembershipRole.CHAMPION, started, estates=[customer.estate]))
        else:
            for position, customer in enumerate(chosen):
                role = (
                    MembershipRole.CHAIR
                    if position == 0
                    else (MembershipRole.VICE_CHAIR if position == 1 and count > 4 else MembershipRole.MEMBER)
                )
                rows.append(_membership(panel, customer, role, started))
        result[name] = rows
    # One member of the CVG stood down during the year.
    cvg_rows = result["Customer Voice Group"]
    if len(cvg_rows) > 3:
        Membership.objects.filter(pk=cvg_rows[-1].pk).update(ends_on=today - datetime.timedelta(days=60))
    return result


def _pdf(name: str) -> ContentFile:
    return ContentFile(PDF, name=name)


def _seed_meetings(rng, today, panels, memberships, officers) -> None:
    for index, (name, _kind, cadence, _count, _purpose, _estate_type) in enumerate(PANELS):
        panel = panels[name]
        if not cadence:
            continue
        # Two years of meetings, each panel on its own day of the month (never all "met today").
        anchor = on_a_working_day(add_months(today, -24) + datetime.timedelta(days=3 + (index * 11) % 26))
        Panel.objects.filter(pk=panel.pk, cadence_from__isnull=True).update(cadence_from=anchor)
        members = memberships.get(name, [])
        venue = landlord_current().usual_venue or "Head office"
        discussed: set = set()
        slots = []
        step = 0
        while (slot := on_a_working_day(add_months(anchor, cadence * step))) <= add_months(today, cadence):
            slots.append(slot)
            step += 1
        # The Communications Panel missed its last meeting: the portal flags it.
        if name == "Communications Panel" and len(slots) > 2:
            slots = slots[:-2]
        for number, meets_on in enumerate(slots):
            held = meets_on <= today
            meeting = Meeting.objects.create(
                panel=panel,
                meets_on=meets_on,
                starts_at=datetime.time(18, 0) if panel.estate_id else datetime.time(10, 30),
                venue=f"{panel.estate} community room" if panel.estate_id else f"{venue}, Room 2 and online",
                agenda="1. Welcome and apologies\n2. Minutes and action plan of the last meeting\n"
                "3. Performance report and Tenant Satisfaction Measures\n4. Customer feedback\n5. Any other business",
                status=MeetingStatus.HELD if held else MeetingStatus.PLANNED,
                minutes_due_on=minutes_due_on(meets_on) if held else None,
                created_by=panel.officer,
            )
            if panel.kind == PanelKind.CUSTOMER_VOICE_GROUP:
                MeetingPaper.objects.create(
                    meeting=meeting,
                    title="Quarterly performance report",
                    kind=PaperKind.REPORT,
                    file=_pdf(f"performance-{meets_on:%Y-%m}.pdf"),
                    uploaded_by=panel.officer,
                )
            if not held:
                continue
            _hold(
                rng,
                today,
                meeting,
                panel,
                members,
                officers,
                last=number == len(slots) - 1 or (number + 1 < len(slots) and slots[number + 1] > today),
                discussed=discussed,
            )


def _hold(rng, today, meeting, panel, members, officers, *, last: bool, discussed: set) -> None:
    due = minutes_due_on(meeting.meets_on)
    Attendance.objects.bulk_create(
        [
            Attendance(
                meeting=meeting,
                customer=m.customer,
                status=rng.choices(
                    [AttendanceStatus.PRESENT, AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT], [75, 20, 5]
                )[0],
            )
            for m in members
            if m.starts_on <= meeting.meets_on
        ]
    )
    meeting.staff_present.set([panel.officer] if panel.officer else [])
    # A panel raises each concern once and then follows its action; it does not agree the same action again.
    fresh = [item for item in MINUTES_ITEMS if item not in discussed]
    items = rng.sample(fresh, min(len(fresh), 2 if panel.kind == PanelKind.CUSTOMER_VOICE_GROUP else 1))
    discussed.update(items)
    meeting.minutes = "Present: see attendance.\n\n" + "\n\n".join(
        [f"Item {n}: {said} The group discussed this and agreed an action." for n, (said, _will) in enumerate(items, 2)]
        + [f"Item {len(items) + 2}: Progress on the action plan was reviewed."]
    )
    meeting.minutes_due_on = due
    # The latest meeting's minutes are still being written (due or overdue); earlier ones are
    # published, mostly on time.
    if last and due >= today - datetime.timedelta(days=20):
        meeting.minutes_published_on = None
    else:
        meeting.minutes_published_on = add_working_days(due, rng.choice([-6, -3, -1, 0, 0, 2]))
    meeting.save()
    for said, will in items:
        action_due = due + datetime.timedelta(days=rng.randint(20, 80))
        # Most actions are done on time; the few still open are recent (a believable overdue board).
        chance = rng.random()
        done = (action_due < today - datetime.timedelta(days=28) and chance < 0.97) or (
            action_due < today and chance < 0.6
        )
        action = Action(
            you_said=f"{panel.name}: {said}",
            we_will=will,
            owner=panel.officer or officers[0],
            estate=panel.estate,
            due_on=action_due,
            status=ActionStatus.DONE if done else ActionStatus.OPEN,
            done_on=min(action_due, today) if done else None,
            we_did=f"Done: {will[0].lower()}{will[1:]}" if done else "",
            publish=True,
            created_by=panel.officer,
        )
        action.source = meeting
        action.save()


def _seed_scrutiny(rng, today, panel, officers, manager) -> None:
    order = list(ScrutinyStatus.values)
    for index, (topic, status) in enumerate(SCRUTINY):
        stage = order.index(status)
        started = today - datetime.timedelta(days=30 + 60 * index)
        project = ScrutinyProject.objects.create(
            panel=panel,
            topic=topic,
            scope=f"How well {topic.lower()} works for customers, from first contact to putting things right.",
            lead_officer=officers[index % len(officers)],
            status=status,
            started_on=started,
        )
        if stage >= 1:
            Evidence.objects.create(
                project=project,
                kind=EvidenceKind.MYSTERY_SHOPPING,
                title="Mystery shopping calls",
                notes=f"{rng.randint(4, 8)} of 10 calls were handled as the service standard promises.",
                gathered_on=started + datetime.timedelta(days=14),
            )
            Evidence.objects.create(
                project=project,
                kind=EvidenceKind.DOCUMENT,
                title="Performance data for the last year",
                notes="Provided by the service manager.",
                file=_pdf(f"evidence-{index}.pdf"),
                gathered_on=started + datetime.timedelta(days=21),
            )
        if stage >= 2:
            project.findings = "Customers are not always told what will happen next or when."
            Recommendation.objects.create(project=project, number=1, text="Tell customers the next step in writing.")
            Recommendation.objects.create(project=project, number=2, text="Give every case a named officer.")
        if stage >= 3:
            project.report_text = (
                f"Final report of the Customer Scrutiny Group on {topic.lower()}.\n\n{project.findings}"
            )
            project.report_delivered_on = started + datetime.timedelta(days=50)
        if stage >= 4:
            for number, decision in ((1, ResponseDecision.ACCEPTED), (2, ResponseDecision.PARTLY)):
                Recommendation.objects.filter(project=project, number=number).update(
                    decision=decision,
                    response="Agreed by the leadership team.",
                    responded_by=manager,
                    responded_on=project.report_delivered_on + datetime.timedelta(days=14),
                )
            for number, offset in ((1, -10), (2, 40)):
                due = today + datetime.timedelta(days=offset)
                done = status == ScrutinyStatus.CLOSED
                action = Action(
                    you_said=f"Scrutiny review of {topic}, recommendation {number}",
                    we_will="Update the letters and the process" if number == 1 else "Assign a named case officer",
                    owner=project.lead_officer,
                    due_on=due if not done else project.report_delivered_on + datetime.timedelta(days=60),
                    status=ActionStatus.DONE if done else ActionStatus.OPEN,
                    done_on=project.report_delivered_on + datetime.timedelta(days=55) if done else None,
                    we_did="Done and checked by the group." if done else "",
                    publish=True,
                    created_by=manager,
                )
                action.source = project
                action.save()
        if stage >= 5:
            project.closed_on = today - datetime.timedelta(days=20)
        project.save()


def _seed_recruitment(rng, today, panels, involved, officers) -> None:
    members = set(Membership.objects.current(today).values_list("panel_id", "customer_id"))
    candidates = [c for c in involved[10:] if c.user_id]
    plan = [
        ("Customer Voice Group", EoiStatus.AWAITING, 1),
        ("Youth Board", EoiStatus.AWAITING, 4),  # overdue
        ("Communications Panel", EoiStatus.ACCEPTED, 30),
        ("Customer Experience Panel", EoiStatus.ACCEPTED, 60),
        ("Procurement Panel", EoiStatus.DECLINED, 45),
    ]
    for (name, status, days_ago), customer in zip(plan, candidates, strict=False):
        panel = panels[name]
        if (panel.pk, customer.pk) in members:
            continue
        submitted = today - datetime.timedelta(days=days_ago)
        due = eoi_answer_due_on(submitted)
        eoi = ExpressionOfInterest.objects.create(
            panel=panel,
            customer=customer,
            availability=rng.sample(["weekday_daytime", "weekday_evenings", "weekends", "online_only"], 2),
            communication_needs=rng.choice(["", "Large print papers please.", "I use a hearing loop."]),
            why="I want to help improve services for my neighbours.",
            submitted_on=submitted,
            answer_due_on=due,
            status=status,
            answered_on=None if status == EoiStatus.AWAITING else add_working_days(submitted, rng.choice([1, 2, 3])),
            answered_by=None if status == EoiStatus.AWAITING else panel.officer,
            answer_note="The panel is full until the spring." if status == EoiStatus.DECLINED else "",
        )
        if status == EoiStatus.ACCEPTED:
            eoi.membership = _membership(panel, customer, MembershipRole.MEMBER, eoi.answered_on)
            eoi.save(update_fields=["membership"])


def _seed_training(rng, today, involved) -> None:
    courses = [Course.SCRUTINY_SKILLS, Course.CHAIRING, Course.TSM, Course.MYSTERY_SHOPPING, Course.SAFEGUARDING]
    for customer in involved[:15]:
        TrainingRecord.objects.get_or_create(
            customer=customer,
            course=Course.INDUCTION,
            title="",
            held_on=today - datetime.timedelta(days=300),
            defaults={"completed": True, "provider": "In-house"},
        )
        course = rng.choice(courses)
        held = today + datetime.timedelta(days=rng.randint(-250, 40))
        TrainingRecord.objects.get_or_create(
            customer=customer,
            course=course,
            title="",
            held_on=held,
            defaults={"completed": held < today, "provider": rng.choice(["TPAS", "In-house"])},
        )


def _seed_expenses(rng, today, involved, officers) -> None:
    for index, customer in enumerate(involved[:8]):
        kind = [ExpenseKind.MILEAGE, ExpenseKind.TRAVEL, ExpenseKind.CHILDCARE, ExpenseKind.LOSS_OF_EARNINGS][index % 4]
        miles = Decimal(rng.randint(4, 30)) if kind == ExpenseKind.MILEAGE else None
        amount = (miles * MILEAGE_RATE).quantize(Decimal("0.01")) if miles else Decimal(rng.randint(300, 4500)) / 100
        status = [ExpenseStatus.SUBMITTED, ExpenseStatus.APPROVED, ExpenseStatus.APPROVED, ExpenseStatus.REJECTED][
            index % 4
        ]
        ExpenseClaim.objects.create(
            customer=customer,
            kind=kind,
            incurred_on=today - datetime.timedelta(days=5 + 9 * index),
            description="Customer Voice Group meeting" if index % 2 else "Scrutiny group evidence session",
            miles=miles,
            mileage_rate=MILEAGE_RATE if miles else None,
            amount=amount,
            receipt=_pdf(f"receipt-{index}.pdf") if kind != ExpenseKind.MILEAGE and amount > 10 else "",
            status=status,
            decided_by=None if status == ExpenseStatus.SUBMITTED else officers[0],
            decision_reason="Childcare was arranged by us for this meeting."
            if status == ExpenseStatus.REJECTED
            else "",
        )


WALK_ISSUES = [
    ("Fly-tipping by the garages", "Garage block behind the shops", "Clear the rubbish and add CCTV signs"),
    ("Broken light in the stairwell", "Stairwell B, ground floor", "Repair the light within 5 working days"),
    ("Overgrown hedge blocking the path", "Footpath to the bus stop", "Cut back the hedge on the next visit"),
    ("Graffiti on the play area fence", "Play area on the green", "Remove the graffiti"),
    ("Parking on the grass verge", "Verge outside the community centre", "Ask the council about bollards"),
]


def _seed_walks(rng, today, estates, involved, officers) -> None:
    general = [e for e in estates if e.estate_type == EstateType.GENERAL_NEEDS]
    kinds = [
        WalkKind.ESTATE,
        WalkKind.BLOCK,
        WalkKind.STREET,
        WalkKind.ISSUE,
        WalkKind.PARTNER,
        WalkKind.YOUNG_PEOPLE,
        WalkKind.RIDE_ABOUT,
    ]
    for index, kind in enumerate(kinds):
        estate = general[index % len(general)]
        walks_on = on_a_working_day(today - datetime.timedelta(days=300 - 45 * index))
        held = walks_on <= today - datetime.timedelta(days=3)
        officer = estate.officer or officers[0]
        walk = EstateWalk.objects.create(
            kind=kind,
            estate=estate,
            walks_on=walks_on,
            starts_at=datetime.time(10, 0),
            lead_officer=officer,
            area={WalkKind.BLOCK: "Block B", WalkKind.STREET: "Alder Close", WalkKind.ISSUE: "litter"}.get(kind, ""),
            route="From the community centre, round the blocks and back via the play area.",
            status=WalkStatus.HELD if held else WalkStatus.PLANNED,
            actions_sent_on=walks_on + datetime.timedelta(days=2) if held else None,
        )
        sent = walk.actions_sent_on
        WalkAttendee.objects.create(walk=walk, kind=AttendeeKind.OFFICER, user=officer, actions_sent_on=sent)
        for customer in rng.sample(involved, 2):
            WalkAttendee.objects.create(walk=walk, kind=AttendeeKind.CUSTOMER, customer=customer, actions_sent_on=sent)
        resident = Customer.objects.filter(estate=estate, user__isnull=True).order_by("reference").first()
        if resident:
            WalkAttendee.objects.create(walk=walk, kind=AttendeeKind.CUSTOMER, customer=resident, actions_sent_on=sent)
        if kind == WalkKind.PARTNER:
            WalkAttendee.objects.create(
                walk=walk,
                kind=AttendeeKind.PARTNER,
                name="PC Sam Clarke",
                organisation="West Midlands Police",
                email="neighbourhood@police.example",
                actions_sent_on=sent,
            )
        if not held:
            continue
        for description, location, will in rng.sample(WALK_ISSUES, 2):
            due = walks_on + datetime.timedelta(days=rng.choice([14, 28, 56]))
            done = due < today and rng.random() < 0.7
            action = Action(
                you_said=f"{description} ({location})",
                we_will=will,
                owner=officer,
                estate=estate,
                due_on=due,
                status=ActionStatus.DONE if done else ActionStatus.OPEN,
                done_on=due if done else None,
                we_did=f"Done: {will[0].lower()}{will[1:]}" if done else "",
                publish=True,
                created_by=officer,
            )
            action.source = walk
            action.save()
            WalkIssue.objects.create(walk=walk, description=description, location=location, action=action)
        _walk_mailout(walk, officer)


def _walk_mailout(walk: EstateWalk, officer) -> None:
    """The walk's actions as they were sent: one mail-out to its customers and partners (queued;
    the mailouts demo records it delivered on the day)."""
    from mailouts.services import Recipient, kind_for, mailout_create

    from .services.walks import walk_action_summary

    attendees = walk.attendees.exclude(kind=AttendeeKind.OFFICER).select_related("customer")
    mailout, _ = mailout_create(
        kind=kind_for("estate-walk-actions", "Estate-walk actions"),
        subject=f"Actions from the walkabout at {walk.estate}",
        body=walk_action_summary(walk),
        by=officer,
        customers=[a.customer for a in attendees if a.customer_id],
        others=[Recipient(name=a.display_name, email=a.email) for a in attendees if not a.customer_id],
        audience_label=f"Attendees of the {walk}",
        source_key=f"walk:{walk.pk}",
    )
    sent_at = datetime.datetime.combine(walk.actions_sent_on, datetime.time(10, 30), tzinfo=datetime.UTC)
    type(mailout).objects.filter(pk=mailout.pk).update(created_at=sent_at)
