"""The involvement app's URLs in the access matrix (tests/test_access_matrix.py).

The world's customer is a current member (not the chair) of the reviewing panel, so the review
document's pages answer 200 to them and "decide" 403; involvement/tests/test_literature_review.py
checks that other customers get 403. The public pages (Get involved, the training programme)
answer everyone: involvement/tests/test_public_pages.py checks they show nothing personal."""

from tests.access import CUSTOMER_ONLY, MANAGER_ONLY, POST_ONLY, PUBLIC, STAFF

MEMBER_OR_STAFF = "302 200 200 200"

MATRIX = {
    "involvement:get_involved": (PUBLIC, None),
    "involvement:training_programme": (PUBLIC, None),
    "involvement:course_book": (POST_ONLY, lambda w: [w["course"].pk]),
    "involvement:group_list": (STAFF, None),
    "involvement:group_create": (STAFF, None),
    "involvement:group_detail": (STAFF, lambda w: [w["group"].pk]),
    "involvement:group_update": (STAFF, lambda w: [w["group"].pk]),
    "involvement:group_officer_add": (STAFF, lambda w: [w["group"].pk]),
    "involvement:group_support_add": (STAFF, lambda w: [w["group"].pk]),
    "involvement:group_renew": (STAFF, lambda w: [w["group"].pk]),
    "involvement:group_constitution": (STAFF, lambda w: [w["group"].pk]),
    "involvement:constitution_download": (STAFF, lambda w: [w["group"].pk]),
    "involvement:document_list": (STAFF, None),
    "involvement:my_reviews": (CUSTOMER_ONLY, None),
    "involvement:document_submit": (STAFF, None),
    "involvement:document_detail": (MEMBER_OR_STAFF, lambda w: [w["review_document"].pk]),
    "involvement:document_comment": (MEMBER_OR_STAFF, lambda w: [w["review_document"].pk]),
    # A manager or the panel's chair decides; the world's customer is a plain member.
    "involvement:document_decide": (MANAGER_ONLY, lambda w: [w["review_document"].pk]),
    "involvement:document_revise": (STAFF, lambda w: [w["review_document"].pk]),
    "involvement:document_file": (MEMBER_OR_STAFF, lambda w: [w["review_document"].pk]),
    "involvement:programme_list": (STAFF, None),
    "involvement:programme_create": (STAFF, None),
    "involvement:programme_detail": (STAFF, lambda w: [w["course"].programme_id]),
    "involvement:course_create": (STAFF, lambda w: [w["course"].programme_id]),
    "involvement:course_detail": (STAFF, lambda w: [w["course"].pk]),
    "involvement:course_book_for": (STAFF, lambda w: [w["course"].pk]),
    "involvement:booking_attendance": (POST_ONLY, lambda w: [w["booking"].pk]),
}


def build_world(world):
    from django.core.files.base import ContentFile

    from engagement.factories import pdf_bytes
    from involvement.factories import (
        GroupFactory,
        OpportunityFactory,
        ProgrammeCourseFactory,
        ReviewDocumentFactory,
        ReviewPanelFactory,
    )
    from involvement.models import Booking
    from panels.models import Membership

    customer, officer = world["customer"], world["officer"]
    panel = ReviewPanelFactory(name="Matrix Review Crew", officer=officer)
    Membership.objects.create(panel=panel, customer=customer)
    OpportunityFactory(title="Review Crew", panel=panel)
    world["group"] = GroupFactory(officer=officer, constitution=ContentFile(pdf_bytes(), name="constitution.pdf"))
    world["review_document"] = ReviewDocumentFactory(panel=panel, submitted_by=officer)
    world["course"] = ProgrammeCourseFactory()
    world["booking"] = Booking.objects.create(course=world["course"], customer=customer, booked_by=officer)
