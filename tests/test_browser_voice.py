"""The voice pages in real Chromium: the customer profile, a survey's representativeness and its
weighting (manager), and the optional equality questions (customer), pass axe-core at 1280 and 320 px."""

import pytest
from selenium.webdriver.common.by import By

from engagement.factories import CustomerFactory
from surveys.factories import ResponseFactory, SurveyFactory
from voice.services import equality_profile_record

from .support import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1280, 320])
def test_the_voice_pages_are_accessible_at_desktop_and_phone_widths(browser, manager, customer, width):
    survey = SurveyFactory()
    for n in range(8):
        someone = CustomerFactory()
        equality_profile_record(customer=someone, answers={"age_band": "16_34" if n < 5 else "65_74"}, method="staff")
        if n >= 3:
            ResponseFactory(survey=survey, customer=someone, estate=someone.estate, tenure=someone.tenure)
    browser.set_window_size(width, 900)
    log_in(browser, "manager")
    for path, name in [
        ("/voice/profile/", "the customer profile"),
        (f"/voice/surveys/{survey.pk}/", "who responded"),
        (f"/voice/surveys/{survey.pk}/weighting/", "weighting"),
        (f"/voice/customers/{customer.pk}/record/", "staff recording"),
    ]:
        browser.get(browser.base_url + path)
        assert browser.find_element(By.TAG_NAME, "h1").text
        assert_accessible(browser, f"{name} at {width} px")
    browser.delete_all_cookies()
    log_in(browser, "customer")
    browser.get(browser.base_url + "/voice/about-you/")
    assert_accessible(browser, f"about you at {width} px")
