"""The public Get involved page in real Chromium, for Trafford's menu (after `load_landlord
trafford`): at 320 px and on a desktop it passes axe-core, shows every level with its clocks and
their words, and "Ask to join" leads a visitor to log in; a customer then books a course from the
training programme on a phone."""

import pytest
from django.core.management import call_command
from selenium.webdriver.common.by import By

from involvement.factories import ProgrammeCourseFactory

from .support import assert_accessible, click_and_wait, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [320, 1280])
def test_a_visitor_reads_trafford_s_menu_and_is_asked_to_log_in_to_join(browser, width):
    call_command("load_landlord", "trafford")
    browser.set_window_size(width, 900)
    browser.get(browser.base_url + "/get-involved/")
    assert_accessible(browser, f"the Get involved page at {width} px")
    main = browser.find_element(By.TAG_NAME, "main")
    headings = [h.text for h in main.find_elements(By.CSS_SELECTOR, "section > h2")]
    assert headings == [
        "1. Getting information",
        "2. Getting involved from home",
        "3. Getting involved in your local area",
        "4. Being an advisor",
        "5. Being an investigator",
        "6. Being a decision maker",
        "Contact the Community and Partnerships Team",
    ]
    assert "(5 of 5 clocks)" in main.text and "Trafford Engagement Portal" in browser.title + browser.page_source
    page_width = browser.execute_script("return document.documentElement.scrollWidth")
    assert page_width <= width, "nothing is cut off or scrolls sideways"
    join = main.find_element(By.PARTIAL_LINK_TEXT, "Ask to join")
    click_and_wait(browser, join)
    assert "/accounts/login/" in browser.current_url


def test_a_customer_books_a_course_on_a_phone(browser, customer):
    call_command("load_landlord", "trafford")
    ProgrammeCourseFactory(title="Budgeting and saving on energy", capacity=4)
    log_in(browser, "customer")
    browser.set_window_size(320, 900)
    browser.get(browser.base_url + "/get-involved/training/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Skills 4 You"
    assert_accessible(browser, "the training programme at 320 px")
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[starts-with(normalize-space(), 'Book a place')]"))
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "You are booked on Budgeting and saving on energy" in main and "3 of 4 left" in main
    assert_accessible(browser, "the training programme after booking")
