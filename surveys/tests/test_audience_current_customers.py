"""A survey's audience is the current customers: one whose tenancy ended (housing_system's sync marks
a customer missing from a full extract as ended, never deleted) is neither invited nor counted in a
population based on customers. Of three customers on the estate, one ended: the audience is two."""

import datetime

import pytest

from engagement.factories import CustomerFactory, EstateFactory
from surveys.factories import SurveyFactory
from surveys.models import PopulationBasis
from surveys.selectors import survey_audience, survey_population_computed

pytestmark = pytest.mark.django_db


def test_an_ended_customer_is_not_in_a_surveys_audience():
    estate = EstateFactory()
    staying = CustomerFactory.create_batch(2, estate=estate)
    CustomerFactory(estate=estate, ended_on=datetime.date(2026, 11, 24))
    survey = SurveyFactory(population_basis=PopulationBasis.CUSTOMERS)
    survey.estates.set([estate])
    assert set(survey_audience(survey)) == set(staying)
    assert survey_population_computed(survey) == 2
