"""Business rules of the panels app, one module a sub-domain; the public names are re-exported here.

Every write goes through a keyword-only function. Effects that must happen once (a chase
notice, publishing minutes, sending a walk's actions, deciding a claim) are claimed first with
a unique row or a conditional UPDATE, so a retried job, a second worker or a double-clicked
button changes nothing the second time.
"""

from ..deadlines import EOI_ANSWER_WORKING_DAYS, MINUTES_DUE_WORKING_DAYS, eoi_answer_due_on, minutes_due_on
from .contact import customer_tell, letter_queue, needs_letter
from .expenses import (
    MILEAGE_RATE,
    RECEIPT_THRESHOLD,
    expense_amount,
    expense_claim_decide,
    expense_claim_submit,
    receipt_required,
)
from .meetings import (
    meeting_action_add,
    meeting_attendance_record,
    meeting_cancel,
    meeting_minutes_publish,
    meeting_minutes_save,
    meeting_paper_add,
    meeting_schedule,
    meeting_update,
)
from .membership import (
    eoi_answer,
    eoi_submit,
    induction_item_mark,
    membership_create,
    membership_end,
)
from .scrutiny import (
    ScrutinyRuleError,
    evidence_add,
    recommendation_add,
    recommendation_respond,
    scrutiny_action_add,
    scrutiny_advance,
    scrutiny_blockers,
    scrutiny_findings_save,
    scrutiny_report_save,
)
from .walks import (
    WalkSendResult,
    letters_mark_printed,
    walk_action_summary,
    walk_actions_send,
    walk_attendee_add,
    walk_issue_add,
    walk_partner_email_send,
)

__all__ = [
    "needs_letter",
    "letter_queue",
    "customer_tell",
    "EOI_ANSWER_WORKING_DAYS",
    "membership_create",
    "membership_end",
    "induction_item_mark",
    "eoi_answer_due_on",
    "eoi_submit",
    "eoi_answer",
    "MINUTES_DUE_WORKING_DAYS",
    "meeting_schedule",
    "meeting_update",
    "minutes_due_on",
    "meeting_attendance_record",
    "meeting_minutes_save",
    "meeting_action_add",
    "meeting_paper_add",
    "meeting_cancel",
    "meeting_minutes_publish",
    "ScrutinyRuleError",
    "scrutiny_blockers",
    "scrutiny_advance",
    "evidence_add",
    "scrutiny_findings_save",
    "recommendation_add",
    "scrutiny_report_save",
    "recommendation_respond",
    "scrutiny_action_add",
    "walk_attendee_add",
    "walk_issue_add",
    "walk_action_summary",
    "WalkSendResult",
    "walk_actions_send",
    "walk_partner_email_send",
    "letters_mark_printed",
    "MILEAGE_RATE",
    "RECEIPT_THRESHOLD",
    "expense_amount",
    "receipt_required",
    "expense_claim_submit",
    "expense_claim_decide",
]
