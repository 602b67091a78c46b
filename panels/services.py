"""Business rules of the panels app: recruitment, meetings and minutes, scrutiny, walks, expenses.

Every write goes through a keyword-only function here. Effects that must happen once (a chase
notice, publishing minutes, sending a walk's actions, deciding a claim) are claimed first with
a unique row or a conditional UPDATE, so a retried job, a second worker or a double-clicked
button changes nothing the second time.
"""

from __future__ import annotations

import datetime
import logging
import uuid
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from engagement.models import Action, Channel, Customer, Role, User
from engagement.services import action_create, notify
from engagement.workdays import add_working_days, previous_working_day, working_days_between

from .models import (
    INDUCTION_CHECKLIST,
    SCRUTINY_ORDER,
    Attendance,
    AttendanceStatus,
    AttendeeKind,
    EoiReminder,
    EoiStatus,
    EstateWalk,
    Evidence,
    ExpenseClaim,
    ExpenseKind,
    ExpenseStatus,
    ExpressionOfInterest,
    InductionItem,
    Letter,
    Meeting,
    MeetingPaper,
    MeetingStatus,
    Membership,
    MembershipRole,
    MinutesReminder,
    Panel,
    PanelKind,
    Recommendation,
    ResponseDecision,
    ScrutinyProject,
    ScrutinyStatus,
    SubmissionToken,
    WalkAttendee,
    WalkIssue,
    WalkStatus,
)

logger = logging.getLogger(__name__)

EOI_ANSWER_WORKING_DAYS = 2
MINUTES_DUE_WORKING_DAYS = 10
# The manager hears about minutes this many working days after they fell overdue.
MINUTES_ESCALATE_AFTER_WORKING_DAYS = 5
MILEAGE_RATE = Decimal("0.45")  # £ a mile: the HMRC approved rate for the first 10,000 miles
RECEIPT_THRESHOLD = Decimal("10.00")  # receipts are needed for any claim above this


class DuplicateSubmission(Exception):
    """The same form was sent twice; the first one already did the work."""


def submission_claim(*, token: uuid.UUID | str | None) -> None:
    """Claim a form's one-time token; raises DuplicateSubmission if it was already used.

    Call inside the transaction that creates the record, so a failed save frees the token.
    """
    if not token:
        return
    try:
        with transaction.atomic():
            SubmissionToken.objects.create(token=token)
    except IntegrityError as error:
        raise DuplicateSubmission from error


def _staff_for(panel: Panel | None) -> list[User]:
    """Who answers for a panel: its supporting officer, or the managers when it has none."""
    if panel is not None and panel.officer_id and panel.officer.is_active:
        return [panel.officer]
    return list(User.objects.managers())


def needs_letter(customer: Customer) -> bool:
    """A customer we must write to on paper: no login, or they told us they want letters."""
    return customer.user_id is None or customer.digitally_excluded or customer.preferred_channel == Channel.LETTER


def letter_queue(*, key: str, title: str, body: str, customer: Customer | None = None, recipient: str = "") -> Letter:
    """Add a letter to the print list once (unique on recipient, address and what it is about)."""
    address = f"{customer.address}\n{customer.postcode}".strip() if customer else ""
    letter, _ = Letter.objects.get_or_create(
        recipient=recipient or customer.full_name,
        address=address,
        key=key,
        defaults={
            "customer": customer,
            "title": title[:200],
            "body": body,
            "format_needs": ", ".join(customer.format_needs) if customer else "",
        },
    )
    return letter


def customer_tell(*, customer: Customer, key: str, title: str, body: str, url: str = "") -> str:
    """Tell a customer something the way they want: in the portal (and email if they chose it),
    and on paper when they have no login or asked for letters. Returns how it went."""
    channels = []
    if customer.user_id and customer.user.is_active:
        notify(customer.user, title=title, body=body, url=url)
        channels.append("portal")
    if needs_letter(customer):
        letter_queue(key=key, title=title, body=body, customer=customer)
        channels.append("letter")
    return "+".join(channels) or "none"


# --- Memberships and recruitment -----------------------------------------------------------


