"""Demo data for scheme obligations: each care & supported scheme, young people's service and
leasehold block with its settings and a believable financial year so far: residents' meetings
held most months (some missed), May surveys run at most schemes, managers invited most quarters,
posters printed, Sense Checks and leaseholders' meetings, young people leaving with exit
interviews, suggestion-box notes, and informal feedback with an incident or two.

Deterministic (the given rng) and idempotent: the year's history is added once (when no scheme
has settings yet); proposing and matching evidence run every time and add nothing twice.
"""

from __future__ import annotations

import datetime

from django.db import transaction

from engagement.models import Estate, EstateType, PosterPrint, Role, User
from engagement.workdays import is_working_day, next_working_day
from feedback.services import suggestion_respond
from panels.deadlines import minutes_due_on
from panels.models import Meeting, MeetingStatus, Panel, PanelKind
from surveys.models import Question, ResponseChannel, Scale, Survey
from surveys.services.responses import response_record

from . import cadence, services
from .models import (
    SERVICE_AREAS,
    FeedbackKind,
    InformalFeedback,
    Obligation,
    RaisedBy,
    ReviewStatus,
    SchemeSettings,
    Service,
)
from .rhythms import FIXED_AGENDA, QUARTERLY_INVITEES

SCHEME_MANAGERS = ["Denise Albright", "Kwame Boateng", "Fiona MacLeod", "Imran Hussain", "Helen Ward", "Gareth Lloyd"]
BOX_NOTES = [
    (
        "Can we have wifi in the common room that actually works in the evenings?",
        "Fit a wifi booster in the common room.",
    ),
    ("A cooking skills session once a month would help before we move on.", "Run a monthly cooking skills session."),
    ("The laundry room door sticks and you have to kick it.", "Repair the laundry room door."),
    ("Could the bike store have a proper lock?", "Fit a keypad lock to the bike store."),
]
NOTES = [
    (
        FeedbackKind.PRAISE,
        Service.CLEANING,
        RaisedBy.RELATIVE,
        "Mrs Ahmed's daughter said the communal lounge has never looked so clean and thanked the cleaner.",
    ),
    (
        FeedbackKind.CRITICISM,
        Service.REPAIRS,
        RaisedBy.CUSTOMER,
        "Residents at the coffee morning said the lift was "
        "out for three days and nobody told them when it would be fixed.",
    ),
    (
        FeedbackKind.ADVERSE_EVENT,
        Service.SAFETY,
        RaisedBy.STAFF,
        "Fire door on the second floor found wedged open with a chair during the weekly check.",
    ),
    (
        FeedbackKind.NEAR_MISS,
        Service.GROUNDS,
        RaisedBy.CUSTOMER,
        "A resident nearly slipped on wet leaves on the ramp to the front entrance; nobody was hurt.",
    ),
    (
        FeedbackKind.IDEA,
        Service.COMMUNICATION,
        RaisedBy.CUSTOMER,
        "Could the newsletter come in large print for the residents at this scheme?",
    ),
    (
        FeedbackKind.CRITICISM,
        Service.STAFF,
        RaisedBy.RELATIVE,
        "A relative felt the out-of-hours call handler was short with her father.",
    ),
]


def _working(day: datetime.date) -> datetime.date:
    return day if is_working_day(day) else next_working_day(day)


def _panel(scheme: Estate, officer) -> Panel:
    kind = (
        PanelKind.LEASEHOLDER_FORUM if scheme.estate_type == EstateType.LEASEHOLD_BLOCK else PanelKind.SCHEME_RESIDENTS
    )
    suffix = "leaseholders' meeting" if kind == PanelKind.LEASEHOLDER_FORUM else "residents' meeting"
    panel = Panel.objects.filter(estate=scheme, kind=kind).first()
    return panel or Panel.objects.create(
        name=f"{scheme.name} {suffix}", kind=kind, estate=scheme, officer=officer, recruiting=False
    )


