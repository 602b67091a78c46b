"""TSM perception measures are reported for rented homes (LCRA) and shared owners (LCHO) apart,
screening answers decide the bases (only "yes" counts) and leaseholders are outside the TSMs.

Every expected value is worked by hand from the rules in surveys.tsm."""

import datetime

import pytest

from engagement.factories import EstateFactory
from engagement.registry import COMPUTED_MEASURES
from surveys.models import Response
from surveys.selectors import relevant_homes, tsm_perception_by_stock, tsm_response_counts
from surveys.services import tsm_survey_create

from .helpers import respond

pytestmark = pytest.mark.django_db
START, END = datetime.date(2026, 4, 1), datetime.date(2027, 3, 31)
ON = datetime.date(2026, 9, 1)


@pytest.fixture
def survey():
    return tsm_survey_create(title="TSM 2026/27", opens_on=START, closes_on=END)[0]


@pytest.fixture
def estate():
    # The estate's record says it has communal areas: that must not decide anyone's TP10 base.
    return EstateFactory(homes_lcra=118, homes_lcho=22, homes_leasehold=10, has_communal_areas=True)


def test_a_mixed_sample_gives_two_figures_never_one(survey, estate):
    # Renters: 3 satisfied of 4. Shared owners: 1 satisfied of 2. Leaseholder: left out.
    for value in ["very_satisfied", "fairly_satisfied", "very_satisfied", "very_dissatisfied"]:
        respond(survey, estate=estate, tenure="general_needs", responded_on=ON, TP01=value)
    respond(survey, estate=estate, tenure="care_supported", responded_on=ON, TP01="neither")
    respond(survey, estate=estate, tenure="young_people", responded_on=ON, TP01="fairly_satisfied")
    respond(survey, estate=estate, tenure="shared_owner", responded_on=ON, TP01="very_satisfied")
    respond(survey, estate=estate, tenure="shared_owner", responded_on=ON, TP01="fairly_dissatisfied")
    respond(survey, estate=estate, tenure="leaseholder", responded_on=ON, TP01="very_dissatisfied")

    figures = tsm_perception_by_stock(START, END)

    # LCRA: general needs 3 of 4, care & supported 0 of 1, young people 1 of 1 → 4 of 6 = 66.7%.
    assert (figures["lcra"]["TP01"].positive, figures["lcra"]["TP01"].answered) == (4, 6)
    assert figures["lcra"]["TP01"].value == 66.7
    # LCHO: 1 of 2 = 50.0%. The leaseholder's answer is in neither.
    assert (figures["lcho"]["TP01"].positive, figures["lcho"]["TP01"].answered) == (1, 2)
    assert figures["lcho"]["TP01"].value == 50.0
    assert tsm_response_counts(START, END) == {"lcra": 6, "lcho": 2}


def test_lcho_reports_tp01_and_tp05_to_tp12_only(survey):
    figures = tsm_perception_by_stock(START, END)
    assert list(figures["lcra"]) == [f"TP{n:02d}" for n in range(1, 13)]
    assert list(figures["lcho"]) == ["TP01"] + [f"TP{n:02d}" for n in range(5, 13)]


def test_only_a_yes_to_the_communal_areas_question_puts_a_respondent_in_tp10s_base(survey, estate):
    respond(survey, estate=estate, responded_on=ON, COMMUNAL="yes", TP01="neither", TP10="very_satisfied")
    respond(survey, estate=estate, responded_on=ON, COMMUNAL="no", TP01="neither", TP10="very_satisfied")
    respond(survey, estate=estate, responded_on=ON, COMMUNAL="dont_know", TP01="neither", TP10="very_satisfied")
    respond(survey, estate=estate, responded_on=ON, TP01="neither", TP10="fairly_dissatisfied")  # blank
    # A shared owner with communal areas is asked and counts in LCHO TP10.
    respond(
        survey, estate=estate, tenure="shared_owner", responded_on=ON, COMMUNAL="yes", TP01="neither", TP10="neither"
    )

    figures = tsm_perception_by_stock(START, END)

    # LCRA TP10: only the "yes" respondent: 1 satisfied of 1. "no", "don't know" and blank are out,
    # although the estate's record says it has communal areas.
    assert (figures["lcra"]["TP10"].positive, figures["lcra"]["TP10"].answered) == (1, 1)
    # LCHO TP10: the shared owner who said yes, neither satisfied nor dissatisfied: 0 of 1.
    assert (figures["lcho"]["TP10"].positive, figures["lcho"]["TP10"].answered) == (0, 1)
    flags = list(Response.objects.order_by("pk").values_list("has_communal_areas", flat=True))
    assert flags == [True, False, None, None, True]


