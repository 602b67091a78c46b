"""Each endpoint needs one of its scopes (403 in DRF's JSON form otherwise), and personal data —
names, contact details, free text — only reaches a token with personal:read.

Scopes (api.models.Scope): figures:read, activities:read, actions:read, complaints:read,
personal:read, customer:self (see test_customer_token.py)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from activities.factories import ActivityFactory
from api.services import scopes_check
from engagement.factories import ActionFactory
from feedback.factories import ComplaintFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url_name", "scope"),
    [
        ("api:activities", "activities:read"),
        ("api:actions", "actions:read"),
        ("api:complaints", "complaints:read"),
        ("api:complaint_figures", "figures:read"),
        ("api:tsm_figures", "figures:read"),
        ("api:charter_figures", "figures:read"),
    ],
)
def test_each_endpoint_answers_its_scope_and_refuses_another_with_403(bearer, issue, url_name, scope):
    _, right = issue(scope)
    other = "activities:read" if scope != "activities:read" else "figures:read"
    _, wrong = issue(other)
    assert bearer(right).get(reverse(url_name)).status_code == 200
    refused = bearer(wrong).get(reverse(url_name))
    assert refused.status_code == 403
    assert scope in refused.json()["detail"]


def test_personal_read_alone_opens_no_endpoint(bearer, issue):
    _, token = issue("personal:read")
    assert bearer(token).get(reverse("api:complaints")).status_code == 403


def test_an_activity_without_personal_read_has_no_free_text_and_no_officer_name(bearer, issue):
    ActivityFactory(reported=True)
    _, token = issue("activities:read")
    row = bearer(token).get(reverse("api:activities")).json()["results"][0]
    assert row["customers_engaged"] == 12
    for personal in ("lead_officer", "purpose", "outcome", "customers_said", "feedback_notes"):
        assert personal not in row


def test_an_activity_with_personal_read_has_the_free_text_and_the_officer(bearer, issue):
    activity = ActivityFactory(reported=True)
    _, token = issue("activities:read", "personal:read")
    row = bearer(token).get(reverse("api:activities")).json()["results"][0]
    assert row["customers_said"] == "The stairwells are not cleaned on Fridays."
    assert row["lead_officer"] == activity.lead_officer.get_full_name()


def test_an_action_shows_only_approved_public_wording_without_a_wider_scope(bearer, issue):
    ActionFactory(published=True)
    draft = ActionFactory(
        status="done", done_on="2026-03-02", we_did="Done", public_you_said="Draft", public_we_did="Draft"
    )
    _, token = issue("actions:read")
    rows = {row["id"]: row for row in bearer(token).get(reverse("api:actions")).json()["results"]}
    published = next(row for row in rows.values() if row["published"])
    assert published["public_we_did"] == "We added an extra weekly collection."
    assert rows[draft.pk]["public_we_did"] is None  # not approved: not public wording yet
    for internal in ("you_said", "we_will", "we_did", "owner"):
        assert internal not in published


def test_an_action_with_personal_read_has_its_internal_wording(bearer, issue):
    ActionFactory()
    _, token = issue("actions:read", "personal:read")
    row = bearer(token).get(reverse("api:actions")).json()["results"][0]
    assert row["we_will"] == "Add an extra weekly collection."


def test_a_complaint_without_personal_read_names_nobody(bearer, issue):
    complaint = ComplaintFactory()
    _, token = issue("complaints:read")
    row = bearer(token).get(reverse("api:complaints")).json()["results"][0]
    assert row["id"] == complaint.pk and row["category"] == "repairs"
    body = str(row)
    assert complaint.customer.last_name not in body and "kitchen window" not in body
    assert "customer_name" not in row and "description" not in row


def test_a_complaint_with_personal_read_names_the_customer(bearer, issue):
    complaint = ComplaintFactory()
    _, token = issue("complaints:read", "personal:read")
    row = bearer(token).get(reverse("api:complaints")).json()["results"][0]
    assert row["customer_name"] == f"{complaint.customer.first_name} {complaint.customer.last_name}"
    assert row["customer_reference"] == complaint.customer.reference


@pytest.mark.parametrize(
    ("scopes", "message"),
    [
        ([], "at least one"),
        (["everything:read"], "Unknown scopes"),
        (["customer:self"], "Choose the customer"),
    ],
)
def test_a_token_is_refused_unknown_empty_or_customerless_customer_scopes(scopes, message):
    with pytest.raises(ValidationError, match=message):
        scopes_check(scopes=scopes, customer=None)
