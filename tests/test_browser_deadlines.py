"""The overdue board and the chase rules in real Chromium: accessible (axe-core), filterable with
the keyboard-free GET form, and readable at 320 px wide without sideways scrolling."""

import datetime

import pytest
from django.utils import timezone
from selenium.webdriver.common.by import By

from activities.factories import ActivityFactory
from engagement.factories import ActionFactory

from .support import assert_accessible, click_and_wait, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def owed(officer):
    today = timezone.localdate()
    ActivityFactory(
        lead_officer=officer,
        title="Door knock on Elm Court",
        starts_at=timezone.now() - datetime.timedelta(days=20),
    )
    ActionFactory(owner=officer, we_will="Fix the gate on Elm Court", due_on=today + datetime.timedelta(days=10))


def test_the_board_lists_what_is_owed_and_filters_to_what_is_overdue(browser, officer, owed):
    log_in(browser)
    browser.get(browser.base_url + "/deadlines/")
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Door knock on Elm Court" in main and "Fix the gate on Elm Court" in main
    assert "working days overdue" in main
    assert_accessible(browser, "the deadline board")

    browser.find_element(By.CSS_SELECTOR, "main details summary").click()  # not the menu's "More"
    browser.find_element(By.CSS_SELECTOR, "select[name=when] option[value=overdue]").click()
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Apply filters']"))
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Door knock on Elm Court" in main and "Fix the gate on Elm Court" not in main

    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "How each deadline is chased"))
    assert "Escalated to the managers when 3 working days overdue." in browser.find_element(By.TAG_NAME, "main").text
    assert_accessible(browser, "the chase rules")


def test_on_a_narrow_phone_the_board_reads_as_cards_without_sideways_scrolling(browser, officer, owed):
    log_in(browser)
    browser.set_window_size(320, 900)
    browser.get(browser.base_url + "/deadlines/")
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 320
    label = browser.execute_script(
        "return getComputedStyle(document.querySelector('td[data-label=Owner]'), '::before').content"
    )
    assert "Owner" in label
    assert_accessible(browser, "the deadline board at 320 px")
