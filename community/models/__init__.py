"""The community app's models: panel budgets, awards and calls for action, one module each."""

# isort: off
from .budgets import (
    ApplicationScore,
    ApplicationStatus,
    CommunityBudget,
    FundingApplication,
    FundingPriority,
    Payment,
    SCORE_CHOICES,
)
from .awards import AwardCategory, AwardRound, Nomination, NominationStatus
from .calls import CallForAction, CallStatus
# isort: on

__all__ = [
    "ApplicationScore",
    "ApplicationStatus",
    "CommunityBudget",
    "FundingApplication",
    "FundingPriority",
    "Payment",
    "SCORE_CHOICES",
    "AwardCategory",
    "AwardRound",
    "Nomination",
    "NominationStatus",
    "CallForAction",
    "CallStatus",
]