def membership_create(
    *,
    panel: Panel,
    customer: Customer,
    role: str = MembershipRole.MEMBER,
    starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
    estates=(),
) -> Membership:
    """Put a customer on a panel for a term, with the induction checklist to work through."""
    starts_on = starts_on or timezone.localdate()
    if ends_on is None and panel.term_years:
        ends_on = starts_on.replace(year=starts_on.year + panel.term_years) - datetime.timedelta(days=1)
    if role == MembershipRole.CHAMPION and panel.kind != PanelKind.ESTATE_CHAMPIONS:
        raise ValidationError({"role": "Only the Estate Champions panel has estate champions."})
    if role == MembershipRole.CHAMPION and not estates:
        raise ValidationError({"estates": "Choose the estates this champion will look after."})
    if Membership.objects.current(starts_on).filter(panel=panel, customer=customer).exists():
        raise ValidationError(f"{customer.full_name} is already a member of {panel}.")
    membership = Membership(panel=panel, customer=customer, role=role, starts_on=starts_on, ends_on=ends_on)
    membership.full_clean()
    membership.save()
    if estates:
        membership.estates.set(estates)
    InductionItem.objects.bulk_create(
        [InductionItem(membership=membership, position=n, title=title) for n, title in enumerate(INDUCTION_CHECKLIST)]
    )
    return membership


def membership_end(*, membership: Membership, ends_on: datetime.date) -> Membership:
    if ends_on < membership.starts_on:
        raise ValidationError({"ends_on": "The term cannot end before it started."})
    membership.ends_on = ends_on
    membership.save(update_fields=["ends_on"])
    return membership


def induction_item_mark(*, item: InductionItem, done: bool, by: User, today: datetime.date | None = None) -> None:
    item.done_on = (today or timezone.localdate()) if done else None
    item.done_by = by if done else None
    item.save(update_fields=["done_on", "done_by"])


def eoi_answer_due_on(submitted_on: datetime.date) -> datetime.date:
    return add_working_days(submitted_on, EOI_ANSWER_WORKING_DAYS)


def eoi_submit(
    *,
    panel: Panel,
    customer: Customer,
    availability: list[str],
    communication_needs: str = "",
    why: str = "",
    recorded_by: User | None = None,
    today: datetime.date | None = None,
) -> tuple[ExpressionOfInterest, bool]:
    """Record an expression of interest; returns (eoi, created).

    Asking again while the first is still waiting returns the first (a double submit or a
    second phone call is not a second request).
    """
    today = today or timezone.localdate()
    if not panel.is_active or not panel.recruiting:
        raise ValidationError({"panel": f"{panel} is not recruiting at the moment."})
    if Membership.objects.current(today).filter(panel=panel, customer=customer).exists():
        raise ValidationError({"panel": f"{customer.full_name} is already a member of {panel}."})
    existing = ExpressionOfInterest.objects.awaiting().filter(panel=panel, customer=customer).first()
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            eoi = ExpressionOfInterest.objects.create(
                panel=panel,
                customer=customer,
                availability=list(availability),
                communication_needs=communication_needs,
                why=why,
                submitted_on=today,
                answer_due_on=eoi_answer_due_on(today),
                recorded_by=recorded_by,
            )
    except IntegrityError:
        # Two requests raced past the check above; the unique constraint kept one.
        return ExpressionOfInterest.objects.awaiting().get(panel=panel, customer=customer), False
    for person in _staff_for(panel):
        notify(
            person,
            title=f"{customer.full_name} would like to join {panel}",
            body=f"Please answer by {eoi.answer_due_on:%A %-d %B} (2 working days).",
            url=eoi.get_absolute_url(),
        )
    return eoi, True


def eoi_answer(
    *,
    eoi: ExpressionOfInterest,
    accept: bool,
    by: User,
    note: str = "",
    role: str = MembershipRole.MEMBER,
    estates=(),
    today: datetime.date | None = None,
) -> ExpressionOfInterest:
    """Accept (a membership with its induction checklist) or decline (with a reason) once."""
    today = today or timezone.localdate()
    note = note.strip()
    if not accept and not note:
        raise ValidationError({"note": "Say why, so we can explain it to the customer."})
    with transaction.atomic():
        claimed = ExpressionOfInterest.objects.filter(pk=eoi.pk, status=EoiStatus.AWAITING).update(
            status=EoiStatus.ACCEPTED if accept else EoiStatus.DECLINED,
            answered_on=today,
            answered_by=by,
            answer_note=note,
        )
        if not claimed:
            raise ValidationError("This expression of interest has already been answered.")
        eoi.refresh_from_db()
        if accept:
            eoi.membership = membership_create(
                panel=eoi.panel, customer=eoi.customer, role=role, starts_on=today, estates=estates
            )
            eoi.save(update_fields=["membership"])
            title = f"Welcome to {eoi.panel}"
            body = (
                f"Thank you for offering your time. {eoi.panel.officer or 'The Customer Engagement Team'} "
                "will call you to go through your induction."
            )
        else:
            title = f"Your request to join {eoi.panel}"
            body = f"Thank you for your interest. We cannot offer you a place at the moment: {note}"
        customer_tell(customer=eoi.customer, key=f"eoi:{eoi.pk}", title=title, body=body, url=reverse("home"))
    return eoi


