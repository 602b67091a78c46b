"""Scheme obligations: proposed each year, met with evidence, missed ones flagged (the deadline
engine chases them, `schemes/deadlines.py`). Informal and adverse-event feedback: noted, reviewed,
turned into actions. Rules of when each obligation is owed: `schemes/cadence.py`, `schemes/rhythms.py`."""

from __future__ import annotations

import datetime
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from engagement.models import Action, Estate, EstateType, PosterPrint, Tenure, User
from engagement.services import action_create, create_once, notify_many
from feedback.models import FeedbackChannel, Suggestion
from feedback.services import suggestion_record
from panels.models import Meeting, MeetingStatus
from surveys.models import Question, Response, ResponseChannel, Scale, Survey
from surveys.services.responses import response_record

from . import cadence
from .models import (
    SERVICE_AREAS,
    InformalFeedback,
    Leaver,
    Obligation,
    ObligationEvidence,
    ObligationKind,
    ObligationTemplate,
    OwnerRole,
    ReviewStatus,
    SchemeSettings,
)
from .rhythms import FIXED_AGENDA, QUARTERLY_INVITEES, rhythms_load

MEETING_KINDS = {ObligationKind.RESIDENTS_MEETING, ObligationKind.LEASEHOLDER_MEETING}
SURVEY_KINDS = {ObligationKind.SATISFACTION_SURVEY, ObligationKind.SENSE_CHECK}
BOX_SUGGESTION = "Suggestion box"  # the "from" of a suggestion posted in a scheme's box


class ObligationError(ValidationError):
    """A rule an obligation's record breaks; messages are keyed by form field."""


# --- Settings and owners -------------------------------------------------------------------------


def scheme_settings_for(scheme: Estate) -> SchemeSettings:
    """The scheme's settings, or unsaved defaults (saved when someone changes them: a page that
    only shows them writes nothing)."""
    try:
        return scheme.scheme_settings
    except SchemeSettings.DoesNotExist:
        return SchemeSettings(scheme=scheme)


def _owner(template: ObligationTemplate, scheme: Estate, settings: SchemeSettings | None):
    if template.owner_role == OwnerRole.IHMO and settings is not None and settings.ihmo_id:
        return settings.ihmo_id
    return scheme.officer_id or (scheme.patch.officer_id if scheme.patch_id else None)


# --- Proposing the year's obligations --------------------------------------------------------------


def obligations_propose(*, year: int, today: datetime.date | None = None, schemes=None) -> int:
    """Create financial year `year`'s obligations for every scheme (or `schemes`), idempotently:
    rows that exist are left alone (a unique key per scheme, template and period start). When a
    scheme's agreed interval changes, it applies from the next period not yet begun: periods that
    have not begun and no longer fit are removed (nothing can be recorded against them yet) and
    the new ones added; periods already begun keep their dates. Returns how many were created."""
    today = today or timezone.localdate()
    # The strategy's rhythms are always there (a template is switched off with is_active, never
    # lost: a flushed or restored database gets them back here, not only from migration 0002).
    rhythms_load()
    templates = list(ObligationTemplate.objects.filter(is_active=True, on_leaving=False))
    by_area: dict[str, list[ObligationTemplate]] = {}
    for template in templates:
        by_area.setdefault(template.service_area, []).append(template)
    qs = Estate.objects.filter(estate_type__in=SERVICE_AREAS).select_related("scheme_settings", "patch")
    if schemes is not None:
        qs = qs.filter(pk__in=[s.pk for s in schemes])
    wanted: list[Obligation] = []
    for scheme in qs:
        settings = getattr(scheme, "scheme_settings", None)
        for template in by_area.get(scheme.estate_type, []):
            every = settings.interval_for(template) if settings else template.every_months
            if template.scheme_setting and settings is None:
                every = SchemeSettings._meta.get_field(template.scheme_setting).default
            for period in cadence.periods_in_year(year=year, every_months=every, in_months=template.in_months):
                if settings and settings.obligations_from and period.end < settings.obligations_from:
                    continue
                wanted.append(
                    Obligation(
                        scheme=scheme,
                        template=template,
                        period_start=period.start,
                        period_end=period.end,
                        due_on=period.due_on,
                        owner_id=_owner(template, scheme, settings),
                    )
                )
    start, end = cadence.year_bounds(year)
    keys = {(o.scheme_id, o.template_id, o.period_start, o.period_end) for o in wanted}
    with transaction.atomic():
        stale = (
            Obligation.objects.filter(
                template__scheme_setting__gt="", leaver__isnull=True, met_on__isnull=True, evidence__isnull=True
            )
            .filter(period_start__gt=today, period_start__range=(start, end))
            .values_list("pk", "scheme_id", "template_id", "period_start", "period_end")
        )
        if schemes is not None:
            stale = stale.filter(scheme__in=[s.pk for s in schemes])
        gone = [pk for pk, *key in stale if tuple(key) not in keys]
        Obligation.objects.filter(pk__in=gone).delete()
        before = Obligation.objects.in_year(year).filter(leaver__isnull=True).count()
        Obligation.objects.bulk_create(wanted, ignore_conflicts=True)
        return Obligation.objects.in_year(year).filter(leaver__isnull=True).count() - before


