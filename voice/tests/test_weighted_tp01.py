"""Weighted TP01 from the database, worked by hand.

Ten LCRA customers: 6 aged 16–34, 4 aged 65–74 (the baseline: 60% / 40%). Five answered the TSM
survey: two young (one satisfied, one not), three older (all satisfied). Weighting on age band:
w(young) = 0.6×5/2 = 1.5, w(older) = 0.4×5/3 = 0.6667. TP01 unweighted 4/5 = 80.0%; weighted
(1.5 + 3×0.6667)/5 = 70.0%. Design effect 1.17, effective sample size 4 (see test_weights).
"""

import datetime

import pytest

from engagement.factories import CustomerFactory, EstateFactory
from surveys.models import Answer, Response
from surveys.services.tsm_template import tsm_survey_create
from voice.services import equality_profile_record, weighting_scheme_set
from voice.weighting import scheme_results


@pytest.mark.django_db
def test_weighted_tp01_matches_the_hand_worked_figure(manager):
    estate = EstateFactory()
    young = [CustomerFactory(estate=estate, tenure="general_needs") for _ in range(6)]
    older = [CustomerFactory(estate=estate, tenure="general_needs") for _ in range(4)]
    for customer in young:
        equality_profile_record(customer=customer, answers={"age_band": "16_34"}, method="profile")
    for customer in older:
        equality_profile_record(customer=customer, answers={"age_band": "65_74"}, method="profile")
    today = datetime.date(2026, 6, 1)
    survey, _ = tsm_survey_create(title="TSM 2026", opens_on=today, closes_on=today + datetime.timedelta(30))
    tp01 = survey.questions.get(code="TP01")
    answers = [(young[0], "very_satisfied"), (young[1], "very_dissatisfied")] + [
        (c, "fairly_satisfied") for c in older[:3]
    ]
    for customer, value in answers:
        response = Response.objects.create(
            survey=survey, customer=customer, estate=estate, tenure=customer.tenure, responded_on=today, channel="phone"
        )
        Answer.objects.create(response=response, question=tp01, value=value, positive=tp01.positive(value))
    weighting_scheme_set(survey=survey, characteristics=["age_band"], method="cell", user=manager)
    result = scheme_results(survey)
    figure = next(f for f in result.figures if f.label.startswith("TP01") and "LCRA" in f.stock)
    assert (figure.unweighted, figure.weighted, figure.answered) == (80.0, 70.0, 5)
    assert result.weights.design_effect == pytest.approx(1.1667, abs=1e-4)
    assert "Design effect 1.17; effective sample size 4 of 5 responses" in result.statement
    assert "TP01 overall satisfaction: Low-cost rental (LCRA) 80.0% as answered, 70.0% weighted" in result.statement
    raked = (
        scheme_results(survey)
        if weighting_scheme_set(survey=survey, characteristics=["age_band"], method="rake", user=manager)
        else None
    )
    assert next(f for f in raked.figures if f.label.startswith("TP01")).weighted == 70.0
