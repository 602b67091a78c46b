"""The TSM survey's questions name the landlord (the Regulator's wording says "[landlord]"): from
the landlord's settings, never a name written in code."""

import pytest

from engagement.landlord import landlord_data, landlord_settings_load
from surveys.services.tsm_template import tsm_survey_create

pytestmark = pytest.mark.django_db


def test_the_tsm_survey_asks_about_the_landlord_by_its_name():
    landlord_settings_load(data=landlord_data("trafford"))
    survey, _ = tsm_survey_create(title="TSM 2026", opens_on="2026-06-01", closes_on="2026-07-31")
    texts = list(survey.questions.values_list("text", flat=True))
    assert any("Trafford Housing Trust listens to your views" in text for text in texts)
    assert not any("{landlord}" in text or "Trident" in text for text in texts)
