"""Business rules for feedback: the complaint lifecycle on Code timescales, lessons learned,
compliments passed on to staff and suggestions that lead to change. The Code deadlines and their
chase live in `feedback.deadlines`."""

from __future__ import annotations

import datetime
import logging
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from engagement.models import Action, Customer, Estate, User
from engagement.services import action_complete, action_create, create_once, notify

from . import deadlines
from .models import (
    UPHELD_OUTCOMES,
    Complaint,
    ComplaintExtension,
    ComplaintStatus,
    Compliment,
    ComplimentAbout,
    LessonsLearned,
    Outcome,
    Suggestion,
    SuggestionStatus,
)

logger = logging.getLogger(__name__)


class ComplaintRuleError(ValidationError):
    """A step the Complaint Handling Code (or our procedure) does not allow; the message says why."""


def _today() -> datetime.date:
    return timezone.localdate()


def _not_in_future(day: datetime.date, label: str, today: datetime.date | None = None) -> None:
    if day > (today or _today()):
        raise ComplaintRuleError({label: "This date is in the future."})


def _locked(complaint: Complaint) -> Complaint:
    """Re-read the complaint under a row lock, so two people acting at once cannot both move it on."""
    return Complaint.objects.select_for_update().get(pk=complaint.pk)


def complaint_record(
    *,
    created_by: User,
    received_on: datetime.date,
    channel: str,
    category: str,
    description: str,
    stage1_handler: User,
    customer: Customer | None = None,
    estate: Estate | None = None,
    desired_outcome: str = "",
    form_token: uuid.UUID | None = None,
    today: datetime.date | None = None,
) -> Complaint:
    """Log a new stage 1 complaint and work out its Code deadlines."""
    _not_in_future(received_on, "received_on", today)
    if not stage1_handler.is_engagement_staff:
        raise ComplaintRuleError({"stage1_handler": "The handler must be a member of staff."})

    def build() -> Complaint:
        complaint = Complaint(
            customer=customer,
            estate=estate or (customer.estate if customer else None),
            received_on=received_on,
            channel=channel,
            category=category,
            description=description,
            desired_outcome=desired_outcome,
            stage1_handler=stage1_handler,
            stage1_ack_due_on=deadlines.acknowledgement_due(stage=1, start=received_on),
            stage1_response_due_on=deadlines.provisional_response_due(stage=1, start=received_on),
            created_by=created_by,
            form_token=form_token,
        )
        complaint.full_clean(exclude=["form_token"])
        complaint.save()
        if stage1_handler.pk != created_by.pk:
            notify(
                stage1_handler,
                title=f"New complaint for you to handle: {complaint.reference}",
                body=f"{complaint.get_category_display()} complaint received {received_on:%-d %B %Y}. "
                f"Acknowledge it by {complaint.stage1_ack_due_on:%A %-d %B %Y}.",
                url=complaint.get_absolute_url(),
            )
        return complaint

    complaint, _ = create_once(Complaint, form_token=form_token, build=build)
    return complaint


def complaint_update_details(*, complaint: Complaint, by: User, **fields) -> Complaint:
    """Correct the complaint's details. The received date moves the deadlines, so it can only be
    changed before the stage 1 acknowledgement."""
    with transaction.atomic():
        complaint = _locked(complaint)
        received_on = fields.pop("received_on", complaint.received_on)
        if received_on != complaint.received_on:
            if complaint.stage != 1 or complaint.status != ComplaintStatus.RECEIVED:
                raise ComplaintRuleError(
                    {"received_on": "The date received cannot change once the complaint has been acknowledged."}
                )
            _not_in_future(received_on, "received_on")
            complaint.received_on = received_on
            complaint.stage1_ack_due_on = deadlines.acknowledgement_due(stage=1, start=received_on)
            complaint.stage1_response_due_on = deadlines.provisional_response_due(stage=1, start=received_on)
        for name, value in fields.items():
            setattr(complaint, name, value)
        if complaint.customer_id and "estate" not in fields:
            complaint.estate = complaint.customer.estate
        complaint.full_clean(exclude=["form_token"])
        complaint.save()
    return complaint


def _stage_start(complaint: Complaint, stage: int) -> datetime.date:
    return complaint.received_on if stage == 1 else complaint.stage2_requested_on


