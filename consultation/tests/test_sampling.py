"""The quarterly satisfaction sample (consultation/sampling.py), on cases worked by hand.

Rule (seed 002, Speakeasy: "a quarterly satisfaction survey to a sample of customers ... Over
half of our customers will be surveyed each year"; issue #17: never the same customer twice
within a set interval): yearly target T = floor(N/2) + 1; each quarter wants
ceil((T - already this year) / quarters left); chosen at random from those not sampled within
CONSULTATION_NO_REPEAT_DAYS.

N = 100, interval 365 days, drawn on 1 Apr, 1 Jul, 1 Oct 2026 and 1 Jan 2027:
T = 51; wanted 13, 13, 13, 12 → 51 different customers (over half), nobody twice.
Next year, 1 Apr 2027: the 13 sampled on 1 Apr 2026 (365 days before: not "within") may be asked
again; the 38 sampled since may not → 62 eligible.
With a 730-day interval, next year only the 49 never asked are eligible: wanted 13, 13, 13, 12 but
the last quarter finds only 10 → short by 2, coverage 49 of 51 (the population is too small).
"""

import datetime

import pytest

from consultation import sampling, services
from consultation.models import Sampled, SampleRound
from engagement.factories import CustomerFactory, EstateFactory
from engagement.quarters import Quarter

pytestmark = pytest.mark.django_db
D = datetime.date
FIRST_DAYS = [D(2026, 4, 1), D(2026, 7, 1), D(2026, 10, 1), D(2027, 1, 1)]
YEAR_1 = [(Quarter(2026, n), day) for n, day in enumerate(FIRST_DAYS, start=1)]
YEAR_2 = [(Quarter(2027, n), day.replace(year=day.year + 1)) for n, day in enumerate(FIRST_DAYS, start=1)]


@pytest.fixture
def hundred():
    estate = EstateFactory()
    CustomerFactory.create_batch(100, estate=estate)
    CustomerFactory.create_batch(7, estate=estate, consent_to_contact=False)  # never in the population
    return estate


def _draw_year(quarters, manager, seed=0):
    return [
        services.sample_draw(quarter=quarter, by=manager, today=day, seed=seed + n, send=False)
        for n, (quarter, day) in enumerate(quarters)
    ]


def test_the_hand_worked_sizes_for_a_hundred_customers():
    assert sampling.yearly_target(100) == 51
    sizes, already = [], 0
    for number in range(1, 5):
        size = sampling.wanted_this_quarter(target=51, already=already, quarter=Quarter(2026, number))
        sizes.append(size)
        already += size
    assert sizes == [13, 13, 13, 12]


def test_four_quarters_reach_over_half_of_customers_and_nobody_is_asked_twice(hundred, manager):
    rounds = _draw_year(YEAR_1, manager)
    assert [r.sampled for r in rounds] == [13, 13, 13, 12]
    assert [r.population for r in rounds] == [100] * 4 and rounds[0].yearly_target == 51
    sampled = list(Sampled.objects.values_list("customer_id", flat=True))
    assert len(sampled) == len(set(sampled)) == 51
    assert not Sampled.objects.filter(customer__consent_to_contact=False).exists()
    coverage = services.year_coverage(Quarter(2026, 4))
    assert (coverage["reached"], coverage["target"], coverage["met"], coverage["no_consent"]) == (51, 51, True, 7)


def test_next_year_only_those_asked_a_full_interval_ago_may_be_asked_again(hundred, manager):
    _draw_year(YEAR_1, manager)
    first_quarter = set(Sampled.objects.filter(round__quarter="2026-27-q1").values_list("customer_id", flat=True))
    eligible = set(sampling.eligible_ids(on=D(2027, 4, 1), interval_days=365))
    assert len(eligible) == 62 and first_quarter <= eligible
    second = services.sample_draw(quarter=Quarter(2027, 1), by=manager, today=D(2027, 4, 1), seed=99, send=False)
    asked_again = set(second.members.values_list("customer_id", flat=True))
    recent = set(
        Sampled.objects.exclude(round=second).exclude(round__quarter="2026-27-q1").values_list("customer_id", flat=True)
    )
    assert second.wanted == 13 and not asked_again & recent


def test_with_a_two_year_interval_the_population_is_too_small_and_the_round_says_so(hundred, manager, settings):
    settings.CONSULTATION_NO_REPEAT_DAYS = 730
    _draw_year(YEAR_1, manager)
    rounds = _draw_year(YEAR_2, manager, seed=10)
    assert [(r.wanted, r.eligible, r.sampled) for r in rounds] == [
        (13, 49, 13),
        (13, 36, 13),
        (13, 23, 13),
        (12, 10, 10),
    ]
    assert rounds[-1].shortfall == 2
    coverage = services.year_coverage(Quarter(2027, 4))
    assert (coverage["reached"], coverage["target"], coverage["met"]) == (49, 51, False)
    assert sampling.settings_can_meet_target() is False


def test_a_very_small_population_is_covered_early_and_then_nobody_is_asked(manager):
    CustomerFactory.create_batch(3)
    rounds = _draw_year(YEAR_1, manager)
    assert [r.wanted for r in rounds] == [1, 1, 0, 0] and Sampled.objects.count() == 2


def test_the_same_seed_draws_the_same_customers_and_a_quarter_is_drawn_once(hundred, manager):
    ids = sampling.eligible_ids(on=D(2026, 4, 1), interval_days=365)
    assert sampling.draw(ids, 13, seed=7) == sampling.draw(ids, 13, seed=7)
    services.sample_draw(quarter=Quarter(2026, 1), by=manager, today=D(2026, 4, 1), send=False)
    with pytest.raises(Exception, match="already been drawn"):
        services.sample_draw(quarter=Quarter(2026, 1), by=manager, today=D(2026, 4, 2), send=False)
    assert SampleRound.objects.count() == 1


def test_the_sample_is_sent_the_survey_as_one_mail_out_recording_who_and_when(hundred, manager):
    sample = services.sample_draw(quarter=Quarter(2026, 1), by=manager, today=D(2026, 4, 1), seed=3)
    assert sample.mailout.deliveries.count() == 13 and sample.mailout.kind.slug == "survey-invitation"
    assert set(sample.members.values_list("sampled_on", flat=True)) == {D(2026, 4, 1)}
    assert set(sample.mailout.deliveries.values_list("customer_id", flat=True)) == set(
        sample.members.values_list("customer_id", flat=True)
    )