# --- Evidence found automatically ------------------------------------------------------------------


def _evidence(obligation_id: int, record, label: str, *, by: User | None = None, auto: bool = False):
    return ObligationEvidence(
        obligation_id=obligation_id,
        record_type=ContentType.objects.get_for_model(record),
        record_id=record.pk,
        label=label[:200],
        url=record.get_absolute_url(),
        found_automatically=auto,
        added_by=by,
    )


def _meeting_label(meeting: Meeting) -> str:
    minutes = (
        f"minutes published {meeting.minutes_published_on:%-d %b %Y}"
        if meeting.minutes_published_on
        else "minutes not yet published"
    )
    return f"Meeting held {meeting.meets_on:%-d %b %Y} ({meeting.panel.name}; {minutes})"


def obligations_match_evidence(*, today: datetime.date | None = None) -> int:
    """Mark open obligations met where the portal already holds the proof: a meeting of the
    scheme's panel held in the period, a survey of the scheme opened in the period with answers,
    a poster printed for the scheme in the period. One query per kind of record. Returns how
    many obligations it marked met (each claimed by a conditional update: a second run, or a
    member of staff recording it at the same moment, never counts it twice)."""
    today = today or timezone.localdate()
    open_ones = list(
        Obligation.objects.open()
        .filter(period_start__lte=today, leaver__isnull=True)
        .filter(template__kind__in=[*MEETING_KINDS, *SURVEY_KINDS, ObligationKind.POSTER])
        .select_related("template")
    )
    if not open_ones:
        return 0
    schemes = {o.scheme_id for o in open_ones}
    first, last = min(o.period_start for o in open_ones), max(o.period_end for o in open_ones)
    meetings = list(
        Meeting.objects.filter(
            status=MeetingStatus.HELD, panel__estate__in=schemes, meets_on__range=(first, last)
        ).select_related("panel")
    )
    surveys = list(
        Survey.objects.filter(estates__in=schemes, opens_on__range=(first, last), responses__isnull=False)
        .distinct()
        .values_list("pk", "estates", "opens_on", "title")
    )
    survey_by_pk = {s.pk: s for s in Survey.objects.filter(pk__in={row[0] for row in surveys})}
    posters = list(PosterPrint.objects.filter(estate__in=schemes, printed_on__range=(first, last)))
    marked = 0
    for obligation in open_ones:
        kind, within = obligation.template.kind, (obligation.period_start, obligation.period_end)
        found = None
        if kind in MEETING_KINDS:
            hits = [
                m
                for m in meetings
                if m.panel.estate_id == obligation.scheme_id and within[0] <= m.meets_on <= within[1]
            ]
            if hits:
                meeting = min(hits, key=lambda m: m.meets_on)
                found = (meeting.meets_on, meeting, _meeting_label(meeting))
        elif kind in SURVEY_KINDS:
            hits = [row for row in surveys if row[1] == obligation.scheme_id and within[0] <= row[2] <= within[1]]
            if hits:
                pk, _, opens_on, title = min(hits, key=lambda row: row[2])
                found = (opens_on, survey_by_pk[pk], f"Survey: {title} (opened {opens_on:%-d %b %Y})")
        else:
            hits = [
                p for p in posters if p.estate_id == obligation.scheme_id and within[0] <= p.printed_on <= within[1]
            ]
            if hits:
                poster = min(hits, key=lambda p: p.printed_on)
                found = (poster.printed_on, poster, f"Poster printed {poster.printed_on:%-d %b %Y}")
        if found is None:
            continue
        met_on, record, label = found
        with transaction.atomic():
            if Obligation.objects.filter(pk=obligation.pk, met_on__isnull=True).update(met_on=met_on):
                ObligationEvidence.objects.bulk_create(
                    [_evidence(obligation.pk, record, label, auto=True)], ignore_conflicts=True
                )
                marked += 1
    return marked


