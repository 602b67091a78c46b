"""Who may open each schemes URL: obligations and informal feedback are staff work; a scheme's
settings (who runs its meetings, the agreed intervals) are the manager's."""

from tests.access import MANAGER_ONLY, POST_ONLY, STAFF

MATRIX = {
    "schemes:compliance": (STAFF, None),
    "schemes:scheme_detail": (STAFF, lambda w: [w["young_scheme"].pk]),
    "schemes:scheme_settings": (MANAGER_ONLY, lambda w: [w["young_scheme"].pk]),
    "schemes:leaver_create": (STAFF, lambda w: [w["young_scheme"].pk]),
    "schemes:suggestion_box": (STAFF, lambda w: [w["young_scheme"].pk]),
    "schemes:obligation_detail": (STAFF, lambda w: [w["scheme_obligation"].pk]),
    "schemes:sense_check_start": (POST_ONLY, lambda w: [w["scheme_obligation"].pk]),
    "schemes:exit_interview": (STAFF, lambda w: [w["exit_obligation"].pk]),
    "schemes:feedback_list": (STAFF, None),
    "schemes:feedback_create": (STAFF, None),
    "schemes:feedback_detail": (STAFF, lambda w: [w["informal_feedback"].pk]),
}


def build_world(world):
    import datetime

    from engagement.factories import EstateFactory
    from engagement.models import EstateType
    from schemes import services
    from schemes.models import FeedbackKind, Obligation, Service

    officer = world["officer"]
    scheme = EstateFactory(name="Matrix Foyer", estate_type=EstateType.YOUNG_PEOPLE)
    world["young_scheme"] = scheme
    services.obligations_propose(year=2026, schemes=[scheme], today=datetime.date(2026, 4, 1))
    world["scheme_obligation"] = Obligation.objects.filter(scheme=scheme).first()
    leaver = services.leaver_record(scheme=scheme, left_on=datetime.date(2026, 4, 10), by=officer)
    world["exit_obligation"] = leaver.exit_interview_obligation
    world["informal_feedback"] = services.informal_feedback_note(
        by=officer, kind=FeedbackKind.PRAISE, service=Service.CLEANING, what_happened="Lovely clean stairs."
    )
