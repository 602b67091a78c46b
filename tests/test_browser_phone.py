"""Phone-first and inclusive (issue 14), in headless Chromium.

* Reflow (WCAG 1.4.10): at 390 px (a phone), 320 px (= 1280 px at 400% zoom) and 640 px (a
  1280 px window at 200% zoom) the key pages never scroll sideways:
  `document.documentElement.scrollWidth <= innerWidth`, also in large print.
* Pages *with form errors shown* pass axe-core, say "Error: " first in the title, move focus to
  the error summary, and every summary link goes to a field that exists.
* An officer logs and reports a door knock with the keyboard alone, adding a second action.
* On a desktop the site name stays on one line beside the full menu (it once shrank to one letter a line).
"""

import datetime
import importlib

import pytest
from django.apps import apps
from django.utils import timezone
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from activities.factories import ActivityFactory
from activities.models import ActivityStatus, EngagementActivity
from engagement.factories import PatchFactory
from engagement.models import Action
from engagement.quarters import Quarter
from panels.factories import EstateChampionFactory, PanelFactory

from .support import assert_accessible, click_and_wait, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world(officer, manager, customer):
    importlib.import_module("charter.migrations.0002_the_customer_charter").load_charter(apps, None)
    patch = PatchFactory(officer=officer, name="North and Central Birmingham, Sutton Coldfield")
    estate = customer.estate
    estate.name, estate.officer, estate.patch = "Beechwood Estate", officer, patch
    estate.save()
    EstateChampionFactory(customer=customer, estates=[estate])
    PanelFactory(name="Customer Voice Group")
    ActivityFactory(lead_officer=officer, estate=estate, title="Residents' meeting about the new bin store")
    returned = ActivityFactory(lead_officer=officer, estate=estate, reported=True)
    EngagementActivity.objects.filter(pk=returned.pk).update(
        status=ActivityStatus.RETURNED, resubmit_due_on=timezone.localdate() + datetime.timedelta(days=7)
    )
    return {"estate": estate, "activity": returned}


def _width(browser, width):
    browser.set_window_size(width, 900)
    inner = browser.execute_script("return window.innerWidth")
    browser.set_window_size(2 * width - inner, 900)  # the viewport itself is `width` wide


def _no_sideways_scroll(browser, path, page):
    browser.get(browser.base_url + path)
    assert browser.find_elements(By.ID, "main"), f"{page} did not load: {browser.title}"
    scroll, inner = browser.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll <= inner, f"{page} scrolls sideways at {inner} px: {scroll} px wide"


def _large_print(browser, on: bool):
    toggle = browser.find_element(By.CSS_SELECTOR, ".text-size-toggle")
    if ("on (switch off)" in toggle.text) != on:
        click_and_wait(browser, toggle)


@pytest.mark.parametrize("width", [390, 320, 640], ids=["phone", "320px", "200pc-zoom"])
def test_key_pages_never_scroll_sideways_on_a_phone(browser, world, width):
    _width(browser, width)
    log_in(browser, "officer")
    for path, page in [
        ("/", "the officer's dashboard"),
        (f"/activities/{world['activity'].pk}/report/", "the report form"),
        ("/activities/new/with-report/", "log and report"),
    ]:
        _no_sideways_scroll(browser, path, page)
    log_in(browser, "manager")
    _no_sideways_scroll(browser, "/", "the manager's dashboard")
    _no_sideways_scroll(browser, f"/charter/{Quarter(2026, 2).code}/", "the charter quarter")
    log_in(browser, "customer")
    for large in (False, True):
        browser.get(browser.base_url + "/")
        _large_print(browser, large)
        _no_sideways_scroll(browser, "/", "the customer's home")
        _no_sideways_scroll(browser, "/surveys/champion/", "the champion's estates")
        _no_sideways_scroll(browser, f"/surveys/champion/estates/{world['estate'].pk}/new/", "the champion survey")


def _errors_shown(browser, page):
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.ID, "error-summary"))
    assert browser.title.startswith("Error: "), f"{page}: {browser.title}"
    assert browser.execute_script("return document.activeElement.id") == "error-summary", page
    for href in browser.execute_script(
        "return [...document.querySelectorAll('#error-summary a')].map(a => a.getAttribute('href'))"
    ):
        assert browser.find_elements(By.ID, href[1:]), f"{page}: the summary links to {href}, which is not there"
    assert_accessible(browser, f"{page} with its errors shown")