# --- Recording an obligation met by hand ------------------------------------------------------------


def _check_details(kind: str, details: dict, evidence: list, note: str) -> dict:
    errors = {}
    if kind == ObligationKind.MANAGEMENT_INVITATION:
        missing = [label for key, label in QUARTERLY_INVITEES if key not in details.get("invited", [])]
        if missing:
            errors["invited"] = "Everyone must be invited each quarter; not yet ticked: " + ", ".join(missing) + "."
    elif kind == ObligationKind.LEASEHOLDER_MEETING:
        missing = [label for key, label in FIXED_AGENDA if key not in details.get("agenda", [])]
        if missing:
            errors["agenda"] = "The meeting follows the fixed agenda; not yet ticked: " + ", ".join(missing) + "."
        if details.get("format") not in ("in_person", "online"):
            errors["format"] = "Say whether the meeting was in person or online."
        if not details.get("minutes_distributed_on"):
            errors["minutes_distributed_on"] = "Enter the date the minutes were distributed."
    elif kind == ObligationKind.RESULTS_REPORTED:
        if not note.strip():
            errors["note"] = "Say how the results were reported to residents (meeting, letter, notice board)."
        has_action = any(isinstance(record, Action) for record in evidence)
        if not has_action and not details.get("no_dissatisfaction"):
            errors["evidence"] = (
                "Link the action plan made for the areas of dissatisfaction, or tick that there were none."
            )
    return errors


def obligation_record(
    *,
    obligation: Obligation,
    by: User,
    met_on: datetime.date,
    note: str = "",
    details: dict | None = None,
    evidence: list | None = None,
) -> Obligation:
    """Record an obligation as met on `met_on`, with what its kind asks for and evidence links."""
    details, evidence = dict(details or {}), list(evidence or [])
    kind = obligation.template.kind
    errors = _check_details(kind, details, evidence, note)
    if met_on > timezone.localdate():
        errors["met_on"] = "The date it was done cannot be in the future."
    elif met_on < obligation.period_start - datetime.timedelta(days=31):
        errors["met_on"] = f"The date it was done must be in or just before {obligation.period_label}."
    if errors:
        raise ObligationError(errors)
    with transaction.atomic():
        obligation = Obligation.objects.select_for_update().get(pk=obligation.pk)
        obligation.met_on = obligation.met_on or met_on
        obligation.met_by = obligation.met_by or by
        obligation.note = note.strip() or obligation.note
        obligation.details = {**obligation.details, **details}
        obligation.save()
        ObligationEvidence.objects.bulk_create(
            [_evidence(obligation.pk, record, evidence_label(record), by=by) for record in evidence],
            ignore_conflicts=True,
        )
    return obligation


def evidence_label(record) -> str:
    if isinstance(record, Meeting):
        return _meeting_label(record)
    if isinstance(record, Survey):
        return f"Survey: {record.title}"
    if isinstance(record, PosterPrint):
        return f"Poster printed {record.printed_on:%-d %b %Y}"
    if isinstance(record, Action):
        return f"Action: {record.we_will[:120]} (due {record.due_on:%-d %b %Y}, {record.get_status_display().lower()})"
    if isinstance(record, Response):
        return f"Exit interview answers, {record.responded_on:%-d %b %Y}"
    return str(record)[:200]


def evidence_candidates(obligation: Obligation) -> list:
    """Records of the scheme that could prove this obligation, newest first (a few queries)."""
    scheme = obligation.scheme_id
    around = (
        obligation.period_start - datetime.timedelta(days=62),
        obligation.period_end + datetime.timedelta(days=62),
    )
    meetings = Meeting.objects.filter(panel__estate=scheme, meets_on__range=around).select_related("panel")
    surveys = Survey.objects.filter(estates=scheme, opens_on__lte=around[1], closes_on__gte=around[0])
    posters = PosterPrint.objects.filter(estate=scheme, printed_on__range=around)
    actions = Action.objects.filter(estate=scheme, due_on__range=around).order_by("-due_on")
    return [*meetings[:20], *surveys[:20], *posters[:20], *actions[:30]]


# --- Young people leaving: the exit interview -------------------------------------------------------

EXIT_QUESTIONS = [
    ("EX1", Scale.SATISFACTION, "Overall, how satisfied are you with the support you had while living here?"),
    ("EX2", Scale.AGREEMENT, "Staff listened to me and took my views into account."),
    ("EX3", Scale.YES_NO, "Did you feel safe living here?"),
    ("EX4", Scale.AGREEMENT, "I feel ready to manage a home of my own."),
    ("EX5", Scale.FREE_TEXT, "What was the best thing about living here?"),
    ("EX6", Scale.FREE_TEXT, "What could we do better for the next young person?"),
]


