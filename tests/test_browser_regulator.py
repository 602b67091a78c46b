"""The manager's TSM pages in real Chromium: the figures page, the annual return and the tenants'
summary pass axe-core, on a desktop and at 320 px wide."""

import pytest
from selenium.webdriver.common.by import By

from .support import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1280, 320])
def test_the_tsm_pages_are_accessible_at_desktop_and_phone_widths(browser, manager, width):
    browser.set_window_size(width, 900)
    log_in(browser, "manager")
    for path, name in [("/tsm/", "the TSM figures"), ("/tsm/return/2026/", "the annual return"),
                       ("/tsm/summary/2026/", "the tenants' summary")]:  # fmt: skip
        browser.get(browser.base_url + path)
        assert browser.find_element(By.TAG_NAME, "h1").text
        assert_accessible(browser, f"{name} at {width} px")
