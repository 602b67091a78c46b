"""Who may open each feedback URL. Statuses: anonymous, customer, officer, manager.

Complaints are staff-only: an involved customer gets 403 on every page, including their own
complaint, so no customer can see anyone's complaint. The world's officer handles `complaint`
(and its siblings in the later states), so the officer's 200s are the real rule "the handler of
the stage or a manager moves it on"; `other_complaint` is handled by someone else, so the officer
may read it but not change it.
"""

from django.utils import timezone

from engagement.factories import OfficerFactory
from tests.access import STAFF

from .factories import ComplaintFactory, ComplimentFactory, SuggestionFactory

HANDLER_OR_MANAGER = "302 403 200 200"
ONLY_MANAGER_FOR_OTHERS = "302 403 403 200"

MATRIX = {
    "feedback:complaints": (STAFF, None),
    "feedback:complaint_create": (STAFF, None),
    "feedback:complaint_detail": (STAFF, lambda w: [w["other_complaint"].pk]),
    "feedback:complaint_update": (ONLY_MANAGER_FOR_OTHERS, lambda w: [w["other_complaint"].pk]),
    "feedback:complaint_acknowledge": (HANDLER_OR_MANAGER, lambda w: [w["complaint"].pk]),
    "feedback:complaint_extend": (HANDLER_OR_MANAGER, lambda w: [w["acknowledged_complaint"].pk]),
    "feedback:complaint_respond": (HANDLER_OR_MANAGER, lambda w: [w["acknowledged_complaint"].pk]),
    "feedback:complaint_escalate": (HANDLER_OR_MANAGER, lambda w: [w["responded_complaint"].pk]),
    "feedback:complaint_close": (HANDLER_OR_MANAGER, lambda w: [w["responded_complaint"].pk]),
    "feedback:complaint_lessons": (ONLY_MANAGER_FOR_OTHERS, lambda w: [w["other_complaint"].pk]),
    "feedback:compliments": (STAFF, None),
    "feedback:compliment_create": (STAFF, None),
    "feedback:compliment_detail": (STAFF, lambda w: [w["compliment"].pk]),
    "feedback:suggestions": (STAFF, None),
    "feedback:suggestion_create": (STAFF, None),
    "feedback:suggestion_detail": (STAFF, lambda w: [w["suggestion"].pk]),
    "feedback:suggestion_respond": (STAFF, lambda w: [w["suggestion"].pk]),
    "feedback:figures": (STAFF, None),
}


def build_world(world):
    officer = world["officer"]
    today = timezone.localdate()
    # The customer's own complaint: still 403 for them (complaints are staff-only pages).
    world["complaint"] = ComplaintFactory(customer=world["customer"], stage1_handler=officer, received_on=today)
    world["acknowledged_complaint"] = ComplaintFactory(stage1_handler=officer, acknowledged=True)
    world["responded_complaint"] = ComplaintFactory(stage1_handler=officer, responded=True)
    world["other_complaint"] = ComplaintFactory(
        customer=world["other_customer"], stage1_handler=OfficerFactory(username="matrix.complaint.handler")
    )
    world["compliment"] = ComplimentFactory(staff_member=officer)
    world["suggestion"] = SuggestionFactory(customer=world["customer"])