def exit_interview_survey_of(leaver: Leaver | None, *, on: datetime.date) -> Survey:
    """The survey a leaver's exit interview counts in: that of the financial year they left in."""
    return exit_interview_survey(year=cadence.financial_year_of(leaver.left_on if leaver else on))


def exit_interview_survey(*, year: int) -> Survey:
    """The year's exit-interview survey for every young people's scheme (one per financial year,
    so its answers are counted and shown like any other survey's on the surveys pages)."""
    start, end = cadence.year_bounds(year)
    survey, created = Survey.objects.get_or_create(
        title=f"Young people's exit interviews {year}/{str(year + 1)[2:]}",
        defaults={
            "purpose": "Asked of every young person leaving one of our schemes, so we learn what helped and what to "
            "change (strategy section 2.3).",
            "tenures": [Tenure.YOUNG_PEOPLE],
            "population_basis": "customers",
            "opens_on": start,
            "closes_on": end,
        },
    )
    if created:
        Question.objects.bulk_create(
            Question(survey=survey, position=n, code=code, text=text, scale=scale, required=scale != Scale.FREE_TEXT)
            for n, (code, scale, text) in enumerate(EXIT_QUESTIONS, start=1)
        )
        survey.estates.set(Estate.objects.filter(estate_type=EstateType.YOUNG_PEOPLE))
    return survey


def leaver_record(
    *,
    scheme: Estate,
    left_on: datetime.date,
    by: User,
    reference: str = "",
    form_token: uuid.UUID | None = None,
) -> Leaver:
    """Record a young person leaving; their exit interview becomes an obligation of the scheme."""
    if scheme.estate_type != EstateType.YOUNG_PEOPLE:
        raise ObligationError({"scheme": "Exit interviews are for young people's services."})
    if left_on > timezone.localdate() + datetime.timedelta(days=60):
        raise ObligationError({"left_on": "Record a leaver up to two months ahead of the day they leave."})
    rhythms_load()
    template = ObligationTemplate.objects.filter(
        service_area=EstateType.YOUNG_PEOPLE, on_leaving=True, is_active=True
    ).first()

    def build() -> Leaver:
        exit_interview_survey(year=cadence.financial_year_of(left_on))  # so opening the form creates nothing
        leaver = Leaver.objects.create(
            scheme=scheme,
            reference=reference.strip(),
            left_on=left_on,
            recorded_by=by,
            form_token=form_token,
        )
        if template is not None:
            due = cadence.exit_interview_due_on(left_on=left_on, working_days=template.due_working_days or 10)
            Obligation.objects.create(
                scheme=scheme,
                template=template,
                leaver=leaver,
                period_start=left_on,
                period_end=due,
                due_on=due,
                owner_id=_owner(template, scheme, getattr(scheme, "scheme_settings", None)),
            )
        return leaver

    return create_once(Leaver, form_token=form_token, build=build)[0]


def exit_interview_record(
    *,
    obligation: Obligation,
    by: User,
    answers: dict[int, dict],
    channel: str,
    responded_on: datetime.date,
    assisted_by: str = "",
    form_token: uuid.UUID | None = None,
) -> Response:
    """Store a leaver's exit interview as a response to the year's exit-interview survey and
    mark the obligation met with the response as its evidence."""
    survey = exit_interview_survey_of(obligation.leaver, on=responded_on)
    with transaction.atomic():
        response = response_record(
            survey=survey,
            estate=obligation.scheme,
            tenure=Tenure.YOUNG_PEOPLE,
            channel=channel,
            answers=answers,
            responded_on=responded_on,
            assisted_by=assisted_by,
            entered_by=by,
            form_token=form_token,
        )
        obligation_record(obligation=obligation, by=by, met_on=responded_on, evidence=[response])
    return response


EXIT_CHANNELS = [
    (ResponseChannel.PAPER, "The young person filled in the form"),
    (ResponseChannel.EVENT, "Face to face with a member of staff"),
    (ResponseChannel.PHONE, "By phone"),
]


# --- Leaseholders' Sense Check ----------------------------------------------------------------------

SENSE_CHECK_QUESTIONS = [
    ("SC1", Scale.SATISFACTION, "How satisfied are you with your home and your community?"),
    ("SC2", Scale.FREE_TEXT, "What could we do better?"),
    ("SC3", Scale.FREE_TEXT, "What have we done well?"),
]


