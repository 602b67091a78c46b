"""Uploads are limited per person and day, not per form (issue #15 item 4).

Rule (engagement.uploads.UploadQuotaMiddleware): every file a logged-in person sends counts
against UPLOAD_DAILY_FILES and UPLOAD_DAILY_MB for the day, whatever form and whatever one-time
form token it comes with, and whether or not the file is then accepted. Over the allowance the
request is refused (429) before any file is opened, with a page that says why and how to go on.
Worked case: allowance 6 files; a champion sends 3 photos with each of three fresh form tokens:
3 + 3 = 6 are stashed, the third request (6 + 3 = 9 > 6) is refused and stores nothing.
"""

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from engagement.factories import png_claiming
from panels.factories import EstateChampionFactory
from surveys.models import ChampionPhoto

from .helpers import upload
from .test_champion_survey import _answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def champion(customer):
    EstateChampionFactory(customer=customer, estates=[customer.estate])
    return customer


def _send(client, champion, photos, **answers):
    url = reverse("surveys:champion_new", args=[champion.estate_id])
    return client.post(url, {**_answers(uuid.uuid4(), asb_rating="", **answers), "photos": photos})


def test_new_form_tokens_do_not_reset_the_daily_photo_allowance(customer_client, champion, settings):
    settings.UPLOAD_DAILY_FILES = 6
    for _ in range(2):
        assert _send(customer_client, champion, [upload(f"p{n}.png") for n in range(3)]).status_code == 200
    assert ChampionPhoto.objects.count() == 6
    refused = _send(customer_client, champion, [upload(f"q{n}.png") for n in range(3)])
    assert refused.status_code == 429
    assert "You have uploaded 6 files today" in refused.text and "Go back to the form" in refused.text
    assert ChampionPhoto.objects.count() == 6


def test_rejected_files_count_too_so_bombs_cannot_be_sent_without_end(customer_client, champion, settings):
    settings.UPLOAD_DAILY_FILES = 4
    bombs = [SimpleUploadedFile(f"b{n}.png", png_claiming(20_000, 20_000), content_type="image/png") for n in range(4)]
    response = _send(customer_client, champion, bombs)
    assert response.status_code == 200 and "too large to open safely" in response.text
    assert _send(customer_client, champion, [upload("fine.png")]).status_code == 429


def test_the_allowance_counts_bytes_as_well(customer_client, champion, settings):
    settings.UPLOAD_DAILY_MB = 1
    big = SimpleUploadedFile("big.png", b"\0" * (700 * 1024), content_type="image/png")
    assert _send(customer_client, champion, [big]).status_code == 200
    again = SimpleUploadedFile("big2.png", b"\0" * (700 * 1024), content_type="image/png")
    response = _send(customer_client, champion, [again])
    assert response.status_code == 429 and "1 MB of files today" in response.text


def test_the_allowance_is_per_person(customer_client, champion, other_customer, settings):
    from django.test import Client

    settings.UPLOAD_DAILY_FILES = 2
    EstateChampionFactory(customer=other_customer, estates=[other_customer.estate])
    _send(customer_client, champion, [upload("a.png"), upload("b.png")])
    assert _send(customer_client, champion, [upload("c.png")]).status_code == 429
    other = Client()
    other.force_login(other_customer.user)
    assert _send(other, other_customer, [upload("c.png")]).status_code == 200
