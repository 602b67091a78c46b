"""Officers record complaints through the form: customer search, errors that keep what was typed, and
a double submit that still makes one complaint."""

import datetime

import pytest
from django.urls import reverse

from engagement.dates import date_parts_data
from engagement.factories import CustomerFactory
from feedback.models import Complaint

pytestmark = pytest.mark.django_db
URL = reverse("feedback:complaint_create")


def _form_data(page, **overrides):
    data = {
        "form_token": page.context["form"]["form_token"].value(),
        "customer_search": "",
        "customer": "",
        **date_parts_data("received_on", "2026-11-02"),
        "channel": "phone",
        "category": "repairs",
        "description": "The lift has been broken for three weeks.",
        "desired_outcome": "Fix the lift.",
        "stage1_handler": page.context["form"].initial["stage1_handler"].pk,
    }
    data.update(overrides)
    return data


def test_finding_a_customer_by_name_lists_the_matches_and_keeps_what_was_typed(officer_client):
    wanted = CustomerFactory(first_name="Bernadette", last_name="Okafor", address="14 Slade Road")
    CustomerFactory(first_name="John", last_name="Smith")
    page = officer_client.get(URL)
    data = _form_data(page, customer_search="okafor slade", description="Typed before searching")
    data.update(received_on_day="30", received_on_month="oct", received_on_year="2026", find="1")
    page = officer_client.post(URL, data)
    assert page.status_code == 200
    form = page.context["form"]
    assert list(form.fields["customer"].queryset) == [wanted]
    assert "Typed before searching" in page.content.decode()
    for part, typed in (("day", "30"), ("month", "oct"), ("year", "2026")):
        assert f'name="received_on_{part}" value="{typed}"' in page.content.decode()
    assert "1 match for" in page.content.decode()
    assert not Complaint.objects.exists()


def test_a_missing_description_is_reported_and_nothing_typed_is_lost(officer_client):
    customer = CustomerFactory()
    page = officer_client.get(URL)
    response = officer_client.post(
        URL, _form_data(page, customer=customer.pk, customer_search=customer.last_name, description="")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    for part, typed in (("day", "2"), ("month", "11"), ("year", "2026")):
        assert f'name="received_on_{part}" value="{typed}"' in html
    assert "Fix the lift." in html
    # The chosen customer is still chosen.
    assert f'<option value="{customer.pk}" selected>' in html
    assert not Complaint.objects.exists()


def test_a_complaint_needs_a_customer_or_an_anonymous_tick(officer_client):
    page = officer_client.get(URL)
    response = officer_client.post(URL, _form_data(page))
    assert "tick &#x27;anonymous&#x27;" in response.content.decode()
    response = officer_client.post(URL, _form_data(page, anonymous="on"))
    complaint = Complaint.objects.get()
    assert response["Location"] == complaint.get_absolute_url()
    assert complaint.customer is None


def test_submitting_the_same_form_twice_records_one_complaint(officer_client):
    customer = CustomerFactory()
    page = officer_client.get(URL)
    data = _form_data(page, customer=customer.pk)
    first = officer_client.post(URL, data)
    second = officer_client.post(URL, data)
    assert Complaint.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_a_future_received_date_is_refused(officer_client):
    page = officer_client.get(URL)
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    response = officer_client.post(URL, _form_data(page, anonymous="on", **date_parts_data("received_on", tomorrow)))
    assert "Date received must be today or in the past" in response.content.decode()
    assert not Complaint.objects.exists()
