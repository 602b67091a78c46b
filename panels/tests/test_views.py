"""The panels pages as people use them: forms keep what was typed, double submits add one record."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from engagement.dates import date_parts_data
from engagement.factories import CustomerFactory, pdf_bytes
from engagement.models import Action
from panels.factories import (
    EstateWalkFactory,
    ExpenseClaimFactory,
    ExpressionOfInterestFactory,
    HeldMeetingFactory,
    MeetingFactory,
    MembershipFactory,
    PanelFactory,
    PublishedMeetingFactory,
    ScrutinyProjectFactory,
    TrainingRecordFactory,
    pdf_file,
    png_file,
)
from panels.models import Evidence, ExpenseClaim, ExpressionOfInterest, PanelKind, ScrutinyStatus

pytestmark = pytest.mark.django_db


def test_a_customer_asks_to_join_and_a_mistake_keeps_what_they_typed(customer_client, customer):
    panel = PanelFactory(name="Communications Panel", kind=PanelKind.COMMUNICATIONS)
    response = customer_client.post("/panels/join/", {"panel": panel.pk, "why": "I read every letter you send"})
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page and "I read every letter you send" in page
    response = customer_client.post(
        "/panels/join/", {"panel": panel.pk, "availability": ["weekends"], "why": "I read every letter you send"}
    )
    eoi = ExpressionOfInterest.objects.get(customer=customer)
    assert response.status_code == 302 and response["Location"] == eoi.get_absolute_url()
    customer_client.post("/panels/join/", {"panel": panel.pk, "availability": ["weekends"]})
    assert ExpressionOfInterest.objects.filter(customer=customer).count() == 1


def test_an_officer_records_an_interest_taken_by_phone_by_tenancy_reference(officer_client):
    phoned = CustomerFactory(reference="T0420001")
    panel = PanelFactory()
    response = officer_client.post(
        "/panels/interest/new/", {"customer": "T9999999", "panel": panel.pk, "availability": ["weekends"]}
    )
    assert "No customer has the tenancy reference T9999999" in response.content.decode()
    officer_client.post(
        "/panels/interest/new/", {"customer": "t0420001", "panel": panel.pk, "availability": ["weekends"]}
    )
    assert ExpressionOfInterest.objects.get(customer=phoned).recorded_by.username == "officer"


def test_an_officer_accepts_an_interest_from_the_answer_form(officer_client, customer):
    eoi = ExpressionOfInterestFactory(customer=customer)
    response = officer_client.post(f"/panels/interest/{eoi.pk}/answer/", {"decision": "accept", "role": "member"})
    eoi.refresh_from_db()
    assert eoi.membership is not None and response["Location"] == eoi.membership.get_absolute_url()


def _post_twice(client, url, data, files=dict):
    """Send a form the way a double tap does: the same rendered form (and token) twice.
    `files()` makes the uploads afresh for each sending, as a browser does."""
    token = client.get(url).context["form"]["form_token"].value()
    first = client.post(url, {**data, **files(), "form_token": token})
    second = client.post(url, {**data, **files(), "form_token": token}, follow=True)
    assert first.status_code == 302 and second.redirect_chain[0][0] == first["Location"]
    return second.content.decode()


def test_a_double_submitted_action_is_added_once(officer_client, officer):
    meeting = HeldMeetingFactory()
    data = {"you_said": "Bins", "we_will": "Empty them", "owner": officer.pk, **date_parts_data("due_on", "2026-06-01")}
    page = _post_twice(officer_client, f"/panels/meetings/{meeting.pk}/actions/new/", data)
    assert Action.objects.from_source(meeting).count() == 1
    assert "nothing was added twice" in page


def test_a_double_submitted_scrutiny_action_is_added_once(officer_client, officer):
    project = ScrutinyProjectFactory(status=ScrutinyStatus.RESPONSE)
    data = {"we_will": "Text customers", "owner": officer.pk, **date_parts_data("due_on", "2026-09-01")}
    page = _post_twice(officer_client, f"/panels/scrutiny/{project.pk}/actions/new/", data)
    assert Action.objects.from_source(project).count() == 1
    assert "nothing was added twice" in page


def test_a_double_submitted_walk_issue_is_recorded_once(officer_client, officer):
    walk = EstateWalkFactory(walks_on=datetime.date(2026, 1, 5))
    data = {
        "description": "Graffiti",
        "location": "Garages",
        "we_will": "Remove it",
        "owner": officer.pk,
        **date_parts_data("due_on", "2026-02-01"),
    }
    photo = png_file().read()
    page = _post_twice(
        officer_client,
        f"/panels/walks/{walk.pk}/issues/new/",
        data,
        files=lambda: {"photo": SimpleUploadedFile("graffiti.png", photo)},
    )
    assert walk.issues.count() == 1 and Action.objects.from_source(walk).count() == 1
    assert "nothing was added twice" in page


def test_a_customer_claims_expenses_and_a_bad_receipt_is_refused_without_losing_the_form(customer_client, customer):
    form = customer_client.get("/panels/expenses/new/").context["form"]
    token = form["form_token"].value()
    data = {
        "form_token": token,
        "kind": "childcare",
        **date_parts_data("incurred_on", timezone.localdate().isoformat()),
        "description": "Childminder during the CVG",
        "amount": "18.00",
    }
    fake = SimpleUploadedFile("receipt.pdf", b"not a pdf at all")
    response = customer_client.post("/panels/expenses/new/", {**data, "receipt": fake})
    page = response.content.decode()
    assert (
        "receipt.pdf is not a photo (JPEG, PNG, GIF or WebP) or a PDF" in page and "Childminder during the CVG" in page
    )
    assert "any files need choosing again" in page and 'class="error-summary"' in page
    receipt = SimpleUploadedFile("receipt.pdf", pdf_file().read())
    customer_client.post("/panels/expenses/new/", {**data, "receipt": receipt})
    customer_client.post("/panels/expenses/new/", {**data, "receipt": SimpleUploadedFile("r.pdf", pdf_bytes())})
    assert ExpenseClaim.objects.filter(customer=customer).count() == 1


def test_staff_reject_a_claim_with_a_reason(officer_client):
    claim = ExpenseClaimFactory()
    response = officer_client.post(f"/panels/expenses/{claim.pk}/decide/", {"decision": "reject"})
    assert "Give the reason" in response.content.decode()
    officer_client.post(f"/panels/expenses/{claim.pk}/decide/", {"decision": "reject", "reason": "Duplicate claim"})
    claim.refresh_from_db()
    assert claim.status == "rejected"


def test_a_scrutiny_group_member_adds_evidence_but_another_customer_cannot(client, customer, other_customer):
    project = ScrutinyProjectFactory()
    MembershipFactory(panel=project.panel, customer=customer)
    client.force_login(customer.user)
    client.post(
        f"/panels/scrutiny/{project.pk}/evidence/new/",
        {
            "kind": "mystery_shopping",
            "title": "Calls",
            "notes": "4 of 10 answered",
            **date_parts_data("gathered_on", "2026-03-01"),
        },
    )
    assert Evidence.objects.get(project=project).added_by == customer.user
    client.force_login(other_customer.user)
    assert client.get(f"/panels/scrutiny/{project.pk}/").status_code == 403


def test_moving_a_scrutiny_project_on_too_early_says_what_is_missing(officer_client):
    project = ScrutinyProjectFactory(scope="")
    response = officer_client.post(f"/panels/scrutiny/{project.pk}/advance/", follow=True)
    assert "Agree the scope of the review first." in response.content.decode()


def test_the_customer_home_shows_panels_meetings_minutes_training_and_claims(customer_client, customer):
    panel = PanelFactory(name="Customer Voice Group")
    MembershipFactory(panel=panel, customer=customer, starts_on=datetime.date(2025, 1, 1))
    MeetingFactory(panel=panel, meets_on=timezone.localdate() + datetime.timedelta(days=10), venue="Library")
    PublishedMeetingFactory(panel=panel, meets_on=datetime.date(2026, 1, 14))
    TrainingRecordFactory(customer=customer, course="chairing")
    ExpenseClaimFactory(customer=customer, description="Bus to the CVG")
    page = customer_client.get("/").content.decode()
    for text in (
        "Your panels",
        "Library",
        "Customer Voice Group, 14 January 2026",
        "Chairing meetings",
        "Bus to the CVG",
    ):
        assert text in page, text


def test_the_staff_home_panel_shows_minutes_due_and_interests_waiting(rf, officer):
    from django.template.loader import render_to_string

    from engagement.registry import DASHBOARD_PANELS

    panel = PanelFactory(name="Youth Board", officer=officer)
    HeldMeetingFactory(panel=panel, meets_on=datetime.date(2026, 1, 14))
    ExpressionOfInterestFactory(panel=panel)
    request = rf.get("/")
    request.user = officer
    (home,) = [p for p in DASHBOARD_PANELS if p.template == "panels/_home_staff.html"]
    page = render_to_string(home.template, {"panel": home.build(request)}, request=request)
    assert "Minutes due or overdue" in page and "Youth Board – 14 January 2026" in page
    assert "→ Youth Board" in page


def test_a_walk_photo_must_be_a_real_image(officer_client, officer):
    from panels.factories import EstateWalkFactory

    walk = EstateWalkFactory(walks_on=datetime.date(2026, 1, 5))
    form = officer_client.get(f"/panels/walks/{walk.pk}/issues/new/").context["form"]
    response = officer_client.post(
        f"/panels/walks/{walk.pk}/issues/new/",
        {
            "form_token": form["form_token"].value(),
            "description": "Graffiti",
            "location": "Garages",
            "photo": SimpleUploadedFile("photo.jpg", b"not an image"),
            "we_will": "Remove it",
            "owner": officer.pk,
            **date_parts_data("due_on", "2026-02-01"),
        },
    )
    assert response.status_code == 200 and not walk.issues.exists()


def test_the_panels_list_shows_the_sections_then_the_heading_then_panels_that_missed_a_meeting(officer_client):
    PanelFactory(name="Youth Board", meets_every_months=1, cadence_from=timezone.localdate() - datetime.timedelta(120))
    page = officer_client.get("/panels/").content.decode()
    nav, heading = page.index('aria-label="Panels sections"'), page.index("<h1")
    missed = page.index("Panels that have missed a meeting")
    assert nav < heading < missed and page.count('aria-label="Panels sections"') == 1
    assert 'aria-current="page">Panels</a>' in page and ">Youth Board</a>: a meeting was due by" in page
