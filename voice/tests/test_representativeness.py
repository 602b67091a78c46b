"""Representativeness gaps and verdicts on hand-worked counts.

Rule (voice.selectors.compare): shares are of people whose answer is known; gap = respondents' share
− customers' share in percentage points; −5 or less is under-represented, +5 or more over-represented.
Customers by age: 16–34 24, 35–49 26, 50–64 25, 65–74 15, 75+ 10 (100; plus 50 not known).
Respondents: 9, 25, 30, 21, 15 (100). 16–34: 9 − 24 = −15 (under); 35–49: 25 − 26 = −1 (in line);
50–64: +5 (over); 65–74: +6 (over); 75+: +5 (over).
Tenure from the database: customers 6 general needs, 4 leaseholders; respondents 4 and 1:
general needs 80% against 60% (+20), leaseholders 20% against 40% (−20).
"""

import pytest

from engagement.factories import CustomerFactory, EstateFactory
from surveys.factories import ResponseFactory, SurveyFactory
from voice import dimensions as dims
from voice.selectors import compare, representativeness, survey_population

AGE = dims.BY_KEY["age_band"]


def test_the_gap_and_verdict_of_each_age_band():
    base = {"16–34": 24, "35–49": 26, "50–64": 25, "65–74": 15, "75 and over": 10, "Not known": 50}
    sample = {"16–34": 9, "35–49": 25, "50–64": 30, "65–74": 21, "75 and over": 15}
    result = compare(AGE, base=base, sample=sample, noun="respondents")
    rows = {row.group: row for row in result.rows}
    assert (rows["16–34"].base_pct, rows["16–34"].sample_pct, rows["16–34"].gap) == (24.0, 9.0, -15.0)
    assert rows["16–34"].verdict == "Under-represented"
    assert rows["35–49"].verdict == "In line" and rows["35–49"].gap == -1.0
    assert rows["50–64"].verdict == "Over-represented" and rows["50–64"].gap == 5.0
    assert rows["Not known"].base_pct is None  # counted, never in the shares
    assert result.sentences[0] == (
        "Under-represented: customers aged 16–34 are 24% of customers and 9% of respondents."
    )
    assert result.actions and "16–34" in result.actions[0]
    assert result.test.significant


def test_a_hidden_count_hides_its_share_and_gap_too():
    result = compare(AGE, base={"16–34": 30, "35–49": 30}, sample={"16–34": 3, "35–49": 20}, noun="respondents")
    rows = {row.group: row for row in result.rows}
    assert rows["16–34"].sample_hidden and rows["16–34"].sample_pct is None and rows["16–34"].gap is None
    assert rows["35–49"].sample_hidden  # secondary: 23 − 20 would give it away
    assert result.sentences == []


@pytest.mark.django_db
def test_a_surveys_respondents_by_tenure_against_the_customers_it_was_for():
    estate = EstateFactory()
    gn = [CustomerFactory(estate=estate, tenure="general_needs") for _ in range(6)]
    lh = [CustomerFactory(estate=estate, tenure="leaseholder") for _ in range(4)]
    survey = SurveyFactory()
    for customer in gn[:4] + lh[:1]:
        ResponseFactory(survey=survey, customer=customer, estate=estate, tenure=customer.tenure)
    [tenure] = representativeness(survey_population(survey), dimension_keys=["tenure"])
    rows = {row.group: row for row in tenure.rows}
    assert (rows["General needs tenant"].base_pct, rows["General needs tenant"].sample_pct) == (60.0, 80.0)
    assert rows["Leaseholder"].gap == -20.0 and rows["Leaseholder"].verdict == "Under-represented"
    assert tenure.sentences[-1] == (
        "Under-represented: customers with the tenure “Leaseholder” are 40% of customers the survey was for "
        "and 20% of respondents."
    )
