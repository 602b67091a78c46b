"""The inspection app's models: inspection and mystery-shopping exercises, and staff recruitment."""

# isort: off
from .exercises import (
    ChecklistItem,
    Exercise,
    ExerciseKind,
    ExerciseMethod,
    ExerciseStatus,
    EXERCISE_ORDER,
    ItemScore,
    Participant,
)
from .recruitment import Candidate, CandidateScore, RecruitmentExercise, RecruitmentPanelist
# isort: on

__all__ = [
    "ChecklistItem",
    "Exercise",
    "ExerciseKind",
    "ExerciseMethod",
    "ExerciseStatus",
    "EXERCISE_ORDER",
    "ItemScore",
    "Participant",
    "Candidate",
    "CandidateScore",
    "RecruitmentExercise",
    "RecruitmentPanelist",
]
