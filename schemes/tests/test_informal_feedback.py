"""Informal feedback and adverse events: noted by any member of staff in a few taps, reviewed by
the team, and turned into an action when something should change.

Rules: strategy 000 section 2.5 ("providing systems for staff to report such informal feedback to
managers"; "ensuring that informal feedback is considered seriously by managers") and 3.2
("record adverse events and take appropriate action to avoid similar happening in the future"):
an adverse event or near miss is sent to the managers as soon as it is noted.
"""

import datetime
import uuid

import pytest
from django.urls import reverse

from engagement.dates import date_parts_data
from engagement.factories import EstateFactory
from engagement.models import Action, Notification
from schemes import services
from schemes.models import FeedbackKind, InformalFeedback, ReviewStatus, Service

pytestmark = pytest.mark.django_db


def _form(**overrides):
    data = {
        "form_token": str(uuid.uuid4()),
        "kind": FeedbackKind.NEAR_MISS,
        "service": Service.GROUNDS,
        "raised_by": "customer",
        "what_happened": "A resident nearly slipped on wet leaves on the ramp.",
    }
    return {**data, **overrides}


def test_an_officer_notes_a_near_miss_in_one_post_and_the_managers_are_told(officer_client, officer, manager):
    scheme = EstateFactory(name="Elm Court")
    data = _form(estate=scheme.pk)
    response = officer_client.post(reverse("schemes:feedback_create"), data)
    item = InformalFeedback.objects.get()
    assert response.url == item.get_absolute_url()
    assert (item.noted_by, item.estate, item.status) == (officer, scheme, ReviewStatus.NEW)
    assert Notification.objects.get(user=manager).title == "Near miss noted at Elm Court"
    # The double tap: the same form again adds nothing and tells nobody twice.
    officer_client.post(reverse("schemes:feedback_create"), data)
    assert InformalFeedback.objects.count() == 1 and Notification.objects.filter(user=manager).count() == 1


def test_informal_praise_goes_to_the_review_list_without_a_notice(officer_client, manager):
    officer_client.post(reverse("schemes:feedback_create"), _form(kind=FeedbackKind.PRAISE))
    assert not Notification.objects.filter(user=manager).exists()
    listing = officer_client.get(reverse("schemes:feedback_list"), {"status": "new"})
    assert "nearly slipped" in listing.content.decode()


def test_a_note_without_what_happened_keeps_the_rest_and_says_what_is_missing(officer_client):
    page = officer_client.post(reverse("schemes:feedback_create"), _form(what_happened=""))
    text = page.content.decode()
    assert page.status_code == 200 and "There is a problem" in text
    assert 'value="near_miss"  id="id_kind_4" required checked' in text
    assert '<option value="grounds" selected>' in text
    assert not InformalFeedback.objects.exists()


def test_the_team_records_a_review_with_its_outcome(officer, manager, manager_client):
    item = services.informal_feedback_note(
        by=officer, kind=FeedbackKind.PRAISE, service=Service.CLEANING, what_happened="Stairs spotless."
    )
    url = reverse("schemes:feedback_detail", args=[item.pk])
    assert manager_client.post(url, {"step": "review", "status": "reviewed", "outcome": ""}).status_code == 200
    manager_client.post(url, {"step": "review", "status": "reviewed", "outcome": "Thanks passed to the cleaner."})
    item.refresh_from_db()
    assert (item.status, item.reviewed_by, item.outcome) == (
        ReviewStatus.REVIEWED,
        manager,
        "Thanks passed to the cleaner.",
    )


def test_an_adverse_event_becomes_an_action_whose_source_is_the_note(officer, manager, manager_client):
    scheme = EstateFactory()
    item = services.informal_feedback_note(
        by=officer,
        kind=FeedbackKind.ADVERSE_EVENT,
        service=Service.SAFETY,
        estate=scheme,
        what_happened="Fire door wedged open with a chair.",
    )
    due = datetime.date.today() + datetime.timedelta(days=21)
    data = {
        "step": "action",
        "form_token": str(uuid.uuid4()),
        "we_will": "Fit a hold-open device on the alarm.",
        "owner": officer.pk,
        **date_parts_data("due_on", due),
    }
    response = manager_client.post(reverse("schemes:feedback_detail", args=[item.pk]), data)
    action = Action.objects.from_source(item).get()
    assert response.url == action.get_absolute_url()
    assert (action.estate, action.owner, action.you_said) == (scheme, officer, "Fire door wedged open with a chair.")
    item.refresh_from_db()
    assert item.status == ReviewStatus.ACTIONED and item.reviewed_by == manager
    manager_client.post(reverse("schemes:feedback_detail", args=[item.pk]), data)  # resent: one action
    assert Action.objects.from_source(item).count() == 1