def _hold(panel: Panel, day: datetime.date, today: datetime.date, agenda: str = "") -> Meeting:
    due = minutes_due_on(day)
    meeting, _ = Meeting.objects.get_or_create(
        panel=panel,
        meets_on=day,
        defaults={
            "status": MeetingStatus.HELD,
            "venue": "Scheme lounge" if panel.kind == PanelKind.SCHEME_RESIDENTS else "Online (Teams)",
            "agenda": agenda or "1. Actions from last time\n2. Repairs and services\n3. Any other business",
            "minutes": "Residents discussed the actions from the last meeting and raised new issues.",
            "minutes_due_on": due,
            "minutes_published_on": due if due < today else None,
        },
    )
    return meeting


def _survey(scheme, title, opens_on, closes_on, questions, customers, rng):
    survey, created = Survey.objects.get_or_create(
        title=title,
        defaults={
            "purpose": "Residents' views of their home and of us as their landlord.",
            "opens_on": opens_on,
            "closes_on": closes_on,
            "tenures": [],
        },
    )
    if created:
        Question.objects.bulk_create(
            Question(survey=survey, position=n, code=code, text=text, scale=scale)
            for n, (code, scale, text) in enumerate(questions, start=1)
        )
        survey.estates.set([scheme])
    if not survey.responses.exists():
        qs = list(survey.questions.all())
        for customer in customers:
            answers = {
                q.pk: {
                    "value": rng.choice(
                        ["very_satisfied", "fairly_satisfied", "fairly_satisfied", "neither", "fairly_dissatisfied"]
                    )
                }
                if q.is_closed
                else {"text": ""}
                for q in qs
            }
            response_record(
                survey=survey,
                estate=scheme,
                tenure=customer.tenure,
                channel=ResponseChannel.PAPER,
                answers=answers,
                customer=customer,
                responded_on=opens_on + datetime.timedelta(days=3),
            )
    return survey


def seed(rng, today: datetime.date, context: dict) -> dict:
    officers = context.get("officers") or list(User.objects.officers().filter(role=Role.OFFICER))
    manager = context.get("manager") or User.objects.managers().first()
    schemes = list(Estate.objects.filter(estate_type__in=SERVICE_AREAS).select_related("patch").order_by("name"))
    year = cadence.financial_year_of(today)
    fresh = not SchemeSettings.objects.filter(scheme__in=schemes).exists()
    with transaction.atomic():
        if fresh:
            _seed_settings(rng, schemes, officers)
            services.obligations_propose(year=year, today=today)
            _seed_history(rng, today, year, schemes, officers, manager)
        services.obligations_propose(year=year, today=today)
        services.obligations_match_evidence(today=today)
    return {"schemes": schemes}


def _seed_settings(rng, schemes, officers) -> None:
    for n, scheme in enumerate(schemes):
        SchemeSettings.objects.create(
            scheme=scheme,
            ihmo=officers[n % len(officers)] if officers else None,
            scheme_manager=SCHEME_MANAGERS[n % len(SCHEME_MANAGERS)],
            meeting_every_months=[1, 2, 3, 6][n % 4],
            sense_check_every_months=3 if n % 2 else 6,
        )