def complaint_acknowledge(*, complaint: Complaint, acknowledged_on: datetime.date, by: User) -> Complaint:
    """Acknowledge the current stage; the response deadline is counted from this date."""
    with transaction.atomic():
        complaint = _locked(complaint)
        stage = complaint.stage
        if complaint.status != ComplaintStatus.RECEIVED:
            raise ComplaintRuleError(f"Stage {stage} has already been acknowledged.")
        start = _stage_start(complaint, stage)
        if acknowledged_on < start:
            raise ComplaintRuleError(
                {"acknowledged_on": f"The acknowledgement cannot be before {start:%-d %B %Y}, when the stage began."}
            )
        _not_in_future(acknowledged_on, "acknowledged_on")
        setattr(complaint, f"stage{stage}_acknowledged_on", acknowledged_on)
        setattr(
            complaint,
            f"stage{stage}_response_due_on",
            deadlines.response_due(stage=stage, acknowledged_on=acknowledged_on),
        )
        complaint.status = ComplaintStatus.ACKNOWLEDGED
        complaint.save()
    return complaint


def complaint_extend(
    *,
    complaint: Complaint,
    new_due_on: datetime.date,
    reason: str,
    by: User,
    agreed_on: datetime.date | None = None,
    good_reason: str = "",
) -> Complaint:
    """Extend the current stage's response date, as the Code allows (feedback.deadlines): as many
    times as needed within its limit counted from the original date, beyond it only with a good
    reason recorded. Each extension is kept (ComplaintExtension); the complaint holds the last."""
    agreed_on = agreed_on or _today()
    reason = (reason or "").strip()
    good_reason = (good_reason or "").strip()
    with transaction.atomic():
        complaint = _locked(complaint)
        stage = complaint.stage
        if complaint.status != ComplaintStatus.ACKNOWLEDGED:
            raise ComplaintRuleError(f"Only a stage {stage} complaint being investigated can be extended.")
        if not reason:
            raise ComplaintRuleError({"reason": "Give the reason for the extension, as told to the customer."})
        original = complaint.stage_field(stage, "response_due_on")
        current = complaint.effective_due_on(stage)
        problem = deadlines.extension_problem(
            stage=stage,
            response_due_on=original,
            current_due_on=current,
            new_due_on=new_due_on,
            agreed_on=agreed_on,
            good_reason=good_reason,
        )
        if problem:
            raise ComplaintRuleError({"new_due_on": problem})
        if new_due_on <= deadlines.latest_extension(stage=stage, response_due_on=original):
            good_reason = ""  # within the limit: nothing to justify
        ComplaintExtension.objects.create(
            complaint=complaint,
            stage=stage,
            agreed_on=agreed_on,
            previous_due_on=current,
            new_due_on=new_due_on,
            reason=reason,
            good_reason=good_reason,
            recorded_by=by,
        )
        setattr(complaint, f"stage{stage}_extended_due_on", new_due_on)
        setattr(complaint, f"stage{stage}_extension_reason", reason)
        complaint.save()
    return complaint


def complaint_respond(
    *, complaint: Complaint, outcome: str, responded_on: datetime.date, by: User, remedy: str = ""
) -> Complaint:
    """Record the current stage's response. Whether it was on time follows from the dates."""
    remedy = (remedy or "").strip()
    with transaction.atomic():
        complaint = _locked(complaint)
        stage = complaint.stage
        if complaint.status != ComplaintStatus.ACKNOWLEDGED:
            raise ComplaintRuleError(f"Acknowledge stage {stage} before recording the response.")
        if outcome not in Outcome.values:
            raise ComplaintRuleError({"outcome": "Choose the outcome."})
        acknowledged_on = complaint.stage_field(stage, "acknowledged_on")
        if responded_on < acknowledged_on:
            raise ComplaintRuleError(
                {"responded_on": f"The response cannot be before the acknowledgement on {acknowledged_on:%-d %B %Y}."}
            )
        _not_in_future(responded_on, "responded_on")
        if outcome in UPHELD_OUTCOMES and not remedy:
            raise ComplaintRuleError({"remedy": "Say how we are putting things right when the complaint is upheld."})
        setattr(complaint, f"stage{stage}_outcome", outcome)
        setattr(complaint, f"stage{stage}_remedy", remedy)
        setattr(complaint, f"stage{stage}_responded_on", responded_on)
        setattr(
            complaint,
            f"stage{stage}_working_days",
            deadlines.working_days_taken(start=_stage_start(complaint, stage), end=responded_on),
        )
        complaint.status = ComplaintStatus.RESPONDED
        complaint.save()
    return complaint