def eoi_chase(*, today: datetime.date | None = None) -> int:
    """Daily: remind staff on the day an answer is due, and tell them and the managers once it is late."""
    today = today or timezone.localdate()
    sent = 0
    waiting = ExpressionOfInterest.objects.awaiting().filter(answer_due_on__lte=today)
    for eoi in waiting.select_related("panel__officer", "customer"):
        if eoi.answer_due_on == today:
            kind, people = EoiReminder.Kind.DUE, _staff_for(eoi.panel)
            title = f"Answer {eoi.customer.full_name}'s request to join {eoi.panel} today"
        else:
            kind = EoiReminder.Kind.OVERDUE
            people = {*_staff_for(eoi.panel), *User.objects.managers()}
            title = f"Overdue: {eoi.customer.full_name}'s request to join {eoi.panel}"
        sent += _claim_and_notify(
            EoiReminder, {"expression_of_interest": eoi, "kind": kind, "sent_on": today}, people, title, eoi
        )
    return sent


def _claim_and_notify(model, claim: dict, people, title: str, subject) -> int:
    """Insert the unique reminder row and notify in one transaction; a duplicate row means done."""
    try:
        with transaction.atomic():
            model.objects.create(**claim)
            for person in sorted(people, key=lambda p: p.pk):
                notify(person, title=title, url=subject.get_absolute_url())
    except IntegrityError:
        return 0
    return 1


# --- Meetings ------------------------------------------------------------------------------


def meeting_schedule(
    *,
    panel: Panel,
    meets_on: datetime.date,
    by: User,
    starts_at: datetime.time | None = None,
    venue: str = "",
    agenda: str = "",
) -> Meeting:
    try:
        with transaction.atomic():
            meeting = Meeting.objects.create(
                panel=panel, meets_on=meets_on, starts_at=starts_at, venue=venue, agenda=agenda, created_by=by
            )
    except IntegrityError as error:
        raise ValidationError({"meets_on": f"{panel} already has a meeting on {meets_on:%-d %B %Y}."}) from error
    if panel.cadence_from is None:
        Panel.objects.filter(pk=panel.pk, cadence_from__isnull=True).update(cadence_from=meets_on)
    return meeting


def meeting_update(*, meeting: Meeting, **fields) -> Meeting:
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError("This meeting was cancelled.")
    for name, value in fields.items():
        setattr(meeting, name, value)
    try:
        with transaction.atomic():
            meeting.save()
    except IntegrityError as error:
        raise ValidationError({"meets_on": "The panel already has a meeting on that date."}) from error
    return meeting


def minutes_due_on(meets_on: datetime.date) -> datetime.date:
    return add_working_days(meets_on, MINUTES_DUE_WORKING_DAYS)


def meeting_attendance_record(
    *,
    meeting: Meeting,
    statuses: dict[int, str],
    staff: list[User],
    others: str = "",
    today: datetime.date | None = None,
) -> Meeting:
    """Record who came. A meeting with attendance took place: it is held and its minutes fall due."""
    today = today or timezone.localdate()
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError("This meeting was cancelled.")
    if meeting.meets_on > today:
        raise ValidationError("Attendance can be recorded on or after the day of the meeting.")
    if AttendanceStatus.PRESENT not in statuses.values():
        raise ValidationError("Mark at least one member as present; otherwise the meeting did not take place.")
    with transaction.atomic():
        for customer_id, status in statuses.items():
            Attendance.objects.update_or_create(meeting=meeting, customer_id=customer_id, defaults={"status": status})
        meeting.staff_present.set(staff)
        meeting.others_present = others
        if meeting.status != MeetingStatus.HELD:
            meeting.status = MeetingStatus.HELD
            meeting.minutes_due_on = minutes_due_on(meeting.meets_on)
        meeting.save(update_fields=["others_present", "status", "minutes_due_on"])
    return meeting