def test_only_a_yes_to_the_repair_and_complaint_questions_counts_for_tp02_tp03_and_tp09(survey, estate):
    respond(survey, estate=estate, responded_on=ON, REPAIR12="yes", COMPLAINT12="yes", TP01="neither",
            TP02="very_satisfied", TP03="fairly_dissatisfied", TP09="fairly_satisfied")  # fmt: skip
    respond(survey, estate=estate, responded_on=ON, REPAIR12="no", COMPLAINT12="no", TP01="neither",
            TP02="very_satisfied", TP03="very_satisfied", TP09="very_satisfied")  # fmt: skip
    respond(survey, estate=estate, responded_on=ON, TP01="neither", TP02="very_satisfied", TP09="very_satisfied")

    lcra = tsm_perception_by_stock(START, END)["lcra"]

    # Only the first respondent said yes: TP02 1 of 1, TP03 0 of 1, TP09 1 of 1.
    assert (lcra["TP02"].positive, lcra["TP02"].answered) == (1, 1)
    assert (lcra["TP03"].positive, lcra["TP03"].answered) == (0, 1)
    assert (lcra["TP09"].positive, lcra["TP09"].answered) == (1, 1)


def test_shared_owners_answers_to_renters_questions_count_nowhere(survey, estate):
    respond(survey, estate=estate, tenure="shared_owner", responded_on=ON, REPAIR12="yes", TP01="neither",
            TP02="very_satisfied", TP04="very_satisfied")  # fmt: skip
    figures = tsm_perception_by_stock(START, END)
    assert figures["lcra"]["TP02"].answered == figures["lcra"]["TP04"].answered == 0
    assert "TP02" not in figures["lcho"]


def test_an_empty_period_has_no_figures_and_no_responses(survey, estate):
    respond(survey, estate=estate, responded_on=END + datetime.timedelta(days=1), TP01="very_satisfied")
    figures = tsm_perception_by_stock(START, END)
    assert all(f.answered == 0 and f.value is None for stock in figures.values() for f in stock.values())
    assert tsm_response_counts(START, END) == {"lcra": 0, "lcho": 0}
    assert COMPUTED_MEASURES["tsm.TP01"].compute(START, END).value is None


def test_relevant_homes_are_rented_and_shared_ownership_homes_not_leasehold(estate):
    EstateFactory(homes_lcra=0, homes_lcho=0, homes_leasehold=84)
    # 118 rented and 22 shared on one estate; a leasehold block adds to neither.
    assert relevant_homes() == {"lcra": 118, "lcho": 22}


def test_the_charter_measure_is_the_rented_figure_with_the_shared_owners_beside_it(survey, estate):
    respond(survey, estate=estate, responded_on=ON, TP01="very_satisfied")
    respond(survey, estate=estate, responded_on=ON, TP01="very_dissatisfied")
    respond(survey, estate=estate, tenure="shared_owner", responded_on=ON, TP01="very_satisfied")
    tp01 = COMPUTED_MEASURES["tsm.TP01"].compute(START, END)
    # LCRA 1 of 2 = 50.0%; LCHO 1 of 1 = 100.0%, stated apart, not mixed into 2 of 3.
    assert (tp01.value, tp01.numerator, tp01.denominator) == (50.0, 1, 2)
    assert "Shared owners (LCHO), reported apart: 100.0% (1 of 1)" in tp01.detail


def test_the_tsm_survey_page_judges_the_sample_by_the_regulators_accuracy_per_stock(officer_client, survey, estate):
    respond(survey, estate=estate, responded_on=ON, TP01="very_satisfied")
    respond(survey, estate=estate, tenure="leaseholder", responded_on=ON, TP01="very_satisfied")
    body = officer_client.get(survey.get_absolute_url()).content.decode()
    # 118 rented homes need 91 for ±5% (regulator tests: 113.33 / 1.2529 = 90.5 → 91): 1 answered, 90 more.
    # 22 shared-ownership homes need 21: none answered. The leaseholder counts in neither.
    assert "The Regulator asks for ±5% for 118 homes" in body and "90 more responses would" in body
    assert "The Regulator asks for ±5% for 22 homes: no responses yet; 21 would meet it." in body
    # The 10% rule's population is the relevant homes too: 118 + 22 = 140 (leasehold left out).
    assert "(10% of 140)" in body
