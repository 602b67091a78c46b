"""The community pages: applying, scoring and deciding through the forms; the public pages show
nothing personal; the public forms are throttled and quietly drop what a robot fills in.

Rules: issue 17 (the public sees what was funded; a public call-for-action form; a public
nomination form) and COMMON.md (public pages show nothing personal; customers see only their own).
"""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from community.factories import (
    AwardCategoryFactory,
    CallForActionFactory,
    FundingApplicationFactory,
    FundingPriorityFactory,
    held_meeting_of,
)
from community.models import ApplicationStatus, CallForAction, CommunityBudget, FundingApplication, Nomination
from engagement.dates import date_parts_data
from panels.factories import PanelFactory
from panels.models import PanelKind

pytestmark = pytest.mark.django_db


def test_a_customer_applies_and_sees_only_their_own_application(customer_client, customer, other_customer, client):
    priority = FundingPriorityFactory(budget__year=2026, title="Tackling loneliness")
    data = {
        "priority": priority.pk,
        "group_name": "",
        "title": "Friday coffee club",
        "purpose": "Tea, coffee and a room for a year.",
        "outcomes": "Twenty older residents meet every week.",
        "requested": "£1,250.50",
        "contact_name": "Cora Customer",
        "contact_details": "cora@example.org",
    }
    response = customer_client.post(reverse("community:apply"), data)
    application = FundingApplication.objects.get()
    assert response.status_code == 302 and response["Location"] == application.get_absolute_url()
    assert application.requested_pence == 125_050 and application.applicant == customer
    client.force_login(other_customer.user)
    assert client.get(application.get_absolute_url()).status_code == 403


