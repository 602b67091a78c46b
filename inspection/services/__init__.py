"""The inspection app's business rules; the public names are re-exported here."""

from .exercises import (
    ExerciseRuleError,
    checklist_item_add,
    checklist_results,
    exercise_advance,
    exercise_blockers,
    improvement_action_add,
    item_scores_record,
    participant_add,
    participant_expenses_paid,
    participant_expenses_record,
)
from .recruitment import (
    CandidateResult,
    candidate_add,
    candidate_results,
    candidate_score_record,
    panelist_add,
    panelist_brief,
)

__all__ = [
    "ExerciseRuleError",
    "checklist_item_add",
    "checklist_results",
    "exercise_advance",
    "exercise_blockers",
    "improvement_action_add",
    "item_scores_record",
    "participant_add",
    "participant_expenses_paid",
    "participant_expenses_record",
    "CandidateResult",
    "candidate_add",
    "candidate_results",
    "candidate_score_record",
    "panelist_add",
    "panelist_brief",
]
