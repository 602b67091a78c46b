"""A call needs `Authorization: Bearer <token>` with a token that is known, not revoked and not
expired: otherwise 401 in DRF's JSON form ({"detail": ...}) with a WWW-Authenticate header.
A browser session is not accepted by the data endpoints."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from api.models import ApiClient
from api.services import api_client_revoke, token_digest

pytestmark = pytest.mark.django_db
URL = reverse("api:complaint_figures")


def test_a_call_without_a_token_is_refused_with_401_and_says_how_to_authenticate(client):
    response = client.get(URL)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert response.json() == {"detail": "Authentication credentials were not provided."}


def test_an_unknown_token_is_refused(bearer, issue):
    issue("figures:read")
    response = bearer("tep_not-a-real-token").get(URL)
    assert response.status_code == 401
    assert response.json() == {"detail": "Invalid token."}


def test_a_header_that_is_not_bearer_and_token_is_refused(client, issue):
    _, token = issue("figures:read")
    response = client.get(URL, headers={"Authorization": f"Bearer {token} extra"})
    assert response.status_code == 401


def test_a_revoked_token_is_refused_at_once(bearer, issue, administrator):
    api_client, token = issue("figures:read")
    assert bearer(token).get(URL).status_code == 200
    api_client_revoke(client=api_client, by=administrator)
    response = bearer(token).get(URL)
    assert response.status_code == 401
    assert response.json() == {"detail": "This token has been revoked."}


def test_an_expired_token_is_refused(bearer, issue):
    _, token = issue("figures:read", expires_at=timezone.now() - datetime.timedelta(minutes=1))
    response = bearer(token).get(URL)
    assert response.status_code == 401
    assert response.json() == {"detail": "This token has expired."}


def test_a_token_not_yet_expired_is_accepted_and_its_last_use_recorded(bearer, issue):
    api_client, token = issue("figures:read", expires_at=timezone.now() + datetime.timedelta(days=30))
    assert api_client.last_used_at is None
    assert bearer(token).get(URL).status_code == 200
    api_client.refresh_from_db()
    assert api_client.last_used_at is not None


def test_a_logged_in_managers_session_does_not_open_the_data_endpoints(manager_client):
    assert manager_client.get(URL).status_code == 401


def test_only_a_hash_of_the_token_is_stored(issue):
    api_client, token = issue("figures:read")
    stored = ApiClient.objects.filter(pk=api_client.pk).values().get()
    assert token not in [str(value) for value in stored.values()]
    assert stored["token_hash"] == token_digest(token)
    assert token.startswith(stored["token_prefix"]) and len(stored["token_prefix"]) == 10
