"""Business rules of the surveys app: champion surveys and their triage, survey responses,
invitation links, CSV import and the TSM survey template."""

from __future__ import annotations

import csv
import datetime
import io
import logging
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from engagement.models import Action, Customer, Estate, Tenure, User
from engagement.services import action_create, create_once, notify
from engagement.uploads import PHOTOS, check_upload

from . import tsm
from .models import (
    DONT_KNOW,
    DONT_KNOW_LABEL,
    MAX_PHOTOS,
    PHOTO_MAX_SIDE_PX,
    RATED_TOPICS,
    Answer,
    ChampionIssue,
    ChampionPhoto,
    ChampionSurvey,
    Invitation,
    IssueStatus,
    Question,
    Rating,
    Response,
    ResponseChannel,
    Screens,
    Survey,
    SurveyKind,
    Topic,
)

logger = logging.getLogger(__name__)

INVITATION_SALT = "surveys.invitation"
INVITATION_MAX_AGE_DAYS = 28
PENDING_PHOTO_KEEP_DAYS = 2


# --- Estate champion survey ------------------------------------------------------------------


def champion_photos_stash(
    *, customer: Customer, form_token: uuid.UUID, uploads: list
) -> tuple[list[ChampionPhoto], list[str]]:
    """Keep the photos a champion chose as pending uploads tied to their form, so a form error
    never makes them choose them again. Returns (kept photos, problems to tell them about)."""
    already = ChampionPhoto.objects.filter(customer=customer, form_token=form_token).count()
    kept, problems = [], []
    for upload in uploads:
        if already + len(kept) >= MAX_PHOTOS:
            problems.append(f"{upload.name} was not added: you can attach up to {MAX_PHOTOS} photos.")
            continue
        try:
            photo = check_upload(upload, accept=PHOTOS, max_side=PHOTO_MAX_SIDE_PX)
        except ValidationError as error:
            problems.extend(error.messages)
            continue
        kept.append(
            ChampionPhoto.objects.create(
                customer=customer,
                form_token=form_token,
                image=photo.file,
                original_name=photo.original_name,
                content_type=photo.content_type,
                size=photo.size,
            )
        )
    return kept, problems


def champion_photos_discard(*, customer: Customer, form_token: uuid.UUID, photo_ids: list[int]) -> int:
    """Remove pending photos the champion unticked (only their own, only not yet sent)."""
    photos = list(
        ChampionPhoto.objects.filter(customer=customer, form_token=form_token, survey__isnull=True, pk__in=photo_ids)
    )
    for photo in photos:
        photo.image.delete(save=False)
        photo.delete()
    return len(photos)


def _issues_for(survey: ChampionSurvey) -> list[ChampionIssue]:
    """Every poor rating or comment becomes something staff look at."""
    issues = []
    for topic, _question in RATED_TOPICS:
        rating, comment = survey.rating_of(topic), survey.comment_of(topic).strip()
        if rating == Rating.POOR or comment:
            issues.append(
                ChampionIssue(
                    survey=survey,
                    estate=survey.estate,
                    topic=topic,
                    rating=rating,
                    comment=comment,
                    raised_on=survey.visited_on,
                )
            )
    if survey.anything_else.strip():
        issues.append(
            ChampionIssue(
                survey=survey,
                estate=survey.estate,
                topic=Topic.OTHER,
                comment=survey.anything_else.strip(),
                raised_on=survey.visited_on,
            )
        )
    return issues