def meeting_minutes_save(*, meeting: Meeting, minutes: str) -> Meeting:
    if meeting.status != MeetingStatus.HELD:
        raise ValidationError("Record the attendance first: minutes are for a meeting that took place.")
    if meeting.minutes_published:
        raise ValidationError("These minutes are published and can no longer be changed.")
    meeting.minutes = minutes
    meeting.save(update_fields=["minutes"])
    return meeting


def meeting_action_add(
    *,
    meeting: Meeting,
    you_said: str,
    we_will: str,
    owner: User,
    due_on: datetime.date,
    by: User,
    estate=None,
    publish: bool = False,
) -> Action:
    """An item on the meeting's action plan (the shared Action, sourced from the meeting)."""
    if meeting.status != MeetingStatus.HELD:
        raise ValidationError("Actions are agreed at a meeting that took place: record the attendance first.")
    return action_create(
        you_said=you_said,
        we_will=we_will,
        owner=owner,
        due_on=due_on,
        estate=estate if estate is not None else meeting.panel.estate,
        publish=publish,
        source=meeting,
        created_by=by,
    )


def meeting_paper_add(*, meeting: Meeting, title: str, kind: str, file, by: User) -> MeetingPaper:
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError("This meeting was cancelled.")
    return MeetingPaper.objects.create(meeting=meeting, title=title, kind=kind, file=file, uploaded_by=by)


def meeting_cancel(*, meeting: Meeting) -> Meeting:
    if meeting.status != MeetingStatus.PLANNED:
        raise ValidationError("Only a planned meeting can be cancelled.")
    Meeting.objects.filter(pk=meeting.pk, status=MeetingStatus.PLANNED).update(status=MeetingStatus.CANCELLED)
    meeting.refresh_from_db()
    return meeting


def meeting_minutes_publish(*, meeting: Meeting, by: User, today: datetime.date | None = None) -> int:
    """Publish the minutes and action plan to the panel's members, once. Returns members told."""
    today = today or timezone.localdate()
    if meeting.status != MeetingStatus.HELD:
        raise ValidationError("Record the attendance before publishing minutes.")
    if not meeting.minutes.strip():
        raise ValidationError("Write the minutes before publishing them.")
    with transaction.atomic():
        claimed = Meeting.objects.filter(
            pk=meeting.pk, status=MeetingStatus.HELD, minutes_published_on__isnull=True
        ).update(minutes_published_on=today, minutes_published_by=by)
        if not claimed:
            raise ValidationError("These minutes are already published.")
        meeting.refresh_from_db()
        actions = Action.objects.from_source(meeting).order_by("due_on")
        plan = "\n".join(f"- {a.we_will} (by {a.due_on:%-d %B %Y})" for a in actions) or "- No actions agreed."
        body = f"The minutes of the meeting on {meeting.meets_on:%-d %B %Y} are ready.\n\nAction plan:\n{plan}"
        members = Membership.objects.current(today).filter(panel=meeting.panel).select_related("customer__user")
        told = 0
        for membership in members:
            customer_tell(
                customer=membership.customer,
                key=f"minutes:{meeting.pk}",
                title=f"Minutes of {meeting}",
                body=body,
                url=meeting.get_absolute_url(),
            )
            told += 1
    return told


def minutes_chase(*, today: datetime.date | None = None) -> int:
    """Daily: the working day before minutes are due, when they are overdue, and escalation.

    Like activity reports: a reminder to the supporting officer the working day before,
    an overdue notice once the due date has passed, and the managers after 5 more working days.
    """
    today = today or timezone.localdate()
    sent = 0
    outstanding = Meeting.objects.minutes_outstanding().filter(minutes_due_on__lte=add_working_days(today, 1))
    for meeting in outstanding.select_related("panel__officer"):
        due = meeting.minutes_due_on
        notices = []
        if previous_working_day(due) <= today <= due:
            notices.append((MinutesReminder.Kind.DUE_TOMORROW, _staff_for(meeting.panel), "due soon"))
        if today > due:
            notices.append((MinutesReminder.Kind.OVERDUE, _staff_for(meeting.panel), "overdue"))
        if working_days_between(due, today) >= MINUTES_ESCALATE_AFTER_WORKING_DAYS:
            notices.append((MinutesReminder.Kind.ESCALATED, list(User.objects.managers()), "overdue (escalated)"))
        for kind, people, phrase in notices:
            title = f"Minutes {phrase}: {meeting} (due {due:%-d %b})"
            sent += _claim_and_notify(
                MinutesReminder, {"meeting": meeting, "kind": kind, "sent_on": today}, people, title, meeting
            )
    return sent