def _submit(browser, label):
    click_and_wait(browser, browser.find_element(By.XPATH, f"//main//button[normalize-space()='{label}']"))


def test_forms_with_errors_shown_follow_one_pattern_and_pass_axe(browser, world):
    _width(browser, 390)
    browser.get(browser.base_url + "/accounts/login/")
    browser.find_element(By.NAME, "username").send_keys("officer")
    _submit(browser, "Log in")
    _errors_shown(browser, "the login page")
    assert browser.find_element(By.TAG_NAME, "main").text.count("did not match") <= 1

    log_in(browser, "officer")
    browser.get(browser.base_url + "/activities/new/with-report/")
    browser.find_element(By.NAME, "actions-0-you_said").send_keys("The bins are overflowing")
    _submit(browser, "Log it and file the report")
    _errors_shown(browser, "log and report")
    assert browser.find_element(By.NAME, "actions-0-you_said").get_attribute("value") == "The bins are overflowing"

    browser.get(browser.base_url + f"/activities/{world['activity'].pk}/report/")
    browser.find_element(By.NAME, "outcome").clear()
    _submit(browser, "File the report")
    _errors_shown(browser, "the report form")

    log_in(browser, "customer")
    browser.get(browser.base_url + "/panels/join/")
    _submit(browser, "Send")
    _errors_shown(browser, "join a panel")
    browser.get(browser.base_url + f"/surveys/champion/estates/{world['estate'].pk}/new/")
    _submit(browser, "Send my survey")
    _errors_shown(browser, "the champion survey")


def _keys(browser, *keys):
    """Keys pressed on whatever has the focus, as a person at a keyboard would."""
    ActionChains(browser).send_keys(*keys).perform()


def _tab_to(browser, name, limit=150):
    """Press Tab until the control called `name` (a button: its text) has the focus."""
    for _ in range(limit):
        active = browser.switch_to.active_element
        if name in (active.get_attribute("name"), active.text.strip()):
            return active
        _keys(browser, Keys.TAB)
    raise AssertionError(f"Tab never reached {name}")


def _type_into(browser, name, *keys):
    _tab_to(browser, name)
    _keys(browser, *keys)


def test_an_officer_logs_and_reports_a_door_knock_with_the_keyboard_alone(browser, world, officer):
    _width(browser, 390)
    log_in(browser, "officer")
    browser.get(browser.base_url + "/activities/new/with-report/")
    assert_accessible(browser, "log and report")
    _type_into(browser, "activity_type", "Door")  # type-ahead in the list of types
    _type_into(browser, "purpose", "Ask about the new repairs contractor")
    _type_into(browser, "customers_engaged", Keys.BACKSPACE, "17")
    _type_into(browser, "customers_said", "Morning repair slots are missed")
    _type_into(browser, "outcome", "Three jobs rebooked with the contractor")
    _type_into(browser, "actions-0-you_said", "Morning slots are missed")
    _type_into(browser, "actions-0-we_will", "Agree a text the day before")
    _type_into(browser, "Add another action", Keys.ENTER)
    # The new block is added in place and takes the focus.
    WebDriverWait(browser, 5).until(lambda d: d.switch_to.active_element.get_attribute("name") == "actions-1-you_said")
    _keys(browser, "The stairwell light is out")
    _type_into(browser, "actions-1-we_will", "Replace the stairwell light")
    _type_into(browser, "Log it and file the report", Keys.ENTER)
    WebDriverWait(browser, 10, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda d: "its report filed" in d.find_element(By.TAG_NAME, "main").text
    )

    activity = EngagementActivity.objects.get(activity_type="door_knock")
    assert activity.status == ActivityStatus.REPORTED and activity.estate == world["estate"]
    assert activity.customers_engaged == 17 and activity.title == "Door knock at Beechwood Estate"
    assert sorted(Action.objects.from_source(activity).values_list("we_will", flat=True)) == [
        "Agree a text the day before",
        "Replace the stairwell light",
    ]


@pytest.mark.parametrize("width", [1280, 1440])
def test_the_site_name_reads_on_one_line_beside_the_managers_full_menu_on_a_desktop(browser, world, width):
    _width(browser, width)
    log_in(browser, "manager")
    browser.get(browser.base_url + "/")
    brand = browser.find_element(By.CSS_SELECTOR, ".navbar-brand")
    line = browser.execute_script("return parseFloat(getComputedStyle(arguments[0]).lineHeight)", brand)
    assert brand.size["height"] < 1.5 * line, f"the site name wraps at {width} px: {brand.size}"
