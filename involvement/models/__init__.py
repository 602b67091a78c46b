"""The involvement app's models, one module a part of the menu; all imported here so Django finds them."""

# isort: off
from .menu import InvolvementLevel, Opportunity
from .groups import Group, GroupKind, GroupOfficer, GroupSupport, OfficerRole, SupportKind
from .literature import DocumentKind, ReviewComment, ReviewDocument, ReviewStatus
from .training import Booking, ProgrammeCourse, TrainingProgramme

# isort: on

__all__ = [
    "Booking",
    "DocumentKind",
    "Group",
    "GroupKind",
    "GroupOfficer",
    "GroupSupport",
    "InvolvementLevel",
    "OfficerRole",
    "Opportunity",
    "ProgrammeCourse",
    "ReviewComment",
    "ReviewDocument",
    "ReviewStatus",
    "SupportKind",
    "TrainingProgramme",
]
