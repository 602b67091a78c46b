"""GDPR: the manager exports everything held about one customer and erases it (issue #15 item 9).

Rule (engagement/gdpr.py, each app's gdpr.py): the export gathers the core's and every app's
records about the customer (JSON, and a page to print or save as PDF). Erasure anonymises: no
name, contact detail, address, free text they typed or file they uploaded is left anywhere in the
database, while every record that reports count stays (complaints, survey responses, attendance,
memberships: the same counts before and after). Both are confirmed (a POST after a confirmation
page) and audited; the old reference is kept only as a digest so the demo seed never makes them
again.
"""

import json
import uuid

import pytest
from auditlog.models import LogEntry
from django.apps import apps
from django.db import models
from django.urls import reverse

from engagement import gdpr
from engagement.factories import InvolvedCustomerFactory, OfficerFactory
from engagement.models import Customer, Notification
from engagement.services import notify
from engagement.storage import private_storage
from feedback.factories import ComplaintFactory, ComplimentFactory, SuggestionFactory
from feedback.models import Complaint
from panels.factories import (
    EstateWalkFactory,
    ExpenseClaimFactory,
    ExpressionOfInterestFactory,
    HeldMeetingFactory,
    MembershipFactory,
    WalkAttendeeFactory,
    png_file,
)
from panels.models import Attendance, ExpenseClaim, Letter, Membership
from surveys.factories import ChampionIssueFactory, ChampionPhotoFactory, QuestionFactory, ResponseFactory
from surveys.models import Answer, ChampionSurvey, Response

pytestmark = pytest.mark.django_db

SURNAME = "Quillfeather"
SECRETS = [SURNAME, "17 Larkspur Row", "LS9 4QQ", "zed.quillfeather@example.org", "07700 900417", "rotten stairwell"]


@pytest.fixture
def person(db):
    """A customer with a record in every app, their own words in each, and files they uploaded."""
    customer = InvolvedCustomerFactory(
        first_name="Zed",
        last_name=SURNAME,
        address="17 Larkspur Row",
        postcode="LS9 4QQ",
        email="zed.quillfeather@example.org",
        phone="07700 900417",
        assistance_notes="Needs a ground-floor room",
    )
    customer.user.email = customer.email
    customer.user.first_name, customer.user.last_name = "Zed", SURNAME
    customer.user.save()
    ComplaintFactory(customer=customer, description="Zed Quillfeather: the rotten stairwell again")
    ComplimentFactory(customer=customer, from_name="Zed Quillfeather", description="Thanks from Zed Quillfeather")
    SuggestionFactory(customer=customer, from_name="Zed Quillfeather", suggestion="Fix the rotten stairwell")
    issue = ChampionIssueFactory(survey__customer=customer, comment="rotten stairwell by number 17")
    ChampionSurvey.objects.filter(pk=issue.survey_id).update(grounds_comment="rotten stairwell by number 17")
    ChampionPhotoFactory(survey=issue.survey)
    response = ResponseFactory(customer=customer, estate=customer.estate, assisted_by="Zed Quillfeather's son")
    Answer.objects.create(
        response=response, question=QuestionFactory(survey=response.survey), value="", text="rotten stairwell"
    )
    membership = MembershipFactory(customer=customer)
    Attendance.objects.create(meeting=HeldMeetingFactory(panel=membership.panel), customer=customer, status="present")
    ExpressionOfInterestFactory(customer=customer, why="I live at 17 Larkspur Row, by the rotten stairwell")
    WalkAttendeeFactory(
        walk=EstateWalkFactory(), customer=customer, name="Zed Quillfeather", email="zed.quillfeather@example.org"
    )
    Letter.objects.create(
        customer=customer,
        recipient="Zed Quillfeather",
        address="17 Larkspur Row\nLS9 4QQ",
        key=f"test:{uuid.uuid4()}",
        title="Your estate walk",
        body="Dear Zed Quillfeather",
    )
    ExpenseClaimFactory(customer=customer, description="Taxi from 17 Larkspur Row", receipt=png_file("receipt.png"))
    notify(OfficerFactory(), title="Zed Quillfeather would like to join the CVG", body="Please answer.")
    notify(customer.user, title="Your claim was approved", body="Hello Zed Quillfeather")
    customer.refresh_from_db()
    return customer


def _text_anywhere(needle: str) -> list[str]:
    """Every model and text field in the database that still contains `needle`."""
    found = []
    for model in apps.get_models():
        fields = [f for f in model._meta.concrete_fields if isinstance(f, models.CharField | models.TextField)]
        query = models.Q()
        for field in fields:
            query |= models.Q(**{f"{field.name}__icontains": needle})
        if fields and model._default_manager.filter(query).exists():
            found.append(model._meta.label)
    return found