def champion_survey_submit(
    *,
    customer: Customer,
    estate: Estate,
    form_token: uuid.UUID,
    answers: dict,
    submitted_at: datetime.datetime | None = None,
    notify_officer: bool = True,
) -> tuple[ChampionSurvey, bool]:
    """Record a champion's survey once. Returns (survey, created).

    The form token is unique on the row: a double tap, a resent POST or a retry after a lost
    connection finds the survey already sent and changes nothing. Pending photos with the same
    token are attached; each poor rating or comment becomes a ChampionIssue.
    """
    issues: list[ChampionIssue] = []

    def build() -> ChampionSurvey:
        survey = ChampionSurvey.objects.create(
            customer=customer,
            estate=estate,
            form_token=form_token,
            submitted_at=submitted_at or timezone.now(),
            **answers,
        )
        ChampionPhoto.objects.filter(customer=customer, form_token=form_token, survey__isnull=True).update(
            survey=survey
        )
        issues.extend(ChampionIssue.objects.bulk_create(_issues_for(survey)))
        return survey

    survey, created = create_once(ChampionSurvey, form_token=form_token, build=build, scope={"customer": customer})
    if not created:
        return survey, False
    officer = estate.officer or (estate.patch.officer if estate.patch_id else None)
    if issues and officer is not None and notify_officer:
        notify(
            officer,
            title=f"Estate champion: {len(issues)} thing{'s' if len(issues) != 1 else ''} to look at, {estate}",
            body="\n".join(issue.summary for issue in issues),
            url=f"{reverse('surveys:issues')}?estate={estate.pk}&status=new",
        )
    return survey, True


def _claim_issue(issue: ChampionIssue, *, status: str, user: User, **fields) -> None:
    """Move an issue out of 'new' exactly once (a conditional UPDATE, never check-then-act)."""
    claimed = ChampionIssue.objects.filter(pk=issue.pk, status=IssueStatus.NEW).update(
        status=status, triaged_by=user, triaged_at=timezone.now(), **fields
    )
    if not claimed:
        raise ValidationError("Someone has already dealt with this item.", code="already_triaged")


def champion_issue_action(
    *,
    issue: ChampionIssue,
    we_will: str,
    owner: User,
    due_on: datetime.date,
    user: User,
    publish: bool = True,
) -> Action:
    """Turn a champion's issue into an Action for the estate's officer, and tell the champion."""
    with transaction.atomic():
        _claim_issue(issue, status=IssueStatus.ACTIONED, user=user)
        action = action_create(
            you_said=f"Estate champion at {issue.estate}: {issue.summary}",
            we_will=we_will,
            owner=owner,
            due_on=due_on,
            source=issue,
            estate=issue.estate,
            publish=publish,
            created_by=user,
        )
        ChampionIssue.objects.filter(pk=issue.pk).update(action=action)
        issue.refresh_from_db()
        _tell_champion(issue, f"We will: {we_will} (by {due_on:%-d %B %Y}).")
    return action


def champion_issue_close(*, issue: ChampionIssue, reason: str, user: User) -> ChampionIssue:
    """Close an issue without an action, with a reason the champion will read."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Say why you are closing it: the champion will see this.", code="reason_required")
    with transaction.atomic():
        _claim_issue(issue, status=IssueStatus.CLOSED, user=user, closed_reason=reason)
        issue.refresh_from_db()
        _tell_champion(issue, reason)
    return issue


def _tell_champion(issue: ChampionIssue, what: str) -> None:
    user = issue.survey.customer.user
    if user is None or not user.is_active:
        return
    notify(
        user,
        title=f"About what you told us on {issue.estate}: {issue.get_topic_display().lower()}",
        body=f"You said: {issue.summary}\n{what}",
        url=issue.survey.get_absolute_url(),
    )


def pending_photos_purge(*, now: datetime.datetime | None = None) -> int:
    """Delete photos left behind by forms that were never sent (idempotent)."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=PENDING_PHOTO_KEEP_DAYS)
    removed = 0
    for photo in ChampionPhoto.objects.filter(survey__isnull=True, uploaded_at__lt=cutoff):
        photo.image.delete(save=False)
        removed += ChampionPhoto.objects.filter(pk=photo.pk, survey__isnull=True).delete()[0]
    return removed


# --- Satisfaction surveys: responses -----------------------------------------------------------


