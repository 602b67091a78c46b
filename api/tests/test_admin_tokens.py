"""The administrator issues a token in the Django admin: it is shown once, on the page after Save, and
only its hash is kept; it can be revoked (never deleted, so its calls stay logged against it).
Managers and officers have no admin: they cannot issue tokens."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from api.models import ApiClient
from api.services import token_digest

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(administrator):
    client = Client()
    client.force_login(administrator)
    return client


def test_the_administrator_creates_a_token_and_sees_it_once(admin_client, administrator, bearer):
    response = admin_client.post(
        reverse("admin:api_apiclient_add"),
        {"name": "Power BI", "scope_list": ["figures:read", "actions:read"], "customer": "", "expires_at": ""},
    )
    assert response.status_code == 200
    token = re.search(r'value="(tep_[^"]+)"', response.content.decode())[1]
    created = ApiClient.objects.get()
    assert created.token_hash == token_digest(token)
    assert created.scopes == "figures:read actions:read"
    assert created.created_by == administrator
    assert bearer(token).get(reverse("api:complaint_figures")).status_code == 200
    change_page = admin_client.get(reverse("admin:api_apiclient_change", args=[created.pk])).content.decode()
    listing = admin_client.get(reverse("admin:api_apiclient_changelist")).content.decode()
    assert token not in change_page and token not in listing
    assert created.token_prefix in listing


def test_the_admin_form_refuses_a_customer_token_with_personal_read(admin_client, customer):
    response = admin_client.post(
        reverse("admin:api_apiclient_add"),
        {"name": "Customer app", "scope_list": ["customer:self", "personal:read"], "customer": customer.pk},
    )
    assert response.status_code == 200
    assert "cannot also read personal:read" in response.content.decode()
    assert not ApiClient.objects.exists()


def test_the_administrator_revokes_a_token_and_cannot_delete_it(admin_client, issue, bearer):
    api_client, token = issue("figures:read")
    admin_client.post(
        reverse("admin:api_apiclient_changelist"), {"action": "revoke", "_selected_action": [api_client.pk]}
    )
    api_client.refresh_from_db()
    assert api_client.status == "revoked"
    assert bearer(token).get(reverse("api:complaint_figures")).status_code == 401
    assert admin_client.get(reverse("admin:api_apiclient_delete", args=[api_client.pk])).status_code == 403


def test_a_manager_cannot_open_the_token_admin(manager_client):
    response = manager_client.get(reverse("admin:api_apiclient_add"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
