"""In a real browser: the Content-Security-Policy blocks nothing the portal itself needs (no
violation is reported on any page visited), opening a notification works as a POST, and the 403,
404 and GDPR pages are accessible (axe-core)."""

import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By

from engagement.factories import NotificationFactory

from .support import assert_accessible, click_and_wait, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Injected by the browser itself (not subject to the page's policy) before any page script runs.
LISTEN = (
    "window.__csp = [];"
    "document.addEventListener('securitypolicyviolation',"
    " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
)


def _violations(browser) -> list:
    return browser.execute_script("return window.__csp || ['listener missing'];")


def test_pages_run_under_the_policy_without_violations_and_a_notification_opens_by_post(browser, officer):
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": LISTEN})
    notification = NotificationFactory(user=officer, title="Report due tomorrow", url=reverse("action_list"))
    log_in(browser)
    assert _violations(browser) == []
    browser.get(browser.base_url + reverse("notification_list"))
    assert _violations(browser) == []
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Report due tomorrow']"))
    assert browser.current_url.endswith(reverse("action_list"))
    assert _violations(browser) == []
    notification.refresh_from_db()
    assert notification.read_at is not None

    browser.set_window_size(390, 900)  # the menu button works: Bootstrap's script ran under the policy
    browser.get(browser.base_url + "/")
    browser.find_element(By.CSS_SELECTOR, ".navbar-toggler").click()
    browser.implicitly_wait(3)
    assert browser.find_element(By.ID, "main-nav").is_displayed()
    assert _violations(browser) == []


def test_the_403_and_404_pages_are_accessible_and_keep_the_menu(browser, customer):
    log_in(browser, "customer")
    browser.get(browser.base_url + reverse("customer_list"))
    assert "This page is not available to your role." in browser.page_source
    assert_accessible(browser, "the 403 page")
    browser.get(browser.base_url + "/no-such-page/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Page not found"
    assert_accessible(browser, "the 404 page")


def test_the_gdpr_pages_are_accessible(browser, manager, other_customer):
    log_in(browser, "manager")
    browser.get(browser.base_url + reverse("customer_erase", args=[other_customer.pk]))
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main button[type=submit]"))
    assert "There is a problem" in browser.page_source
    assert_accessible(browser, "the erasure page with an error")
    browser.get(browser.base_url + reverse("customer_data_export", args=[other_customer.pk]))
    assert_accessible(browser, "the export page")
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main button[type=submit]"))
    assert "Personal data held about" in browser.page_source
    assert_accessible(browser, "the readable export")
