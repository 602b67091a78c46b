"""An officer logs in through the real form in headless Chromium; axe-core checks the pages."""

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from .support import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_officer_logs_in_through_the_login_form_and_reaches_the_dashboard(browser, officer):
    browser.get(browser.base_url + "/")
    assert "/accounts/login/" in browser.current_url
    assert_accessible(browser, "the login page")

    browser.find_element(By.NAME, "username").send_keys("officer")
    browser.find_element(By.NAME, "password").send_keys("correct-horse-battery")
    browser.find_element(By.CSS_SELECTOR, "main button[type=submit]").click()

    WebDriverWait(browser, 10).until(lambda d: "/accounts/login/" not in d.current_url)
    heading = browser.find_element(By.TAG_NAME, "h1")
    assert heading.text == "Hello Olivia"
    assert_accessible(browser, "the officer dashboard")

    # Keyboard users: the first Tab reaches the skip link, which moves focus to the content.
    ActionChains(browser).send_keys(Keys.TAB).perform()
    focused = browser.switch_to.active_element
    assert focused.text == "Skip to main content"
    focused.send_keys(Keys.ENTER)
    assert browser.switch_to.active_element.get_attribute("id") == "main"
