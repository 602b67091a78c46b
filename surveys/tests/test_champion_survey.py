"""An estate champion sends a survey for their estate, and nothing they typed is ever lost."""

import datetime
import uuid

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from engagement.dates import date_parts_data
from engagement.factories import EstateFactory
from panels.factories import EstateChampionFactory
from surveys.factories import ChampionSurveyFactory
from surveys.models import ChampionIssue, ChampionPhoto, ChampionSurvey

from .helpers import upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def champion(customer):
    neighbour = EstateFactory(name="Alder Court")
    EstateChampionFactory(customer=customer, estates=[customer.estate, neighbour])
    return customer


def _answers(token, **overrides):
    data = {
        "form_token": str(token),
        **date_parts_data("visited_on", timezone.localdate().isoformat()),
        "grounds_rating": "poor",
        "grounds_comment": "Grass by the garages not cut.",
        "cleaning_rating": "good",
        "cleaning_comment": "",
        "repairs_rating": "okay",
        "repairs_comment": "",
        "asb_rating": "good",
        "asb_comment": "",
        "anything_else": "",
    }
    data.update(overrides)
    return data


def test_a_champion_sees_only_their_own_estates(customer_client, champion):
    EstateFactory(name="Somebody Else's Estate")
    body = customer_client.get(reverse("surveys:champion_home")).content.decode()
    assert champion.estate.name in body and "Alder Court" in body
    assert "Somebody Else&#x27;s Estate" not in body and "Somebody Else's Estate" not in body


def test_a_champion_cannot_open_the_form_for_an_estate_they_do_not_look_after(customer_client, champion):
    other = EstateFactory()
    assert customer_client.get(reverse("surveys:champion_new", args=[other.pk])).status_code == 404


def test_a_customer_who_is_not_a_champion_is_told_how_to_become_one(customer_client):
    body = customer_client.get(reverse("surveys:champion_home")).content.decode()
    assert "You are not an estate champion at the moment" in body


def test_sending_the_survey_records_it_and_raises_each_poor_rating_or_comment(customer_client, champion):
    url = reverse("surveys:champion_new", args=[champion.estate_id])
    page = customer_client.get(url)
    token = page.context["form"].initial["form_token"]
    response = customer_client.post(
        url, _answers(token, asb_comment="Graffiti on the garages.", anything_else="Notice board out of date.")
    )
    survey = ChampionSurvey.objects.get()
    assert response.status_code == 302 and response["Location"] == survey.get_absolute_url()
    assert (survey.customer, survey.estate, survey.grounds_rating) == (champion, champion.estate, "poor")
    issues = {issue.topic: (issue.rating, issue.comment) for issue in ChampionIssue.objects.all()}
    assert issues == {
        "grounds": ("poor", "Grass by the garages not cut."),
        "asb": ("good", "Graffiti on the garages."),
        "other": ("", "Notice board out of date."),
    }


def test_the_estates_officer_is_told_about_the_new_issues(customer_client, champion):
    officer = champion.estate.officer
    url = reverse("surveys:champion_new", args=[champion.estate_id])
    customer_client.post(url, _answers(uuid.uuid4()))
    note = officer.notifications.get()
    assert "1 thing to look at" in note.title and "Grass by the garages" in note.body


def test_a_double_submit_creates_one_survey(customer_client, champion):
    url = reverse("surveys:champion_new", args=[champion.estate_id])
    token = uuid.uuid4()
    first = customer_client.post(url, _answers(token))
    second = customer_client.post(url, _answers(token))
    assert ChampionSurvey.objects.count() == 1 and ChampionIssue.objects.count() == 1
    assert second.status_code == 302 and second["Location"] == first["Location"]


