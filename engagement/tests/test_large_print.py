"""Large print: one switch at the top of every page that scales all text, remembered on the person's
profile, and on from the start for a customer whose communication preference is large print."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db
STATIC = Path(settings.BASE_DIR) / "static"


def _large(response) -> bool:
    return bool(re.search(r'<html lang="en-GB" class="large-print">', response.content.decode()))


def test_the_switch_is_a_form_at_the_top_of_every_page_before_the_menu(client, officer):
    for body in (
        client.get(reverse("login")).content.decode(),
        Client().get(reverse("password_reset")).content.decode(),
    ):
        header = body[body.index("<header>") : body.index("</header>")]
        assert header.index('action="/text-size/"') < header.index('class="navbar')
        assert "Large print: off (switch on)" in header


def test_an_officer_switches_it_on_and_it_is_remembered_on_their_next_log_in(client, officer):
    client.force_login(officer)
    response = client.post(reverse("text_size"), {"next": reverse("profile")})
    assert response["Location"] == reverse("profile")
    officer.refresh_from_db()
    assert officer.large_print is True
    another_device = Client()
    another_device.force_login(officer)
    page = another_device.get(reverse("home"))
    assert _large(page) and "Large print: on (switch off)" in page.content.decode()
    client.post(reverse("text_size"), {"next": "/"})
    assert not _large(another_device.get(reverse("home")))


def test_a_customer_who_asked_for_large_print_gets_it_without_asking_again(customer_client, customer):
    assert not _large(customer_client.get(reverse("home")))
    customer.large_print = True
    customer.save()
    assert _large(customer_client.get(reverse("home")))
    # Their choice on the portal wins over the letter preference, and is remembered.
    customer_client.post(reverse("text_size"), {"next": "/"})
    customer.user.refresh_from_db()
    assert customer.user.large_print is False and not _large(customer_client.get(reverse("home")))


def test_before_logging_in_it_lasts_for_the_visit(client):
    client.post(reverse("text_size"), {"next": reverse("login")})
    assert _large(client.get(reverse("login")))
    assert not _large(Client().get(reverse("login")))


def test_the_text_size_switch_never_redirects_off_site(client):
    response = client.post(reverse("text_size"), {"next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_all_text_scales_because_the_mode_sets_the_root_size_and_no_text_is_sized_in_pixels():
    css = (STATIC / "css" / "portal.css").read_text()
    rule = re.search(r"html\.large-print\s*\{\s*font-size:\s*([\d.]+)%", css)
    # 17 px body text (1.0625rem) becomes 22 px: headings, questions, the site name and tables with it.
    assert rule and round(16 * float(rule[1]) / 100 * 1.0625) == 22
    sheets = [STATIC / "css" / "portal.css", *Path(settings.BASE_DIR).glob("*/static/*/*.css")]
    for sheet in sheets:
        assert not re.search(r"font-size\s*:\s*[\d.]+px", sheet.read_text()), sheet
