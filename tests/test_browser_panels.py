"""An officer runs a Customer Voice Group meeting end to end in headless Chromium, and a member
then reads the published minutes and action plan; axe-core checks each page on the way."""

import pytest
from django.utils import timezone
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from engagement.dates import date_parts_data
from panels.factories import MembershipFactory, PanelFactory
from panels.models import PanelKind

from .support import assert_accessible, click_and_wait, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_out(browser):
    # The menu may wrap on a narrow window; press the real Log out button wherever it sits.
    button = browser.find_element(By.XPATH, "//button[normalize-space()='Log out']")
    browser.execute_script("arguments[0].scrollIntoView(); arguments[0].click();", button)
    WebDriverWait(browser, 10).until(lambda d: "Log out" not in d.page_source or "logged out" in d.page_source)


def _submit(browser):
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit].btn-lg"))


def _click(browser, text):
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, text))


def test_an_officer_runs_a_cvg_meeting_and_a_member_reads_the_minutes(browser, officer, customer):
    cvg = PanelFactory(name="Customer Voice Group", kind=PanelKind.CUSTOMER_VOICE_GROUP, officer=officer)
    MembershipFactory(panel=cvg, customer=customer)
    today = timezone.localdate()

    log_in(browser, "officer")
    browser.get(browser.base_url + cvg.get_absolute_url())
    assert_accessible(browser, "the panel page")
    _click(browser, "Plan a meeting")
    assert_accessible(browser, "the new meeting form")
    for name, typed in date_parts_data("meets_on", today).items():  # the day, month and year boxes
        browser.find_element(By.NAME, name).clear()
        browser.find_element(By.NAME, name).send_keys(typed)
    browser.find_element(By.NAME, "agenda").send_keys("1. Welcome\n2. Repairs performance\n3. TSM results")
    _submit(browser)
    WebDriverWait(browser, 10).until(lambda d: "/meetings/" in d.current_url)
    assert "Repairs performance" in browser.page_source
    assert_accessible(browser, "the meeting page before it is held")

    _click(browser, "Record attendance")
    assert_accessible(browser, "the attendance form")
    browser.find_element(By.CSS_SELECTOR, f"input[name=member_{customer.pk}][value=present]").click()
    _submit(browser)
    WebDriverWait(browser, 10).until(lambda d: "Attendance saved" in d.page_source)

    _click(browser, "Write the minutes")
    browser.find_element(By.NAME, "minutes").send_keys("The group challenged the repairs figures.")
    _submit(browser)
    WebDriverWait(browser, 10).until(lambda d: "Minutes saved" in d.page_source)

    for said, will in (
        ("Repairs are slow", "Bring the repairs manager to the next meeting"),
        ("TSM letters unclear", "Rewrite the TSM summary in plain English"),
    ):
        _click(browser, "Add an action")
        browser.find_element(By.NAME, "you_said").send_keys(said)
        browser.find_element(By.NAME, "we_will").send_keys(will)
        _submit(browser)
        WebDriverWait(browser, 10).until(lambda d: "Action added" in d.page_source)
    assert_accessible(browser, "the meeting page with draft minutes and actions")

    browser.find_element(By.XPATH, "//button[normalize-space()='Publish minutes and action plan']").click()
    WebDriverWait(browser, 10).until(lambda d: "published to 1 member" in d.page_source)
    _log_out(browser)

    log_in(browser, "customer")
    assert_accessible(browser, "the member's home page")
    click_and_wait(browser, browser.find_element(By.PARTIAL_LINK_TEXT, f"Customer Voice Group, {today.day} "))
    page = browser.page_source
    assert "The group challenged the repairs figures." in page
    assert "Bring the repairs manager to the next meeting" in page and "Rewrite the TSM summary" in page
    assert_accessible(browser, "the published minutes as a member sees them")
