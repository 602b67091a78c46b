"""One one-time form token for every app: OneTimeTokenField on the form, create_once in the service,
a unique `form_token` on the row it creates."""

import datetime
import uuid

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse

from engagement.dates import date_parts_data
from engagement.factories import OfficerFactory
from engagement.forms import OneTimeTokenField
from engagement.models import Action, Notification
from engagement.services import action_create, create_once

pytestmark = pytest.mark.django_db


class _TokenForm(forms.Form):
    form_token = OneTimeTokenField()


def test_each_rendered_form_carries_its_own_hidden_token():
    first, second = _TokenForm(), _TokenForm()
    assert uuid.UUID(first["form_token"].value())
    assert first["form_token"].value() != second["form_token"].value()
    assert 'type="hidden"' in str(first["form_token"])
    assert str(first["form_token"].value()) in str(first["form_token"])  # the same token is rendered


def test_a_form_sent_without_a_token_is_still_valid_and_simply_unguarded():
    form = _TokenForm(data={})
    assert form.is_valid() and form.cleaned_data["form_token"] is None


def test_the_same_token_creates_one_row_and_returns_it_the_second_time():
    token = uuid.uuid4()
    due = datetime.date(2026, 12, 1)
    owner = OfficerFactory()
    first = action_create(you_said="Bins", we_will="Move them", owner=owner, due_on=due, form_token=token)
    again = action_create(you_said="Bins", we_will="Move them", owner=owner, due_on=due, form_token=token)
    assert first == again and Action.objects.count() == 1
    assert Notification.objects.filter(user=owner).count() == 1  # the owner is told once


def test_a_double_submitted_new_action_form_adds_one_action(officer_client, officer):
    page = officer_client.get(reverse("action_create"))
    data = {
        "form_token": page.context["form"]["form_token"].value(),
        "you_said": "The hedges block the path",
        "we_will": "Cut them back",
        "owner": officer.pk,
        **date_parts_data("due_on", "2026-12-01"),
    }
    first = officer_client.post(reverse("action_create"), data)
    second = officer_client.post(reverse("action_create"), data)
    assert first.status_code == second.status_code == 302 and first["Location"] == second["Location"]
    assert Action.objects.count() == 1


def test_a_token_from_someone_elses_row_is_refused_never_returned():
    token = uuid.uuid4()
    mine, theirs = OfficerFactory(), OfficerFactory()
    due = datetime.date(2026, 12, 1)
    Action.objects.create(you_said="x", we_will="y", owner=theirs, due_on=due, form_token=token)

    def build():
        return Action.objects.create(you_said="z", we_will="w", owner=mine, due_on=due, form_token=token)

    # A stale or tampered page: the form shows this, never a server error.
    with pytest.raises(ValidationError, match="already been used"):
        create_once(Action, form_token=token, build=build, scope={"owner": mine})
    assert list(Action.objects.values_list("owner", flat=True)) == [theirs.pk]
