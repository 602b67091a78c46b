"""CH01 and CH02 for rented homes (LCRA) and shared owners (LCHO) apart, each stage apart, each
divided by its own stock; leaseholders' complaints in neither; anonymous ones by the rule in
feedback.tsm. A hand-worked quarter, 1 October – 31 December 2026.

Estates: Mixed (1,000 rented, 250 shared), Scheme (200 rented), Shared block (50 shared, 100
leasehold), Leasehold block (80 leasehold). Relevant homes: LCRA 1,200; LCHO 300.

Stage 1 complaints received in the quarter:
  1 general needs tenant (Mixed)      LCRA  responded 29 Oct, due 30 Oct: on time
  2 care & supported tenant (Scheme)  LCRA  responded  2 Nov, due 30 Oct: late
  3 shared owner (Mixed)              LCHO  responded 12 Nov, due 30 Oct, extended to 13 Nov: on time
  4 leaseholder (Mixed)               outside the TSMs
  5 anonymous, Scheme (only rented)   LCRA
  6 anonymous, Shared block (no rented homes, some shared) LCHO
  7 anonymous, Mixed                  not attributed
  8 anonymous, no estate              not attributed
  9 anonymous, Leasehold block        not attributed (no relevant homes)
Stage 2 escalations requested in the quarter:
  10 general needs tenant  LCRA  responded 20 Nov, due 30 Nov: on time
  11 shared owner          LCHO  responded 10 Dec, due 30 Nov: late

CH01 LCRA: stage 1 = 1, 2, 5 → 3 / 1,200 × 1,000 = 2.5; stage 2 = 1 / 1,200 × 1,000 = 0.83.
CH01 LCHO: stage 1 = 3, 6 → 2 / 300 × 1,000 = 6.67; stage 2 = 1 / 300 × 1,000 = 3.33.
CH02 LCRA: stage 1 = 1 of 2 = 50.0%; stage 2 = 1 of 1 = 100.0%.
CH02 LCHO: stage 1 = 1 of 1 = 100.0%; stage 2 = 0 of 1 = 0.0%.
Not attributed: stage 1 = 7, 8, 9 → 3; leaseholders: stage 1 = 1.
"""

import datetime

import pytest

from engagement.factories import CustomerFactory, EstateFactory, OfficerFactory
from engagement.registry import COMPUTED_MEASURES
from feedback import selectors
from feedback.factories import ComplaintFactory
from feedback.models import Outcome

pytestmark = pytest.mark.django_db
D = datetime.date
Q3 = (D(2026, 10, 1), D(2026, 12, 31))


def _stage1(customer=None, *, estate=None, received, responded=None, extended=None):
    answered = {}
    if responded:
        answered = {
            "status": "responded",
            "stage1_acknowledged_on": received,
            "stage1_response_due_on": D(2026, 10, 30),
            "stage1_extended_due_on": extended,
            "stage1_extension_reason": "Waiting for a surveyor" if extended else "",
            "stage1_responded_on": responded,
            "stage1_outcome": Outcome.NOT_UPHELD,
            "stage1_working_days": 5,
        }
    return ComplaintFactory(
        customer=customer, estate=estate or (customer.estate if customer else None), received_on=received, **answered
    )


def _stage2(customer, *, requested, responded):
    return ComplaintFactory(
        customer=customer,
        received_on=D(2026, 9, 1),
        stage=2,
        status="responded",
        stage1_acknowledged_on=D(2026, 9, 2),
        stage1_response_due_on=D(2026, 9, 16),
        stage1_responded_on=D(2026, 9, 15),
        stage1_outcome=Outcome.NOT_UPHELD,
        stage1_working_days=10,
        stage2_handler=OfficerFactory(),
        stage2_requested_on=requested,
        stage2_acknowledged_on=requested,
        stage2_response_due_on=D(2026, 11, 30),
        stage2_responded_on=responded,
        stage2_outcome=Outcome.NOT_UPHELD,
        stage2_working_days=20,
    )


