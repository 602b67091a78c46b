"""The community app's business rules, one module a workflow; the public names are re-exported here."""

from .awards import nomination_consent_record, nomination_set_status, nomination_submit, winners_of
from .budgets import (
    BudgetRuleError,
    application_decide,
    application_outcomes_record,
    application_score,
    application_submit,
    payment_record,
)
from .calls import call_decide, call_decision_email_send, call_panel, call_start_scrutiny, call_submit

__all__ = [
    "BudgetRuleError",
    "application_decide",
    "application_outcomes_record",
    "application_score",
    "application_submit",
    "payment_record",
    "nomination_consent_record",
    "nomination_set_status",
    "nomination_submit",
    "winners_of",
    "call_decide",
    "call_decision_email_send",
    "call_panel",
    "call_start_scrutiny",
    "call_submit",
]
