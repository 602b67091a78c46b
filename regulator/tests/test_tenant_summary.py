"""A plain-English summary of the TSMs the landlord can publish to tenants, as a page and a PDF.

Hand-worked: 118 rented homes; 3 renters answer TP01 (two satisfied, one not) in 2026/27:
2 of 3 = 66.7%, "67 in every 100"."""

import datetime

import pytest
from django.urls import reverse

from engagement.factories import EstateFactory
from surveys.services import tsm_survey_create
from surveys.tests.helpers import respond

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def year():
    estate = EstateFactory(homes_lcra=118, homes_lcho=22)
    survey, _ = tsm_survey_create(title="TSM 2026/27", opens_on=D(2026, 4, 1), closes_on=D(2027, 3, 31))
    for value in ["very_satisfied", "fairly_satisfied", "very_dissatisfied"]:
        respond(survey, estate=estate, responded_on=D(2026, 8, 3), TP01=value)
    return 2026


def test_the_summary_says_each_result_in_plain_words(manager_client, year):
    body = manager_client.get(reverse("regulator:tenant_summary", args=[year])).content.decode()
    assert "How we did in 2026/27" in body
    assert "Overall satisfaction (TP01)</th><td>67 in every 100 (66.7%)" in body
    assert "Shared owners" in body and "Not available yet" in body


def test_the_summary_downloads_as_a_pdf(manager_client, year):
    response = manager_client.get(reverse("regulator:tenant_summary_pdf", args=[year]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"] == 'attachment; filename="tsm-summary-2026-27.pdf"'
