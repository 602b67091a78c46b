"""Lists on engagement/list.html in real Chromium: on a 390 px phone each row is a card (title
first, then when, where, status and due), nothing scrolls sideways and the filters are folded
away; on a desktop the same list is the sortable table. Accessible (axe-core) at both sizes."""

import datetime

import pytest
from django.utils import timezone
from selenium.webdriver.common.by import By

from activities.factories import ActivityFactory
from engagement.factories import EstateFactory
from feedback.factories import ComplaintFactory

from .support import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def rows(officer):
    estate = EstateFactory(name="Rowan Way and Hawthorn Gardens Estate")
    now = timezone.now()
    for n in range(6):
        ActivityFactory(
            lead_officer=officer,
            estate=estate,
            title=f"Door knock on Rowan Way, blocks {n} to {n + 4}, about the communal heating",
            starts_at=now - datetime.timedelta(days=20 + n),
        )
    ComplaintFactory(stage1_handler=officer, estate=estate)


def _no_sideways_scroll(browser) -> bool:
    return browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("path", ["/activities/all/", "/feedback/complaints/", "/activities/"])
def test_on_a_phone_a_list_reads_as_cards_without_sideways_scrolling(browser, officer, rows, path):
    log_in(browser)
    browser.set_window_size(390, 900)
    browser.get(browser.base_url + path)
    assert browser.execute_script("return window.innerWidth") <= 390
    assert _no_sideways_scroll(browser)
    assert browser.find_element(By.CSS_SELECTOR, "main details").get_attribute("open") is None  # filters folded
    assert (
        browser.execute_script("return getComputedStyle(document.querySelector('table.table-stack tbody tr')).display")
        == "flex"
    )
    assert_accessible(browser, f"{path} at 390 px")


def test_the_activity_card_shows_the_title_then_when_where_and_the_report_due(browser, officer, rows):
    log_in(browser)
    browser.set_window_size(390, 900)
    browser.get(browser.base_url + "/activities/all/")
    card = browser.find_element(By.CSS_SELECTOR, "table.table-stack tbody tr")
    cells = sorted(card.find_elements(By.CSS_SELECTOR, "td"), key=lambda cell: (cell.location["y"], cell.location["x"]))
    order = [cell.get_attribute("data-label") or "title" for cell in cells]
    assert order[:5] == ["title", "When", "Where", "Status", "Report"]
    label = browser.execute_script(
        "return getComputedStyle(document.querySelector('td[data-label=Where]'), '::before').content"
    )
    assert "Where" in label


def test_on_a_desktop_the_list_is_the_sortable_table_with_its_csv(browser, officer, rows):
    log_in(browser)
    browser.get(browser.base_url + "/activities/all/")
    header = browser.find_element(By.CSS_SELECTOR, "table.table-stack thead th a")
    assert header.is_displayed() and header.size["width"] > 20
    assert browser.find_element(By.PARTIAL_LINK_TEXT, "Download CSV").get_attribute("href").endswith("_export=csv")
    assert_accessible(browser, "the activity list on a desktop")