def test_an_officer_scores_and_decides_at_a_meeting(officer_client):
    application = FundingApplicationFactory(requested_pence=300_000)
    second = FundingPriorityFactory(budget=application.budget, title="Safer streets")
    meeting = held_meeting_of(application.budget, on=datetime.date(2026, 11, 10))
    url = reverse("community:application_score", args=[application.pk])
    officer_client.post(url, {f"priority_{application.priority_id}": "3", f"priority_{second.pk}": "1"})
    assert sorted(application.scores.values_list("score", flat=True)) == [1, 3]
    url = reverse("community:application_decide", args=[application.pk])
    response = officer_client.post(
        url, {"decision": "award", "amount": "2500", "meeting": meeting.pk, "reason": "Meets priority 1 well."}
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert (application.status, application.awarded_pence, application.decided_at_meeting) == (
        ApplicationStatus.AWARDED,
        250_000,
        meeting,
    )
    assert CommunityBudget.objects.get().awarded_pence == 250_000


def test_payments_never_add_up_to_more_than_the_award(officer_client):
    application = FundingApplicationFactory(requested_pence=100_000)
    FundingApplication.objects.filter(pk=application.pk).update(
        status=ApplicationStatus.AWARDED,
        awarded_pence=100_000,
        decided_at_meeting=held_meeting_of(application.budget),
        decision_reason="OK",
    )
    url = reverse("community:payment_add", args=[application.pk])
    paid_on = date_parts_data("paid_on", datetime.date(2026, 11, 20))
    assert officer_client.post(url, {"amount": "600", **paid_on}).status_code == 302
    response = officer_client.post(url, {"amount": "500", **paid_on})
    assert response.status_code == 200 and "£400.00 of the award is left to pay" in response.content.decode()
    assert application.payments.count() == 1


def test_the_public_funded_page_names_groups_and_consenting_residents_only(client):
    group = FundingApplicationFactory(
        group_name="Friends of Victoria Park", contact_name="Pat Jones", contact_details="pat@example.org"
    )
    resident = FundingApplicationFactory(
        budget=group.budget, priority=group.priority, group_name="", contact_name="Lee Private", title="Planters"
    )
    consenting = FundingApplicationFactory(
        budget=group.budget,
        priority=group.priority,
        group_name="",
        contact_name="Ann Proud",
        name_may_be_published=True,
        title="Bench",
    )
    waiting = FundingApplicationFactory(budget=group.budget, priority=group.priority, title="Not decided yet")
    meeting = held_meeting_of(group.budget)
    for application in (group, resident, consenting):
        FundingApplication.objects.filter(pk=application.pk).update(
            status=ApplicationStatus.AWARDED,
            awarded_pence=10_000,
            decided_at_meeting=meeting,
            decision_reason="Secret reason",
        )
    page = client.get(reverse("community:funded")).content.decode()
    assert "Friends of Victoria Park" in page and "Ann Proud" in page and "A local resident" in page
    for private in ("Pat Jones", "pat@example.org", "Lee Private", "Secret reason", waiting.title):
        assert private not in page


def _call_data(**extra):
    return {
        "issue": "Repairs appointments missed",
        "details": "Three missed since March.",
        "name": "Kim",
        "email": "kim@example.org",
        **extra,
    }


def test_anyone_can_send_a_call_for_action_to_the_panel_in_the_data(client):
    qip = PanelFactory(name="Quality and Insight Panel", kind=PanelKind.QUALITY_INSIGHT)
    page = client.get(reverse("community:call_new")).content.decode()
    assert "Ask the Quality and Insight Panel" in page
    response = client.post(reverse("community:call_new"), _call_data())
    assert response["Location"] == reverse("community:call_thanks")
    assert CallForAction.objects.get().panel == qip


def test_a_call_with_no_way_to_answer_it_is_shown_again_with_the_error(client):
    PanelFactory(kind=PanelKind.QUALITY_INSIGHT)
    response = client.post(reverse("community:call_new"), _call_data(email=""))
    assert response.status_code == 200 and "Give an e-mail address or a phone number" in response.content.decode()
    assert "Repairs appointments missed" in response.content.decode()  # what was typed is kept


def test_the_public_forms_hide_the_honeypot_have_no_cancel_and_say_what_we_do_with_it(client):
    # The shared form page (engagement/form.html), extended by community/public_form.html.
    PanelFactory(kind=PanelKind.QUALITY_INSIGHT)
    AwardCategoryFactory(name="Good Neighbour")
    for url in (reverse("community:call_new"), reverse("community:nominate")):
        page = client.get(url).content.decode()
        assert '<div class="d-none"><label for="id_website">' in page
        assert 'name="form_token"' in page and 'for="id_form_token"' not in page
        assert ">Cancel</a>" not in page
        assert "We never publish your name or contact details." in page


def test_a_robot_filling_the_hidden_field_is_thanked_and_nothing_is_kept(client):
    PanelFactory(kind=PanelKind.QUALITY_INSIGHT)
    response = client.post(reverse("community:call_new"), _call_data(website="http://spam.example"))
    assert response["Location"] == reverse("community:call_thanks")
    assert not CallForAction.objects.exists() and not mail.outbox


def test_the_public_forms_are_throttled_per_client_address(client, settings):
    settings.COMMUNITY_PUBLIC_FORMS_PER_HOUR = 2
    PanelFactory(kind=PanelKind.QUALITY_INSIGHT)
    for n in range(2):
        assert client.post(reverse("community:call_new"), _call_data(issue=f"Issue {n}")).status_code == 302
    response = client.post(reverse("community:call_new"), _call_data(issue="Issue 3"))
    assert response.status_code == 429 and CallForAction.objects.count() == 2


def test_a_public_nomination_is_recorded_without_a_login(client):
    category = AwardCategoryFactory(name="Good Neighbour")
    data = {
        "category": category.pk,
        "nominee_name": "Edna Clarke",
        "reason": "Shops for three neighbours every week.",
        "nominator_name": "Sam",
        "nominator_contact": "sam@example.org",
    }
    assert client.post(reverse("community:nominate"), data)["Location"] == reverse("community:nominate_thanks")
    nomination = Nomination.objects.get()
    assert nomination.recorded_by is None and nomination.category == category


def test_a_customer_sees_only_the_calls_they_sent(client, customer, other_customer):
    call = CallForActionFactory(customer=customer)
    client.force_login(other_customer.user)
    assert client.get(call.get_absolute_url()).status_code == 403
    client.force_login(customer.user)
    assert client.get(call.get_absolute_url()).status_code == 200
