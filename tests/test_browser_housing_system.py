"""The housing system import in real Chromium, on a phone (390 px) and a desktop: the manager
uploads the sample patches file, matches its columns once, sees the dry run and saves it; a bad
file's dry run shows the error summary with each line. Every page passes axe-core."""

from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from engagement.models import Patch

from .support import assert_accessible, click_and_wait, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SAMPLES = Path(__file__).resolve().parent.parent / "docs" / "onboarding"


def _upload(browser, path: Path, source_system: str = "Orchard"):
    browser.get(browser.base_url + "/housing-system/")
    browser.find_element(By.CSS_SELECTOR, "input[name=record_type][value=patches]").click()
    field = browser.find_element(By.NAME, "source_system")
    field.clear()
    field.send_keys(source_system)
    browser.find_element(By.NAME, "file").send_keys(str(path))
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Upload and check']"))


@pytest.mark.parametrize("width", [390, 1280])
def test_the_manager_matches_columns_checks_and_saves_a_file(browser, manager, width, tmp_path):
    browser.set_window_size(width, 900)
    log_in(browser, "manager")
    browser.get(browser.base_url + "/housing-system/")
    assert_accessible(browser, f"the import page at {width} px")
    _upload(browser, SAMPLES / "patches.csv")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Match the columns of patches.csv"
    assert Select(browser.find_element(By.NAME, "code")).first_selected_option.text == "Patch Code"
    assert_accessible(browser, f"the column matching at {width} px")
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Save and check the file']"))
    assert "Checked: ready to commit" in browser.find_element(By.TAG_NAME, "main").text
    assert_accessible(browser, f"the dry run at {width} px")
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Save all 6 rows']"))
    assert Patch.objects.count() == 6

    bad = tmp_path / "patches-bad.csv"
    bad.write_text("Patch ID,Patch Code,Patch Name\nPAT-X,,Nowhere\nPAT-X,ZZ,Twice\n", encoding="utf-8")
    _upload(browser, bad)
    summary = browser.find_element(By.ID, "error-summary").text
    assert "Line 2: the patch code is empty" in summary
    assert "Line 3: the patch id PAT-X is also on line 2" in summary
    assert not browser.find_elements(By.XPATH, "//button[starts-with(normalize-space(), 'Save all')]")
    assert_accessible(browser, f"a dry run with errors at {width} px")