# --- Scrutiny ------------------------------------------------------------------------------


class ScrutinyRuleError(ValidationError):
    """A scrutiny project cannot move on yet; the message says what is missing."""


def _next_status(status: str) -> str | None:
    index = SCRUTINY_ORDER.index(status)
    return SCRUTINY_ORDER[index + 1] if index + 1 < len(SCRUTINY_ORDER) else None


def scrutiny_blockers(project: ScrutinyProject) -> list[str]:
    """What stops the project moving to its next stage (empty when it may move on)."""
    status = project.status
    problems = []
    if status == ScrutinyStatus.SCOPING and not project.scope.strip():
        problems.append("Agree the scope of the review first.")
    elif status == ScrutinyStatus.EVIDENCE and not project.evidence.exists():
        problems.append("Add at least one piece of evidence.")
    elif status == ScrutinyStatus.REPORTING:
        if not project.has_report:
            problems.append("Write the final report or upload it as a PDF.")
        if not project.recommendations.exists():
            problems.append("Add at least one recommendation.")
    elif status == ScrutinyStatus.RESPONSE:
        if project.recommendations.filter(decision="").exists():
            problems.append("Give a management response to every recommendation.")
        agreed = project.recommendations.filter(decision__in=[ResponseDecision.ACCEPTED, ResponseDecision.PARTLY])
        if agreed.exists() and not Action.objects.from_source(project).exists():
            problems.append("Add the action plan for the accepted recommendations.")
    elif status == ScrutinyStatus.MONITORING and Action.objects.from_source(project).open().exists():
        problems.append("Every action on the plan must be done or cancelled before the project closes.")
    elif status == ScrutinyStatus.CLOSED:
        problems.append("The project is closed.")
    return problems


def scrutiny_advance(*, project: ScrutinyProject, by: User, today: datetime.date | None = None) -> ScrutinyProject:
    """Move the project to its next stage, if the rules allow; one step at a time."""
    today = today or timezone.localdate()
    problems = scrutiny_blockers(project)
    if problems:
        raise ScrutinyRuleError(problems)
    target = _next_status(project.status)
    extra = {}
    if target == ScrutinyStatus.RESPONSE:
        extra["report_delivered_on"] = today
    if target == ScrutinyStatus.CLOSED:
        extra["closed_on"] = today
    with transaction.atomic():
        moved = ScrutinyProject.objects.filter(pk=project.pk, status=project.status).update(status=target, **extra)
        if not moved:
            raise ScrutinyRuleError("Someone else has just moved this project on; reload the page.")
        project.refresh_from_db()
        if target == ScrutinyStatus.RESPONSE:
            for manager in User.objects.managers():
                notify(
                    manager,
                    title=f"Scrutiny report delivered: {project.topic}",
                    body="Please give the management response to each recommendation.",
                    url=project.get_absolute_url(),
                )
        if target == ScrutinyStatus.MONITORING:
            for cvg in Panel.objects.filter(kind=PanelKind.CUSTOMER_VOICE_GROUP, is_active=True):
                for person in _staff_for(cvg):
                    notify(
                        person,
                        title=f"Scrutiny action plan for the CVG to monitor: {project.topic}",
                        url=project.get_absolute_url(),
                    )
    return project


def _require_status(project: ScrutinyProject, allowed: set[str], what: str) -> None:
    if project.status not in allowed:
        stages = " or ".join(ScrutinyStatus(s).label.lower() for s in SCRUTINY_ORDER if s in allowed)
        raise ScrutinyRuleError(f"{what} can be added during {stages} only.")


def evidence_add(
    *,
    project: ScrutinyProject,
    kind: str,
    title: str,
    by: User,
    notes: str = "",
    file=None,
    gathered_on: datetime.date | None = None,
) -> Evidence:
    _require_status(project, {ScrutinyStatus.SCOPING, ScrutinyStatus.EVIDENCE, ScrutinyStatus.REPORTING}, "Evidence")
    if not notes.strip() and not file:
        raise ValidationError({"notes": "Write some notes or attach a file."})
    return Evidence.objects.create(
        project=project,
        kind=kind,
        title=title,
        notes=notes,
        file=file or "",
        gathered_on=gathered_on or timezone.localdate(),
        added_by=by,
    )