def _seed_history(rng, today, year, schemes, officers, manager) -> None:
    for scheme in schemes:
        officer = scheme.officer or scheme.patch.officer or (officers[0] if officers else manager)
        panel = _panel(scheme, officer)
        customers = list(scheme.customers.filter(erased_at__isnull=True).order_by("reference")[:6])
        obligations = {
            (o.template.kind, o.period_start): o
            for o in Obligation.objects.filter(scheme=scheme).select_related("template")
        }
        settings = scheme.scheme_settings
        if scheme.estate_type in (EstateType.CARE_SUPPORTED, EstateType.YOUNG_PEOPLE):
            every = 1 if scheme.estate_type == EstateType.CARE_SUPPORTED else settings.meeting_every_months
            for period in cadence.periods_in_year(year=year, every_months=every):
                # Most periods have their meeting; each scheme misses one now and then.
                if period.end < today and rng.random() < 0.82:
                    _hold(panel, _working(period.start + datetime.timedelta(days=rng.randint(6, 20))), today)
        if scheme.estate_type == EstateType.CARE_SUPPORTED:
            _seed_care(rng, today, year, scheme, customers, obligations, officer)
        elif scheme.estate_type == EstateType.YOUNG_PEOPLE:
            _seed_young(rng, today, scheme, officer, manager)
        else:
            _seed_leasehold(rng, today, year, scheme, panel, customers, obligations, officer, settings)
        # A poster most quarters.
        for quarter_start in cadence.periods_in_year(year=year, every_months=3):
            if quarter_start.end < today and rng.random() < 0.75:
                day = quarter_start.start + datetime.timedelta(days=rng.randint(20, 80))
                PosterPrint.objects.create(
                    estate=scheme,
                    printed_by=officer,
                    printed_on=day,
                    printed_at=datetime.datetime.combine(day, datetime.time(10, tzinfo=datetime.UTC)),
                )
    _seed_notes(rng, today, schemes, officers, manager)


def _record(obligation, by, met_on, **kwargs) -> None:
    if obligation is not None and obligation.met_on is None:
        services.obligation_record(obligation=obligation, by=by, met_on=met_on, **kwargs)


def _seed_care(rng, today, year, scheme, customers, obligations, officer) -> None:
    from engagement.services import action_create

    if rng.random() < 0.7:
        _survey(
            scheme,
            f"Residents' satisfaction survey, May {year}: {scheme.name}",
            datetime.date(year, 5, 6),
            datetime.date(year, 5, 29),
            [
                ("Q1", Scale.SATISFACTION, "How satisfied are you with the place you live?"),
                ("Q2", Scale.SATISFACTION, "How satisfied are you with us as your landlord?"),
            ],
            customers,
            rng,
        )
        if rng.random() < 0.75:
            action = action_create(
                you_said="Residents were unhappy with how long lounge repairs take.",
                we_will="Agree a two-week target for communal repairs with the contractor.",
                owner=officer,
                due_on=datetime.date(year, 8, 29),
                estate=scheme,
            )
            _record(
                obligations.get(("results_reported", datetime.date(year, 6, 1))),
                officer,
                _working(datetime.date(year, 6, 17)),
                note="Results presented at the June residents' meeting and on the notice board.",
                evidence=[action],
            )
    invitees = [key for key, _ in QUARTERLY_INVITEES]
    for quarter in cadence.periods_in_year(year=year, every_months=3):
        if quarter.end < today and rng.random() < 0.7:
            _record(
                obligations.get(("management_invitation", quarter.start)),
                officer,
                _working(quarter.start + datetime.timedelta(days=9)),
                details={"invited": invitees},
                note="Invitations sent by e-mail for the quarter's meeting.",
            )


def _seed_young(rng, today, scheme, officer, manager) -> None:
    for days_ago, interviewed in ((70, True), (40, rng.random() < 0.5), (12, False)):
        leaver = services.leaver_record(
            scheme=scheme,
            left_on=_working(today - datetime.timedelta(days=days_ago)),
            by=officer,
            reference=f"YP-{scheme.pk:03d}{days_ago}",
        )
        obligation = leaver.exit_interview_obligation
        if interviewed:
            survey = services.exit_interview_survey(year=cadence.financial_year_of(leaver.left_on))
            answers = {}
            for q in survey.questions.all():
                if q.is_closed:
                    answers[q.pk] = {"value": rng.choice([v for v, _ in q.options()[:3]])}
                else:
                    answers[q.pk] = {"text": rng.choice(["The staff.", "Having my own space.", ""])}
            services.exit_interview_record(
                obligation=obligation,
                by=officer,
                answers=answers,
                channel=ResponseChannel.EVENT,
                responded_on=_working(leaver.left_on + datetime.timedelta(days=3)),
            )
    for n, (note, change) in enumerate(rng.sample(BOX_NOTES, 2)):
        suggestion = services.box_suggestion_log(
            scheme=scheme, text=note, by=officer, received_on=today - datetime.timedelta(days=30 + 20 * n)
        )
        if n == 0:
            suggestion_respond(
                suggestion=suggestion,
                by=officer,
                response="Thanks: we have asked for this and will report back.",
                responded_on=today - datetime.timedelta(days=20),
                led_to_change=True,
                we_will=change,
                action_owner=officer,
                action_due_on=today + datetime.timedelta(days=30),
                publish=True,
            )