def complaint_escalate(
    *, complaint: Complaint, requested_on: datetime.date, reason: str, handler: User, by: User
) -> Complaint:
    """Move a complaint to stage 2 at the customer's request, with a different handler."""
    reason = (reason or "").strip()
    with transaction.atomic():
        complaint = _locked(complaint)
        if complaint.stage != 1 or complaint.status not in (ComplaintStatus.RESPONDED, ComplaintStatus.CLOSED):
            raise ComplaintRuleError("Only a complaint with a stage 1 response can be escalated to stage 2.")
        if handler.pk == complaint.stage1_handler_id:
            raise ComplaintRuleError({"handler": "Stage 2 must be handled by someone other than the stage 1 handler."})
        if not handler.is_engagement_staff:
            raise ComplaintRuleError({"handler": "The handler must be a member of staff."})
        if requested_on < complaint.stage1_responded_on:
            raise ComplaintRuleError({"requested_on": "The escalation cannot be before the stage 1 response."})
        _not_in_future(requested_on, "requested_on")
        if not reason:
            raise ComplaintRuleError({"reason": "Say why the customer is unhappy with the stage 1 response."})
        complaint.stage = 2
        complaint.status = ComplaintStatus.RECEIVED
        complaint.closed_on = None
        complaint.stage2_requested_on = requested_on
        complaint.stage2_reason = reason
        complaint.stage2_handler = handler
        complaint.stage2_ack_due_on = deadlines.acknowledgement_due(stage=2, start=requested_on)
        complaint.stage2_response_due_on = deadlines.provisional_response_due(stage=2, start=requested_on)
        complaint.save()
        notify(
            handler,
            title=f"Stage 2 complaint for you to handle: {complaint.reference}",
            body=f"The customer escalated on {requested_on:%-d %B %Y}. "
            f"Acknowledge it by {complaint.stage2_ack_due_on:%A %-d %B %Y}.",
            url=complaint.get_absolute_url(),
        )
    return complaint


def complaint_close(*, complaint: Complaint, by: User, closed_on: datetime.date | None = None) -> Complaint:
    """Close a responded complaint. Upheld or partly upheld ones need their lessons learned first."""
    closed_on = closed_on or _today()
    with transaction.atomic():
        complaint = _locked(complaint)
        if complaint.status != ComplaintStatus.RESPONDED:
            raise ComplaintRuleError("Only a complaint that has had its response can be closed.")
        if complaint.upheld_at_any_stage and not LessonsLearned.objects.filter(complaint=complaint).exists():
            raise ComplaintRuleError(
                "This complaint was upheld or partly upheld: record the lessons learned before closing it."
            )
        complaint.status = ComplaintStatus.CLOSED
        complaint.closed_on = closed_on
        complaint.save()
    return complaint


def lessons_learned_save(
    *,
    complaint: Complaint,
    by: User,
    what_went_wrong: str,
    root_cause: str,
    what_we_changed: str,
    owner: User,
    learned_on: datetime.date,
    create_action: bool = False,
    publish: bool = False,
    action_due_on: datetime.date | None = None,
    change_done: bool = False,
) -> LessonsLearned:
    """Record (or correct) a complaint's lessons learned; optionally turn the change into an Action,
    published to customers as "You said, we did" when asked. One action per lessons learned."""
    with transaction.atomic():
        complaint = _locked(complaint)
        lessons, _ = LessonsLearned.objects.update_or_create(
            complaint=complaint,
            defaults={
                "what_went_wrong": what_went_wrong,
                "root_cause": root_cause,
                "what_we_changed": what_we_changed,
                "owner": owner,
                "learned_on": learned_on,
            },
            create_defaults={
                "what_went_wrong": what_went_wrong,
                "root_cause": root_cause,
                "what_we_changed": what_we_changed,
                "owner": owner,
                "learned_on": learned_on,
                "created_by": by,
            },
        )
        if create_action and not Action.objects.from_source(lessons).exists():
            action = action_create(
                you_said=what_went_wrong,
                we_will=what_we_changed,
                owner=owner,
                due_on=action_due_on or learned_on,
                source=lessons,
                estate=complaint.estate,
                publish=publish,
                created_by=by,
            )
            if change_done:
                action_complete(action=action, we_did=what_we_changed, done_on=learned_on)
    return lessons


