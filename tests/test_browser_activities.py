"""An officer logs an activity on the form, files its report with one action, and finds it in the list."""

import datetime
import re

import pytest
from django.utils import timezone
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from activities.models import ActivityStatus, EngagementActivity
from engagement.dates import date_parts_data
from engagement.factories import EstateFactory
from engagement.models import Action

from .support import assert_accessible, click_and_wait, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _set_value(browser, name, value):
    # Date and time inputs take typed text in the browser's locale; setting the value is locale-proof.
    element = browser.find_element(By.NAME, name)
    browser.execute_script("arguments[0].value = arguments[1];", element, value)


def _click(browser, element):
    # Bootstrap turns on smooth scrolling, which a click would race; jump the control into view instead.
    browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element)
    element.click()


def test_an_officer_logs_an_activity_files_its_report_and_sees_it_listed(browser, officer):
    estate = EstateFactory(name="Beechwood Estate", officer=officer)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    log_in(browser)

    browser.get(browser.base_url + "/activities/new/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Log an activity"
    assert_accessible(browser, "the log-an-activity form")
    Select(browser.find_element(By.NAME, "activity_type")).select_by_value("meeting")
    browser.find_element(By.NAME, "title").send_keys("Beechwood residents' meeting")
    for name, typed in date_parts_data("date", yesterday).items():  # the day, month and year boxes
        _set_value(browser, name, typed)
    _set_value(browser, "start_time", "18:00")
    _set_value(browser, "end_time", "19:30")
    Select(browser.find_element(By.NAME, "estate")).select_by_value(str(estate.pk))
    browser.find_element(By.NAME, "purpose").send_keys("Hear views on communal cleaning")
    customers = browser.find_element(By.NAME, "customers_engaged")
    customers.clear()
    customers.send_keys("17")
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Save activity']"))

    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.TAG_NAME, "h1").text == "Beechwood residents' meeting")
    assert "Its report is due by" in browser.find_element(By.CSS_SELECTOR, "[role=status]").text
    activity = EngagementActivity.objects.get()
    assert activity.status == ActivityStatus.HELD and activity.lead_officer == officer

    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "File the report"))
    # Held yesterday: due in a week, told in working days (4 or 5 depending on today; 3 near a bank holiday).
    assert re.search(r"due in [3-5] working days", browser.find_element(By.TAG_NAME, "main").text)
    assert_accessible(browser, "the report form")
    browser.find_element(By.NAME, "outcome").send_keys("Agreed a new cleaning rota")
    browser.find_element(By.NAME, "customers_said").send_keys("Stairwells are not cleaned on Fridays")
    browser.find_element(By.NAME, "actions-0-you_said").send_keys("Stairwells are not cleaned on Fridays")
    browser.find_element(By.NAME, "actions-0-we_will").send_keys("Add a Friday clean to the rota")
    _click(browser, browser.find_element(By.NAME, "actions-0-publish"))
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='File the report']"))

    WebDriverWait(browser, 10).until(lambda d: "Report filed" in d.find_element(By.TAG_NAME, "main").text)
    assert "Add a Friday clean to the rota" in browser.find_element(By.ID, "main").text
    action = Action.objects.get()
    assert (action.owner, action.publish, action.source) == (officer, True, activity)

    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "My activities"))
    table = browser.find_element(By.CSS_SELECTOR, "main table")
    assert "Beechwood residents' meeting" in table.text and "Report filed" in table.text
    assert_accessible(browser, "my activities list")
