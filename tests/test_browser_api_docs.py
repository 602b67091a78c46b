"""In a real browser: the API's docs page (Swagger UI from drf-spectacular-sidecar, our own static
files, no CDN) runs under the portal's unchanged Content-Security-Policy — no violation reported —
and shows every endpoint."""

import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from .support import log_in
from .test_browser_security import LISTEN, _violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_api_docs_page_works_under_the_policy_and_lists_every_endpoint(browser, manager):
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": LISTEN})
    log_in(browser, "manager")
    browser.get(browser.base_url + reverse("api:docs"))
    WebDriverWait(browser, 30).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".opblock-summary-path")) >= 6)
    paths = {
        element.text.replace("\u200b", "")
        for element in browser.find_elements(By.CSS_SELECTOR, ".opblock-summary-path")
    }
    assert paths >= {"/api/v1/activities/", "/api/v1/figures/tsm/", "/api/v1/figures/charter/"}
    assert browser.find_element(By.TAG_NAME, "h1").get_attribute("textContent").endswith("API")
    assert _violations(browser) == []
    assert "https://" not in " ".join(
        e.get_attribute("src") or e.get_attribute("href") or ""
        for e in browser.find_elements(By.CSS_SELECTOR, "script, link")
    )