# ---------------------------------------------------------------------------------------------- compliments


def compliment_record(
    *,
    created_by: User,
    received_on: datetime.date,
    channel: str,
    about: str,
    description: str,
    staff_member: User | None = None,
    team: str = "",
    customer: Customer | None = None,
    from_name: str = "",
    form_token: uuid.UUID | None = None,
) -> Compliment:
    """Log a compliment and pass it on: to the named member of staff, or to the managers for a team or service."""
    _not_in_future(received_on, "received_on")
    if about == ComplimentAbout.PERSON and staff_member is None:
        raise ComplaintRuleError({"staff_member": "Choose the member of staff the compliment is about."})
    if about != ComplimentAbout.PERSON and not team.strip():
        raise ComplaintRuleError({"team": "Name the team or service the compliment is about."})

    def build() -> Compliment:
        compliment = Compliment(
            received_on=received_on,
            channel=channel,
            about=about,
            description=description,
            staff_member=staff_member if about == ComplimentAbout.PERSON else None,
            team=team.strip() if about != ComplimentAbout.PERSON else "",
            customer=customer,
            from_name=from_name,
            created_by=created_by,
            form_token=form_token,
        )
        compliment.full_clean(exclude=["form_token"])
        compliment.save()
        recipients = [compliment.staff_member] if compliment.staff_member else list(User.objects.managers())
        title = (
            "You have received a compliment"
            if compliment.staff_member
            else f"A compliment for {compliment.team}: please pass it on"
        )
        for person in recipients:
            notify(
                person,
                title=title,
                body=f"{compliment.giver} said on {received_on:%-d %B %Y}:\n\n{description}",
                url=reverse("feedback:compliment_detail", args=[compliment.pk]),
            )
        compliment.passed_on_at = timezone.now()
        compliment.save(update_fields=["passed_on_at"])
        return compliment

    compliment, _ = create_once(Compliment, form_token=form_token, build=build)
    return compliment


# ---------------------------------------------------------------------------------------------- suggestions


def suggestion_record(
    *,
    created_by: User,
    received_on: datetime.date,
    channel: str,
    suggestion: str,
    customer: Customer | None = None,
    from_name: str = "",
    estate: Estate | None = None,
    form_token: uuid.UUID | None = None,
) -> Suggestion:
    _not_in_future(received_on, "received_on")

    def build() -> Suggestion:
        row = Suggestion(
            received_on=received_on,
            channel=channel,
            suggestion=suggestion,
            customer=customer,
            from_name=from_name,
            estate=estate or (customer.estate if customer else None),
            created_by=created_by,
            form_token=form_token,
        )
        row.full_clean(exclude=["form_token"])
        row.save()
        return row

    row, _ = create_once(Suggestion, form_token=form_token, build=build)
    return row


def suggestion_respond(
    *,
    suggestion: Suggestion,
    by: User,
    response: str,
    responded_on: datetime.date,
    led_to_change: bool = False,
    we_will: str = "",
    action_owner: User | None = None,
    action_due_on: datetime.date | None = None,
    publish: bool = False,
) -> Suggestion:
    """Answer a suggestion; one that leads to a change becomes an Action ("You said, we did")."""
    response = (response or "").strip()
    if not response:
        raise ComplaintRuleError({"response": "Write the response given to the person who made the suggestion."})
    if responded_on < suggestion.received_on:
        raise ComplaintRuleError({"responded_on": "The response cannot be before the suggestion was received."})
    _not_in_future(responded_on, "responded_on")
    if led_to_change and not (we_will.strip() and action_due_on):
        raise ComplaintRuleError({"we_will": "Say what we will change and by when, so it can be tracked as an action."})
    with transaction.atomic():
        suggestion = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
        suggestion.response = response
        suggestion.responded_on = responded_on
        suggestion.responded_by = by
        suggestion.status = SuggestionStatus.RESPONDED
        suggestion.led_to_change = led_to_change
        suggestion.full_clean(exclude=["form_token"])
        suggestion.save()
        if led_to_change and not Action.objects.from_source(suggestion).exists():
            action_create(
                you_said=suggestion.suggestion,
                we_will=we_will.strip(),
                owner=action_owner or by,
                due_on=action_due_on,
                source=suggestion,
                estate=suggestion.estate,
                publish=publish,
                created_by=by,
            )
    return suggestion