def test_a_validation_error_keeps_every_answer_and_the_photos_already_chosen(customer_client, champion):
    url = reverse("surveys:champion_new", args=[champion.estate_id])
    token = uuid.uuid4()
    data = _answers(token, cleaning_rating="", repairs_comment="Door closer still broken.")
    data["photos"] = [upload("bins.png")]
    response = customer_client.post(url, data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Choose good, okay or poor for communal cleaning." in body
    assert 'value="poor" checked' in body and "Door closer still broken." in body
    assert "Grass by the garages not cut." in body
    pending = ChampionPhoto.objects.get()
    assert pending.is_pending and "bins.png – already attached" in body
    assert ChampionSurvey.objects.count() == 0

    # Correcting the one answer sends the survey with the photo kept from the first attempt.
    customer_client.post(url, _answers(token, cleaning_rating="okay"))
    survey = ChampionSurvey.objects.get()
    assert list(survey.photos.all()) == [pending]


def test_a_champion_can_take_off_a_photo_already_attached(customer_client, champion):
    url = reverse("surveys:champion_new", args=[champion.estate_id])
    token = uuid.uuid4()
    customer_client.post(url, {**_answers(token, asb_rating=""), "photos": [upload("one.png"), upload("two.png")]})
    one = ChampionPhoto.objects.get(original_name="one.png")
    customer_client.post(url, {**_answers(token), "remove_photos": [str(one.pk)]})
    assert [p.original_name for p in ChampionSurvey.objects.get().photos.all()] == ["two.png"]


def test_a_file_that_is_not_a_photo_is_named_and_the_survey_waits_for_the_champion(customer_client, champion):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = reverse("surveys:champion_new", args=[champion.estate_id])
    bad = SimpleUploadedFile("notes.png", b"this is not an image", content_type="image/png")
    response = customer_client.post(url, {**_answers(uuid.uuid4()), "photos": [bad]})
    assert response.status_code == 200
    assert "notes.png is not a photo (JPEG, PNG, GIF or WebP)" in response.content.decode()
    assert ChampionSurvey.objects.count() == 0


def test_a_huge_photo_is_refused_with_a_clear_message_and_the_answers_are_kept(customer_client, champion):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from engagement.factories import png_claiming

    url = reverse("surveys:champion_new", args=[champion.estate_id])
    bomb = SimpleUploadedFile("estate.png", png_claiming(100_000, 100_000), content_type="image/png")
    response = customer_client.post(url, {**_answers(uuid.uuid4()), "photos": [bomb]})
    assert response.status_code == 200
    assert "estate.png is too large to open safely" in response.content.decode()
    assert ChampionSurvey.objects.count() == 0 and not ChampionPhoto.objects.exists()


def test_a_visit_in_the_future_is_refused_in_plain_words(customer_client, champion):
    url = reverse("surveys:champion_new", args=[champion.estate_id])
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = customer_client.post(url, _answers(uuid.uuid4(), **date_parts_data("visited_on", tomorrow)))
    assert "The date you looked must be today or in the past" in response.content.decode()


def test_after_the_session_expired_the_champion_logs_in_and_sends_what_they_typed(champion):
    browser = Client()
    url = reverse("surveys:champion_new", args=[champion.estate_id])
    token = uuid.uuid4()
    typed = _answers(token, grounds_comment="Hedges overgrown by number 12.", anything_else="Thanks for the bins.")
    typed["photos"] = [upload("hedge.png")]
    # The session has expired: this POST arrives anonymous. Nothing is saved, nothing is lost.
    response = browser.post(url, typed)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert "next=" in response["Location"] and ChampionSurvey.objects.count() == 0

    browser.post(reverse("login"), {"username": champion.user.username, "password": "correct-horse-battery"})
    page = browser.get(url)
    body = page.content.decode()
    assert "We have kept your answers" in body
    assert "Hedges overgrown by number 12." in body and "Thanks for the bins." in body
    assert 'value="poor" checked' in body
    assert "hedge.png" in body and "Please choose your photos again" in body
    assert page.context["form"].initial["form_token"] == token

    form = page.context["form"]
    resend = {name: form.initial.get(name, "") for name in typed if name != "photos"}
    browser.post(url, resend)
    survey = ChampionSurvey.objects.get()
    assert survey.form_token == token and survey.grounds_comment == "Hedges overgrown by number 12."


def test_a_champion_sees_only_their_own_submissions_and_another_customers_id_is_404(
    customer_client, champion, other_customer
):
    mine = ChampionSurveyFactory(customer=champion, estate=champion.estate)
    theirs = ChampionSurveyFactory(customer=other_customer)
    assert customer_client.get(reverse("surveys:champion_detail", args=[mine.pk])).status_code == 200
    assert customer_client.get(reverse("surveys:champion_detail", args=[theirs.pk])).status_code == 404
    home = customer_client.get(reverse("surveys:champion_home"))
    assert [s.pk for s in home.context["submissions"]] == [mine.pk]


def test_a_customer_cannot_see_another_customers_photo(customer_client, champion, other_customer, officer_client):
    from surveys.factories import ChampionPhotoFactory

    theirs = ChampionPhotoFactory(survey=ChampionSurveyFactory(customer=other_customer))
    assert customer_client.get(reverse("surveys:photo", args=[theirs.pk])).status_code == 404
    shown = officer_client.get(reverse("surveys:photo", args=[theirs.pk]))
    assert shown.status_code == 200
    # A photo of someone's estate is shown in the page but never cached, and can run nothing.
    assert shown["Content-Disposition"].startswith("inline;") and shown["Cache-Control"] == "private, no-store"
    assert shown["Content-Security-Policy"].startswith("sandbox;")
