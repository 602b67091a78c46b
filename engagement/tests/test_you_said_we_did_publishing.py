"""Publishing "You said, we did": only a done action, only with public wording staff approved.

Rules (seed 2: once changes are made, issue a "You Said, We Did" to the customers they affect;
charter 3: tell customers how their voice made the change; issue #12): an action is published
only when a member of staff (its owner or a manager) approves its public wording, "You said …"
and "We did …" in the past tense, after it is done. Who approved it and when are recorded and
audited. Before that, nothing about it is public. It can be withdrawn.
"""

import datetime

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.urls import reverse

from engagement import services
from engagement.dates import date_parts_data
from engagement.factories import ActionFactory, CustomerFactory, EstateFactory
from engagement.models import Action

pytestmark = pytest.mark.django_db
DONE = {"status": "done", "done_on": datetime.date(2026, 11, 2), "we_did": "Contractor added Saturday pick-up"}
WORDING = {
    "public_you_said": "The bins by the play area overflowed every weekend.",
    "public_we_did": "We added a Saturday collection.",
    "confirm": "on",
}


def test_an_action_that_is_not_done_cannot_be_published(officer):
    action = ActionFactory(owner=officer, publish=True)
    with pytest.raises(ValidationError, match="Only a done action"):
        services.action_publish(action=action, you_said="Bins overflowed.", we_did="We emptied them.", by=officer)
    action.refresh_from_db()
    assert action.published_at is None and not Action.objects.published().exists()


def test_the_owner_approves_the_wording_of_a_done_action_and_who_and_when_are_recorded_and_audited(
    officer_client, officer
):
    action = ActionFactory(owner=officer, **DONE)
    response = officer_client.post(reverse("action_publish", args=[action.pk]), WORDING)
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.is_published and action.published_by == officer and action.published_at is not None
    assert (action.public_you_said, action.public_we_did) == (WORDING["public_you_said"], WORDING["public_we_did"])
    assert list(Action.objects.published()) == [action]
    entry = LogEntry.objects.get_for_object(action).latest("timestamp")
    assert entry.actor == officer and "published_at" in entry.changes_dict and "public_we_did" in entry.changes_dict


def test_marking_an_action_done_does_not_publish_it_the_detail_page_asks_for_the_wording(officer_client, officer):
    action = ActionFactory(owner=officer, publish=True, we_will="We will add a Saturday collection")
    officer_client.post(
        reverse("action_update", args=[action.pk]),
        {
            "status": "done",
            **date_parts_data("due_on", action.due_on),
            **date_parts_data("done_on", datetime.date(2026, 11, 20)),
            "we_did": "Added",
            "publish": "on",
        },
    )
    action.refresh_from_db()
    assert action.status == "done"  # the update itself went through
    assert not Action.objects.published().exists()
    body = officer_client.get(reverse("action_detail", args=[action.pk])).content.decode()
    assert "Write and approve public wording" in body and reverse("action_publish", args=[action.pk]) in body


def test_the_wording_form_explains_what_to_write_with_an_example_and_starts_from_what_was_done(officer_client, officer):
    action = ActionFactory(owner=officer, **DONE)
    body = officer_client.get(reverse("action_publish", args=[action.pk])).content.decode()
    assert "How to write it" in body and "For example" in body and "past tense" in body
    assert "Contractor added Saturday pick-up</textarea>" in body


def test_future_tense_is_refused_and_what_was_typed_is_kept(officer_client, officer):
    action = ActionFactory(owner=officer, **DONE)
    response = officer_client.post(
        reverse("action_publish", args=[action.pk]),
        {**WORDING, "public_we_did": "We will add a Saturday collection."},
    )
    body = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in body and "in the past tense" in body
    assert "We will add a Saturday collection.</textarea>" in body
    assert not Action.objects.published().exists()


def test_labels_typed_in_front_are_dropped_and_each_part_ends_as_a_sentence(officer):
    action = ActionFactory(owner=officer, **DONE)
    services.action_publish(action=action, you_said="You said: bins overflowed", we_did="We did: emptied", by=officer)
    assert (action.public_you_said, action.public_we_did) == ("Bins overflowed.", "Emptied.")


@pytest.mark.parametrize(
    "we_did",
    [
        "Priya Ramasubramanian from the team fixed the gate.",  # a member of staff on the action
        "We fixed the gate for Bartholomew Fennimore-Clegg.",  # a customer of the estate
        "We fixed the gate. Questions? bart@example.org",
        "We fixed the gate. Call 0121 496 0000.",
    ],
)
def test_wording_that_names_someone_or_gives_contact_details_is_refused(officer, we_did):
    from engagement.factories import OfficerFactory

    estate = EstateFactory()
    CustomerFactory(estate=estate, first_name="Bartholomew", last_name="Fennimore-Clegg")
    owner = OfficerFactory(first_name="Priya", last_name="Ramasubramanian")
    action = ActionFactory(owner=owner, estate=estate, **DONE)
    with pytest.raises(ValidationError, match="nothing personal is published"):
        services.action_publish(action=action, you_said="The gate was broken.", we_did=we_did, by=officer)


def test_only_the_owner_or_a_manager_may_publish(officer_client, manager_client, other_officer):
    action = ActionFactory(owner=other_officer, **DONE)
    assert officer_client.post(reverse("action_publish", args=[action.pk]), WORDING).status_code == 403
    assert manager_client.post(reverse("action_publish", args=[action.pk]), WORDING).status_code == 302
    assert Action.objects.get().is_published


def test_a_withdrawn_action_leaves_the_public_page_and_keeps_its_wording(client, officer_client, officer):
    action = ActionFactory(owner=officer, published=True, public_we_did="We mended the lift.")
    assert "We mended the lift." in client.get(reverse("you_said_we_did")).content.decode()
    assert officer_client.get(reverse("action_withdraw", args=[action.pk])).status_code == 405
    assert officer_client.post(reverse("action_withdraw", args=[action.pk])).status_code == 302
    action.refresh_from_db()
    assert not action.is_published and action.public_we_did == "We mended the lift."
    assert "We mended the lift." not in client.get(reverse("you_said_we_did")).content.decode()
    assert LogEntry.objects.get_for_object(action).latest("timestamp").actor == officer


def test_a_published_action_that_is_reopened_is_no_longer_public(officer):
    action = ActionFactory(owner=officer, published=True)
    Action.objects.filter(pk=action.pk).update(status="in_progress")
    assert not Action.objects.published().exists()


def test_the_database_refuses_a_publication_without_public_wording(officer):
    from django.db import IntegrityError, transaction

    action = ActionFactory(owner=officer, **DONE)
    with pytest.raises(IntegrityError), transaction.atomic():
        Action.objects.filter(pk=action.pk).update(published_at=datetime.datetime(2026, 11, 3, tzinfo=datetime.UTC))
