"""The report's actions: one block shown, "Add another action" without JavaScript keeps what was typed."""

import re

import pytest
from django.urls import reverse

from activities.factories import ActivityFactory
from activities.models import ActivityStatus
from engagement.models import Action

from .formpage import form_defaults

pytestmark = pytest.mark.django_db


def _page(client, activity):
    return client.get(reverse("activities:report", args=[activity.pk])).content.decode()


def test_the_report_shows_one_action_block_and_an_add_another_button(officer_client, officer):
    activity = ActivityFactory(lead_officer=officer)
    body = _page(officer_client, activity)
    defaults = form_defaults(body, containing="outcome")
    assert defaults["actions-TOTAL_FORMS"] == "1"
    assert body.count('id="action-1"') == 1 and 'id="action-2"' not in body.split("<template")[0]
    assert 'name="add_action"' in body and 'formaction="#action-2"' in body
    assert defaults["actions-0-owner"] == str(officer.pk)  # owned by the lead officer to start with
    assert "activities/report_actions.js" in body


def test_add_another_action_brings_the_page_back_with_everything_typed_and_one_more_block(officer_client, officer):
    activity = ActivityFactory(lead_officer=officer)
    data = form_defaults(_page(officer_client, activity), containing="outcome")
    data.update(
        {
            "outcome": "",  # not yet written: no error is shown for it, nothing is judged
            "customers_said": "The lifts are out again",
            "actions-0-you_said": "Lifts break down every week",
            "actions-0-we_will": "Ask the lift contractor for a survey",
            "add_action": "1",
        }
    )
    response = officer_client.post(reverse("activities:report", args=[activity.pk]), data)
    assert response.status_code == 200
    body = response.content.decode()
    again = form_defaults(body, containing="outcome")
    assert again["actions-TOTAL_FORMS"] == "2"
    assert again["customers_said"] == "The lifts are out again"
    assert again["actions-0-we_will"] == "Ask the lift contractor for a survey"
    assert again["actions-1-owner"] == str(officer.pk) and again["actions-1-you_said"] == ""
    assert 'id="error-summary"' not in body and "is-invalid" not in body
    assert 'formaction="#action-3"' in body
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.HELD and not Action.objects.exists()

    # Then the second action is typed and the report filed: both actions are created.
    again.update(
        {
            "outcome": "Survey booked",
            "actions-1-you_said": "The stairs are dark",
            "actions-1-we_will": "Replace the stairwell lights",
        }
    )
    response = officer_client.post(reverse("activities:report", args=[activity.pk]), again)
    assert response.status_code == 302
    assert sorted(Action.objects.values_list("we_will", flat=True)) == [
        "Ask the lift contractor for a survey",
        "Replace the stairwell lights",
    ]


def test_errors_in_a_second_action_keep_both_blocks_and_point_at_the_field(officer_client, officer):
    activity = ActivityFactory(lead_officer=officer)
    data = form_defaults(_page(officer_client, activity), containing="outcome")
    data.update({"add_action": "1"})
    data = form_defaults(
        officer_client.post(reverse("activities:report", args=[activity.pk]), data).content.decode(),
        containing="outcome",
    )
    data.update({"outcome": "Agreed", "customers_said": "Said", "actions-1-you_said": "Dark stairs"})
    response = officer_client.post(reverse("activities:report", args=[activity.pk]), data)
    body = response.content.decode()
    assert response.status_code == 200 and "<title>Error: " in body
    assert 'href="#id_actions-1-we_will">Action 2, We will: Say what we will do about it.' in body
    assert re.search(r">\s*Dark stairs</textarea>", body)


def test_no_more_than_twenty_actions_can_be_added(officer_client, officer):
    activity = ActivityFactory(lead_officer=officer)
    data = form_defaults(_page(officer_client, activity), containing="outcome")
    data.update({"actions-TOTAL_FORMS": "20", "add_action": "1"})
    body = officer_client.post(reverse("activities:report", args=[activity.pk]), data).content.decode()
    assert form_defaults(body, containing="outcome")["actions-TOTAL_FORMS"] == "20"
    assert 'name="add_action"' not in body
