"""Helpers for tests that need real tools: a browser, Redis, a Celery worker."""

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

AXE_JS = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
CHROMIUM = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")


def require(env_flag: str, available: bool, reason: str) -> None:
    """Skip when a tool is missing, but fail when CI said it must be there (FLAG=1)."""
    if available:
        return
    if os.environ.get(env_flag) == "1":
        pytest.fail(f"{reason}, and {env_flag}=1 says it must be available")
    pytest.skip(reason)


def browser_available() -> bool:
    return Path(CHROMIUM).exists() and (Path(CHROMEDRIVER).exists() or shutil.which("chromedriver") is not None)


AXE_TAGS = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']"


def axe_violations(driver, *, context: str = "document") -> list:
    """Run axe-core (vendored from the npm registry) on the current page; WCAG 2.x A/AA rules."""
    driver.execute_script(AXE_JS)
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        f"axe.run({context}, {{runOnly: {{type: 'tag', values: " + AXE_TAGS + "}})"
        ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))"
        ".catch(e => done([{id: 'axe-error', help: String(e)}]));"
    )


def assert_accessible(driver, page_name: str) -> None:
    violations = axe_violations(driver)
    assert violations == [], f"axe-core found problems on {page_name}: {violations}"


def click_and_wait(browser, element, timeout: int = 20) -> None:
    """Click something that loads a new page, and wait until the old page has gone and the new
    one has loaded: under load, reading the page straight after a click can see the old one."""
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    def old_page_gone(driver) -> bool:
        try:
            element.is_enabled()
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            # Mid-navigation Chromium may say the node no longer belongs to the document.
            if "does not belong to the document" in str(error):
                return True
            raise
        return False

    browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element)
    element.click()
    WebDriverWait(browser, timeout).until(old_page_gone)
    WebDriverWait(browser, timeout).until(lambda d: d.execute_script("return document.readyState") == "complete")


def freeze_now(monkeypatch, when):
    """Pin django.utils.timezone.now (and so localdate) to an aware datetime, for hand-worked dates."""
    from django.utils import timezone

    monkeypatch.setattr(timezone, "now", lambda: when)


def log_in(browser, username: str = "officer") -> None:
    """Log in through the real form (every fixture user has the password below)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.delete_all_cookies()
    browser.get(browser.base_url + "/accounts/login/")
    browser.find_element(By.NAME, "username").send_keys(username)
    browser.find_element(By.NAME, "password").send_keys("correct-horse-battery")
    browser.find_element(By.CSS_SELECTOR, "main button[type=submit]").click()
    WebDriverWait(browser, 10).until(lambda d: "/accounts/login/" not in d.current_url)


CLOSED_PORT_BROKER = "redis://127.0.0.1:1/0"  # nothing listens on port 1: every connection is refused
_BROKER_SETTINGS = ("task_always_eager", "broker_url", "broker_write_url", "broker_transport_options")


@contextmanager
def broker_refusing_connections():
    """Within: the Celery app publishes for real (not eagerly) to a Redis that refuses connections,
    what a request sees when Redis is down. Kombu raises its own OperationalError then."""
    from engagement.celery import app

    saved = {key: app.conf.get(key) for key in _BROKER_SETTINGS}
    app.conf.update(
        task_always_eager=False,
        broker_url=CLOSED_PORT_BROKER,
        broker_write_url=CLOSED_PORT_BROKER,
        broker_transport_options={},
    )
    _drop_broker_pools(app)
    try:
        yield
    finally:
        app.conf.update(saved)
        _drop_broker_pools(app)


def _drop_broker_pools(app) -> None:
    """Connections and producers are pooled per broker: drop the pools so the next publish uses
    the broker now configured (what Celery itself does after a fork)."""
    app._pool = None
    app.amqp._producer_pool = None
