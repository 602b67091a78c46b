"""The consultation club's URLs in the access matrix (tests/test_access_matrix.py). The world's
customer joins the club through their own page; everything else is staff work."""

from tests.access import CUSTOMER_ONLY, POST_ONLY, STAFF

MATRIX = {
    "consultation:club": (STAFF, None),
    "consultation:member_add": (STAFF, None),
    "consultation:join": (CUSTOMER_ONLY, None),
    "consultation:leave": (POST_ONLY, None),
    "consultation:programme": (STAFF, None),
    "consultation:consultation_create": (STAFF, None),
    "consultation:consultation_detail": (STAFF, lambda w: [w["consultation"].pk]),
    "consultation:samples": (STAFF, None),
    "consultation:sample_draw": (POST_ONLY, None),
    "consultation:sample_detail": (STAFF, lambda w: [w["sample_round"].pk]),
}


def build_world(world):
    import datetime

    from consultation.models import Consultation, SampleRound

    world["consultation"] = Consultation.objects.create(
        title="Repairs appointments",
        team="Repairs",
        opens_on=datetime.date(2026, 6, 1),
        closes_on=datetime.date(2026, 6, 30),
        created_by=world["officer"],
    )
    world["sample_round"] = SampleRound.objects.create(
        quarter="2026-27-q1",
        drawn_on=datetime.date(2026, 4, 1),
        population=2,
        yearly_target=2,
        already_this_year=0,
        wanted=1,
        eligible=2,
        interval_days=365,
        seed=1,
    )