def sense_check_start(*, obligation: Obligation, by: User) -> Survey:
    """Open this period's Sense Check survey for the block (the three questions of section 2.4);
    once it has answers, the obligation is met by `obligations_match_evidence`."""
    if obligation.template.kind != ObligationKind.SENSE_CHECK:
        raise ObligationError({"__all__": "Only a Sense Check obligation starts a Sense Check survey."})
    opens = max(obligation.period_start, min(timezone.localdate(), obligation.period_end))
    survey, created = Survey.objects.get_or_create(
        title=f"Sense Check: {obligation.scheme.name}, {obligation.period_label}",
        defaults={
            "purpose": "General satisfaction, what we could do better and what we did well; the figures are reported "
            "at the leaseholders' meeting and monitored by the Customer Voice Group.",
            "tenures": [Tenure.LEASEHOLDER],
            "population_basis": "homes",
            "opens_on": opens,
            "closes_on": max(opens, obligation.period_end),
            "created_by": by,
        },
    )
    if created:
        Question.objects.bulk_create(
            Question(survey=survey, position=n, code=code, text=text, scale=scale, required=scale != Scale.FREE_TEXT)
            for n, (code, scale, text) in enumerate(SENSE_CHECK_QUESTIONS, start=1)
        )
        survey.estates.set([obligation.scheme])
    return survey


# --- Young people's suggestion box (suggestions live on the feedback app's register) ----------------


def box_suggestion_log(
    *, scheme: Estate, text: str, received_on: datetime.date, by: User, form_token: uuid.UUID | None = None
) -> Suggestion:
    """A note from the scheme's suggestion box, logged on the one suggestions register (feedback),
    where it is answered, and where one that leads to a change becomes an Action that can be
    published as "You said, we did"."""
    return suggestion_record(
        created_by=by,
        received_on=received_on,
        channel=FeedbackChannel.LETTER,
        suggestion=text.strip(),
        from_name=BOX_SUGGESTION,
        estate=scheme,
        form_token=form_token,
    )


# --- Informal and adverse-event feedback ------------------------------------------------------------


def informal_feedback_note(*, by: User, form_token: uuid.UUID | None = None, **fields) -> InformalFeedback:
    """Note informal feedback or an adverse event; an adverse event or near miss is sent to the
    managers at once (seed 3.2: analyse adverse events, act to stop them happening again)."""

    def build() -> InformalFeedback:
        item = InformalFeedback(noted_by=by, form_token=form_token, **fields)
        if item.noted_on > timezone.localdate():
            raise ObligationError({"noted_on": "The date cannot be in the future."})
        item.full_clean(exclude=["form_token"])
        item.save()
        if item.is_adverse:
            place = f" at {item.estate}" if item.estate_id else ""
            notify_many(
                [
                    (
                        manager,
                        f"{item.get_kind_display()} noted{place}",
                        item.what_happened[:300],
                        item.get_absolute_url(),
                    )
                    for manager in User.objects.managers()
                    if manager.pk != by.pk
                ]
            )
        return item

    return create_once(InformalFeedback, form_token=form_token, build=build)[0]


def informal_feedback_review(*, item: InformalFeedback, by: User, status: str, outcome: str) -> InformalFeedback:
    if status == ReviewStatus.NEW or not outcome.strip():
        raise ObligationError({"outcome": "Say what the team decided."})
    with transaction.atomic():
        item = InformalFeedback.objects.select_for_update().get(pk=item.pk)
        item.status, item.outcome = status, outcome.strip()
        item.reviewed_by, item.reviewed_at = by, timezone.now()
        item.save()
    return item


def informal_feedback_action(
    *,
    item: InformalFeedback,
    by: User,
    we_will: str,
    owner: User,
    due_on: datetime.date,
    publish: bool = False,
    form_token: uuid.UUID | None = None,
) -> Action:
    """Turn a note into an Action (its source is the note), and mark the note reviewed."""
    action = action_create(
        you_said=item.what_happened,
        we_will=we_will,
        owner=owner,
        due_on=due_on,
        source=item,
        estate=item.estate,
        publish=publish,
        created_by=by,
        form_token=form_token,
    )
    InformalFeedback.objects.filter(pk=item.pk).update(
        status=ReviewStatus.ACTIONED,
        outcome=item.outcome or f"Action agreed: {we_will[:200]}",
        reviewed_by=item.reviewed_by or by,
        reviewed_at=item.reviewed_at or timezone.now(),
    )
    return action