def response_flags(questions: list[Question], values: dict[int, str], estate: Estate) -> dict:
    """The base flags from the screening answers (surveys.tsm): only "yes" is True; "no" is False;
    "don't know" or no answer is None, so the respondent is left out of that measure's base. The
    estate's own record (communal areas) is not used in place of an answer."""
    flags = {"had_repair": None, "complained": None, "has_communal_areas": None}
    field_of = {
        Screens.HAD_REPAIR: "had_repair",
        Screens.COMPLAINED: "complained",
        Screens.COMMUNAL_AREAS: "has_communal_areas",
    }
    for question in questions:
        if question.screens_for:
            flags[field_of[question.screens_for]] = tsm.screening_flag(values.get(question.pk, ""))
    return flags


def response_record(
    *,
    survey: Survey,
    estate: Estate,
    tenure: str,
    channel: str,
    answers: dict[int, dict],
    customer: Customer | None = None,
    responded_on: datetime.date | None = None,
    assisted_by: str = "",
    entered_by: User | None = None,
    invitation: Invitation | None = None,
    form_token: uuid.UUID | None = None,
    external_ref: str = "",
) -> Response:
    """Record one response with its answers. `answers` maps question id → {"value", "text"}.

    A resent form (same one-time token) returns the response the first one recorded. Raises
    IntegrityError (inside its own savepoint) if the customer already answered: callers turn
    that into a friendly message.
    """
    questions = list(survey.questions.all())
    values = {qid: (answer.get("value") or "") for qid, answer in answers.items()}

    def build() -> Response:
        response = Response.objects.create(
            survey=survey,
            customer=customer,
            estate=estate,
            tenure=tenure,
            responded_on=responded_on or timezone.localdate(),
            channel=channel,
            assisted_by=assisted_by.strip(),
            entered_by=entered_by,
            invitation=invitation,
            form_token=form_token,
            external_ref=external_ref,
            **response_flags(questions, values, estate),
        )
        Answer.objects.bulk_create(_answers_for(response, questions, answers))
        return response

    return create_once(Response, form_token=form_token, build=build)[0]


def _answers_for(response: Response, questions: list[Question], answers: dict[int, dict]) -> list[Answer]:
    rows = []
    for question in questions:
        answer = answers.get(question.pk) or {}
        value, text = (answer.get("value") or ""), (answer.get("text") or "").strip()
        if not value and not text:
            continue
        rows.append(
            Answer(response=response, question=question, value=value, text=text, positive=question.positive(value))
        )
    return rows


