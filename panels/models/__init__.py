"""The panels app's models, one module a sub-domain; all are imported here so Django finds them.

The upload-path functions are re-exported because migrations refer to them as `panels.models._…`.
"""

# In the order of the old single models.py, so Django registers the models in the same order.
# isort: off
from .membership import (
    INDUCTION_CHECKLIST,
    THEME_OF_KIND,
    Availability,
    Course,
    EoiQuerySet,
    EoiStatus,
    ExpressionOfInterest,
    InductionItem,
    Membership,
    MembershipQuerySet,
    MembershipRole,
    MenuTheme,
    Panel,
    PanelKind,
    TrainingRecord,
)
from .meetings import (
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingPaper,
    MeetingQuerySet,
    MeetingStatus,
    PaperKind,
    _paper_path,
)
from .scrutiny import (
    SCRUTINY_ORDER,
    Evidence,
    EvidenceKind,
    Recommendation,
    ResponseDecision,
    ScrutinyProject,
    ScrutinyStatus,
    _evidence_path,
    _scrutiny_path,
)
from .walks import AttendeeKind, EstateWalk, Letter, WalkAttendee, WalkIssue, WalkKind, WalkStatus, _walk_photo_path
from .expenses import ExpenseClaim, ExpenseKind, ExpenseStatus, _receipt_path
# isort: on

__all__ = [
    "PanelKind",
    "MenuTheme",
    "THEME_OF_KIND",
    "Panel",
    "MembershipRole",
    "MembershipQuerySet",
    "Membership",
    "Availability",
    "EoiStatus",
    "EoiQuerySet",
    "ExpressionOfInterest",
    "INDUCTION_CHECKLIST",
    "InductionItem",
    "Course",
    "TrainingRecord",
    "MeetingStatus",
    "MeetingQuerySet",
    "Meeting",
    "AttendanceStatus",
    "Attendance",
    "PaperKind",
    "_paper_path",
    "MeetingPaper",
    "ScrutinyStatus",
    "SCRUTINY_ORDER",
    "_scrutiny_path",
    "ScrutinyProject",
    "EvidenceKind",
    "_evidence_path",
    "Evidence",
    "ResponseDecision",
    "Recommendation",
    "WalkKind",
    "WalkStatus",
    "EstateWalk",
    "AttendeeKind",
    "WalkAttendee",
    "_walk_photo_path",
    "WalkIssue",
    "Letter",
    "ExpenseKind",
    "ExpenseStatus",
    "_receipt_path",
    "ExpenseClaim",
]
