"""The manager sees every TSM for a reporting year or quarter, LCRA and LCHO side by side, each with
its numerator, base and margin of error, and TP01 against the Regulator's accuracy band.

Hand-worked: one estate of 118 rented and 22 shared-ownership homes. In Q2 2026/27 (July–September
2026): two renters answer TP01 (one very satisfied, one fairly dissatisfied) and one shared owner
(fairly satisfied); a renter's stage 1 complaint is received on 1 September.
  LCRA TP01: 1 of 2 = 50.0%, ±1.96 × √(0.25/2) × √(116/117) = ±69.0%;
  LCHO TP01: 1 of 1 = 100.0%, ±1.96 × √(0.25/1) × √(21/21) = ±98.0%.
  CH01 LCRA stage 1: 1 / 118 × 1,000 = 8.47; LCHO: 0 / 22 = 0.00.
  TP01 at ±5%: 118 homes need 0.9604 × 118 / (0.0025 × 117 + 0.9604) = 113.33 / 1.2529 = 90.5 → 91,
  so 89 more; 22 homes need 21 (see surveys' test_regulator_accuracy), so 20 more.
"""

import datetime

import pytest
from django.urls import reverse

from engagement.factories import CustomerFactory, EstateFactory
from feedback.factories import ComplaintFactory
from regulator.selectors import tsm_report
from regulator.views import reporting_period
from surveys.services import tsm_survey_create
from surveys.tests.helpers import respond

pytestmark = pytest.mark.django_db
D = datetime.date
Q2 = (D(2026, 7, 1), D(2026, 9, 30))


@pytest.fixture
def period():
    estate = EstateFactory(homes_lcra=118, homes_lcho=22)
    survey, _ = tsm_survey_create(title="TSM 2026/27", opens_on=D(2026, 4, 1), closes_on=D(2027, 3, 31))
    respond(survey, estate=estate, responded_on=D(2026, 8, 3), TP01="very_satisfied")
    respond(survey, estate=estate, responded_on=D(2026, 8, 4), TP01="fairly_dissatisfied")
    respond(survey, estate=estate, tenure="shared_owner", responded_on=D(2026, 8, 5), TP01="fairly_satisfied")
    ComplaintFactory(customer=CustomerFactory(estate=estate), received_on=D(2026, 9, 1))
    return estate


def test_a_reporting_year_runs_from_april_to_march_and_a_quarter_is_a_financial_quarter():
    assert reporting_period(year=2026, quarter=None)[:2] == (D(2026, 4, 1), D(2027, 3, 31))
    assert reporting_period(year=2026, quarter=2)[:2] == Q2
    assert reporting_period(year=2026, quarter=4)[:2] == (D(2027, 1, 1), D(2027, 3, 31))


def test_every_tsm_for_lcra_and_lcho_with_numerator_base_and_margin(period):
    report = tsm_report(start=Q2[0], end=Q2[1])
    tp01 = report.perception[0]["cells"]
    assert (tp01["lcra"].figure.positive, tp01["lcra"].figure.answered, tp01["lcra"].margin_points) == (1, 2, 69.0)
    assert (tp01["lcho"].figure.positive, tp01["lcho"].figure.answered, tp01["lcho"].margin_points) == (1, 1, 98.0)
    assert report.perception[1]["cells"]["lcho"] is None  # no TP02 for shared owners
    ch01_stage1 = report.complaints[0]
    assert ch01_stage1["cells"]["lcra"].per_1000_homes == 8.47
    assert ch01_stage1["cells"]["lcho"].per_1000_homes == 0.0
    assert (report.accuracy["lcra"].more_needed, report.accuracy["lcho"].more_needed) == (89, 20)


def test_the_manager_sees_the_quarter_side_by_side(manager_client, period):
    response = manager_client.get(reverse("regulator:tsm_overview"), {"year": "2026", "quarter": "2"})
    body = response.content.decode()
    assert "Q2 2026/27" in body
    assert "<strong>50.0%</strong> (1 of 2, ±69.0%)" in body
    assert "<strong>100.0%</strong> (1 of 1, ±98.0%)" in body
    assert "<strong>8.47</strong> (1 received)" in body
    assert "89 more responses would" in body


def test_an_empty_year_shows_no_figures(manager_client, period):
    response = manager_client.get(reverse("regulator:tsm_overview"), {"year": "2025"})
    body = response.content.decode()
    assert "2025/26" in body and "no answers" in body and "no responses" in body


def test_the_page_takes_the_same_number_of_queries_whatever_the_data(
    manager_client, period, django_assert_max_num_queries
):
    url = reverse("regulator:tsm_overview")
    with django_assert_max_num_queries(20) as small:
        manager_client.get(url, {"year": "2026"})
    survey = period.survey_responses.first().survey
    for n in range(10):
        respond(survey, estate=period, responded_on=D(2026, 10, 1 + n), TP01="very_satisfied", TP10="neither")
        ComplaintFactory(customer=CustomerFactory(estate=period), received_on=D(2026, 10, 1 + n))
    with django_assert_max_num_queries(len(small.captured_queries)):
        manager_client.get(url, {"year": "2026"})
