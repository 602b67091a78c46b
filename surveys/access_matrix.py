"""Who may open each surveys URL. Statuses: anonymous, customer, officer, manager.

The world's customer is an estate champion of their own estate and owns `champion_survey`
(so the customer's 200s are the real rule "a champion sees their own"); invitation links are
public because the signed token is the key.
"""

from panels.factories import EstateChampionFactory
from tests.access import ANY_LOGGED_IN, CUSTOMER_ONLY, POST_ONLY, PUBLIC, STAFF

from .factories import (
    ChampionIssueFactory,
    ChampionPhotoFactory,
    ChampionSurveyFactory,
    InvitationFactory,
    QuestionFactory,
    ResponseFactory,
    SurveyFactory,
)
from .models import Rating
from .services import invitation_token

MATRIX = {
    "surveys:champion_home": (CUSTOMER_ONLY, None),
    "surveys:champion_new": (CUSTOMER_ONLY, lambda w: [w["customer"].estate_id]),
    "surveys:champion_detail": (CUSTOMER_ONLY, lambda w: [w["champion_survey"].pk]),
    # The photo's owner and staff see it; a customer's own photo here.
    "surveys:photo": (ANY_LOGGED_IN, lambda w: [w["champion_photo"].pk]),
    "surveys:submissions": (STAFF, None),
    "surveys:champion_trends": (STAFF, None),
    "surveys:submission_detail": (STAFF, lambda w: [w["champion_survey"].pk]),
    "surveys:issues": (STAFF, None),
    "surveys:issue_detail": (STAFF, lambda w: [w["champion_issue"].pk]),
    "surveys:survey_list": (STAFF, None),
    "surveys:survey_create": (STAFF, None),
    "surveys:tsm_create": (STAFF, None),
    "surveys:tsm": (STAFF, None),
    "surveys:responses": (STAFF, None),
    "surveys:response_detail": (STAFF, lambda w: [w["survey_response"].pk]),
    "surveys:survey_detail": (STAFF, lambda w: [w["survey"].pk]),
    "surveys:survey_update": (STAFF, lambda w: [w["survey"].pk]),
    "surveys:question_create": (STAFF, lambda w: [w["survey"].pk]),
    "surveys:question_update": (STAFF, lambda w: [w["survey_question"].pk]),
    "surveys:response_create": (STAFF, lambda w: [w["survey"].pk]),
    "surveys:results": (STAFF, lambda w: [w["survey"].pk]),
    "surveys:results_export": (STAFF, lambda w: [w["survey"].pk]),
    "surveys:response_import": (STAFF, lambda w: [w["survey"].pk]),
    "surveys:import_template": (STAFF, lambda w: [w["survey"].pk]),
    "surveys:invitations_send": (POST_ONLY, lambda w: [w["survey"].pk]),
    "surveys:invitation": (PUBLIC, lambda w: [invitation_token(w["survey_invitation"])]),
    "surveys:invitation_thanks": (PUBLIC, None),
}


def build_world(world):
    customer = world["customer"]
    EstateChampionFactory(customer=customer, estates=[customer.estate])
    survey = ChampionSurveyFactory(customer=customer, estate=customer.estate, grounds_rating=Rating.POOR)
    world["champion_survey"] = survey
    world["champion_issue"] = ChampionIssueFactory(survey=survey)
    world["champion_photo"] = ChampionPhotoFactory(survey=survey)
    world["survey"] = SurveyFactory(created_by=world["officer"])
    world["survey_question"] = QuestionFactory(survey=world["survey"])
    world["survey_response"] = ResponseFactory(survey=world["survey"], estate=world["other_customer"].estate)
    world["survey_invitation"] = InvitationFactory(survey=world["survey"], customer=world["other_customer"])
