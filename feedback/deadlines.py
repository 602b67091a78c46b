"""The Housing Ombudsman's Complaint Handling Code timescales, in working days (England & Wales).

Plain functions of dates, so every rule is tested on hand-worked calendars. A working-day count
starts the day after the event (the event's own day is day 0), as `add_working_days` does:
a complaint received on Friday 4 December 2026 is acknowledged by Friday 11 December.

Stage 1: acknowledge within 5 working days of receipt; respond within 10 working days of the
acknowledgement. Stage 2: acknowledge within 5 working days of the escalation request; respond
within 20 working days of the acknowledgement.

Extensions (Complaint Handling Code 2024, sections 5 and 6): where the landlord cannot respond in
time, it must agree an extension with the resident, and the extension must be no more than 10
working days at stage 1 (20 at stage 2) without good reason, with the reason explained to the
resident. The Code does not limit the number of extensions. So here:
* an extension is agreed before the current response date passes, moves it later, to a working day;
* several extensions may be agreed, each from the current date, as long as together they end no
  more than 10 (stage 2: 20) working days after the original response date (`latest_extension`);
* a later date than that is allowed only with a good reason recorded (`extension_problem`);
* for CH02 a response counts as within the Code's timescales when it is sent on or before the last
  agreed date; each extension, and whether it went beyond the limit with a good reason, is shown on
  the complaint's timeline (`extension_note`).
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass

from django.db.models import Count

from engagement.deadlines import ChasePolicy, Step, in_working_days
from engagement.deadlines.kinds import stored_date_kind
from engagement.registry import Deadline, DeadlineKind, batch_cached, register_deadline_kind
from engagement.workdays import add_working_days, is_working_day, working_days_between


@dataclass(frozen=True)
class StageRules:
    acknowledge_within: int
    respond_within: int
    max_extension: int


RULES = {
    1: StageRules(acknowledge_within=5, respond_within=10, max_extension=10),
    2: StageRules(acknowledge_within=5, respond_within=20, max_extension=20),
}


def acknowledgement_due(*, stage: int, start: datetime.date) -> datetime.date:
    """Acknowledgement deadline: `start` is the date received (stage 1) or the escalation request (stage 2)."""
    return add_working_days(start, RULES[stage].acknowledge_within)


def response_due(*, stage: int, acknowledged_on: datetime.date) -> datetime.date:
    """Response deadline, counted from the acknowledgement."""
    return add_working_days(acknowledged_on, RULES[stage].respond_within)


def provisional_response_due(*, stage: int, start: datetime.date) -> datetime.date:
    """Before acknowledgement: the response period counted from the acknowledgement deadline."""
    return response_due(stage=stage, acknowledged_on=acknowledgement_due(stage=stage, start=start))


def latest_extension(*, stage: int, response_due_on: datetime.date) -> datetime.date:
    """The furthest extensions may move the original response date under the Code without good reason."""
    return add_working_days(response_due_on, RULES[stage].max_extension)


def extension_problem(
    *,
    stage: int,
    response_due_on: datetime.date,
    new_due_on: datetime.date,
    agreed_on: datetime.date,
    current_due_on: datetime.date | None = None,
    good_reason: str = "",
) -> str | None:
    """Why an extension is not allowed, or None if it is valid.

    `response_due_on` is the original response date; `current_due_on` the date now in force (the
    last extension's, if any). The extension must be agreed before the current date has passed,
    move it later and land on a working day. Together with earlier extensions it may end at most
    the Code's working days after the original date, unless a good reason is recorded.
    """
    current = current_due_on or response_due_on
    if agreed_on > current:
        return (
            f"The response was due on {current:%-d %B %Y}; an extension must be agreed with the customer "
            "before the deadline passes."
        )
    if new_due_on <= current:
        return f"The new date must be after the current response date, {current:%-d %B %Y}."
    if not is_working_day(new_due_on):
        return "The new date must be a working day (not a weekend or bank holiday)."
    latest = latest_extension(stage=stage, response_due_on=response_due_on)
    if new_due_on > latest and not (good_reason or "").strip():
        return (
            f"At stage {stage} the Code says extensions should add no more than {RULES[stage].max_extension} working "
            f"days without good reason: the latest date is {latest:%-d %B %Y}. To agree a later date, record the "
            "good reason, as explained to the customer."
        )
    return None


def extension_note(*, stage: int, response_due_on: datetime.date, new_due_on: datetime.date, good_reason: str) -> str:
    """How an extension counts, in words for the timeline and the CH02 figures."""
    latest = latest_extension(stage=stage, response_due_on=response_due_on)
    added = working_days_between(response_due_on, new_due_on)
    if new_due_on <= latest:
        how = f"within the Code's {RULES[stage].max_extension} working days"
    else:
        how = f"beyond the Code's {RULES[stage].max_extension} working days, with a good reason recorded"
    return (
        f"{added} working days after the original date, {how}: a response by {new_due_on:%-d %B %Y} counts as "
        "within the Code's timescales (CH02)."
    )


def working_days_taken(*, start: datetime.date, end: datetime.date) -> int:
    """Working days from receipt (or escalation) to response, as reported in 'average days to respond'."""
    return max(working_days_between(start, end), 0)


# --- Chasing: the four Code deadlines as kinds of the portal's one deadline engine --------------
#
# Chase (see engagement.deadlines.policy): a reminder to the stage's handler the working day before
# each deadline; an overdue notice on the first working day it is missed; escalation to the
# managers at 2 working days overdue, again every 5 working days until the step is done. An
# extension is a new due date, so it is chased afresh.

POLICY = ChasePolicy(remind_before=1, escalate_after=2, repeat_every=5)


def _complaint_kind(*, stage: int, step: str, key: str, label: str, rule: str, order: int) -> DeadlineKind:
    from .models import Complaint, ComplaintStatus

    status = ComplaintStatus.RECEIVED if step == "acknowledge" else ComplaintStatus.ACKNOWLEDGED

    def open_records():
        return Complaint.objects.filter(status=status, stage=stage).with_current_deadline()

    def describe(complaint) -> dict:
        return {
            "what": f"{complaint.reference}: {step} at stage {stage} ({complaint.get_category_display()})",
            "owner": complaint.handler(stage),
            "url": complaint.get_absolute_url(),
            "place": complaint.estate.name if complaint.estate_id else "",
        }

    def notice(deadline: Deadline, chase_step: str, today: datetime.date) -> tuple[str, str]:
        due = f"{deadline.due_on:%A %-d %B %Y}"
        reference = deadline.what.split(":")[0]
        verb = "acknowledge" if step == "acknowledge" else "respond to"
        if chase_step == Step.REMINDER:
            when = "today" if deadline.due_on == today else f"on {due}"
            return (
                f"Complaint {reference}: stage {stage} {step} due {when}",
                f"Please {verb} stage {stage} of complaint {deadline.what} by {due}: {rule} If you need more time, "
                "agree an extension with the customer before the deadline.",
            )
        days = working_days_between(deadline.due_on, today)
        if chase_step == Step.OVERDUE:
            return (
                f"Complaint {reference}: stage {stage} {step} overdue",
                f"Stage {stage} of complaint {deadline.what} was due by {due} and is late under the Complaint "
                f"Handling Code. Please {verb} it today: at {POLICY.escalate_after} working days overdue it goes "
                "to the managers.",
            )
        return (
            f"Escalated: complaint {reference} stage {stage} {step} {days} working days overdue",
            f"Stage {stage} of complaint {deadline.what}, handled by {deadline.owner}, was due by {due} and is "
            f"{days} working days overdue under the Complaint Handling Code.",
        )

    def overdue_counts(today: datetime.date) -> dict:
        # The four complaint kinds share one GROUP BY (read once within a dashboard's batch).
        return batch_cached(_overdue_by_stage_status_and_handler, today).get((stage, status), {})

    kind = stored_date_kind(
        key=key,
        label=label,
        rule=rule,
        policy=POLICY,
        open_records=open_records,
        due_field="next_due_on",
        owner_lookup=f"stage{stage}_handler",
        patch_lookup="estate__patch",
        related=(f"stage{stage}_handler", "customer", "estate"),
        describe=describe,
        notice=notice,
        owner_label=f"stage {stage} handler",
        order=order,
    )

    return dataclasses.replace(kind, overdue_counts=overdue_counts)


def _overdue_by_stage_status_and_handler(today: datetime.date) -> dict[tuple[int, str], dict]:
    """{(stage, status): {handler id: complaints overdue}} for open complaints, in one GROUP BY."""
    from .models import Complaint, ComplaintStatus

    rows = (
        Complaint.objects.filter(status__in=[ComplaintStatus.RECEIVED, ComplaintStatus.ACKNOWLEDGED])
        .with_current_deadline()
        .filter(next_due_on__lt=today)
        .order_by()
        .values("stage", "status", "stage1_handler", "stage2_handler")
        .annotate(n=Count("pk"))
    )
    counts: dict[tuple[int, str], dict] = {}
    for row in rows:
        owner = row[f"stage{row['stage']}_handler"]
        mine = counts.setdefault((row["stage"], row["status"]), {})
        mine[owner] = mine.get(owner, 0) + row["n"]
    return counts


STAGE1_ACK, STAGE1_RESPONSE, STAGE2_ACK, STAGE2_RESPONSE = (
    register_deadline_kind(
        _complaint_kind(
            stage=1,
            step="acknowledge",
            key="complaint_stage1_ack",
            label="Complaint: stage 1 acknowledgement",
            rule=f"Acknowledge within {in_working_days(RULES[1].acknowledge_within)} of receipt "
            "(Housing Ombudsman Complaint Handling Code, section 5).",
            order=20,
        )
    ),
    register_deadline_kind(
        _complaint_kind(
            stage=1,
            step="respond",
            key="complaint_stage1_response",
            label="Complaint: stage 1 response",
            rule=f"Respond within {in_working_days(RULES[1].respond_within)} of the acknowledgement; "
            "extensions agreed with the customer may add up to "
            f"{in_working_days(RULES[1].max_extension)} in all, more only with good reason "
            "(Complaint Handling Code, section 5).",
            order=21,
        )
    ),
    register_deadline_kind(
        _complaint_kind(
            stage=2,
            step="acknowledge",
            key="complaint_stage2_ack",
            label="Complaint: stage 2 acknowledgement",
            rule=f"Acknowledge within {in_working_days(RULES[2].acknowledge_within)} of the escalation request "
            "(Complaint Handling Code, section 6).",
            order=22,
        )
    ),
    register_deadline_kind(
        _complaint_kind(
            stage=2,
            step="respond",
            key="complaint_stage2_response",
            label="Complaint: stage 2 response",
            rule=f"Respond within {in_working_days(RULES[2].respond_within)} of the acknowledgement; "
            "extensions agreed with the customer may add up to "
            f"{in_working_days(RULES[2].max_extension)} in all, more only with good reason "
            "(Complaint Handling Code, section 6).",
            order=23,
        )
    ),
)
