"""The GOV.UK date input in a real browser: an officer types an impossible date, sees one message
for the date with only the wrong box highlighted, follows the error summary link to that box,
keeps what was typed, corrects it and saves; axe-core checks the form with the error shown, also
at 320 px where the boxes must not make the page scroll sideways (WCAG 1.4.10)."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from engagement.models import Action

from .support import assert_accessible, click_and_wait, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _type(browser, name, text):
    box = browser.find_element(By.NAME, name)
    box.clear()
    box.send_keys(text)


def _save(browser):
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main form[method=post] button[type=submit]"))


def test_an_impossible_date_is_shown_the_gov_uk_way_and_corrected(browser, officer):
    log_in(browser)
    browser.get(browser.base_url + "/actions/new/")
    browser.find_element(By.NAME, "you_said").send_keys("The gate on Elm Court does not lock.")
    browser.find_element(By.NAME, "we_will").send_keys("Fit a new lock.")
    Select(browser.find_element(By.NAME, "owner")).select_by_value(str(officer.pk))
    legend = browser.find_element(By.CSS_SELECTOR, "#div_id_due_on fieldset legend")
    assert "Due date" in legend.text
    assert browser.find_element(By.ID, "id_due_on_hint").text == "For example, 27 3 2026"
    _type(browser, "due_on_day", "31")
    _type(browser, "due_on_month", "feb")
    _type(browser, "due_on_year", "2027")
    _save(browser)

    summary = browser.find_element(By.ID, "error-summary")
    link = summary.find_element(By.LINK_TEXT, "Due date must be a real date")
    assert link.get_attribute("href").endswith("#id_due_on_day")
    day, month, year = (browser.find_element(By.ID, f"id_due_on_{part}") for part in ("day", "month", "year"))
    assert [box.get_attribute("value") for box in (day, month, year)] == ["31", "feb", "2027"]
    assert day.get_attribute("aria-invalid") == "true" and "is-invalid" in day.get_attribute("class")
    assert month.get_attribute("aria-invalid") is None and year.get_attribute("aria-invalid") is None
    message = browser.find_element(By.ID, "id_due_on_error")
    assert message.is_displayed() and "Due date must be a real date" in message.text
    assert day.get_attribute("aria-describedby") == "id_due_on_hint id_due_on_error"
    assert_accessible(browser, "the new action form with a date error")

    link.click()
    WebDriverWait(browser, 5).until(lambda d: d.switch_to.active_element.get_attribute("id") == "id_due_on_day")

    browser.set_window_size(320, 900)
    assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(browser, "the new action form with a date error at 320 px")
    browser.set_window_size(1280, 1000)

    _type(browser, "due_on_day", "28")
    _save(browser)
    WebDriverWait(browser, 10).until(lambda d: "/new/" not in d.current_url)
    assert Action.objects.get().due_on.isoformat() == "2027-02-28"
