""" "You said, we did" in real Chromium: a visitor filters the public page by estate, opens the
estate's page; an officer approves the public wording of a done action and it appears; every
page passes axe-core at 320 px and on a desktop."""

import datetime

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from engagement.factories import ActionFactory, EstateFactory

from .support import assert_accessible, click_and_wait, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1280, 320])
def test_a_visitor_filters_by_estate_and_opens_its_page(browser, width):
    castle, frankley = EstateFactory(name="Castle Vale"), EstateFactory(name="Frankley Rise")
    ActionFactory(published=True, estate=castle, public_we_did="We mended the gate at Castle Vale.")
    ActionFactory(published=True, estate=frankley, public_we_did="We cleaned the bin store at Frankley Rise.")
    browser.set_window_size(width, 900)
    browser.get(browser.base_url + "/you-said-we-did/")
    assert_accessible(browser, f"the public page at {width} px")
    Select(browser.find_element(By.NAME, "estate")).select_by_visible_text("Castle Vale")
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Show']"))
    body = browser.find_element(By.TAG_NAME, "main").text
    assert "We mended the gate at Castle Vale." in body and "Frankley Rise." not in body
    click_and_wait(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "Castle Vale's own page"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "You said, we did: Castle Vale"
    assert_accessible(browser, f"an estate's page at {width} px")


def test_an_officer_approves_the_public_wording_of_a_done_action(browser, officer):
    action = ActionFactory(
        owner=officer, publish=True, status="done", done_on=datetime.date(2026, 11, 2), we_did="Gate mended"
    )
    browser.set_window_size(390, 900)
    log_in(browser, "officer")
    browser.get(f"{browser.base_url}/actions/{action.pk}/")
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Write and approve public wording"))
    assert_accessible(browser, "the public wording form")
    said = browser.find_element(By.NAME, "public_you_said")
    said.clear()
    said.send_keys("The gate to the car park was broken.")
    did = browser.find_element(By.NAME, "public_we_did")
    did.clear()
    did.send_keys("We will mend the gate.")
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Approve and publish']"))
    assert "There is a problem" in browser.page_source  # future tense, and the box not ticked
    assert_accessible(browser, "the public wording form with errors")
    did = browser.find_element(By.NAME, "public_we_did")
    did.clear()
    did.send_keys("We mended the gate.")
    browser.execute_script("arguments[0].click();", browser.find_element(By.NAME, "confirm"))
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Approve and publish']"))
    assert "Published as" in browser.page_source
    browser.get(browser.base_url + "/you-said-we-did/")
    assert "We mended the gate." in browser.find_element(By.TAG_NAME, "main").text
