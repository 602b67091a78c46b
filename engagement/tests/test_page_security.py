"""Headers and rules every page shares (issue #15 item 10, #14's error pages).

- Content-Security-Policy on every page: scripts and styles only from our own files, so no inline
  <script> and no style="" attribute may be in any template;
- logged-in pages are never stored by the browser or a proxy (Cache-Control: no-store);
- a session ends after 30 minutes without a request for staff, 2 hours for customers;
- a GET changes nothing: opening a notification (which marks it read) is a POST;
- 403, 404 and 500 are the portal's own pages with a plain reason and a way on.
"""

import re
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import RequestFactory
from django.urls import get_resolver, reverse

from engagement.factories import NotificationFactory
from engagement.landlord import default_landlord
from engagement.security import IDLE_KEY

pytestmark = pytest.mark.django_db

ROOT = Path(django_settings.BASE_DIR)


def _templates():
    for path in ROOT.glob("**/templates/**/*.html"):
        if ".venv" in path.parts or "pdf" in path.name or "pdf" in path.parts:
            continue  # PDF templates are read by WeasyPrint, never served as pages
        yield path


def test_every_page_has_a_content_security_policy_without_inline_script_or_style(client, officer_client):
    for response in (client.get(reverse("login")), officer_client.get(reverse("home"))):
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "style-src 'self'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy


def test_no_template_has_an_inline_script_a_style_element_or_a_style_attribute():
    offending = []
    for path in _templates():
        text = path.read_text()
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text) or "<style" in text or re.search(r'\sstyle="', text):
            offending.append(str(path.relative_to(ROOT)))
        if re.search(r"\son[a-z]+=\"", text):
            offending.append(f"{path.relative_to(ROOT)} (event handler attribute)")
    assert offending == []


def test_logged_in_pages_are_not_stored_by_the_browser_or_a_proxy(officer_client, customer_client):
    for page in (reverse("home"), reverse("notification_list"), reverse("profile")):
        assert "no-store" in officer_client.get(page)["Cache-Control"]
    assert "no-store" in customer_client.get(reverse("you_said_we_did"))["Cache-Control"]


def _age_session(logged_in_client, seconds):
    session = logged_in_client.session
    session[IDLE_KEY] = int(time.time()) - seconds
    session.save()


def test_a_staff_session_ends_after_thirty_idle_minutes(officer_client):
    assert officer_client.get(reverse("home")).status_code == 200
    _age_session(officer_client, 29 * 60)
    assert officer_client.get(reverse("home")).status_code == 200
    _age_session(officer_client, 31 * 60)
    response = officer_client.get(reverse("home"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    page = officer_client.get(response["Location"])
    assert "logged out after 30 minutes without activity" in page.text


def test_a_customer_has_two_hours_before_the_session_ends(customer_client):
    customer_client.get(reverse("home"))
    _age_session(customer_client, 90 * 60)
    assert customer_client.get(reverse("home")).status_code == 200
    _age_session(customer_client, 121 * 60)
    assert customer_client.get(reverse("home")).status_code == 302


def test_opening_a_notification_by_get_changes_nothing(officer_client, officer):
    notification = NotificationFactory(user=officer, url="/activities/")
    response = officer_client.get(reverse("notification_open", args=[notification.pk]))
    assert response.status_code == 405
    notification.refresh_from_db()
    assert notification.read_at is None


def test_opening_a_notification_is_a_post_that_marks_it_read_and_goes_to_its_page(officer_client, officer):
    notification = NotificationFactory(user=officer, url="/activities/")
    listing = officer_client.get(reverse("notification_list")).text
    assert f'<form method="post" action="{reverse("notification_open", args=[notification.pk])}"' in listing
    response = officer_client.post(reverse("notification_open", args=[notification.pk]))
    assert response.status_code == 302 and response["Location"] == "/activities/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_a_customer_on_a_staff_page_gets_the_portal_403_with_the_menu_the_reason_and_a_way_on(customer_client):
    response = customer_client.get(reverse("customer_list"))
    assert response.status_code == 403
    body = response.text
    assert 'aria-label="Main"' in body and reverse("profile") in body  # the menu
    assert "This page is not available to your role." in body  # the reason, kept
    assert f'href="{reverse("home")}"' in body and "Go to your home page" in body


def test_a_missing_page_is_the_portal_404_with_the_menu(officer_client):
    response = officer_client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.text and 'aria-label="Main"' in response.text
    assert "Go to your home page" in response.text


def test_a_server_error_is_the_portal_500_page_that_needs_no_database():
    handler = get_resolver().resolve_error_handler(500)
    response = handler(RequestFactory().get("/"))
    assert response.status_code == 500
    body = response.content.decode()
    assert default_landlord().site_name in body and "Sorry, something went wrong on our side" in body
    assert "Go to your home page" in body
