"""The manager asks for a quarter's board report in headless Chromium, waits for it and downloads the
PDF; officers and customers are refused the report pages; axe-core checks the charter pages."""

import importlib

import pytest
from django.apps import apps
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from charter.models import BoardReport, ReportStatus
from engagement.quarters import Quarter

from .support import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
QUARTER = Quarter(2026, 2)


@pytest.fixture
def charter_data():
    # Transactional tests flush the database between tests: put the shipped charter back.
    importlib.import_module("charter.migrations.0002_the_customer_charter").load_charter(apps, None)


def _fetch(browser, url):
    """GET with the browser's own session: status, content type and the first bytes of the body."""
    return browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0], {credentials: 'same-origin'}).then(async r => {"
        "  const bytes = new Uint8Array(await r.arrayBuffer());"
        "  done({status: r.status, type: r.headers.get('content-type'),"
        "        head: String.fromCharCode(...bytes.slice(0, 5)), size: bytes.length});"
        "}).catch(e => done({status: 0, type: String(e)}));",
        url,
    )


def test_the_manager_asks_for_a_quarters_board_report_waits_and_downloads_it(browser, manager, charter_data):
    log_in(browser, "manager")
    browser.get(f"{browser.base_url}/charter/{QUARTER.code}/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Customer Charter: Q2 2026/27"
    assert_accessible(browser, "the charter page")

    browser.get(browser.base_url + "/charter/reports/")
    assert_accessible(browser, "the board reports page")
    browser.find_element(By.CSS_SELECTOR, "input[name=kind][value=quarter]").click()
    Select(browser.find_element(By.NAME, "quarter")).select_by_value(QUARTER.code)
    browser.find_element(By.XPATH, "//button[normalize-space()='Build the report']").click()

    link = WebDriverWait(browser, 60).until(lambda d: d.find_elements(By.ID, "report-download"))[0]
    assert browser.find_element(By.TAG_NAME, "h1").text == "Quarterly board report: Q2 2026/27"
    assert_accessible(browser, "the board report page")
    report = BoardReport.objects.get()
    assert report.status == ReportStatus.READY and report.requested_by == manager

    download = _fetch(browser, link.get_attribute("href"))
    assert download["status"] == 200 and download["type"] == "application/pdf"
    assert download["head"] == "%PDF-" and download["size"] > 10_000


def test_officers_and_customers_are_refused_the_report_pages(browser, officer, customer, manager, charter_data):
    from charter.factories import ReadyBoardReportFactory

    report = ReadyBoardReportFactory(requested_by=manager)
    urls = [
        "/charter/reports/",
        f"/charter/reports/{report.pk}/",
        f"/charter/reports/{report.pk}/status/",
        f"/charter/reports/{report.pk}/download/",
    ]
    for username in ("officer", customer.user.username):
        log_in(browser, username)
        for url in urls:
            assert _fetch(browser, browser.base_url + url)["status"] == 403, (username, url)
