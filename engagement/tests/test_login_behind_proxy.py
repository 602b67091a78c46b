"""django-axes behind the TLS proxy, and a password reset that lifts a lockout.

Rule (issue #15 item 6): the client address comes from X-Forwarded-For only when the request came
from a trusted proxy (settings.TRUSTED_PROXIES), taking the first address from the right that is not
a trusted proxy; from anyone else the header is ignored. Lockouts are per (username, address), so
failures from one visitor behind the proxy must not lock the same account for another visitor.
"""

import re

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse

from engagement.security import client_ip

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.5"


def _request(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def _fail_login(client, username, forwarded, remote=PROXY):
    return client.post(
        reverse("login"),
        {"username": username, "password": "wrong"},
        REMOTE_ADDR=remote,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def test_the_forwarded_address_is_believed_only_from_a_trusted_proxy(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    assert client_ip(_request(PROXY, "203.0.113.7")) == "203.0.113.7"
    # A visitor sending their own header straight to us is judged by their real address.
    assert client_ip(_request("198.51.100.9", "203.0.113.7")) == "198.51.100.9"


def test_an_address_the_visitor_prepends_is_ignored_the_one_our_proxy_appended_counts(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    # The visitor sent "X-Forwarded-For: 1.2.3.4"; our proxy appended the address it saw.
    assert client_ip(_request(PROXY, "1.2.3.4, 203.0.113.7")) == "203.0.113.7"
    # Two trusted proxies in a row are skipped.
    assert client_ip(_request(PROXY, "1.2.3.4, 203.0.113.7, 10.0.0.9")) == "203.0.113.7"
    assert client_ip(_request(PROXY, "not-an-address")) == PROXY


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert client_ip(_request(PROXY, "203.0.113.7")) == PROXY


def test_behind_the_proxy_one_visitors_failures_do_not_lock_out_another(client, officer, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    for _ in range(5):
        _fail_login(client, "officer", "203.0.113.66")  # someone guessing the officer's password
    assert AccessAttempt.objects.get(username="officer").ip_address == "203.0.113.66"
    locked = client.post(
        reverse("login"),
        {"username": "officer", "password": "correct-horse-battery"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="203.0.113.66",
    )
    assert locked.status_code == 429
    response = client.post(
        reverse("login"),
        {"username": "officer", "password": "correct-horse-battery"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="198.51.100.20",  # the officer, from their own connection
    )
    assert response.status_code == 302 and response["Location"] == reverse("home")


def test_a_made_up_forwarded_header_does_not_escape_a_lockout(client, officer, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    for number in range(5):
        _fail_login(client, "officer", f"192.0.2.{number}", remote="198.51.100.9")  # not via our proxy
    response = _fail_login(client, "officer", "192.0.2.200", remote="198.51.100.9")
    assert response.status_code == 429


def test_setting_a_new_password_from_the_reset_link_lifts_the_lockout(client, officer):
    for _ in range(5):
        client.post(reverse("login"), {"username": "officer", "password": "wrong"})
    assert client.post(reverse("login"), {"username": "officer", "password": "x"}).status_code == 429
    assert "unlocks your account" in client.post(reverse("login"), {"username": "officer", "password": "x"}).text

    client.post(reverse("password_reset"), {"email": officer.email})
    link = re.search(r"https?://[^/]+(/accounts/reset/\S+)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "brand-new-passphrase-77", "new_password2": "brand-new-passphrase-77"},
    )

    response = client.post(reverse("login"), {"username": "officer", "password": "brand-new-passphrase-77"})
    assert response.status_code == 302 and response["Location"] == reverse("home")