def scrutiny_findings_save(*, project: ScrutinyProject, findings: str) -> ScrutinyProject:
    _require_status(project, {ScrutinyStatus.EVIDENCE, ScrutinyStatus.REPORTING}, "Findings")
    project.findings = findings
    project.save(update_fields=["findings"])
    return project


def recommendation_add(*, project: ScrutinyProject, text: str) -> Recommendation:
    _require_status(project, {ScrutinyStatus.EVIDENCE, ScrutinyStatus.REPORTING}, "Recommendations")
    for _attempt in range(3):
        number = (project.recommendations.aggregate(n=Max("number"))["n"] or 0) + 1
        try:
            with transaction.atomic():
                return Recommendation.objects.create(project=project, number=number, text=text)
        except IntegrityError:
            continue  # someone added one at the same moment; take the next number
    raise ValidationError("Could not number the recommendation; please try again.")


def scrutiny_report_save(*, project: ScrutinyProject, report_text: str, report_file=None) -> ScrutinyProject:
    _require_status(project, {ScrutinyStatus.REPORTING}, "The final report")
    project.report_text = report_text
    fields = ["report_text"]
    if report_file:
        project.report_file = report_file
        fields.append("report_file")
    project.save(update_fields=fields)
    return project


def recommendation_respond(
    *, recommendation: Recommendation, decision: str, response: str, by: User, today: datetime.date | None = None
) -> Recommendation:
    """The management response to one recommendation: accepted, partly accepted or rejected, and why."""
    _require_status(recommendation.project, {ScrutinyStatus.RESPONSE}, "Management responses")
    if decision not in ResponseDecision.values:
        raise ValidationError({"decision": "Choose accepted, partly accepted or rejected."})
    if not response.strip():
        raise ValidationError({"response": "Explain the response so the group can see our reasons."})
    recommendation.decision = decision
    recommendation.response = response
    recommendation.responded_on = today or timezone.localdate()
    recommendation.responded_by = by
    recommendation.save(update_fields=["decision", "response", "responded_on", "responded_by"])
    return recommendation


def scrutiny_action_add(
    *,
    project: ScrutinyProject,
    we_will: str,
    owner: User,
    due_on: datetime.date,
    by: User,
    recommendation: Recommendation | None = None,
    publish: bool = False,
) -> Action:
    _require_status(project, {ScrutinyStatus.RESPONSE, ScrutinyStatus.MONITORING}, "Actions")
    if recommendation is not None and recommendation.decision == ResponseDecision.REJECTED:
        raise ValidationError({"recommendation": "That recommendation was rejected; it has no actions."})
    said = f"Scrutiny review of {project.topic}"
    if recommendation is not None:
        said += f", recommendation {recommendation.number}: {recommendation.text}"
    return action_create(
        you_said=said, we_will=we_will, owner=owner, due_on=due_on, source=project, publish=publish, created_by=by
    )


# --- Estate walks --------------------------------------------------------------------------


def walk_attendee_add(
    *,
    walk: EstateWalk,
    kind: str,
    customer: Customer | None = None,
    user: User | None = None,
    name: str = "",
    organisation: str = "",
    email: str = "",
) -> WalkAttendee:
    if kind == AttendeeKind.CUSTOMER and customer is None:
        raise ValidationError({"reference": "Give the customer's tenancy reference."})
    if kind == AttendeeKind.OFFICER and user is None:
        raise ValidationError({"user": "Choose the officer."})
    if kind == AttendeeKind.PARTNER and not (name or organisation):
        raise ValidationError({"organisation": "Give the partner's name or organisation."})
    attendee = WalkAttendee(
        walk=walk,
        kind=kind,
        customer=customer if kind == AttendeeKind.CUSTOMER else None,
        user=user if kind == AttendeeKind.OFFICER else None,
        name=name if kind == AttendeeKind.PARTNER else "",
        organisation=organisation if kind == AttendeeKind.PARTNER else "",
        email=email if kind == AttendeeKind.PARTNER else "",
    )
    try:
        with transaction.atomic():
            attendee.save()
    except IntegrityError as error:
        raise ValidationError("They are already on the list of attendees.") from error
    return attendee


