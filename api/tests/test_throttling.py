"""Each token has its own rate (REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["api_token"], counted in the
shared cache): past it the API answers 429 with Retry-After, and another token is not slowed down."""

import pytest
from django.conf import settings
from django.urls import reverse

from api.throttling import TokenRateThrottle

pytestmark = pytest.mark.django_db
URL = reverse("api:complaint_figures")


def test_the_rate_is_set_in_the_settings_per_token():
    assert settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["api_token"] == "120/minute"
    assert TokenRateThrottle.scope == "api_token"


def test_a_token_past_its_rate_gets_429_and_another_token_does_not(bearer, issue, monkeypatch):
    monkeypatch.setattr(TokenRateThrottle, "rate", "2/minute", raising=False)
    _, busy = issue("figures:read", name="Busy")
    _, quiet = issue("figures:read", name="Quiet")
    statuses = [bearer(busy).get(URL).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    refused = bearer(busy).get(URL)
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "throttled" in refused.json()["detail"].lower()
    assert bearer(quiet).get(URL).status_code == 200
