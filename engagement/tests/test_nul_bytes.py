"""A NUL byte in any search, filter or form field is refused with 400, never a 500 (issue #15 item 11).

PostgreSQL cannot store or compare NUL, so before this every list search (`?q=%00`) that reached the
database and the complaint, compliment and suggestion forms' customer search failed with
"PostgreSQL text fields cannot contain NUL (0x00) bytes"."""

import pytest
from django.urls import reverse

from engagement.dates import date_parts_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/feedback/complaints/?q=damp%00",
        "/customers/?q=%00",
        "/activities/?q=%00",
        "/feedback/complaints/?received_after=2026-01-01%00",
        "/feedback/figures/?start=%00",
        "/?next=%00",
        "/feedback/complaints/?q%00=x",
    ],
)
def test_a_nul_byte_in_a_query_string_is_a_bad_request(manager_client, url):
    assert manager_client.get(url).status_code == 400


@pytest.mark.parametrize(
    "name",
    ["feedback:complaint_create", "feedback:compliment_create", "feedback:suggestion_create"],
)
def test_a_nul_byte_in_the_customer_search_is_a_bad_request(officer_client, name):
    data = {"customer_search": "Okafor\x00", "find": "1", **date_parts_data("received_on", "2026-11-02")}
    assert officer_client.post(reverse(name), data).status_code == 400


def test_a_nul_byte_in_any_form_field_is_a_bad_request(officer_client):
    response = officer_client.post(reverse("action_create"), {"you_said": "Bins\x00", "we_will": "Empty"})
    assert response.status_code == 400


def test_ordinary_searches_and_forms_still_work(manager_client, officer_client):
    assert manager_client.get("/feedback/complaints/?q=damp").status_code == 200
    data = {"customer_search": "Okafor", "find": "1", **date_parts_data("received_on", "2026-11-02")}
    assert officer_client.post(reverse("feedback:complaint_create"), data).status_code == 200


def test_the_bad_request_page_is_branded_and_says_nothing_was_saved(officer_client):
    response = officer_client.get(reverse("home") + "?q=a%00b")
    body = response.content.decode()
    assert response.status_code == 400
    assert "could not be read" in body and "Nothing was saved" in body and 'id="main"' in body