# --- Invitation links ------------------------------------------------------------------------


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
    has not answered. Emails go from a task after commit. Returns how many were invited."""
    from .selectors import survey_audience
    from .tasks import send_survey_invitation

    answered = Response.objects.filter(survey=survey, customer__isnull=False).values("customer")
    invited = Invitation.objects.filter(survey=survey).values("customer")
    customers = (
        survey_audience(survey).contactable_by_email().exclude(pk__in=answered).exclude(pk__in=invited).only("pk")
    )
    rows = [Invitation(survey=survey, customer=customer, created_by=user) for customer in customers]
    Invitation.objects.bulk_create(rows, batch_size=500, ignore_conflicts=True)
    ids = list(Invitation.objects.filter(survey=survey, sent_at__isnull=True).values_list("pk", flat=True))
    transaction.on_commit(lambda: [send_survey_invitation.delay(pk) for pk in ids])
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
                f"-- \n{settings.LANDLORD_NAME} Customer Engagement Team"
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[invitation.customer.email],
        )
    except Exception:
        Invitation.objects.filter(pk=invitation_id).update(sent_at=None)
        raise
    return True


# --- CSV import --------------------------------------------------------------------------------


@dataclass
class ImportResult:
    created: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line number, message)
    rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def summary(self) -> str:
        count = len(self.errors)
        return f"Nothing was imported: {count} problem{'s' if count != 1 else ''} found"

    @property
    def problems(self) -> list[str]:
        return [f"Line {line}: {message}" for line, message in self.errors]


IMPORT_FIXED_COLUMNS = ["reference", "estate", "tenure", "responded_on", "channel", "assisted_by", "external_id"]


def import_columns(survey: Survey) -> list[str]:
    return IMPORT_FIXED_COLUMNS + [question.label for question in survey.questions.all()]


def _value_lookup(question: Question) -> dict[str, str]:
    lookup = {}
    for value, label in question.options():
        lookup[value.lower()] = value
        lookup[label.lower()] = value
    if question.allow_dont_know:
        for alias in ("dk", "don't know", "dont know", "n/a", "na", "not applicable", DONT_KNOW_LABEL.lower()):
            lookup[alias] = DONT_KNOW
    return lookup


def responses_import(*, survey: Survey, upload, user: User | None = None) -> ImportResult:
    """Import responses from a CSV (e.g. a contractor's TSM file), all or nothing.

    Every row is checked first; if any row has a problem nothing is saved and every problem is
    reported with its line number. Columns: reference (tenancy reference) or estate + tenure,
    responded_on (YYYY-MM-DD or DD/MM/YYYY), channel, assisted_by, external_id, then one column per
    question code. Answers may be the option's words ("Very satisfied") or its code.
    """
    result = ImportResult()
    limit = settings.MAX_UPLOAD_MB * 1024 * 1024
    if upload.size > limit:
        result.errors.append((0, f"The file is larger than {settings.MAX_UPLOAD_MB} MB."))
        return result
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        result.errors.append((0, "The file is not UTF-8 text. Save it from Excel as “CSV UTF-8”."))
        return result
    reader = csv.DictReader(io.StringIO(text))
    headers = [h.strip() for h in (reader.fieldnames or [])]
    reader.fieldnames = headers
    questions = list(survey.questions.all())
    by_label = {question.label.lower(): question for question in questions}
    unknown = [h for h in headers if h and h.lower() not in by_label and h not in IMPORT_FIXED_COLUMNS]
    if unknown:
        result.errors.append((1, f"Columns we do not recognise: {', '.join(unknown)}."))
    if not any(h.lower() in by_label for h in headers):
        result.errors.append((1, "No question columns found: use the question codes as headings."))
    if result.errors:
        return result
    lookups = {question.pk: _value_lookup(question) for question in questions}
    estates = {estate.name.lower(): estate for estate in Estate.objects.all()}
    raw_rows = list(reader)
    references = {(row.get("reference") or "").strip() for row in raw_rows} - {""}
    customers = {c.reference: c for c in Customer.objects.filter(reference__in=references).select_related("estate")}
    already = set(
        Response.objects.filter(survey=survey, customer__in=customers.values()).values_list("customer", flat=True)
    )
    refs_done = set(
        Response.objects.filter(survey=survey).exclude(external_ref="").values_list("external_ref", flat=True)
    )
    channels = {c.value: c.value for c in ResponseChannel} | {c.label.lower(): c.value for c in ResponseChannel}
    tenures = {t.value: t.value for t in Tenure} | {t.label.lower(): t.value for t in Tenure}
    parsed, seen_customers, seen_refs = [], set(), set()
    for line, row in enumerate(raw_rows, start=2):
        result.rows += 1
        problems = []
        reference = (row.get("reference") or "").strip()
        customer = customers.get(reference) if reference else None
        if reference and customer is None:
            problems.append(f"no customer with tenancy reference {reference}")
        if customer is not None and (customer.pk in already or customer.pk in seen_customers):
            problems.append(f"customer {reference} has already answered this survey")
        estate_name = (row.get("estate") or "").strip()
        estate = customer.estate if customer else estates.get(estate_name.lower())
        if estate is None:
            problems.append(f"unknown estate “{estate_name}”" if estate_name else "give a reference or an estate")
        tenure_raw = (row.get("tenure") or "").strip().lower()
        tenure = customer.tenure if customer and not tenure_raw else tenures.get(tenure_raw)
        if tenure is None:
            problems.append(f"unknown tenure “{row.get('tenure', '')}”" if tenure_raw else "tenure is missing")
        responded_on = _parse_date((row.get("responded_on") or "").strip())
        if responded_on is None:
            problems.append(f"responded_on “{row.get('responded_on', '')}” is not a date (use YYYY-MM-DD)")
        channel_raw = (row.get("channel") or "").strip().lower()
        channel = channels.get(channel_raw, None) if channel_raw else ResponseChannel.IMPORTED
        if channel is None:
            problems.append(f"unknown channel “{row.get('channel')}”")
        external_ref = (row.get("external_id") or "").strip()[:60]
        if external_ref and (external_ref in refs_done or external_ref in seen_refs):
            problems.append(f"external_id {external_ref} was already imported")
        answers = {}
        for question in questions:
            raw = (row.get(question.label) or row.get(question.label.lower()) or "").strip()
            if not raw:
                if question.required:
                    problems.append(f"{question.label} is required")
                continue
            if question.is_closed:
                value = lookups[question.pk].get(raw.lower())
                if value is None:
                    problems.append(f"{question.label}: “{raw}” is not one of the answers")
                    continue
                answers[question.pk] = {"value": value}
            else:
                answers[question.pk] = {"text": raw}
        if problems:
            message = "; ".join(problems)
            result.errors.append((line, message[0].upper() + message[1:] + "."))
            continue
        if customer is not None:
            seen_customers.add(customer.pk)
        if external_ref:
            seen_refs.add(external_ref)
        parsed.append(
            dict(
                customer=customer,
                estate=estate,
                tenure=tenure,
                responded_on=responded_on,
                channel=channel,
                assisted_by=(row.get("assisted_by") or "").strip()[:120],
                external_ref=external_ref,
                answers=answers,
            )
        )
    if result.rows == 0:
        result.errors.append((2, "The file has no rows of answers."))
    if result.errors:
        return result
    with transaction.atomic():
        responses = []
        for row in parsed:
            values = {qid: answer.get("value", "") for qid, answer in row["answers"].items()}
            responses.append(
                Response(
                    survey=survey,
                    customer=row["customer"],
                    estate=row["estate"],
                    tenure=row["tenure"],
                    responded_on=row["responded_on"],
                    channel=row["channel"],
                    assisted_by=row["assisted_by"],
                    external_ref=row["external_ref"],
                    entered_by=user,
                    **response_flags(questions, values, row["estate"]),
                )
            )
        Response.objects.bulk_create(responses, batch_size=500)
        answers = []
        for response, row in zip(responses, parsed, strict=True):
            answers.extend(_answers_for(response, questions, row["answers"]))
        Answer.objects.bulk_create(answers, batch_size=1000)
    result.created = len(responses)
    return result


def _parse_date(text: str) -> datetime.date | None:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


# --- The TSM perception survey template ---------------------------------------------------------


def tsm_survey_create(
    *, title: str, opens_on: datetime.date, closes_on: datetime.date, created_by: User | None = None
) -> tuple[Survey, bool]:
    """Create the standard TSM perception survey (screening questions, then TP01–TP12).

    Idempotent by title: asking again returns the existing survey unchanged.
    """
    with transaction.atomic():
        survey, created = Survey.objects.get_or_create(
            title=title,
            defaults={
                "kind": SurveyKind.TSM,
                "purpose": (
                    "The Regulator of Social Housing's tenant perception survey. Your answers give our Tenant "
                    "Satisfaction Measures, which we publish and which the Customer Voice Group uses to hold us to "
                    "account."
                ),
                "tenures": tsm.TSM_TENURES,
                "population_basis": "homes",  # the Regulator's population: relevant homes
                "opens_on": opens_on,
                "closes_on": closes_on,
                "created_by": created_by,
            },
        )
        if created:
            Question.objects.bulk_create(
                Question(
                    survey=survey,
                    position=position,
                    code=item.code,
                    text=item.text,
                    scale=item.scale,
                    allow_dont_know=item.allow_dont_know,
                    required=item.required,
                    eligibility=item.eligibility,
                    screens_for=item.screens_for,
                    renters_only=item.renters_only,
                )
                for position, item in enumerate(tsm.TEMPLATE, start=1)
            )
    return survey, created
