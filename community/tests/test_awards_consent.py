"""A nominee's name is published only once their consent is recorded (issue 17: "consent recorded
before anyone's name is published"; seed 002, "Trafford Treasures").

Until then the public winners page says "A resident of <area>" (or "A resident" with no area),
and nothing is public until the round's winners are announced.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse

from community import services
from community.factories import AwardCategoryFactory, NominationFactory
from community.models import Nomination, NominationStatus

pytestmark = pytest.mark.django_db


def _winner(**kwargs):
    nomination = NominationFactory(public_citation="Runs the Tuesday lunch club.", **kwargs)
    nomination.category.award_round.winners_announced = True
    nomination.category.award_round.save()
    Nomination.objects.filter(pk=nomination.pk).update(status=NominationStatus.WINNER)
    nomination.refresh_from_db()
    return nomination


def test_without_consent_the_winners_page_says_a_resident_of_their_area(client):
    nomination = _winner(nominee_name="Edna Clarke", nominee_area__name="Sale West")
    page = client.get(reverse("community:winners")).content.decode()
    assert "A resident of Sale West" in page and "Runs the Tuesday lunch club." in page
    assert "Edna" not in page and "Clarke" not in page
    assert nomination.nominator_name not in page


def test_with_no_area_it_says_a_resident():
    assert _winner(nominee_area=None).public_name == "A resident"


def test_once_consent_is_recorded_the_name_is_published(client, officer):
    nomination = _winner(nominee_name="Edna Clarke")
    services.nomination_consent_record(nomination=nomination, how="Signed consent form, 3 May 2026", by=officer)
    page = client.get(reverse("community:winners")).content.decode()
    assert "Edna Clarke" in page
    nomination.refresh_from_db()
    assert nomination.consent_recorded_by == officer and nomination.consent_recorded_at


def test_consent_is_refused_without_saying_how_it_was_given(officer):
    nomination = NominationFactory()
    with pytest.raises(ValidationError):
        services.nomination_consent_record(nomination=nomination, how=" ", by=officer)
    with pytest.raises(IntegrityError):
        Nomination.objects.filter(pk=nomination.pk).update(
            consent_recorded_at=datetime.datetime(2026, 5, 3, tzinfo=datetime.UTC)
        )


def test_nothing_is_public_until_the_winners_are_announced(client):
    nomination = _winner()
    nomination.category.award_round.winners_announced = False
    nomination.category.award_round.save()
    assert services.winners_of(nomination.category.award_round) == []
    assert "Runs the Tuesday lunch club." not in client.get(reverse("community:winners")).content.decode()


def test_a_shortlisted_nominee_is_not_on_the_winners_page(client):
    nomination = _winner()
    Nomination.objects.filter(pk=nomination.pk).update(status=NominationStatus.SHORTLISTED)
    assert "Runs the Tuesday lunch club." not in client.get(reverse("community:winners")).content.decode()


def test_a_winner_needs_its_public_wording_first(officer):
    nomination = NominationFactory(public_citation="")
    with pytest.raises(ValidationError):
        services.nomination_set_status(nomination=nomination, status=NominationStatus.WINNER, by=officer)


def test_the_public_form_refuses_a_round_that_is_closed():
    category = AwardCategoryFactory(
        award_round__opens_on=datetime.date(2026, 1, 1), award_round__closes_on=datetime.date(2026, 2, 1)
    )
    with pytest.raises(ValidationError, match="closed"):
        services.nomination_submit(
            category=category,
            nominee_name="A",
            reason="B",
            nominator_name="C",
            nominator_contact="D",
            today=datetime.date(2026, 3, 1),
        )