def _seed_leasehold(rng, today, year, scheme, panel, customers, obligations, officer, settings) -> None:
    agenda = "\n".join(f"{n}. {label}" for n, (_, label) in enumerate(FIXED_AGENDA, start=1))
    for quarter in cadence.periods_in_year(year=year, every_months=3):
        if quarter.end < today and rng.random() < 0.8:
            day = _working(quarter.start + datetime.timedelta(days=rng.randint(30, 60)))
            meeting = _hold(panel, day, today, agenda=agenda)
            obligation = obligations.get(("leaseholder_meeting", quarter.start))
            if obligation is not None:
                _record(
                    obligation,
                    officer,
                    day,
                    evidence=[meeting],
                    details={
                        "format": rng.choice(["in_person", "online"]),
                        "agenda": [key for key, _ in FIXED_AGENDA],
                        "minutes_distributed_on": minutes_due_on(day).isoformat(),
                    },
                )
    for period in cadence.periods_in_year(year=year, every_months=settings.sense_check_every_months):
        if period.end < today and rng.random() < 0.75:
            obligation = obligations.get(("sense_check", period.start))
            if obligation is None:
                continue
            survey = services.sense_check_start(obligation=obligation, by=officer)
            Survey.objects.filter(pk=survey.pk).update(
                opens_on=period.start + datetime.timedelta(days=7), closes_on=period.start + datetime.timedelta(days=35)
            )
            survey.refresh_from_db()
            qs = list(survey.questions.all())
            for customer in customers[:4]:
                answers = {
                    q.pk: (
                        {"value": rng.choice(["very_satisfied", "fairly_satisfied", "neither", "very_dissatisfied"])}
                        if q.is_closed
                        else {"text": rng.choice(["Keep the bin store clean.", "Quicker repairs.", ""])}
                    )
                    for q in qs
                }
                response_record(
                    survey=survey,
                    estate=scheme,
                    tenure=customer.tenure,
                    channel=ResponseChannel.ONLINE,
                    answers=answers,
                    customer=customer,
                    responded_on=survey.opens_on,
                )


def _seed_notes(rng, today, schemes, officers, manager) -> None:
    if InformalFeedback.objects.exists():
        return
    for n, (kind, service, raised_by, text) in enumerate(NOTES):
        by = officers[n % len(officers)] if officers else manager
        item = services.informal_feedback_note(
            by=by,
            kind=kind,
            service=service,
            raised_by=raised_by,
            what_happened=text,
            estate=schemes[(n * 5) % len(schemes)] if schemes else None,
            noted_on=today - datetime.timedelta(days=3 + 9 * n),
        )
        if n == 0:
            services.informal_feedback_review(
                item=item,
                by=manager,
                status=ReviewStatus.REVIEWED,
                outcome="Passed on to the cleaning team with thanks.",
            )
        elif n == 2:
            services.informal_feedback_action(
                item=item,
                by=manager,
                we_will="Fit a hold-open device linked to the fire alarm and remind residents at the next meeting.",
                owner=by,
                due_on=today + datetime.timedelta(days=21),
            )
