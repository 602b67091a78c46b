"""Who may open each voice URL. Statuses: anonymous, customer, officer, manager.

One person's equality answers: the manager only (`customer_equality`) and the customer themself
(`my_equality`); aggregates (suppressed) for all staff; weighting for the manager. The step after
a survey is public because the signed, short-lived link is the key (and it never shows answers).
"""

from django.utils import timezone

from panels.factories import PanelFactory
from surveys.factories import InvitationFactory, SurveyFactory
from tests.access import CUSTOMER_ONLY, MANAGER_ONLY, POST_ONLY, PUBLIC, STAFF

MATRIX = {
    "voice:profile": (STAFF, None),
    "voice:survey": (STAFF, lambda w: [w["voice_survey"].pk]),
    "voice:survey_weighting": (MANAGER_ONLY, lambda w: [w["voice_survey"].pk]),
    "voice:tsm": (STAFF, lambda w: [2026]),
    "voice:panel": (STAFF, lambda w: [w["voice_panel"].pk]),
    "voice:my_equality": (CUSTOMER_ONLY, None),
    "voice:my_equality_withdraw": (POST_ONLY, None),
    "voice:survey_equality": (PUBLIC, lambda w: [w["voice_step_token"]]),
    "voice:customer_record": (STAFF, lambda w: [w["other_customer"].pk]),
    "voice:customer_equality": (MANAGER_ONLY, lambda w: [w["other_customer"].pk]),
}


def build_world(world):
    from .views import survey_step_token

    world["voice_survey"] = SurveyFactory(created_by=world["officer"])
    world["voice_panel"] = PanelFactory()
    invitation = InvitationFactory(
        survey=world["voice_survey"], customer=world["other_customer"], used_at=timezone.now()
    )
    world["voice_step_token"] = survey_step_token(invitation)
