"""The community app's URLs in the access matrix (tests/test_access_matrix.py).

Public pages (the funded list, the call-for-action and nomination forms and the winners) answer
everyone; the world's customer sent the world's application and call, so "200" for them is the
owner rule (other customers get 403: community/tests/test_pages.py)."""

from tests.access import ANY_LOGGED_IN, PUBLIC, STAFF

OWNER_OR_STAFF = "302 200 200 200"

MATRIX = {
    "community:index": (STAFF, None),
    "community:budget_detail": (STAFF, lambda w: [w["budget"].pk]),
    "community:apply": (ANY_LOGGED_IN, None),
    "community:application_detail": (OWNER_OR_STAFF, lambda w: [w["application"].pk]),
    "community:application_score": (STAFF, lambda w: [w["application"].pk]),
    "community:application_decide": (STAFF, lambda w: [w["application"].pk]),
    "community:payment_add": (STAFF, lambda w: [w["application"].pk]),
    "community:outcomes_record": (STAFF, lambda w: [w["application"].pk]),
    "community:funded": (PUBLIC, None),
    "community:call_new": (PUBLIC, None),
    "community:call_thanks": (PUBLIC, None),
    "community:call_list": (STAFF, None),
    "community:call_detail": (OWNER_OR_STAFF, lambda w: [w["call"].pk]),
    "community:call_decide": (STAFF, lambda w: [w["call"].pk]),
    "community:call_scrutiny": ("302 403 302 302", lambda w: [w["call"].pk]),  # a GET goes back to the call
    "community:nominate": (PUBLIC, None),
    "community:nominate_thanks": (PUBLIC, None),
    "community:winners": (PUBLIC, None),
    "community:nomination_list": (STAFF, None),
    "community:nomination_detail": (STAFF, lambda w: [w["nomination"].pk]),
    "community:nomination_consent": (STAFF, lambda w: [w["nomination"].pk]),
}


def build_world(world):
    from community.factories import (
        AwardCategoryFactory,
        CallForActionFactory,
        FundingApplicationFactory,
        FundingPriorityFactory,
        NominationFactory,
    )

    priority = FundingPriorityFactory()
    world["budget"] = priority.budget
    world["application"] = FundingApplicationFactory(
        budget=priority.budget, priority=priority, applicant=world["customer"]
    )
    world["call"] = CallForActionFactory(customer=world["customer"])
    category = AwardCategoryFactory()
    world["nomination"] = NominationFactory(category=category)