@pytest.fixture
def quarter():
    mixed = EstateFactory(homes_lcra=1000, homes_lcho=250)
    scheme = EstateFactory(homes_lcra=200, estate_type="care_supported")
    shared_block = EstateFactory(homes_lcra=0, homes_lcho=50, homes_leasehold=100, estate_type="leasehold_block")
    leasehold_block = EstateFactory(homes_lcra=0, homes_leasehold=80, estate_type="leasehold_block")
    renter = CustomerFactory(estate=mixed, tenure="general_needs")
    cared_for = CustomerFactory(estate=scheme, tenure="care_supported")
    owner = CustomerFactory(estate=mixed, tenure="shared_owner")
    leaseholder = CustomerFactory(estate=mixed, tenure="leaseholder")
    _stage1(renter, received=D(2026, 10, 5), responded=D(2026, 10, 29))  # 1
    _stage1(cared_for, received=D(2026, 10, 6), responded=D(2026, 11, 2))  # 2
    _stage1(owner, received=D(2026, 10, 7), responded=D(2026, 11, 12), extended=D(2026, 11, 13))  # 3
    _stage1(leaseholder, received=D(2026, 10, 8))  # 4
    _stage1(estate=scheme, received=D(2026, 10, 9))  # 5
    _stage1(estate=shared_block, received=D(2026, 10, 12))  # 6
    _stage1(estate=mixed, received=D(2026, 10, 13))  # 7
    _stage1(received=D(2026, 10, 14))  # 8
    _stage1(estate=leasehold_block, received=D(2026, 10, 15))  # 9
    _stage2(CustomerFactory(estate=mixed), requested=D(2026, 10, 12), responded=D(2026, 11, 20))  # 10
    _stage2(CustomerFactory(estate=mixed, tenure="shared_owner"), requested=D(2026, 10, 13), responded=D(2026, 12, 10))


def test_ch01_is_per_1000_homes_of_each_stock_type_stage_by_stage(quarter):
    by_stock = selectors.complaint_figures_by_stock(start=Q3[0], end=Q3[1])
    lcra, lcho = by_stock["lcra"], by_stock["lcho"]
    assert (lcra.homes, lcho.homes) == (1200, 300)
    assert (lcra.stage1.received, lcra.stage1.per_1000_homes) == (3, 2.5)
    assert (lcra.stage2.received, lcra.stage2.per_1000_homes) == (1, 0.83)
    assert (lcho.stage1.received, lcho.stage1.per_1000_homes) == (2, 6.67)
    assert (lcho.stage2.received, lcho.stage2.per_1000_homes) == (1, 3.33)


def test_ch02_is_the_share_on_time_for_each_stock_type_stage_by_stage(quarter):
    by_stock = selectors.complaint_figures_by_stock(start=Q3[0], end=Q3[1])
    lcra, lcho = by_stock["lcra"], by_stock["lcho"]
    assert (lcra.stage1.on_time, lcra.stage1.responded, lcra.stage1.on_time_pct) == (1, 2, 50.0)
    assert (lcra.stage2.on_time, lcra.stage2.responded, lcra.stage2.on_time_pct) == (1, 1, 100.0)
    assert (lcho.stage1.on_time, lcho.stage1.responded, lcho.stage1.on_time_pct) == (1, 1, 100.0)
    assert (lcho.stage2.on_time, lcho.stage2.responded, lcho.stage2.on_time_pct) == (0, 1, 0.0)


def test_leaseholders_and_anonymous_complaints_that_cannot_be_placed_are_counted_apart(quarter):
    assert selectors.complaints_not_attributed(start=Q3[0], end=Q3[1]) == {
        "stage1": 3,
        "stage2": 0,
        "leaseholder_stage1": 1,
        "leaseholder_stage2": 0,
    }


def test_an_empty_period_has_no_rates_when_there_are_no_homes():
    by_stock = selectors.complaint_figures_by_stock(start=Q3[0], end=Q3[1])
    assert by_stock["lcra"].stage1.received == 0 and by_stock["lcra"].stage1.per_1000_homes is None
    assert by_stock["lcho"].stage1.on_time_pct is None


def test_the_charter_measures_are_the_rented_figures_with_the_shared_owners_beside_them(quarter):
    ch01 = COMPUTED_MEASURES["complaints.stage1_per_1000"].compute(*Q3)
    assert (ch01.value, ch01.numerator, ch01.denominator) == (2.5, 3, 1200)
    assert "Shared owners (LCHO), reported apart: 2 for 300 homes = 6.67 per 1,000" in ch01.detail
    ch02 = COMPUTED_MEASURES["complaints.stage2_on_time_pct"].compute(*Q3)
    assert (ch02.value, ch02.numerator, ch02.denominator) == (100.0, 1, 1)
    assert "Shared owners (LCHO), reported apart: 0 of 1 on time" in ch02.detail
