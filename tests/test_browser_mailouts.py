"""An officer writes a mail-out on a phone-sized window, checks who gets it and how (those left
out counted) and sends it; a customer joins the consultation club. axe-core checks each page."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from engagement.factories import CustomerFactory, EstateFactory
from engagement.models import Channel
from mailouts.models import Kind, MailOut

from .support import assert_accessible, click_and_wait, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_officer_previews_and_sends_a_mail_out_on_a_phone(browser, officer):
    # A transactional test before this one may have flushed the kinds the data migration made.
    Kind.objects.get_or_create(slug="meeting-invitation", defaults={"name": "Meeting invitation"})
    estate = EstateFactory(name="Castle Vale")
    CustomerFactory(estate=estate, preferred_channel=Channel.EMAIL)
    CustomerFactory(estate=estate, preferred_channel=Channel.LETTER, large_print=True)
    CustomerFactory(estate=estate, consent_to_contact=False)
    browser.set_window_size(390, 900)
    log_in(browser, "officer")
    browser.get(browser.base_url + "/mailouts/new/")
    assert_accessible(browser, "the mail-out form")
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "button[value=preview]"))
    assert "Choose who it goes to" in browser.page_source
    assert_accessible(browser, "the mail-out form with errors")

    Select(browser.find_element(By.NAME, "kind")).select_by_visible_text("Meeting invitation")
    browser.find_element(By.NAME, "subject").send_keys("Residents' meeting on Tuesday")
    browser.find_element(By.NAME, "body").send_keys("Come along at 7pm.")
    summary = browser.find_element(By.XPATH, "//summary[normalize-space()='Estates and schemes']")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", summary)
    box = browser.find_element(By.CSS_SELECTOR, f"input[name=estates][value='{estate.pk}']")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", box)
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "button[value=preview]"))
    page = browser.page_source
    assert "Check before you send" in page and "1 customer left out" in page and "Send to 2 customers" in page
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
    assert_accessible(browser, "the preview")

    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "button[value=send]"))
    mailout = MailOut.objects.get()
    WebDriverWait(browser, 10).until(lambda d: d.current_url.endswith(f"/mailouts/{mailout.pk}/"))
    assert_accessible(browser, "the mail-out page")
    browser.get(browser.base_url + f"/mailouts/{mailout.pk}/deliveries/")
    assert "No consent to contact" in browser.page_source
    assert_accessible(browser, "who got it and how")


def test_a_customer_joins_the_consultation_club(browser, customer):
    log_in(browser, "customer")
    browser.get(browser.base_url + "/consultation/join/")
    assert_accessible(browser, "the club's join page")
    browser.find_element(By.CSS_SELECTOR, "input[name=survey_way][value=post]").click()
    browser.find_element(By.NAME, "any_service").click()
    browser.find_element(By.NAME, "consent").click()
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit].btn-lg"))
    assert "Welcome to the consultation club" in browser.page_source
    assert_accessible(browser, "the club page for a member")
