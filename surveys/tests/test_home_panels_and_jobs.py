"""Home-page panels for champions and staff, and the daily clean-up of abandoned photo uploads."""

import datetime
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from panels.factories import EstateChampionFactory
from surveys.factories import ChampionIssueFactory, ChampionPhotoFactory
from surveys.models import ChampionPhoto
from surveys.tasks import purge_pending_champion_photos

pytestmark = pytest.mark.django_db


def test_a_champion_is_offered_the_survey_on_their_home_page(customer_client, customer):
    EstateChampionFactory(customer=customer, estates=[customer.estate])
    body = customer_client.get(reverse("home")).content.decode()
    assert "Start an estate survey" in body and customer.estate.name in body


def test_staff_see_how_many_champion_issues_wait_for_triage(officer_client):
    ChampionIssueFactory()
    body = officer_client.get(reverse("home")).content.decode()
    assert "waiting to be triaged" in body


def test_the_daily_job_removes_only_old_photos_from_forms_never_sent():
    sent = ChampionPhotoFactory()
    old = ChampionPhotoFactory(survey=None, customer=sent.customer, form_token=uuid.uuid4())
    ChampionPhoto.objects.filter(pk=old.pk).update(uploaded_at=timezone.now() - datetime.timedelta(days=3))
    fresh = ChampionPhotoFactory(survey=None, customer=sent.customer, form_token=uuid.uuid4())
    assert purge_pending_champion_photos.delay().get() == 1
    assert set(ChampionPhoto.objects.values_list("pk", flat=True)) == {sent.pk, fresh.pk}
    assert purge_pending_champion_photos.delay().get() == 0
