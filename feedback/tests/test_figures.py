"""CH01, CH02 and the other feedback figures on a hand-worked quarter (1 October - 31 December 2026).

Homes: two estates of 1,200 and 800 rented homes (LCRA) = 2,000 homes. Every complaint is from a
general needs tenant, so every one is LCRA (feedback.tsm); the charter's CH01/CH02 are the LCRA
figures and equal the all-complaints figures here. LCRA/LCHO apart: test_complaint_tsms_by_stock.

Stage 1 complaints (received; response due; extension; responded; outcome; working days taken):
  A  26 Oct; due 16 Nov;            responded 16 Nov (on the day: on time); upheld;        10
  B  27 Oct; due 16 Nov;            responded 17 Nov (late);                 not upheld;    11
  C  28 Oct; due 16 Nov, ext 30 Nov; responded 27 Nov (on time);            partly upheld; 18
  D  29 Oct; due 16 Nov, ext 30 Nov; responded  1 Dec (late);                not upheld;    20
  H  31 Dec; not yet answered
  G  30 Sep; not answered (previous quarter)
  E  received 1 Sep, stage 1 answered 15 Sep (previous quarter), escalated 2 Oct; stage 2 due 1 Dec,
     answered 30 Nov (on time), upheld, 25 working days
  F  escalated 25 Sep (previous quarter), no stage 2 response

CH01 stage 1: A B C D H = 5 received / 2,000 homes x 1,000 = 2.5; stage 2: E = 1 -> 0.5.
CH02 stage 1: A and C on time of A B C D = 2 / 4 = 50.0 %; stage 2: E = 1 / 1 = 100.0 %; all: 3 / 5 = 60.0 %.
Upheld: stage 1 A and C of 4 = 50.0 %; with E: 3 / 5 = 60.0 %.
Average working days: stage 1 (10 + 11 + 18 + 20) / 4 = 14.75 -> 14.8; all (59 + 25) / 5 = 16.8.
By category: repairs A B = 2, ASB C = 1, communication D = 1, other H = 1.
"""

import datetime

import pytest

from engagement.factories import CustomerFactory, EstateFactory, OfficerFactory
from engagement.models import Estate
from engagement.registry import COMPUTED_MEASURES
from feedback import selectors
from feedback.factories import ComplaintFactory, ComplimentFactory, SuggestionFactory
from feedback.models import Outcome

pytestmark = pytest.mark.django_db
D = datetime.date
Q3 = (D(2026, 10, 1), D(2026, 12, 31))


def _answered(received, responded, outcome, days, *, extended=None, category="repairs", **extra):
    return ComplaintFactory(
        customer=_renter(),
        received_on=received,
        category=category,
        status="responded",
        stage1_acknowledged_on=D(2026, 11, 2),
        stage1_response_due_on=D(2026, 11, 16),
        stage1_extended_due_on=extended,
        stage1_extension_reason="Waiting for a contractor's report" if extended else "",
        stage1_responded_on=responded,
        stage1_outcome=outcome,
        stage1_remedy="Apology",
        stage1_working_days=days,
        **extra,
    )


def _renter():
    return CustomerFactory(estate=Estate.objects.first(), tenure="general_needs")


@pytest.fixture
def quarter():
    EstateFactory(homes_lcra=1200)
    EstateFactory(homes_lcra=800)
    _answered(D(2026, 10, 26), D(2026, 11, 16), Outcome.UPHELD, 10)  # A
    _answered(D(2026, 10, 27), D(2026, 11, 17), Outcome.NOT_UPHELD, 11)  # B
    _answered(D(2026, 10, 28), D(2026, 11, 27), Outcome.PARTLY_UPHELD, 18, extended=D(2026, 11, 30), category="asb")
    _answered(
        D(2026, 10, 29), D(2026, 12, 1), Outcome.NOT_UPHELD, 20, extended=D(2026, 11, 30), category="communication"
    )
    ComplaintFactory(customer=_renter(), received_on=D(2026, 12, 31), category="other")  # H
    ComplaintFactory(customer=_renter(), received_on=D(2026, 9, 30))  # G
    stage2 = {
        "stage": 2,
        "stage1_acknowledged_on": D(2026, 9, 2),
        "stage1_response_due_on": D(2026, 9, 16),
        "stage1_responded_on": D(2026, 9, 15),
        "stage1_outcome": Outcome.NOT_UPHELD,
        "stage1_working_days": 10,
        "stage2_handler": OfficerFactory(),
    }
    ComplaintFactory(  # E
        customer=_renter(),
        received_on=D(2026, 9, 1),
        status="responded",
        stage2_requested_on=D(2026, 10, 2),
        stage2_acknowledged_on=D(2026, 10, 5),
        stage2_response_due_on=D(2026, 12, 1),
        stage2_responded_on=D(2026, 11, 30),
        stage2_outcome=Outcome.UPHELD,
        stage2_remedy="Compensation",
        stage2_working_days=25,
        **stage2,
    )
    ComplaintFactory(customer=_renter(), received_on=D(2026, 8, 3), stage2_requested_on=D(2026, 9, 25), **stage2)