def walk_issue_add(
    *,
    walk: EstateWalk,
    description: str,
    location: str,
    we_will: str,
    owner: User,
    due_on: datetime.date,
    by: User,
    photo=None,
    publish: bool = False,
    today: datetime.date | None = None,
) -> WalkIssue:
    """An issue found on the walk and the action agreed for it, with its timescale."""
    today = today or timezone.localdate()
    if walk.status == WalkStatus.CANCELLED:
        raise ValidationError("This walk was cancelled.")
    if walk.walks_on > today:
        raise ValidationError("Issues are recorded on or after the day of the walk.")
    if due_on < walk.walks_on:
        raise ValidationError({"due_on": "The action cannot be due before the walk."})
    with transaction.atomic():
        action = action_create(
            you_said=f"{description} ({location})",
            we_will=we_will,
            owner=owner,
            due_on=due_on,
            estate=walk.estate,
            publish=publish,
            source=walk,
            created_by=by,
        )
        issue = WalkIssue.objects.create(
            walk=walk, description=description, location=location, photo=photo or "", action=action
        )
        EstateWalk.objects.filter(pk=walk.pk, status=WalkStatus.PLANNED).update(status=WalkStatus.HELD)
    return issue


def walk_action_summary(walk: EstateWalk) -> str:
    lines = [f"Thank you for joining the {walk.get_kind_display().lower()} on {walk.walks_on:%-d %B %Y}."]
    lines.append("These are the actions we agreed:")
    for issue in walk.issues.select_related("action__owner").order_by("pk"):
        if issue.action is None:
            continue
        lines.append(
            f"- {issue.description} at {issue.location}: {issue.action.we_will} "
            f"({issue.action.owner}, by {issue.action.due_on:%-d %B %Y})"
        )
    return "\n".join(lines)


@dataclass(frozen=True)
class WalkSendResult:
    notified: int = 0
    letters: int = 0
    partner_emails: int = 0

    @property
    def total(self) -> int:
        return self.notified + self.letters + self.partner_emails


def walk_actions_send(*, walk: EstateWalk, by: User, today: datetime.date | None = None) -> WalkSendResult:
    """Send the agreed actions to every attendee not yet sent them.

    Each attendee is claimed with a conditional UPDATE before anything is sent, so pressing
    the button twice (or adding an attendee and pressing it again) sends each person one copy.
    """
    from .tasks import send_walk_partner_email

    today = today or timezone.localdate()
    if not walk.issues.filter(action__isnull=False).exists():
        raise ValidationError("Record the issues and agreed actions before sending them.")
    body = walk_action_summary(walk)
    title = f"Actions from the walkabout at {walk.estate}"
    notified = letters = partner_emails = 0
    attendees = walk.attendees.filter(actions_sent_on__isnull=True).select_related("customer__user", "user")
    for attendee in attendees:
        with transaction.atomic():
            if not WalkAttendee.objects.filter(pk=attendee.pk, actions_sent_on__isnull=True).update(
                actions_sent_on=today
            ):
                continue
            if attendee.kind == AttendeeKind.CUSTOMER:
                how = customer_tell(
                    customer=attendee.customer, key=f"walk:{walk.pk}", title=title, body=body, url=reverse("home")
                )
                notified += "portal" in how
                letters += "letter" in how
            elif attendee.kind == AttendeeKind.OFFICER:
                notify(attendee.user, title=title, body=body, url=walk.get_absolute_url())
                notified += 1
            elif attendee.email:
                attendee_id = attendee.pk
                transaction.on_commit(lambda pk=attendee_id: send_walk_partner_email.delay(pk))
                partner_emails += 1
            else:
                letter_queue(key=f"walk:{walk.pk}", title=title, body=body, recipient=attendee.display_name)
                letters += 1
    EstateWalk.objects.filter(pk=walk.pk).update(actions_sent_on=today, status=WalkStatus.HELD)
    walk.refresh_from_db()
    return WalkSendResult(notified=notified, letters=letters, partner_emails=partner_emails)


def walk_partner_email_send(*, attendee_id: int) -> bool:
    """Email a partner the walk's actions at most once (claimed like notification emails)."""
    claimed = WalkAttendee.objects.filter(
        pk=attendee_id, kind=AttendeeKind.PARTNER, email_claimed_at__isnull=True
    ).update(email_claimed_at=timezone.now())
    if not claimed:
        return False
    attendee = WalkAttendee.objects.select_related("walk__estate").get(pk=attendee_id)
    try:
        send_mail(
            subject=f"[{settings.SITE_NAME}] Actions from the walkabout at {attendee.walk.estate}",
            message=f"{walk_action_summary(attendee.walk)}\n\n-- \n{settings.LANDLORD_NAME} Customer Engagement Team",
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[attendee.email],
        )
    except Exception:
        WalkAttendee.objects.filter(pk=attendee_id).update(email_claimed_at=None)
        raise
    WalkAttendee.objects.filter(pk=attendee_id).update(emailed_at=timezone.now())
    return True


