"""Scheme obligations and informal feedback in headless Chromium at 320 px (= 1280 px at 400%
zoom, WCAG 1.4.10): the compliance view and the informal-feedback form never scroll sideways and
pass axe-core, and a member of staff notes a near miss with a few taps on a phone."""

import datetime

import pytest
from selenium.webdriver.common.by import By

from engagement.factories import EstateFactory
from engagement.models import EstateType
from schemes import services
from schemes.models import InformalFeedback, Obligation

from .support import assert_accessible, click_and_wait, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world(officer, manager):
    care = EstateFactory(name="Turves Green Court", estate_type=EstateType.CARE_SUPPORTED)
    EstateFactory(name="Pershore Road Foyer", estate_type=EstateType.YOUNG_PEOPLE)
    EstateFactory(name="Harborne Lane House", estate_type=EstateType.LEASEHOLD_BLOCK)
    year = datetime.date.today().year if datetime.date.today().month >= 4 else datetime.date.today().year - 1
    services.obligations_propose(year=year)
    Obligation.objects.filter(scheme=care, template__kind="poster").update(met_on=datetime.date(year, 5, 2))
    return {"care": care}


def _at_320(browser):
    browser.set_window_size(320, 900)
    inner = browser.execute_script("return window.innerWidth")
    browser.set_window_size(640 - inner, 900)


def _fits(browser, page):
    assert browser.find_elements(By.ID, "main"), f"{page} did not load: {browser.title}"
    scroll, inner = browser.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll <= inner, f"{page} scrolls sideways at {inner} px: {scroll} px wide"


def test_the_compliance_view_reads_on_a_320_px_screen_and_passes_axe(browser, world):
    _at_320(browser)
    log_in(browser, "manager")
    browser.get(browser.base_url + "/schemes/")
    assert "Turves Green Court" in browser.page_source and "Pershore Road Foyer" in browser.page_source
    _fits(browser, "the compliance view")
    assert_accessible(browser, "the compliance view")


def test_an_officer_notes_a_near_miss_on_a_phone_in_a_few_taps(browser, world):
    _at_320(browser)
    log_in(browser, "officer")
    browser.get(browser.base_url + "/schemes/feedback/new/")
    _fits(browser, "the informal-feedback form")
    assert_accessible(browser, "the informal-feedback form")
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "button[type=submit].btn-primary"))
    # Nothing chosen: the error summary, and still axe-clean with the errors shown.
    assert browser.title.startswith("Error: ")
    assert_accessible(browser, "the informal-feedback form with errors")
    browser.find_element(By.CSS_SELECTOR, "input[name=kind][value=near_miss]").click()
    browser.find_element(By.CSS_SELECTOR, "select[name=service] option[value=grounds]").click()
    browser.find_element(By.NAME, "what_happened").send_keys("Wet leaves on the ramp; a resident nearly slipped.")
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "button[type=submit].btn-primary"))
    assert "noted for the team to review" in browser.page_source
    assert InformalFeedback.objects.get().kind == "near_miss"
