"""Customers' scores count the same as staff's (seed 000, section 4: "The scoring of the candidate
by the customer should be given equal weighting with staff"), and customers are briefed first
("They should be briefed fully on ... how they score a candidate").

Hand-worked case, a panel of two staff and one involved customer, scores out of 25:
- Candidate A: staff 18 and 20, customer 14 → (18 + 20 + 14) / 3 = 52 / 3 = 17.33
  (the staff alone would give 19.00: the customer's lower score pulls A down by a third).
- Candidate B: staff 16 and 15, customer 24 → 55 / 3 = 18.33, so B ranks above A,
  though the staff alone (15.50) would have put A first.
"""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from engagement.factories import InvolvedCustomerFactory
from inspection import services
from inspection.factories import RecruitmentExerciseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def panel(officer):
    exercise = RecruitmentExerciseFactory(max_score=25)
    customer = services.panelist_add(exercise=exercise, customer=InvolvedCustomerFactory(first_name="Cath"))
    staff = [services.panelist_add(exercise=exercise, staff_name=name) for name in ("Head of HR", "Director")]
    services.panelist_brief(panelist=customer, by=officer, on=datetime.date(2026, 11, 30))
    return exercise, customer, staff


def test_the_total_is_the_mean_over_every_panel_member_customers_and_staff_alike(panel):
    exercise, customer, (hr, director) = panel
    a = services.candidate_add(exercise=exercise, label="Candidate A")
    b = services.candidate_add(exercise=exercise, label="Candidate B")
    for candidate, scores in ((a, (18, 20, 14)), (b, (16, 15, 24))):
        for panelist, score in zip((hr, director, customer), scores, strict=True):
            services.candidate_score_record(candidate=candidate, panelist=panelist, score=score)
    results = services.candidate_results(exercise)
    assert [(r.candidate.label, r.total) for r in results] == [
        ("Candidate B", Decimal("18.33")),
        ("Candidate A", Decimal("17.33")),
    ]
    a_result = results[1]
    assert (a_result.staff_mean, a_result.customer_mean, a_result.scored_by) == (Decimal("19.00"), Decimal("14.00"), 3)


def test_a_customer_scores_only_once_briefed(officer):
    exercise = RecruitmentExerciseFactory()
    customer = services.panelist_add(exercise=exercise, customer=InvolvedCustomerFactory())
    candidate = services.candidate_add(exercise=exercise, label="Candidate A")
    with pytest.raises(ValidationError, match="Brief"):
        services.candidate_score_record(candidate=candidate, panelist=customer, score=10)
    services.panelist_brief(panelist=customer, by=officer)
    assert services.candidate_score_record(candidate=candidate, panelist=customer, score=10).score == 10
    customer.refresh_from_db()
    assert customer.briefed_by == officer and customer.briefed_on


def test_a_score_above_the_maximum_is_refused(panel):
    exercise, customer, _ = panel
    candidate = services.candidate_add(exercise=exercise, label="Candidate A")
    with pytest.raises(ValidationError, match="from 0 to 25"):
        services.candidate_score_record(candidate=candidate, panelist=customer, score=26)


def test_a_panel_member_is_a_customer_or_a_member_of_staff_not_both():
    exercise = RecruitmentExerciseFactory()
    with pytest.raises(ValidationError):
        services.panelist_add(exercise=exercise, customer=InvolvedCustomerFactory(), staff_name="Director")
    with pytest.raises(ValidationError):
        services.panelist_add(exercise=exercise)
