"""The panels' deadlines and how each is chased by the portal's one deadline engine.

Rules:
- **Expressions of interest** are answered within 2 working days (strategy 000, section 4
  "Induction, Training & Recruitment": "will be responded to within 2 working days").
- **Minutes and the action plan** of a meeting are sent to members within 10 working days of the
  meeting (section 6.2, local forums: "communicated ... within 10 working days, along with an
  action plan"). The portal applies the rule to every panel's meetings.
- **Scrutiny management response**: once the Scrutiny Group delivers its report, the landlord's
  response to each recommendation and the action plan are due within 20 working days (the strategy
  gives no number; section 6.1 has the action plan written "in conjunction with us" and monitored by
  the CVG: four working weeks is the portal's rule).
- **Expense claims** are decided within 5 working days of being sent (the portal's rule: involved
  customers should not be out of pocket; the strategy gives no number).

Chase (see `engagement.deadlines.policy`): the numbers are in each POLICY below. The supporting
officer of the panel owes a panel's deadlines; with no officer, the managers do.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from engagement.deadlines import ChasePolicy
from engagement.deadlines.kinds import standard_notice, stored_date_kind
from engagement.registry import Deadline, DeadlineKind, register_deadline_kind
from engagement.workdays import add_working_days

EOI_ANSWER_WORKING_DAYS = 2
MINUTES_DUE_WORKING_DAYS = 10
SCRUTINY_RESPONSE_WORKING_DAYS = 20
EXPENSE_DECISION_WORKING_DAYS = 5

EOI_POLICY = ChasePolicy(remind_before=0, escalate_after=1, repeat_every=5)
MINUTES_POLICY = ChasePolicy(remind_before=1, escalate_after=5, repeat_every=5)
SCRUTINY_POLICY = ChasePolicy(remind_before=5, escalate_after=1, repeat_every=5)
EXPENSE_POLICY = ChasePolicy(remind_before=1, escalate_after=2, repeat_every=5)

EOI_RULE = (
    f"Answer an expression of interest within {EOI_ANSWER_WORKING_DAYS} working days (strategy section 4, recruitment)."
)
MINUTES_RULE = (
    f"Send the minutes and the action plan to members within {MINUTES_DUE_WORKING_DAYS} working days of the "
    "meeting (strategy section 6.2)."
)
SCRUTINY_RULE = (
    f"Give the management response to every recommendation, with the action plan, within "
    f"{SCRUTINY_RESPONSE_WORKING_DAYS} working days of the scrutiny report (the portal's rule)."
)
EXPENSE_RULE = (
    f"Decide an involved customer's expense claim within {EXPENSE_DECISION_WORKING_DAYS} working days (the "
    "portal's rule)."
)


def eoi_answer_due_on(submitted_on: datetime.date) -> datetime.date:
    return add_working_days(submitted_on, EOI_ANSWER_WORKING_DAYS)


def minutes_due_on(meets_on: datetime.date) -> datetime.date:
    return add_working_days(meets_on, MINUTES_DUE_WORKING_DAYS)


def scrutiny_response_due_on(report_delivered_on: datetime.date) -> datetime.date:
    return add_working_days(report_delivered_on, SCRUTINY_RESPONSE_WORKING_DAYS)


def expense_decision_due_on(submitted_at: datetime.datetime) -> datetime.date:
    return add_working_days(timezone.localdate(submitted_at), EXPENSE_DECISION_WORKING_DAYS)


# --- Expressions of interest and minutes: due dates stored on the record ---------------------------


def _open_eois():
    from .models import ExpressionOfInterest

    return ExpressionOfInterest.objects.awaiting()


def _describe_eoi(eoi) -> dict:
    return {
        "what": f"{eoi.customer.full_name} would like to join {eoi.panel}",
        "owner": eoi.panel.officer,
        "url": eoi.get_absolute_url(),
        "place": eoi.panel.estate.name if eoi.panel.estate_id else "",
    }


def _open_minutes():
    from .models import Meeting

    return Meeting.objects.minutes_outstanding()


def _describe_meeting(meeting) -> dict:
    return {
        "what": f"Minutes and action plan: {meeting}",
        "owner": meeting.panel.officer,
        "url": meeting.get_absolute_url(),
        "place": meeting.panel.estate.name if meeting.panel.estate_id else "",
    }


# --- Scrutiny management responses ---------------------------------------------------------------


def _scrutiny_awaiting():
    from .models import ScrutinyProject, ScrutinyStatus

    return ScrutinyProject.objects.filter(
        status=ScrutinyStatus.RESPONSE, report_delivered_on__isnull=False, recommendations__decision=""
    ).distinct()


def _scrutiny_open(*, due_by=None, owner=None, patch=None):
    qs = _scrutiny_awaiting()
    if owner is not None:
        qs = qs.filter(lead_officer=owner)
    if patch is not None:
        qs = qs.filter(panel__estate__patch=patch)
    for project in qs.select_related("lead_officer", "panel"):
        due_on = scrutiny_response_due_on(project.report_delivered_on)
        if due_by is not None and due_on > due_by:
            continue
        yield Deadline(
            kind="scrutiny_response",
            object_id=project.pk,
            what=f"Management response to the scrutiny of {project.topic}",
            due_on=due_on,
            owner=project.lead_officer,
            url=project.get_absolute_url(),
        )


def _scrutiny_lock(ids):
    from .models import ScrutinyProject

    list(ScrutinyProject.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk"))
    rows = _scrutiny_awaiting().filter(pk__in=ids).values_list("pk", "report_delivered_on")
    return {pk: scrutiny_response_due_on(delivered) for pk, delivered in rows}


# --- Expense claims ------------------------------------------------------------------------------


def _expense_open(*, due_by=None, owner=None, patch=None):
    from .models import ExpenseClaim, ExpenseStatus

    qs = ExpenseClaim.objects.filter(status=ExpenseStatus.SUBMITTED)
    if owner is not None:
        qs = qs.filter(meeting__panel__officer=owner)
    if patch is not None:
        qs = qs.filter(customer__estate__patch=patch)
    for claim in qs.select_related("customer__estate", "meeting__panel__officer"):
        due_on = expense_decision_due_on(claim.submitted_at)
        if due_by is not None and due_on > due_by:
            continue
        yield Deadline(
            kind="expense_decision",
            object_id=claim.pk,
            what=f"Expense claim: {claim}",
            due_on=due_on,
            owner=claim.meeting.panel.officer if claim.meeting_id else None,
            url=claim.get_absolute_url(),
            place=claim.customer.estate.name if claim.customer.estate_id else "",
        )


def _expense_lock(ids):
    from .models import ExpenseClaim, ExpenseStatus

    rows = (
        ExpenseClaim.objects.select_for_update()
        .filter(pk__in=ids, status=ExpenseStatus.SUBMITTED)
        .order_by("pk")
        .values_list("pk", "submitted_at")
    )
    return {pk: expense_decision_due_on(submitted_at) for pk, submitted_at in rows}


EOI_ANSWER = register_deadline_kind(
    stored_date_kind(
        key="eoi_answer",
        label="Expression of interest: answer",
        rule=EOI_RULE,
        policy=EOI_POLICY,
        open_records=_open_eois,
        due_field="answer_due_on",
        owner_lookup="panel__officer",
        patch_lookup="panel__estate__patch",
        related=("panel__officer", "panel__estate", "customer"),
        describe=_describe_eoi,
        notice=standard_notice(
            subject="Answer to a request to join", owed="answer the request to join", rule=EOI_RULE, policy=EOI_POLICY
        ),
        owner_label="supporting officer",
        order=40,
    )
)
MEETING_MINUTES = register_deadline_kind(
    stored_date_kind(
        key="meeting_minutes",
        label="Meeting minutes and action plan",
        rule=MINUTES_RULE,
        policy=MINUTES_POLICY,
        open_records=_open_minutes,
        due_field="minutes_due_on",
        owner_lookup="panel__officer",
        patch_lookup="panel__estate__patch",
        related=("panel__officer", "panel__estate"),
        describe=_describe_meeting,
        notice=standard_notice(
            subject="Minutes",
            owed="publish the minutes and the action plan to the members",
            rule=MINUTES_RULE,
            policy=MINUTES_POLICY,
        ),
        owner_label="supporting officer",
        order=50,
    )
)
SCRUTINY_RESPONSE = register_deadline_kind(
    DeadlineKind(
        key="scrutiny_response",
        label="Scrutiny: management response",
        rule=SCRUTINY_RULE,
        policy=SCRUTINY_POLICY,
        open_deadlines=_scrutiny_open,
        lock_open=_scrutiny_lock,
        notice=standard_notice(
            subject="Scrutiny management response",
            owed="give the management response to every recommendation, with the action plan,",
            rule=SCRUTINY_RULE,
            policy=SCRUTINY_POLICY,
        ),
        owner_label="lead officer",
        order=60,
    )
)
EXPENSE_DECISION = register_deadline_kind(
    DeadlineKind(
        key="expense_decision",
        label="Expense claim: decision",
        rule=EXPENSE_RULE,
        policy=EXPENSE_POLICY,
        open_deadlines=_expense_open,
        lock_open=_expense_lock,
        notice=standard_notice(
            subject="Expense claim decision",
            owed="approve or reject the claim",
            rule=EXPENSE_RULE,
            policy=EXPENSE_POLICY,
        ),
        owner_label="supporting officer",
        order=70,
    )
)
