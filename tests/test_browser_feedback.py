"""An officer takes a complaint from recording to a lessons-learned close in headless Chromium;
axe-core checks the form (also with its errors) and the complaint page."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from engagement.factories import CustomerFactory
from feedback.models import Complaint

from .support import assert_accessible, click_and_wait, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _click(browser, element):
    browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element)
    element.click()


def _save(browser):
    click_and_wait(
        browser, browser.find_element(By.CSS_SELECTOR, "main form[method=post] button[type=submit].btn-primary")
    )


def _click_link(browser, text):
    click_and_wait(browser, browser.find_element(By.PARTIAL_LINK_TEXT, text))


def test_an_officer_records_a_complaint_and_closes_it_after_lessons_learned(browser, officer):
    customer = CustomerFactory(first_name="Bernadette", last_name="Okafor", address="14 Slade Road")
    CustomerFactory(first_name="John", last_name="Smith")
    log_in(browser)

    browser.get(browser.base_url + "/feedback/complaints/new/")
    assert_accessible(browser, "the complaint form")
    browser.find_element(By.NAME, "customer_search").send_keys("okafor")
    browser.find_element(By.NAME, "desired_outcome").send_keys("Treat the mould and say sorry.")
    click_and_wait(browser, browser.find_element(By.NAME, "find"))
    # The search keeps what was typed and lists the match.
    assert browser.find_element(By.NAME, "desired_outcome").get_attribute("value") == "Treat the mould and say sorry."
    Select(browser.find_element(By.NAME, "customer")).select_by_value(str(customer.pk))
    Select(browser.find_element(By.NAME, "channel")).select_by_value("phone")
    Select(browser.find_element(By.NAME, "category")).select_by_value("repairs")
    _save(browser)

    # No description: an error summary, and nothing typed is lost.
    summary = browser.find_element(By.ID, "error-summary")
    assert "What the complaint is about" in summary.text
    assert Select(browser.find_element(By.NAME, "customer")).first_selected_option.get_attribute("value") == str(
        customer.pk
    )
    assert browser.find_element(By.NAME, "desired_outcome").get_attribute("value") == "Treat the mould and say sorry."
    assert_accessible(browser, "the complaint form with errors")
    browser.find_element(By.NAME, "description").send_keys("Mould in the bedroom, reported three times.")
    _save(browser)

    WebDriverWait(browser, 10).until(lambda d: "/new/" not in d.current_url)
    complaint = Complaint.objects.get()
    assert browser.find_element(By.TAG_NAME, "h1").text == f"Complaint {complaint.reference}"
    assert_accessible(browser, "the complaint page")

    _click_link(browser, "Acknowledge stage 1")
    _save(browser)
    _click_link(browser, "Record the stage 1 response")
    _click(browser, browser.find_element(By.CSS_SELECTOR, "input[name=outcome][value=upheld]"))
    browser.find_element(By.NAME, "remedy").send_keys("Mould treated and a £50 apology payment.")
    _save(browser)
    assert "Response recorded." in browser.page_source

    # Upheld: it cannot be closed before the lessons learned are recorded.
    _click_link(browser, "Close the complaint")
    _save(browser)
    assert "record the lessons learned before closing" in browser.find_element(By.ID, "error-summary").text
    assert Complaint.objects.get().status == "responded"

    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Cancel"))
    _click_link(browser, "Record lessons learned")
    browser.find_element(By.NAME, "what_went_wrong").send_keys("Damp reports were closed without an inspection.")
    browser.find_element(By.NAME, "root_cause").send_keys("The triage script did not ask about mould.")
    browser.find_element(By.NAME, "what_we_changed").send_keys("A surveyor now visits every damp report.")
    _save(browser)
    _click_link(browser, "Close the complaint")
    _save(browser)

    assert "Complaint closed." in browser.page_source
    assert Complaint.objects.get().status == "closed"
    timeline = browser.find_element(By.ID, "timeline-h").find_element(By.XPATH, "..").text
    assert "Lessons learned recorded" in timeline and "Complaint closed" in timeline
    assert_accessible(browser, "the closed complaint page with its timeline")
