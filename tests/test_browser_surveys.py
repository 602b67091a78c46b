"""An estate champion on a phone sends a survey with a photo (after one mistake), and the staff side sees it;
a customer answers a satisfaction survey through their invitation link. Both forms are axe-core clean."""

import pytest
from PIL import Image
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from engagement.factories import CustomerFactory, EstateFactory
from panels.factories import EstateChampionFactory
from surveys.factories import InvitationFactory, QuestionFactory, SurveyFactory
from surveys.models import ChampionIssue, ChampionSurvey, Response, Scale
from surveys.services import invitation_url

from .support import assert_accessible, click_and_wait, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _click(browser, element):
    browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element)
    element.click()


def _choose(browser, name, value):
    _click(browser, browser.find_element(By.CSS_SELECTOR, f"input[name={name}][value={value}]"))


def test_a_champion_on_a_phone_sends_a_survey_with_a_photo_and_the_staff_side_sees_it(
    browser, customer, officer, tmp_path
):
    estate = customer.estate
    estate.name, estate.officer = "Beechwood Estate", officer
    estate.save()
    EstateChampionFactory(customer=customer, estates=[estate])
    photo_path = tmp_path / "overgrown-hedge.jpg"
    Image.new("RGB", (64, 48), (40, 140, 60)).save(photo_path, format="JPEG")
    browser.set_window_size(390, 844)

    log_in(browser, "customer")
    browser.get(browser.base_url + "/surveys/champion/")
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Start a survey for Beechwood Estate"))
    WebDriverWait(browser, 10).until(
        lambda d: d.find_element(By.TAG_NAME, "h1").text == "How is Beechwood Estate looking?"
    )
    assert_accessible(browser, "the estate champion survey form")

    _choose(browser, "grounds_rating", "poor")
    browser.find_element(By.NAME, "grounds_comment").send_keys("Hedges overgrown along the footpath.")
    # Cleaning is forgotten: the one mistake on the way.
    _choose(browser, "repairs_rating", "good")
    _choose(browser, "asb_rating", "okay")
    browser.find_element(By.ID, "id_photos").send_keys(str(photo_path))
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Send my survey']"))

    summary = WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "error-summary"))
    assert "Choose good, okay or poor for communal cleaning." in summary.text
    assert browser.switch_to.active_element == summary
    assert browser.find_element(By.CSS_SELECTOR, "input[name=grounds_rating][value=poor]").is_selected()
    assert (
        browser.find_element(By.NAME, "grounds_comment").get_attribute("value")
        == "Hedges overgrown along the footpath."
    )
    assert "overgrown-hedge.jpg – already attached" in browser.find_element(By.TAG_NAME, "main").text
    assert_accessible(browser, "the estate champion survey form with an error")

    # Keyboard only: follow the error link to the cleaning question and choose with the keyboard.
    summary.find_element(By.LINK_TEXT, "Choose good, okay or poor for communal cleaning.").send_keys(Keys.ENTER)
    first_cleaning = browser.find_element(By.ID, "id_cleaning_rating_0")
    first_cleaning.send_keys(Keys.SPACE)
    assert first_cleaning.is_selected()
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Send my survey']"))

    WebDriverWait(browser, 10).until(lambda d: "Thank you" in d.find_element(By.CSS_SELECTOR, "[role=status]").text)
    survey = ChampionSurvey.objects.get()
    assert (survey.grounds_rating, survey.cleaning_rating, survey.photos.count()) == ("poor", "good", 1)
    assert "Hedges overgrown along the footpath." in browser.find_element(By.TAG_NAME, "main").text
    assert ChampionIssue.objects.filter(topic="grounds").exists()

    # The staff side: the officer sees the survey and the issue waiting for triage.
    browser.delete_all_cookies()
    browser.set_window_size(1280, 1000)
    log_in(browser, "officer")
    browser.get(browser.base_url + "/surveys/champion-surveys/")
    assert "Beechwood Estate" in browser.find_element(By.TAG_NAME, "table").text
    browser.get(browser.base_url + "/surveys/champion-issues/?status=new")
    table = browser.find_element(By.TAG_NAME, "table").text
    assert "Grounds maintenance" in table and "Hedges overgrown" in table


def test_a_customer_answers_through_an_invitation_link_without_an_account(browser):
    survey = SurveyFactory(title="Raddlebarn Court residents' survey", purpose="How do you feel about your scheme?")
    QuestionFactory(
        survey=survey,
        position=1,
        code="Q1",
        required=True,
        text="How satisfied or dissatisfied are you with your scheme as a place to live?",
    )
    QuestionFactory(
        survey=survey,
        position=2,
        code="Q2",
        scale=Scale.FREE_TEXT,
        text="What one thing would make living here better?",
    )
    invitation = InvitationFactory(
        survey=survey, customer=CustomerFactory(first_name="Winston", estate=EstateFactory())
    )

    browser.get(browser.base_url + invitation_url(invitation))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Raddlebarn Court residents' survey"
    assert "Hello Winston" in browser.find_element(By.TAG_NAME, "main").text
    assert_accessible(browser, "the invitation survey form")

    browser.find_element(By.NAME, f"q_{survey.questions.get(code='Q2').pk}").send_keys("A bench by the door.")
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Send my answers']"))
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "error-summary"))
    assert_accessible(browser, "the invitation survey form with an error")
    _choose(browser, f"q_{survey.questions.get(code='Q1').pk}", "fairly_satisfied")
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Send my answers']"))

    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.TAG_NAME, "h1").text == "Thank you")
    response = Response.objects.get()
    assert response.channel == "online" and response.answers.get(question__code="Q2").text == "A bench by the door."
    browser.get(browser.base_url + invitation_url(invitation))
    assert browser.find_element(By.TAG_NAME, "h1").text == "You have already answered this survey"
