"""The OpenAPI schema is generated without a single drf-spectacular warning (the command's
--fail-on-warn) and is a valid OpenAPI 3 document for openapi-spec-validator, so CI checks it on
every run. It documents the bearer token, every endpoint and the scope each needs."""

import pytest
import yaml
from django.core.management import call_command
from django.urls import reverse
from openapi_spec_validator import validate


@pytest.fixture(scope="module")
def schema(tmp_path_factory, django_db_blocker):
    path = tmp_path_factory.mktemp("schema") / "openapi.yaml"
    with django_db_blocker.unblock():
        call_command("spectacular", "--fail-on-warn", "--file", str(path))
    return yaml.safe_load(path.read_text())


def test_the_schema_is_valid_openapi(schema):
    validate(schema)
    assert schema["openapi"].startswith("3.")


def test_the_schema_documents_every_endpoint_and_the_bearer_token(schema):
    assert set(schema["paths"]) == {
        "/api/v1/activities/",
        "/api/v1/actions/",
        "/api/v1/complaints/",
        "/api/v1/figures/complaints/",
        "/api/v1/figures/tsm/",
        "/api/v1/figures/charter/",
    }
    assert schema["components"]["securitySchemes"]["bearerToken"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "A token the administrator created for your system.",
    }
    activities = schema["paths"]["/api/v1/activities/"]["get"]
    assert "activities:read" in activities["description"]
    assert {p["name"] for p in activities["parameters"]} >= {"start", "end", "estate", "page", "page_size"}


def test_the_personal_fields_are_marked_in_the_schema(schema):
    complaint = schema["components"]["schemas"]["Complaint"]["properties"]
    assert "personal:read" in complaint["customer_name"]["description"]


@pytest.mark.django_db
def test_the_schema_is_served_to_a_token_and_to_a_manager(bearer, issue, manager_client):
    _, token = issue("figures:read")
    assert bearer(token).get(reverse("api:schema")).status_code == 200
    assert manager_client.get(reverse("api:schema")).status_code == 200
