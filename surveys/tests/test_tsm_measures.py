"""TP01–TP12: satisfied over those who answered, each with its own denominator rule."""

import datetime

import pytest

from engagement.factories import CustomerFactory, EstateFactory
from engagement.registry import COMPUTED_MEASURES
from surveys import tsm
from surveys.models import Eligibility, SurveyKind
from surveys.selectors import tsm_perception_by_stock
from surveys.services import tsm_survey_create

from .helpers import respond

pytestmark = pytest.mark.django_db
START, END = datetime.date(2026, 4, 1), datetime.date(2027, 3, 31)
IN_PERIOD = datetime.date(2026, 6, 1)


@pytest.fixture
def tsm_survey():
    survey, _ = tsm_survey_create(title="TSM 2026/27", opens_on=START, closes_on=END)
    return survey


def test_the_template_has_the_screening_questions_then_tp01_to_tp12_with_their_rules(tsm_survey):
    questions = list(tsm_survey.questions.all())
    assert [q.code for q in questions] == ["REPAIR12", "COMPLAINT12", "COMMUNAL"] + [f"TP{n:02d}" for n in range(1, 13)]
    rules = {q.code: q.eligibility for q in questions}
    assert rules["TP02"] == rules["TP03"] == Eligibility.HAD_REPAIR
    assert rules["TP09"] == Eligibility.COMPLAINED
    assert rules["TP10"] == Eligibility.COMMUNAL_AREAS
    assert rules["TP01"] == rules["TP05"] == Eligibility.EVERYONE
    assert not next(q for q in questions if q.code == "TP01").allow_dont_know
    assert next(q for q in questions if q.code == "TP08").scale == "agreement"
    assert tsm_survey.kind == SurveyKind.TSM


def test_creating_the_template_twice_with_the_same_title_adds_nothing(tsm_survey):
    again, created = tsm_survey_create(title="TSM 2026/27", opens_on=START, closes_on=END)
    assert not created and again == tsm_survey and again.questions.count() == 15


def test_tp_measures_on_hand_worked_responses(tsm_survey):
    communal = EstateFactory(has_communal_areas=True)
    no_communal = EstateFactory(has_communal_areas=False)
    # 1: had a repair, did not complain, has communal areas.
    respond(
        tsm_survey,
        estate=communal,
        responded_on=IN_PERIOD,
        REPAIR12="yes",
        COMPLAINT12="no",
        COMMUNAL="yes",
        TP01="very_satisfied",
        TP02="fairly_satisfied",
        TP09="very_dissatisfied",
        TP10="neither",
    )
    # 2: no repair, so their repairs answer does not count; "don't know" on TP04 is left out.
    respond(
        tsm_survey,
        estate=no_communal,
        responded_on=IN_PERIOD,
        REPAIR12="no",
        COMPLAINT12="no",
        TP01="fairly_dissatisfied",
        TP02="very_satisfied",
        TP04="dont_know",
        TP10="very_satisfied",
    )
    # 3: a shared owner who complained: counts for TP09, not for renters-only TP04.
    respond(
        tsm_survey,
        estate=communal,
        tenure="shared_owner",
        responded_on=IN_PERIOD,
        COMPLAINT12="yes",
        TP01="very_satisfied",
        TP04="very_satisfied",
        TP09="fairly_satisfied",
        TP08="agree",
    )
    # 4: a leaseholder is outside the TSMs; 5: answered after the period.
    respond(tsm_survey, estate=communal, tenure="leaseholder", responded_on=IN_PERIOD, TP01="very_satisfied")
    respond(tsm_survey, estate=communal, responded_on=END + datetime.timedelta(days=1), TP01="very_dissatisfied")

    figures = tsm_perception_by_stock(START, END)
    rented, shared = figures["lcra"], figures["lcho"]

    # Renters (1 and 2) and the shared owner (3) are reported apart; the leaseholder in neither.
    assert (rented["TP01"].positive, rented["TP01"].answered, rented["TP01"].value) == (1, 2, 50.0)
    assert (shared["TP01"].positive, shared["TP01"].answered, shared["TP01"].value) == (1, 1, 100.0)
    assert (rented["TP02"].positive, rented["TP02"].answered) == (1, 1)  # only the one who had a repair
    assert rented["TP09"].answered == 0  # respondent 1 said no to complaining
    assert (shared["TP09"].positive, shared["TP09"].answered) == (1, 1)  # the shared owner complained
    # Respondent 2 did not answer the communal-areas question, so they are not in TP10's base.
    assert (rented["TP10"].positive, rented["TP10"].answered, rented["TP10"].value) == (0, 1, 0.0)
    assert rented["TP04"].answered == 0 and rented["TP04"].value is None
    assert "TP04" not in shared  # shared owners are not asked TP02–TP04
    assert (shared["TP08"].positive, shared["TP08"].answered) == (1, 1)
    assert rented["TP12"].value is None


def test_tp_measures_run_one_query_whatever_the_number_of_responses(tsm_survey, django_assert_num_queries):
    estate = EstateFactory()
    for _ in range(30):
        respond(tsm_survey, estate=estate, responded_on=IN_PERIOD, TP01="fairly_satisfied", TP06="neither")
    with django_assert_num_queries(1):
        figures = tsm_perception_by_stock(START, END)["lcra"]
    assert figures["TP01"].value == 100.0 and figures["TP06"].value == 0.0


def test_every_tp_key_is_registered_as_a_charter_measure_with_a_drilldown(tsm_survey):
    estate = EstateFactory()
    respond(tsm_survey, estate=estate, responded_on=IN_PERIOD, TP01="very_satisfied", TP05="fairly_dissatisfied")
    for code in tsm.TP_CODES:
        assert f"tsm.{code}" in COMPUTED_MEASURES
    tp01 = COMPUTED_MEASURES["tsm.TP01"].compute(START, END)
    assert (tp01.value, tp01.numerator, tp01.denominator) == (100.0, 1, 1)
    assert "responded_after=2026-04-01" in tp01.drilldown_url
    tp05 = COMPUTED_MEASURES["tsm.TP05"].compute(START, END)
    assert tp05.value == 0.0
    empty = COMPUTED_MEASURES["tsm.TP09"].compute(START, END)
    assert empty.value is None and empty.denominator == 0


def test_the_tsm_page_shows_each_measure_and_the_margin_of_error(officer_client, tsm_survey):
    estate = EstateFactory()
    CustomerFactory.create_batch(10, estate=estate)
    respond(tsm_survey, estate=estate, responded_on=IN_PERIOD, TP01="very_satisfied")
    respond(tsm_survey, estate=estate, responded_on=IN_PERIOD, TP01="very_dissatisfied")
    response = officer_client.get("/surveys/tsm/", {"start": "2026-04-01", "end": "2027-03-31"})
    body = response.content.decode()
    assert "50.0%" in body and "TP12" in body
    # The population is the estate's 200 rented homes, not the 10 customer records: ±69.1% from 2
    # (1.96 × √(0.25/2) × √(198/199) = 0.691); ±5% needs 132 (see test_regulator_accuracy).
    assert "2 responses from 200 homes" in body
    assert "±69.1% from 2 responses does not meet it; 130 more responses would" in body
