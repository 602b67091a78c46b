"""The inspection app's URLs in the access matrix: all staff work (mystery shops are covert)."""

from tests.access import STAFF

# A GET of a button's URL goes back to the page it belongs to.
BUTTON = "302 403 302 302"

MATRIX = {
    "inspection:exercise_list": (STAFF, None),
    "inspection:exercise_create": (STAFF, None),
    "inspection:exercise_detail": (STAFF, lambda w: [w["exercise"].pk]),
    "inspection:exercise_report": (STAFF, lambda w: [w["exercise"].pk]),
    "inspection:exercise_report_pdf": (STAFF, lambda w: [w["exercise"].pk]),
    "inspection:exercise_update": (STAFF, lambda w: [w["exercise"].pk]),
    "inspection:exercise_advance": (BUTTON, lambda w: [w["exercise"].pk]),
    "inspection:item_add": (STAFF, lambda w: [w["exercise"].pk]),
    "inspection:participant_add": (STAFF, lambda w: [w["exercise"].pk]),
    "inspection:action_add": (STAFF, lambda w: [w["exercise"].pk]),
    "inspection:participant_scores": (STAFF, lambda w: [w["participant"].pk]),
    "inspection:participant_expenses": (STAFF, lambda w: [w["participant"].pk]),
    "inspection:participant_paid": (BUTTON, lambda w: [w["participant"].pk]),
    "inspection:recruitment_list": (STAFF, None),
    "inspection:recruitment_create": (STAFF, None),
    "inspection:recruitment_detail": (STAFF, lambda w: [w["recruitment"].pk]),
    "inspection:panelist_add": (STAFF, lambda w: [w["recruitment"].pk]),
    "inspection:candidate_add": (STAFF, lambda w: [w["recruitment"].pk]),
    "inspection:score_add": (STAFF, lambda w: [w["recruitment"].pk]),
    "inspection:panelist_brief": (BUTTON, lambda w: [w["panelist"].pk]),
}


def build_world(world):
    from inspection.factories import ExerciseFactory, RecruitmentExerciseFactory
    from inspection.models import Participant, RecruitmentPanelist

    world["exercise"] = ExerciseFactory(lead_officer=world["officer"])
    world["participant"] = Participant.objects.create(exercise=world["exercise"], customer=world["customer"])
    world["recruitment"] = RecruitmentExerciseFactory(lead_officer=world["officer"])
    world["panelist"] = RecruitmentPanelist.objects.create(exercise=world["recruitment"], customer=world["customer"])
