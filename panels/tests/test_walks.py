"""Estate walks: issues found become actions, and the agreed actions are sent to every attendee
(as one mail-out: mailouts, the one way customers are written to by their channel and format)."""

import datetime
import uuid

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils.html import escape

from engagement.factories import CustomerFactory
from engagement.models import Action, Channel, Notification
from engagement.services import action_create
from mailouts.models import Delivery, PrintBatch
from panels import services
from panels.factories import EstateWalkFactory, png_file
from panels.models import Letter, WalkAttendee, WalkStatus

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def walk(officer):
    return EstateWalkFactory(lead_officer=officer, walks_on=D(2026, 3, 10))


def _issue(walk, officer, **extra):
    issue, _ = services.walk_issue_add(
        walk=walk,
        description="Fly-tipping",
        location="Garages behind 12 Alder Close",
        we_will="Clear it",
        owner=officer,
        due_on=D(2026, 3, 24),
        by=officer,
        today=D(2026, 3, 10),
        **extra,
    )
    return issue


def test_an_issue_with_a_photo_becomes_an_action_for_the_walks_estate(walk, officer):
    issue = _issue(walk, officer, photo=png_file())
    action = Action.objects.from_source(walk).get()
    assert issue.action == action and action.estate == walk.estate and action.due_on == D(2026, 3, 24)
    assert "(Garages behind 12 Alder Close)" in action.you_said and issue.photo.name.endswith(".png")
    walk.refresh_from_db()
    assert walk.status == WalkStatus.HELD


def test_the_same_issue_form_sent_twice_records_one_issue_and_one_action(walk, officer, other_officer):
    sent = {
        "walk": walk,
        "description": "Broken fence",
        "location": "Play area",
        "we_will": "Mend it",
        "owner": other_officer,
        "due_on": D(2026, 3, 24),
        "form_token": uuid.uuid4(),
    }
    first, created = services.walk_issue_add(**sent, by=officer, today=D(2026, 3, 10))
    again, created_again = services.walk_issue_add(**sent, by=officer, today=D(2026, 3, 10))
    assert created and not created_again and first == again
    assert walk.issues.count() == 1 and Action.objects.from_source(walk).count() == 1
    assert Notification.objects.filter(user=other_officer).count() == 1  # the owner is told once


def test_a_token_already_on_another_action_is_refused_and_adds_nothing(walk, officer):
    token = uuid.uuid4()
    other = action_create(you_said="x", we_will="y", owner=officer, due_on=D(2026, 4, 1), form_token=token)
    with pytest.raises(ValidationError, match="already been used"):
        _issue(walk, officer, form_token=token)
    assert not walk.issues.exists() and list(Action.objects.all()) == [other]


def test_issues_cannot_be_recorded_before_the_walk(walk, officer):
    with pytest.raises(ValidationError, match="on or after"):
        services.walk_issue_add(
            walk=walk,
            description="x",
            location="y",
            we_will="z",
            owner=officer,
            due_on=D(2026, 4, 1),
            by=officer,
            today=D(2026, 3, 9),
        )


def test_actions_go_to_each_attendee_the_way_they_want_and_only_once(
    walk, officer, other_officer, customer, django_capture_on_commit_callbacks
):
    _issue(walk, officer)
    letter_person = CustomerFactory(last_name="Letterman", preferred_channel=Channel.LETTER)
    services.walk_attendee_add(walk=walk, kind="customer", customer=customer)
    services.walk_attendee_add(walk=walk, kind="customer", customer=letter_person)
    services.walk_attendee_add(walk=walk, kind="officer", user=other_officer)
    services.walk_attendee_add(
        walk=walk, kind="partner", name="PC Jones", organisation="Police", email="pc@police.example"
    )
    services.walk_attendee_add(walk=walk, kind="partner", organisation="Parks team")
    with django_capture_on_commit_callbacks(execute=True):
        result = services.walk_actions_send(walk=walk, by=officer, today=D(2026, 3, 11))
    assert (result.notified, result.letters, result.partner_emails) == (2, 2, 1)
    assert Notification.objects.filter(user=customer.user, title__startswith="Actions from the walkabout").count() == 1
    # One mail-out (the mail-outs app): each customer by their channel, letters on its print batch.
    copies = {d.name: d.get_channel_display() for d in result.mailout.deliveries.all()}
    assert copies == {
        customer.full_name: "E-mail",
        letter_person.full_name: "Letter",
        "PC Jones, Police": "E-mail",
        "Parks team": "Letter",
    }
    batch = PrintBatch.objects.get(mailout=result.mailout)
    assert batch.letters.count() == 2 and batch.pdf
    assert result.mailout.kind.slug == "estate-walk-actions" and result.mailout.source_key == f"walk:{walk.pk}"
    partner_mail = [m for m in mail.outbox if m.to == ["pc@police.example"]]
    assert len(partner_mail) == 1 and "Clear it" in partner_mail[0].body
    assert len([m for m in mail.outbox if m.to == [customer.email]]) == 1  # the mail-out's e-mail, not a second
    with django_capture_on_commit_callbacks(execute=True):
        again = services.walk_actions_send(walk=walk, by=officer, today=D(2026, 3, 12))
    assert again.total == 0 and Delivery.objects.count() == 4 and not Letter.objects.exists()
    assert len([m for m in mail.outbox if m.to == ["pc@police.example"]]) == 1


def test_someone_added_after_sending_gets_their_copy_next_time(walk, officer, customer, other_customer):
    _issue(walk, officer)
    services.walk_attendee_add(walk=walk, kind="customer", customer=customer)
    services.walk_actions_send(walk=walk, by=officer)
    services.walk_attendee_add(walk=walk, kind="customer", customer=other_customer)
    assert services.walk_actions_send(walk=walk, by=officer).notified == 1


def test_nothing_is_sent_before_actions_are_agreed(walk, officer, customer):
    services.walk_attendee_add(walk=walk, kind="customer", customer=customer)
    with pytest.raises(ValidationError, match="Record the issues"):
        services.walk_actions_send(walk=walk, by=officer)
    assert WalkAttendee.objects.get().actions_sent_on is None


def test_an_attendee_is_listed_once(walk, customer):
    services.walk_attendee_add(walk=walk, kind="customer", customer=customer)
    with pytest.raises(ValidationError, match="already on the list"):
        services.walk_attendee_add(walk=walk, kind="customer", customer=customer)


def test_a_partner_email_is_sent_once_even_if_the_task_runs_twice(walk):
    attendee = services.walk_attendee_add(walk=walk, kind="partner", organisation="Council", email="c@council.example")
    assert services.walk_partner_email_send(attendee_id=attendee.pk) is True
    assert services.walk_partner_email_send(attendee_id=attendee.pk) is False
    assert len(mail.outbox) == 1


def test_staff_print_the_letters_and_mark_them_printed(officer, officer_client):
    # A name with an apostrophe, as many are: the page shows it escaped (&#x27;), so compare escaped.
    customer = CustomerFactory(first_name="Siobhan", last_name="O'Neill")
    # Walk actions now go out as mail-outs (their letters on the mail-out's print batch); this
    # list keeps the letters of meetings, expression-of-interest answers and expense decisions.
    letter = services.letter_queue(key="meeting:1", title="Minutes", body="Text", customer=customer)
    page = officer_client.get("/panels/letters/").content.decode()
    assert escape(letter.recipient) in page
    officer_client.post("/panels/letters/printed/", {"letter": [letter.pk]})
    letter.refresh_from_db()
    assert letter.printed_on is not None and letter.printed_by == officer
    assert escape(letter.recipient) not in officer_client.get("/panels/letters/").content.decode()
