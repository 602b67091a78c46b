import pytest

from .support import CHROMEDRIVER, CHROMIUM, browser_available, require


@pytest.fixture
def browser(live_server, settings):
    """Headless Debian Chromium driven by Selenium (never a downloaded browser)."""
    require("REQUIRE_BROWSER", browser_available(), "Chromium and chromedriver are not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-quic",
        "--window-size=1280,1000",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.implicitly_wait(3)
    driver.base_url = live_server.url
    yield driver
    driver.quit()