def test_ch01_counts_stage_1_and_stage_2_complaints_per_1000_homes(quarter):
    figures = selectors.complaint_figures(start=Q3[0], end=Q3[1])
    assert figures.homes == 2000
    assert (figures.stage1.received, figures.stage1.per_1000_homes) == (5, 2.5)
    assert (figures.stage2.received, figures.stage2.per_1000_homes) == (1, 0.5)


def test_ch02_counts_responses_within_the_code_timescales_including_valid_extensions(quarter):
    figures = selectors.complaint_figures(start=Q3[0], end=Q3[1])
    assert (figures.stage1.on_time, figures.stage1.responded, figures.stage1.on_time_pct) == (2, 4, 50.0)
    assert (figures.stage2.on_time, figures.stage2.responded, figures.stage2.on_time_pct) == (1, 1, 100.0)
    assert (figures.on_time, figures.responded, figures.on_time_pct) == (3, 5, 60.0)


def test_upheld_share_average_working_days_and_categories(quarter):
    figures = selectors.complaint_figures(start=Q3[0], end=Q3[1])
    assert figures.stage1.upheld_pct == 50.0
    assert (figures.upheld, figures.upheld_pct) == (3, 60.0)
    assert figures.stage1.average_working_days == 14.8
    assert figures.average_working_days == 16.8
    counts = {value: count for value, _, count in figures.by_category}
    assert counts == {
        "repairs": 2,
        "asb": 1,
        "staff_conduct": 0,
        "communication": 1,
        "estate_services": 0,
        "other": 1,
    }


def test_the_figures_take_three_queries_whatever_the_data(quarter, django_assert_num_queries):
    with django_assert_num_queries(3):
        selectors.complaint_figures(start=Q3[0], end=Q3[1])


def test_the_charter_measures_give_the_same_figures_with_a_drilldown(quarter, officer_client):
    measures = {key: COMPUTED_MEASURES[key].compute(*Q3) for key in COMPUTED_MEASURES if key.startswith("complaints.")}
    assert measures["complaints.stage1_per_1000"].value == 2.5
    assert measures["complaints.stage2_per_1000"].value == 0.5
    assert measures["complaints.stage1_on_time_pct"].value == 50.0
    assert measures["complaints.stage2_on_time_pct"].value == 100.0
    assert (measures["complaints.on_time_pct"].numerator, measures["complaints.on_time_pct"].denominator) == (3, 5)
    assert measures["complaints.upheld_pct"].value == 60.0
    assert measures["complaints.avg_working_days_to_respond"].value == 16.8
    # The drill-down lists exactly the records behind the figure.
    page = officer_client.get(measures["complaints.stage1_per_1000"].drilldown_url)
    assert page.context["table"].paginator.count == 5
    page = officer_client.get(measures["complaints.stage1_on_time_pct"].drilldown_url)
    assert page.context["table"].paginator.count == 4
    page = officer_client.get(measures["complaints.on_time_pct"].drilldown_url)
    assert page.context["table"].paginator.count == 5


def test_a_period_without_responses_has_no_figure_rather_than_zero(quarter):
    empty = (D(2025, 1, 1), D(2025, 3, 31))
    for key in ("complaints.stage1_on_time_pct", "complaints.upheld_pct", "complaints.avg_working_days_to_respond"):
        assert COMPUTED_MEASURES[key].compute(*empty).value is None
    assert COMPUTED_MEASURES["complaints.stage1_per_1000"].compute(*empty).value == 0.0


def test_all_the_charter_keys_are_registered():
    keys = {
        "complaints.stage1_per_1000",
        "complaints.stage2_per_1000",
        "complaints.stage1_on_time_pct",
        "complaints.stage2_on_time_pct",
        "complaints.on_time_pct",
        "complaints.upheld_pct",
        "complaints.avg_working_days_to_respond",
        "compliments.count",
        "suggestions.count",
        "suggestions.changes_made",
    }
    assert keys <= set(COMPUTED_MEASURES)


def test_compliments_and_suggestions_are_counted_in_the_period(officer):
    ComplimentFactory(received_on=D(2026, 10, 1), staff_member=officer)
    ComplimentFactory(received_on=D(2026, 12, 31), staff_member=officer)
    ComplimentFactory(received_on=D(2026, 11, 5), about="team", staff_member=None, team="Repairs team")
    ComplimentFactory(received_on=D(2026, 9, 30), staff_member=officer)  # previous quarter
    # Received in September, answered in October with a change: a change made in the quarter.
    SuggestionFactory(
        received_on=D(2026, 9, 20), status="responded", response="Yes", responded_on=D(2026, 10, 5), led_to_change=True
    )
    SuggestionFactory(received_on=D(2026, 10, 20), status="responded", response="No", responded_on=D(2026, 11, 5))
    SuggestionFactory(received_on=D(2026, 12, 1))
    figures = selectors.other_feedback_figures(start=Q3[0], end=Q3[1])
    assert (figures.compliments, figures.compliments_about_staff) == (3, 2)
    assert (figures.suggestions, figures.suggestions_responded, figures.changes_made) == (2, 2, 1)
    assert COMPUTED_MEASURES["compliments.count"].compute(*Q3).value == 3
    assert COMPUTED_MEASURES["suggestions.count"].compute(*Q3).value == 2
    assert COMPUTED_MEASURES["suggestions.changes_made"].compute(*Q3).value == 1