def _counts(customer):
    return {
        "complaints": Complaint.objects.filter(customer=customer).count(),
        "responses": Response.objects.filter(customer=customer).count(),
        "answers": Answer.objects.filter(response__customer=customer).count(),
        "champion surveys": ChampionSurvey.objects.filter(customer=customer).count(),
        "attendance": Attendance.objects.filter(customer=customer).count(),
        "memberships": Membership.objects.filter(customer=customer).count(),
        "claims": ExpenseClaim.objects.filter(customer=customer).count(),
        "customers on the estate": Customer.objects.filter(estate=customer.estate, tenure=customer.tenure).count(),
    }


def test_the_export_holds_what_every_app_keeps_about_the_customer_as_json(manager_client, manager, person):
    page = manager_client.get(reverse("customer_data_export", args=[person.pk]))
    assert page.status_code == 200 and "Export" in page.text
    assert not LogEntry.objects.filter(action=LogEntry.Action.ACCESS).exists()  # a GET exports nothing

    response = manager_client.post(reverse("customer_data_export", args=[person.pk]), {"format": "json"})
    assert response["Content-Disposition"].startswith('attachment; filename="personal-data-')
    export = json.loads(response.content)
    sections = {section["key"]: section["records"] for section in export["sections"]}
    assert {"customer", "login", "notifications", "feedback", "surveys", "panels"} <= set(sections)
    text = response.content.decode()
    for secret in SECRETS:
        assert secret in text
    kinds = {record["record"] for key in ("feedback", "surveys", "panels") for record in sections[key]}
    assert kinds >= {
        "complaint",
        "compliment",
        "suggestion",
        "estate champion survey",
        "survey response",
        "panel membership",
        "expression of interest",
        "meeting attendance",
        "estate walk",
        "letter",
        "expense claim",
    }
    entry = LogEntry.objects.get(action=LogEntry.Action.ACCESS)
    assert entry.actor == manager and entry.additional_data["gdpr"] == "export"


def test_the_export_is_also_a_readable_page_to_print(manager_client, person):
    response = manager_client.post(reverse("customer_data_export", args=[person.pk]), {"format": "html"})
    assert response.status_code == 200
    body = response.content.decode()
    assert f"Personal data held about {person.full_name}" in body
    assert "Complaints, compliments and suggestions" in body and "the rotten stairwell again" in body


def test_erasure_leaves_nothing_that_identifies_them_anywhere_in_the_database(manager_client, person):
    files = [person.expense_claims.get().receipt.name]
    assert all(_text_anywhere(secret) for secret in SECRETS)
    response = manager_client.post(reverse("customer_erase", args=[person.pk]), {"confirm_reference": person.reference})
    assert response.status_code == 302
    for secret in SECRETS:
        assert _text_anywhere(secret) == [], secret
    person.refresh_from_db()
    assert person.full_name == "Erased customer" and person.erased_at is not None
    assert not any(private_storage().exists(name) for name in files)
    assert not person.champion_photos.exists()


def test_erasure_keeps_every_count_the_reports_need(manager, person):
    before = _counts(person)
    gdpr.customer_erase(customer=person, by=manager)
    assert _counts(person) == before


def test_their_login_is_closed_and_their_notifications_gone(manager, person):
    user = person.user
    gdpr.customer_erase(customer=person, by=manager)
    user.refresh_from_db()
    assert not user.is_active and not user.has_usable_password() and user.email == ""
    assert not Notification.objects.filter(user=user).exists()
    assert Notification.objects.filter(title="a customer would like to join the CVG").exists()


def test_erasure_needs_the_reference_typed_and_a_post_and_is_audited(manager_client, manager, person):
    assert manager_client.get(reverse("customer_erase", args=[person.pk])).status_code == 200
    wrong = manager_client.post(reverse("customer_erase", args=[person.pk]), {"confirm_reference": "T999"})
    assert wrong.status_code == 200 and "Type the tenancy reference exactly" in wrong.text
    person.refresh_from_db()
    assert person.erased_at is None
    manager_client.post(reverse("customer_erase", args=[person.pk]), {"confirm_reference": person.reference.lower()})
    entry = LogEntry.objects.filter(additional_data__gdpr="erasure").get()
    assert entry.actor == manager and entry.object_pk == str(person.pk)


def test_an_erased_customer_is_never_made_again_by_the_demo_seed_or_an_import(manager, person):
    reference = person.reference
    gdpr.customer_erase(customer=person, by=manager)
    assert Customer.reference_was_erased(reference)
    assert not Customer.objects.filter(reference=reference).exists()


def test_officers_and_customers_cannot_export_or_erase(officer_client, customer_client, person):
    for client in (officer_client, customer_client):
        erase = client.post(reverse("customer_erase", args=[person.pk]), {"confirm_reference": person.reference})
        assert erase.status_code == 403
        assert client.post(reverse("customer_data_export", args=[person.pk]), {"format": "json"}).status_code == 403
    person.refresh_from_db()
    assert person.erased_at is None


def test_a_file_uploaded_by_them_is_deleted_from_storage(manager, person):
    claim = person.expense_claims.get()
    storage, name = claim.receipt.storage, claim.receipt.name
    assert storage.exists(name)
    gdpr.customer_erase(customer=person, by=manager)
    assert not storage.exists(name)
    claim.refresh_from_db()
    assert not claim.receipt