def letters_mark_printed(*, letter_ids: list[int], by: User, today: datetime.date | None = None) -> int:
    return Letter.objects.filter(pk__in=letter_ids, printed_on__isnull=True).update(
        printed_on=today or timezone.localdate(), printed_by=by
    )


# --- Expenses ------------------------------------------------------------------------------


def expense_amount(*, kind: str, miles: Decimal | None, amount: Decimal | None) -> Decimal:
    """What the claim is worth: miles at the mileage rate, to the penny, or the amount spent."""
    if kind == ExpenseKind.MILEAGE:
        return (Decimal(miles or 0) * MILEAGE_RATE).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return Decimal(amount or 0).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def receipt_required(*, kind: str, amount: Decimal) -> bool:
    """Receipts for anything above £10; mileage is paid on the miles, which have no receipt."""
    return kind != ExpenseKind.MILEAGE and amount > RECEIPT_THRESHOLD


def expense_claim_submit(
    *,
    customer: Customer,
    kind: str,
    incurred_on: datetime.date,
    description: str,
    miles: Decimal | None = None,
    amount: Decimal | None = None,
    receipt=None,
    meeting: Meeting | None = None,
    form_token: uuid.UUID | None = None,
    today: datetime.date | None = None,
) -> tuple[ExpenseClaim, bool]:
    """Check and record a claim; returns (claim, created). A resent form returns the first claim."""
    today = today or timezone.localdate()
    errors = {}
    if incurred_on > today:
        errors["incurred_on"] = "The date cannot be in the future."
    if kind == ExpenseKind.MILEAGE:
        if not miles or miles <= 0:
            errors["miles"] = "Give the number of miles you travelled."
    elif not amount or amount <= 0:
        errors["amount"] = "Give the amount you spent, in pounds and pence."
    value = expense_amount(kind=kind, miles=miles, amount=amount)
    if not errors and receipt_required(kind=kind, amount=value) and not receipt:
        errors["receipt"] = f"Please attach a receipt: we need one for claims over £{RECEIPT_THRESHOLD}."
    if errors:
        raise ValidationError(errors)
    if form_token:
        existing = ExpenseClaim.objects.filter(form_token=form_token, customer=customer).first()
        if existing:
            return existing, False
    try:
        with transaction.atomic():
            claim = ExpenseClaim.objects.create(
                customer=customer,
                kind=kind,
                incurred_on=incurred_on,
                description=description,
                meeting=meeting,
                miles=miles if kind == ExpenseKind.MILEAGE else None,
                mileage_rate=MILEAGE_RATE if kind == ExpenseKind.MILEAGE else None,
                amount=value,
                receipt=receipt or "",
                form_token=form_token,
            )
    except IntegrityError:
        return ExpenseClaim.objects.get(form_token=form_token), False
    return claim, True


def expense_claim_decide(
    *, claim: ExpenseClaim, approve: bool, by: User, reason: str = "", now: datetime.datetime | None = None
) -> ExpenseClaim:
    """Approve or reject a claim once, and tell the claimant; a rejection needs a reason."""
    reason = reason.strip()
    if not approve and not reason:
        raise ValidationError({"reason": "Give the reason, so the customer understands the decision."})
    if by.role not in {Role.OFFICER, Role.MANAGER, Role.ADMIN}:
        raise ValidationError("Only staff can decide expense claims.")
    with transaction.atomic():
        decided = ExpenseClaim.objects.filter(pk=claim.pk, status=ExpenseStatus.SUBMITTED).update(
            status=ExpenseStatus.APPROVED if approve else ExpenseStatus.REJECTED,
            decided_by=by,
            decided_at=now or timezone.now(),
            decision_reason=reason,
        )
        if not decided:
            raise ValidationError("This claim has already been decided.")
        claim.refresh_from_db()
        if approve:
            title = f"Expense claim approved: £{claim.amount}"
            body = f"Your claim for {claim.description} has been approved and will be paid."
        else:
            title = f"Expense claim not approved: £{claim.amount}"
            body = f"Your claim for {claim.description} was not approved: {reason}"
        customer_tell(
            customer=claim.customer,
            key=f"expense:{claim.pk}",
            title=title,
            body=f"{body}\n\n{reason if approve and reason else ''}".strip(),
            url=claim.get_absolute_url(),
        )
    return claim
