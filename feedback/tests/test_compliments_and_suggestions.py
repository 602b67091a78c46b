"""Compliments are passed on to the people they are about; suggestions are answered and, when they
lead to a change, tracked as an Action ("You said, we did")."""

import pytest
from django.urls import reverse

from engagement.dates import date_parts_data
from engagement.factories import CustomerFactory
from engagement.models import Action, Notification
from feedback.factories import SuggestionFactory
from feedback.models import Compliment, Suggestion

pytestmark = pytest.mark.django_db


def test_a_compliment_about_a_member_of_staff_is_passed_on_to_them(officer_client, other_officer):
    page = officer_client.get(reverse("feedback:compliment_create"))
    data = {
        "form_token": page.context["form"]["form_token"].value(),
        "customer": CustomerFactory().pk,
        **date_parts_data("received_on", "2026-11-02"),
        "channel": "letter",
        "about": "person",
        "staff_member": other_officer.pk,
        "description": "Owen helped my mum fill in the form and stayed until it was done.",
    }
    officer_client.post(reverse("feedback:compliment_create"), data)
    officer_client.post(reverse("feedback:compliment_create"), data)  # a double tap
    compliment = Compliment.objects.get()
    assert compliment.passed_on_at is not None
    note = Notification.objects.get(user=other_officer)
    assert note.title == "You have received a compliment"
    assert "stayed until it was done" in note.body


def test_a_compliment_about_a_team_goes_to_the_managers_to_pass_on(officer_client, manager):
    page = officer_client.get(reverse("feedback:compliment_create"))
    response = officer_client.post(
        reverse("feedback:compliment_create"),
        {
            "form_token": page.context["form"]["form_token"].value(),
            "from_name": "Councillor Patel",
            **date_parts_data("received_on", "2026-11-02"),
            "channel": "email",
            "about": "team",
            "team": "",
            "description": "The estate clean-up day was excellent.",
        },
    )
    assert "Name the team or service" in response.content.decode()
    assert "The estate clean-up day was excellent." in response.content.decode()
    data = dict(response.context["form"].data.items(), team="Estate services team")
    officer_client.post(reverse("feedback:compliment_create"), data)
    assert Notification.objects.get(user=manager).title == "A compliment for Estate services team: please pass it on"


def test_a_suggestion_that_leads_to_a_change_becomes_a_published_action(officer_client, officer):
    suggestion = SuggestionFactory()
    url = reverse("feedback:suggestion_respond", args=[suggestion.pk])
    response = officer_client.post(
        url,
        {
            "response": "Good idea.",
            **date_parts_data("responded_on", "2026-11-10"),
            "led_to_change": "on",
            "we_will": "",
        },
    )
    assert "Say what we will change" in response.content.decode()
    officer_client.post(
        url,
        {
            "response": "Good idea: we will ask the council.",
            **date_parts_data("responded_on", "2026-11-10"),
            "led_to_change": "on",
            "we_will": "Ask the council for a bench at the bus stop.",
            "action_owner": officer.pk,
            **date_parts_data("action_due_on", "2027-01-31"),
            "publish": "on",
        },
    )
    suggestion = Suggestion.objects.get()
    assert suggestion.status == "responded" and suggestion.led_to_change
    action = Action.objects.from_source(suggestion).get()
    assert action.publish and action.you_said == suggestion.suggestion and action.estate == suggestion.estate
    # Answered suggestions cannot be answered again.
    assert officer_client.get(url)["Location"] == suggestion.get_absolute_url()


def test_a_suggestion_answered_without_a_change_makes_no_action(officer_client):
    suggestion = SuggestionFactory()
    officer_client.post(
        reverse("feedback:suggestion_respond", args=[suggestion.pk]),
        {"response": "Not this year, sorry.", **date_parts_data("responded_on", "2026-11-10")},
    )
    assert Suggestion.objects.get().status == "responded"
    assert not Action.objects.exists()


def test_recording_a_suggestion_takes_the_estate_from_the_customer(officer_client):
    customer = CustomerFactory()
    page = officer_client.get(reverse("feedback:suggestion_create"))
    officer_client.post(
        reverse("feedback:suggestion_create"),
        {
            "form_token": page.context["form"]["form_token"].value(),
            "customer": customer.pk,
            **date_parts_data("received_on", "2026-11-02"),
            "channel": "in_person",
            "suggestion": "A community garden on the spare land.",
        },
    )
    assert Suggestion.objects.get().estate == customer.estate


def test_customers_cannot_see_compliments_or_suggestions(customer_client):
    for name in ("compliments", "suggestions", "compliment_create", "suggestion_create", "figures"):
        assert customer_client.get(reverse(f"feedback:{name}")).status_code == 403
