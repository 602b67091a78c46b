"""Staff triage champion issues into actions or close them; the champion sees what happened."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from engagement.dates import date_parts_data
from engagement.models import Action
from engagement.services import action_complete
from panels.factories import EstateChampionFactory
from surveys import services
from surveys.factories import ChampionIssueFactory, ChampionSurveyFactory
from surveys.models import IssueStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def issue(customer, officer):
    customer.estate.officer = officer
    customer.estate.save()
    EstateChampionFactory(customer=customer, estates=[customer.estate])
    survey = ChampionSurveyFactory(customer=customer, estate=customer.estate, grounds_rating="poor")
    return ChampionIssueFactory(survey=survey)


def test_the_triage_form_offers_the_estates_officer_as_owner(officer_client, issue, officer):
    page = officer_client.get(reverse("surveys:issue_detail", args=[issue.pk]))
    assert page.context["action_form"].initial["owner"] == officer


def test_an_officer_turns_an_issue_into_an_action_for_the_estates_officer(manager_client, issue, officer, customer):
    due = timezone.localdate() + datetime.timedelta(days=20)
    response = manager_client.post(
        reverse("surveys:issue_detail", args=[issue.pk]),
        {
            "we_will": "Ask the contractor to cut the grass this week.",
            "owner": officer.pk,
            **date_parts_data("due_on", due),
            "publish": "on",
        },
    )
    action = Action.objects.get()
    assert response.status_code == 302 and response["Location"] == action.get_absolute_url()
    assert (action.owner, action.estate, action.due_on, action.source) == (officer, issue.estate, due, issue)
    assert "grass by the garages" in action.you_said.lower()
    issue.refresh_from_db()
    assert issue.status == IssueStatus.ACTIONED and issue.action == action
    assert customer.user.notifications.filter(title__contains="grounds maintenance").exists()


def test_the_champion_sees_we_will_and_then_we_did(customer_client, issue, officer):
    action = services.champion_issue_action(
        issue=issue, we_will="Cut the grass.", owner=officer, due_on=timezone.localdate(), user=officer
    )
    page = customer_client.get(reverse("surveys:champion_detail", args=[issue.survey.pk])).content.decode()
    assert "We will:</span> Cut the grass." in page and "In hand" in page
    action_complete(action=action, we_did="Grass cut on Tuesday.")
    page = customer_client.get(reverse("surveys:champion_detail", args=[issue.survey.pk])).content.decode()
    assert "We did:</span> Grass cut on Tuesday." in page


def test_closing_needs_a_reason_and_the_champion_reads_it(officer_client, customer_client, issue):
    url = reverse("surveys:issue_detail", args=[issue.pk])
    refused = officer_client.post(url, {"close": "", "reason": ""})
    assert refused.status_code == 200 and issue.__class__.objects.get().status == IssueStatus.NEW
    officer_client.post(url, {"close": "", "reason": "This is council land; we have reported it to them."})
    issue.refresh_from_db()
    assert issue.status == IssueStatus.CLOSED
    page = customer_client.get(reverse("surveys:champion_detail", args=[issue.survey.pk])).content.decode()
    assert "This is council land; we have reported it to them." in page


def test_an_issue_is_triaged_once_even_if_two_officers_act_on_it(issue, officer, other_officer):
    services.champion_issue_action(
        issue=issue, we_will="Cut it.", owner=officer, due_on=timezone.localdate(), user=officer
    )
    with pytest.raises(ValidationError, match="already dealt with"):
        services.champion_issue_close(issue=issue, reason="Duplicate", user=other_officer)
    with pytest.raises(ValidationError):
        services.champion_issue_action(
            issue=issue, we_will="Cut it again.", owner=officer, due_on=timezone.localdate(), user=other_officer
        )
    assert Action.objects.count() == 1
