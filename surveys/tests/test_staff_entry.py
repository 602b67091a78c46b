"""Staff enter responses taken by phone, door knock or paper, recording who assisted."""

import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from engagement.dates import date_parts_data
from engagement.factories import CustomerFactory, EstateFactory
from surveys.factories import QuestionFactory, SurveyFactory
from surveys.models import Response, Survey
from surveys.selectors import survey_population

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey():
    survey = SurveyFactory()
    QuestionFactory(survey=survey, position=1, code="Q1", required=True)
    return survey


def _post(client, survey, **data):
    q1 = survey.questions.get()
    payload = {
        "form_token": str(uuid.uuid4()),
        **date_parts_data("responded_on", timezone.localdate().isoformat()),
        "channel": "door_knock",
        f"q_{q1.pk}": "fairly_satisfied",
        **data,
    }
    return client.post(reverse("surveys:response_create", args=[survey.pk]), payload), payload


def test_a_door_knock_response_is_saved_with_who_assisted(officer_client, officer, survey):
    customer = CustomerFactory(reference="T0420001")
    response, _ = _post(officer_client, survey, reference="t0420001", assisted_by="Interpreter (Somali)")
    saved = Response.objects.get()
    assert response.status_code == 302
    assert (saved.customer, saved.estate, saved.tenure) == (customer, customer.estate, customer.tenure)
    assert (saved.channel, saved.assisted_by, saved.entered_by) == ("door_knock", "Interpreter (Somali)", officer)


def test_an_anonymous_paper_return_needs_an_estate_and_tenure(officer_client, survey):
    response, _ = _post(officer_client, survey, channel="paper")
    body = response.content.decode()
    assert "Choose the estate or scheme" in body and 'fairly_satisfied" checked' in body
    estate = EstateFactory()
    _post(officer_client, survey, channel="paper", estate=estate.pk, tenure="care_supported")
    assert Response.objects.get().customer is None


def test_a_double_submitted_entry_form_saves_one_response(officer_client, survey):
    first, payload = _post(officer_client, survey, estate=EstateFactory().pk, tenure="general_needs")
    second = officer_client.post(reverse("surveys:response_create", args=[survey.pk]), payload)
    assert Response.objects.count() == 1 and second["Location"] == first["Location"]


def test_a_customer_who_already_answered_is_told_so(officer_client, survey):
    CustomerFactory(reference="T1")
    _post(officer_client, survey, reference="T1")
    response, _ = _post(officer_client, survey, reference="T1")
    assert "already answered this survey" in response.content.decode() and Response.objects.count() == 1


def test_population_comes_from_homes_or_customers_in_the_audience_and_can_be_overridden():
    a, b = EstateFactory(homes_lcra=300), EstateFactory(homes_lcra=150)
    EstateFactory(homes_lcra=999)
    CustomerFactory.create_batch(3, estate=a, tenure="general_needs")
    CustomerFactory(estate=a, tenure="leaseholder")
    survey = SurveyFactory()
    survey.estates.set([a, b])
    assert survey_population(survey) == 450
    survey.population_basis, survey.tenures = "customers", ["general_needs"]
    assert survey_population(survey) == 3
    survey.population_override = 2950
    assert survey_population(survey) == 2950


def test_the_survey_page_says_how_accurate_the_results_are(officer_client):
    survey = SurveyFactory(population_override=2950)
    estate = EstateFactory()
    Response.objects.bulk_create(
        Response(survey=survey, estate=estate, tenure="general_needs", channel="phone") for _ in range(312)
    )
    body = officer_client.get(reverse("surveys:survey_detail", args=[survey.pk])).content.decode()
    assert "With 312 responses from 2,950 customers, results are accurate to within ±5.2 percentage points" in body
    assert "You have 312: the rule is met." in body


def test_staff_create_a_survey_for_some_tenures_counted_by_customers(officer_client):
    estate = EstateFactory()
    response = officer_client.post(
        reverse("surveys:survey_create"),
        {
            "title": "Leaseholder service charge survey",
            "purpose": "To hear what leaseholders think of service charges.",
            "estates": [estate.pk],
            "tenures": ["leaseholder"],
            "population_basis": "homes",
            **date_parts_data("opens_on", "2026-11-01"),
            **date_parts_data("closes_on", "2026-12-01"),
        },
    )
    assert "Homes cannot be split by tenure" in response.content.decode()
    assert not Survey.objects.exists()


def test_staff_create_the_tsm_survey_from_the_template(officer_client):
    officer_client.post(
        reverse("surveys:tsm_create"),
        {
            "title": "TSM perception survey 2026/27",
            **date_parts_data("opens_on", "2026-04-01"),
            **date_parts_data("closes_on", "2027-03-31"),
        },
    )
    survey = Survey.objects.get()
    assert survey.kind == "tsm" and survey.questions.filter(code__startswith="TP").count() == 12
