"""The community app's public pages in real Chromium at 320 px and on a desktop: the list of funded
projects and the Community Call for Action form (sent with an error first, then for real), each
checked with axe-core."""

import datetime

import pytest
from selenium.webdriver.common.by import By

from community.factories import FundingApplicationFactory, held_meeting_of
from community.models import ApplicationStatus, CallForAction, FundingApplication
from panels.factories import PanelFactory
from panels.models import PanelKind

from .support import assert_accessible, click_and_wait

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [320, 1280])
def test_a_visitor_reads_what_the_panels_funded(browser, width):
    award = FundingApplicationFactory(
        group_name="Friends of Victoria Park", contact_name="Pat Jones", title="Summer club"
    )
    FundingApplication.objects.filter(pk=award.pk).update(
        status=ApplicationStatus.AWARDED,
        awarded_pence=450_000,
        decided_at_meeting=held_meeting_of(award.budget, on=datetime.date(2026, 9, 14)),
        decision_reason="Meets priority 1.",
    )
    browser.set_window_size(width, 900)
    browser.get(browser.base_url + "/community/funded/")
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Friends of Victoria Park" in main and "£4,500" in main and "Pat Jones" not in main
    assert browser.execute_script("return document.documentElement.scrollWidth") <= width
    assert_accessible(browser, f"the funded projects page at {width} px")


@pytest.mark.parametrize("width", [320, 1280])
def test_a_visitor_sends_a_call_for_action_to_the_panel(browser, width):
    PanelFactory(name="Quality and Insight Panel", kind=PanelKind.QUALITY_INSIGHT)
    browser.set_window_size(width, 900)
    browser.get(browser.base_url + "/community/call-for-action/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Ask the Quality and Insight Panel to look into an issue"
    assert_accessible(browser, f"the call-for-action form at {width} px")
    browser.find_element(By.NAME, "issue").send_keys("Repairs appointments missed")
    browser.find_element(By.NAME, "details").send_keys("Three appointments missed since March.")
    browser.find_element(By.NAME, "name").send_keys("Kim")
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Send to the panel']"))
    assert "There is a problem" in browser.page_source  # no way to answer them yet
    assert_accessible(browser, f"the call-for-action form with an error at {width} px")
    assert browser.find_element(By.NAME, "issue").get_attribute("value") == "Repairs appointments missed"
    browser.find_element(By.NAME, "email").send_keys("kim@example.org")
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Send to the panel']"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Your call for action has been sent"
    assert CallForAction.objects.get().email == "kim@example.org"
