"""Literature review (Trafford's Review Crew, Trident's Communications Panel).

Rules (involvement/services/literature.py): staff send a draft (a real PDF or Office file) to the
reviewing panel, whose current members are told; the panel's members and staff comment while it
is with the panel; only a manager or the panel's current chair decides; asking for changes says
what; each version is decided once; an approved document carries the stamp "Approved by the
<panel> on <date>"; other customers see nothing of it."""

import datetime
import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from engagement.factories import InvolvedCustomerFactory, pdf_bytes
from engagement.landlord import landlord_data, landlord_settings_load
from engagement.models import Notification
from engagement.uploads import check_upload
from involvement import services
from involvement.factories import ReviewDocumentFactory, ReviewPanelFactory
from involvement.models import ReviewStatus
from panels.models import Membership, MembershipRole

pytestmark = pytest.mark.django_db


@pytest.fixture
def crew(officer):
    panel = ReviewPanelFactory(officer=officer)
    chair = InvolvedCustomerFactory(first_name="Carol")
    Membership.objects.create(panel=panel, customer=chair, role=MembershipRole.CHAIR)
    return panel, chair


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_staff_send_a_draft_and_the_panels_members_are_told(officer_client, crew, customer):
    panel, chair = crew
    Membership.objects.create(panel=panel, customer=customer)
    landlord_settings_load(data=landlord_data("trafford"))
    assert officer_client.get(reverse("involvement:document_submit")).context["form"]["panel"].initial == panel
    response = officer_client.post(
        reverse("involvement:document_submit"),
        {
            "form_token": str(uuid.uuid4()),
            "title": "Rent letter 2027",
            "kind": "letter",
            "panel": panel.pk,
            "file": SimpleUploadedFile("rent.pdf", pdf_bytes()),
        },
    )
    assert response.status_code == 302
    told = set(Notification.objects.filter(title="Please review: Rent letter 2027").values_list("user", flat=True))
    assert told == {chair.user_id, customer.user_id}


def test_a_member_comments_and_a_customer_from_outside_the_panel_sees_nothing(crew, customer, other_customer):
    panel, _ = crew
    Membership.objects.create(panel=panel, customer=customer)
    document = ReviewDocumentFactory(panel=panel)
    done = _client(customer.user).post(
        reverse("involvement:document_comment", args=[document.pk]), {"body": "Explain 'apportionment'."}
    )
    assert done.status_code == 302 and document.comments.get().body == "Explain 'apportionment'."
    outsider = _client(other_customer.user)
    for name in ("document_detail", "document_comment", "document_file"):
        assert outsider.get(reverse(f"involvement:{name}", args=[document.pk])).status_code == 403


def test_only_a_manager_or_the_chair_decides(crew, officer, customer, manager):
    panel, chair = crew
    Membership.objects.create(panel=panel, customer=customer)
    document = ReviewDocumentFactory(panel=panel)
    for someone in (officer, customer.user):
        with pytest.raises(PermissionDenied):
            services.review_document_decide(document=document, by=someone, approve=True)
    assert services.can_decide(manager, document) and services.can_decide(chair.user, document)


def test_the_chair_approves_and_the_document_carries_the_stamp_and_its_date(crew):
    panel, chair = crew
    document = ReviewDocumentFactory(panel=panel)
    assert document.stamp == ""
    services.review_document_decide(document=document, by=chair.user, approve=True)
    today = datetime.date.today()
    assert document.status == ReviewStatus.APPROVED and document.decided_on == today
    assert document.stamp == f"Approved by the Review Crew on {today:%-d %B %Y}"
    assert Notification.objects.filter(user=document.submitted_by, title=document.stamp).exists()
    page = _client(chair.user).get(document.get_absolute_url()).text
    assert document.stamp in page


def test_asking_for_changes_says_what_and_a_new_version_goes_back_to_the_panel(crew, manager, officer):
    panel, _ = crew
    document = ReviewDocumentFactory(panel=panel, submitted_by=officer)
    with pytest.raises(ValidationError):
        services.review_document_decide(document=document, by=manager, approve=False, note=" ")
    services.review_document_decide(document=document, by=manager, approve=False, note="Phone number first.")
    assert document.status == ReviewStatus.CHANGES and document.stamp == ""
    with pytest.raises(ValidationError):
        services.review_comment_add(document=document, author=manager, body="Too late")
    upload = check_upload(SimpleUploadedFile("v2.pdf", pdf_bytes()))
    services.review_document_revise(document=document, upload=upload, by=officer)
    assert document.version == 2 and document.status == ReviewStatus.IN_REVIEW and document.decided_on is None


def test_a_version_is_decided_once(crew, manager):
    panel, chair = crew
    document = ReviewDocumentFactory(panel=panel)
    stale = type(document).objects.get(pk=document.pk)
    services.review_document_decide(document=document, by=chair.user, approve=True)
    with pytest.raises(ValidationError):
        services.review_document_decide(document=stale, by=manager, approve=False, note="Changes")
    document.refresh_from_db()
    assert document.status == ReviewStatus.APPROVED and document.decided_by == chair.user


def test_the_list_shows_each_documents_status_and_stamp(manager_client, crew, manager):
    panel, _ = crew
    approved = ReviewDocumentFactory(panel=panel, title="Winter newsletter")
    ReviewDocumentFactory(panel=panel, title="Damp leaflet")
    services.review_document_decide(document=approved, by=manager, approve=True)
    page = manager_client.get(reverse("involvement:document_list")).text
    assert approved.stamp in page and "With the panel" in page
