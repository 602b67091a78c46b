"""A customer:self token is tied to one customer and reads only that customer's records: their own
complaints (with their text), and the published "You said, we did" actions the customer's own portal
shows (Action.objects.visible_to_customer: their estate's and everyone's). It can never read
another customer's complaint, nor the staff endpoints, and cannot be given wider scopes."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from api.services import scopes_check
from engagement.factories import ActionFactory, EstateFactory
from feedback.factories import ComplaintFactory

pytestmark = pytest.mark.django_db


def test_a_customer_token_reads_its_customers_complaints_and_never_anothers(bearer, issue, customer, other_customer):
    own = ComplaintFactory(customer=customer)
    ComplaintFactory(customer=other_customer)
    ComplaintFactory(customer=None, estate=customer.estate)  # anonymous, on their estate
    _, token = issue("customer:self", customer=customer)
    response = bearer(token).get(reverse("api:complaints"))
    assert response.status_code == 200
    rows = response.json()["results"]
    assert [row["id"] for row in rows] == [own.pk]
    assert rows[0]["description"] == own.description  # their own words, back to them


def test_a_customer_token_cannot_reach_anothers_complaint_by_filtering(bearer, issue, customer, other_customer):
    ComplaintFactory(customer=other_customer)
    _, token = issue("customer:self", customer=customer)
    response = bearer(token).get(reverse("api:complaints"), {"estate": other_customer.estate_id})
    assert response.status_code == 200
    assert response.json()["results"] == []


def test_a_customer_token_reads_the_published_actions_its_customer_is_shown(bearer, issue, customer):
    theirs = ActionFactory(published=True, estate=customer.estate)
    everyone = ActionFactory(published=True, estate=None)
    ActionFactory(published=True, estate=EstateFactory())  # another estate's
    ActionFactory(estate=customer.estate)  # open, not published
    _, token = issue("customer:self", customer=customer)
    ids = {row["id"] for row in bearer(token).get(reverse("api:actions")).json()["results"]}
    assert ids == {theirs.pk, everyone.pk}


def test_a_customer_token_cannot_read_the_staff_endpoints(bearer, issue, customer):
    _, token = issue("customer:self", customer=customer)
    assert bearer(token).get(reverse("api:activities")).status_code == 403


def test_a_customer_token_cannot_be_given_personal_read_or_record_scopes(customer):
    for wider in ("personal:read", "complaints:read", "activities:read"):
        with pytest.raises(ValidationError, match="cannot also read"):
            scopes_check(scopes=["customer:self", wider], customer=customer)


def test_a_customer_needs_the_customer_scope(customer):
    with pytest.raises(ValidationError, match="needs the"):
        scopes_check(scopes=["figures:read"], customer=customer)


def test_erasing_a_customer_revokes_their_token_and_the_export_lists_it(bearer, issue, customer, manager):
    from engagement import gdpr

    api_client, token = issue("customer:self", customer=customer, name="Tenant app")
    exported = gdpr.customer_data_export(customer=customer, by=manager)
    assert "Tenant app" in str(exported)
    gdpr.customer_erase(customer=customer, by=manager)
    api_client.refresh_from_db()
    assert api_client.status == "revoked"
    assert bearer(token).get(reverse("api:complaints")).status_code == 401
