"""The panels app's URLs in the access matrix (tests/test_access_matrix.py).

The world's customer is a current member of the world's CVG and scrutiny group, and owns the
world's expression of interest and expense claim, so "200" for the customer below is the
member rule; tests/… in panels/tests/test_member_access.py check that other customers get 403.
"""

from tests.access import CUSTOMER_ONLY, POST_ONLY, STAFF

MEMBER_OR_STAFF = "302 200 200 200"  # the world's customer is a member / the owner

MATRIX = {
    "panels:panel_list": (STAFF, None),
    "panels:panel_create": (STAFF, None),
    "panels:panel_detail": (MEMBER_OR_STAFF, lambda w: [w["panel"].pk]),
    "panels:panel_update": (STAFF, lambda w: [w["panel"].pk]),
    "panels:membership_create": (STAFF, lambda w: [w["panel"].pk]),
    "panels:meeting_create": (STAFF, lambda w: [w["panel"].pk]),
    "panels:my_panels": (CUSTOMER_ONLY, None),
    "panels:membership_list": (STAFF, None),
    "panels:membership_detail": (MEMBER_OR_STAFF, lambda w: [w["membership"].pk]),
    "panels:membership_end": (STAFF, lambda w: [w["membership"].pk]),
    "panels:induction_item_toggle": (POST_ONLY, lambda w: [w["membership"].induction_items.first().pk]),
    "panels:eoi_create": (CUSTOMER_ONLY, None),
    "panels:eoi_list": (STAFF, None),
    "panels:eoi_record": (STAFF, None),
    "panels:eoi_detail": (MEMBER_OR_STAFF, lambda w: [w["eoi"].pk]),
    "panels:eoi_answer": (STAFF, lambda w: [w["eoi"].pk]),
    "panels:training_list": (STAFF, None),
    "panels:training_create": (STAFF, None),
    "panels:meeting_list": (STAFF, None),
    "panels:meeting_detail": (MEMBER_OR_STAFF, lambda w: [w["meeting"].pk]),
    "panels:meeting_update": (STAFF, lambda w: [w["meeting"].pk]),
    "panels:meeting_attendance": (STAFF, lambda w: [w["meeting"].pk]),
    "panels:meeting_minutes": (STAFF, lambda w: [w["meeting"].pk]),
    "panels:meeting_action_add": (STAFF, lambda w: [w["meeting"].pk]),
    "panels:meeting_publish": (POST_ONLY, lambda w: [w["meeting"].pk]),
    "panels:meeting_cancel": (POST_ONLY, lambda w: [w["meeting"].pk]),
    "panels:paper_add": (STAFF, lambda w: [w["meeting"].pk]),
    "panels:paper_download": (MEMBER_OR_STAFF, lambda w: [w["paper"].pk]),
    "panels:scrutiny_list": (STAFF, None),
    "panels:scrutiny_actions": (STAFF, None),
    "panels:scrutiny_create": (STAFF, None),
    "panels:scrutiny_detail": (MEMBER_OR_STAFF, lambda w: [w["project"].pk]),
    "panels:scrutiny_update": (STAFF, lambda w: [w["project"].pk]),
    "panels:evidence_add": (MEMBER_OR_STAFF, lambda w: [w["project"].pk]),
    "panels:scrutiny_findings": (STAFF, lambda w: [w["project"].pk]),
    "panels:recommendation_add": (STAFF, lambda w: [w["project"].pk]),
    "panels:scrutiny_report": (STAFF, lambda w: [w["project"].pk]),
    "panels:report_download": (MEMBER_OR_STAFF, lambda w: [w["project"].pk]),
    "panels:scrutiny_action_add": (STAFF, lambda w: [w["project"].pk]),
    "panels:scrutiny_advance": (POST_ONLY, lambda w: [w["project"].pk]),
    "panels:evidence_download": (MEMBER_OR_STAFF, lambda w: [w["evidence"].pk]),
    "panels:recommendation_respond": (STAFF, lambda w: [w["recommendation"].pk]),
    "panels:walk_list": (STAFF, None),
    "panels:walk_create": (STAFF, None),
    "panels:walk_detail": (STAFF, lambda w: [w["walk"].pk]),
    "panels:walk_attendee_add": (STAFF, lambda w: [w["walk"].pk]),
    "panels:walk_issue_add": (STAFF, lambda w: [w["walk"].pk]),
    "panels:walk_send": (POST_ONLY, lambda w: [w["walk"].pk]),
    "panels:issue_photo": (STAFF, lambda w: [w["issue"].pk]),
    "panels:letter_list": (STAFF, None),
    "panels:letters_printed": (POST_ONLY, None),
    "panels:expense_list": (STAFF, None),
    "panels:expense_create": (CUSTOMER_ONLY, None),
    "panels:expense_detail": (MEMBER_OR_STAFF, lambda w: [w["claim"].pk]),
    "panels:expense_decide": (STAFF, lambda w: [w["claim"].pk]),
    "panels:receipt_download": (MEMBER_OR_STAFF, lambda w: [w["claim"].pk]),
}


def build_world(world):
    from panels import services
    from panels.factories import (
        EstateWalkFactory,
        EvidenceFactory,
        ExpenseClaimFactory,
        ExpressionOfInterestFactory,
        MeetingPaperFactory,
        PanelFactory,
        PublishedMeetingFactory,
        RecommendationFactory,
        ScrutinyProjectFactory,
        pdf_file,
        png_file,
    )
    from panels.models import PanelKind, ScrutinyStatus, WalkIssue

    officer, customer = world["officer"], world["customer"]
    cvg = PanelFactory(name="Matrix Customer Voice Group", kind=PanelKind.CUSTOMER_VOICE_GROUP, officer=officer)
    scrutiny = PanelFactory(name="Matrix Scrutiny Group", kind=PanelKind.SCRUTINY_GROUP, officer=officer)
    comms = PanelFactory(name="Matrix Communications Panel", kind=PanelKind.COMMUNICATIONS, officer=officer)
    world["panel"] = cvg
    world["membership"] = services.membership_create(panel=cvg, customer=customer)
    services.membership_create(panel=scrutiny, customer=customer)
    world["meeting"] = PublishedMeetingFactory(panel=cvg)
    world["paper"] = MeetingPaperFactory(meeting=world["meeting"])
    world["eoi"] = ExpressionOfInterestFactory(panel=comms, customer=customer)
    world["project"] = ScrutinyProjectFactory(
        panel=scrutiny, lead_officer=officer, status=ScrutinyStatus.RESPONSE, report_file=pdf_file("report.pdf")
    )
    world["evidence"] = EvidenceFactory(project=world["project"], file=pdf_file("evidence.pdf"))
    world["recommendation"] = RecommendationFactory(project=world["project"])
    world["walk"] = EstateWalkFactory(lead_officer=officer, estate=customer.estate)
    world["issue"] = WalkIssue.objects.create(
        walk=world["walk"], description="Fly-tipping", location="Garages", photo=png_file()
    )
    world["claim"] = ExpenseClaimFactory(customer=customer, receipt=pdf_file("receipt.pdf"))
