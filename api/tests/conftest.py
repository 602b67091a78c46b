"""Fixtures for the API tests: a token with the scopes a test names, and a client that sends it."""

import pytest
from django.test import Client

from engagement.factories import AdminUserFactory


@pytest.fixture
def administrator(db):
    return AdminUserFactory(username="it.admin")


@pytest.fixture
def issue(administrator):
    """issue("figures:read", customer=None, expires_at=None) -> (ApiClient, token)."""
    from api.services import api_client_create

    def make(*scopes, customer=None, expires_at=None, name="BI tool"):
        return api_client_create(
            name=name, scopes=list(scopes), customer=customer, expires_at=expires_at, by=administrator
        )

    return make


@pytest.fixture
def bearer():
    """bearer(token) -> a test client that sends `Authorization: Bearer <token>` on every call."""

    def make(token):
        return Client(headers={"Authorization": f"Bearer {token}"})

    return make
