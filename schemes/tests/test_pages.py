"""The schemes pages: the compliance view and its CSV, recording an obligation, a scheme's
settings, a leaver's exit interview counted as a survey response, and the suggestion box.

Rules: strategy 000 sections 2.2–2.4 (the obligations), 2.3 (exit interview and suggestion box:
answered suggestions become "You said, we did" through the one Action model).
"""

import datetime
import uuid

import pytest
from django.urls import reverse

from engagement.dates import date_parts_data
from engagement.factories import EstateFactory
from engagement.models import Action, EstateType
from feedback.models import Suggestion
from schemes import services
from schemes.models import Obligation, ObligationKind, SchemeSettings
from schemes.rhythms import QUARTERLY_INVITEES
from surveys.models import Answer, Response
from tests.support import freeze_now

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def on_10_june(monkeypatch):
    freeze_now(monkeypatch, datetime.datetime(2026, 6, 10, 12, tzinfo=datetime.UTC))


@pytest.fixture
def care(on_10_june):
    scheme = EstateFactory(name="Elm Court", estate_type=EstateType.CARE_SUPPORTED)
    services.obligations_propose(year=2026, today=D(2026, 4, 1))
    return scheme


def test_the_compliance_view_shows_each_schemes_obligations_with_done_due_and_missed(manager_client, care):
    june = Obligation.objects.get(scheme=care, template__kind="management_invitation", period_start=D(2026, 4, 1))
    Obligation.objects.filter(pk=june.pk).update(met_on=D(2026, 5, 2))
    page = manager_client.get(reverse("schemes:compliance"), {"year": 2026, "area": "care_supported"})
    text = page.content.decode()
    assert page.status_code == 200
    assert "Scheme obligations 2026/27" in text and "Elm Court" in text
    assert "<strong>1</strong> done" in text and "<strong>3</strong> missed" in text
    assert "Monthly residents&#x27; meeting" in text


def test_the_compliance_csv_lists_every_obligation_with_its_status(manager_client, care):
    response = manager_client.get(reverse("schemes:compliance"), {"year": 2026, "scheme": care.pk, "_export": "csv"})
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Service area,Scheme,Obligation,Period,Due,Status")
    assert len(lines) == 1 + 24
    assert any("Satisfaction survey (May and November),May 2026,2026-05-31,Missed" in line for line in lines)


def test_recording_the_invitation_keeps_what_was_typed_when_someone_is_missing(officer_client, care):
    q1 = Obligation.objects.get(scheme=care, template__kind="management_invitation", period_start=D(2026, 4, 1))
    url = reverse("schemes:obligation_detail", args=[q1.pk])
    data = {**date_parts_data("met_on", D(2026, 5, 5)), "invited": ["scheme_manager"], "note": "By e-mail"}
    page = officer_client.post(url, data)
    assert page.status_code == 200 and "There is a problem" in page.content.decode()
    assert 'value="By e-mail"' in page.content.decode() or "By e-mail</textarea>" in page.content.decode()
    data["invited"] = [key for key, _ in QUARTERLY_INVITEES]
    assert officer_client.post(url, data).status_code == 302
    q1.refresh_from_db()
    assert q1.met_on == D(2026, 5, 5)


def test_the_manager_changes_a_young_peoples_meeting_interval_and_the_year_follows(manager_client, on_10_june):
    scheme = EstateFactory(estate_type=EstateType.YOUNG_PEOPLE)
    services.obligations_propose(year=2026, today=D(2026, 4, 1), schemes=[scheme])
    response = manager_client.post(
        reverse("schemes:scheme_settings", args=[scheme.pk]),
        {"meeting_every_months": 6, "sense_check_every_months": 3, "scheme_manager": "Kwame Boateng"},
    )
    assert response.status_code == 302
    assert SchemeSettings.objects.get(scheme=scheme).meeting_every_months == 6
    meetings = Obligation.objects.filter(scheme=scheme, template__kind="residents_meeting").order_by("due_on")
    assert [o.due_on for o in meetings] == [D(2026, 6, 30), D(2027, 3, 31)]


def test_an_exit_interview_is_a_response_to_the_years_exit_survey_and_meets_the_obligation(officer_client, on_10_june):
    scheme = EstateFactory(estate_type=EstateType.YOUNG_PEOPLE)
    response = officer_client.post(
        reverse("schemes:leaver_create", args=[scheme.pk]), {**date_parts_data("left_on", D(2026, 6, 5))}
    )
    obligation = Obligation.objects.get(scheme=scheme, template__kind=ObligationKind.EXIT_INTERVIEW)
    assert response.url == obligation.get_absolute_url()
    # Left Friday 5 June: 10 working days on is Friday 19 June.
    assert obligation.due_on == D(2026, 6, 19)
    survey = services.exit_interview_survey(year=2026)
    questions = {q.code: q for q in survey.questions.all()}
    data = {
        "channel": "event",
        **date_parts_data("responded_on", D(2026, 6, 9)),
        f"q{questions['EX1'].pk}": "fairly_satisfied",
        f"q{questions['EX2'].pk}": "agree",
        f"q{questions['EX3'].pk}": "yes",
        f"q{questions['EX4'].pk}": "strongly_agree",
        f"q{questions['EX6'].pk}": "More help finding work.",
    }
    url = reverse("schemes:exit_interview", args=[obligation.pk])
    assert officer_client.post(url, data).status_code == 302
    obligation.refresh_from_db()
    answer = Response.objects.get(survey=survey)
    assert obligation.met_on == D(2026, 6, 9)
    assert obligation.evidence.get().url == answer.get_absolute_url()
    # Counted like any survey: the satisfaction answer is positive, the comment kept.
    assert Answer.objects.get(response=answer, question=questions["EX1"]).positive is True
    assert Answer.objects.get(response=answer, question=questions["EX6"]).text == "More help finding work."


def test_a_suggestion_from_the_box_is_logged_once_on_the_suggestions_register(officer_client, on_10_june):
    scheme = EstateFactory(estate_type=EstateType.YOUNG_PEOPLE)
    url = reverse("schemes:suggestion_box", args=[scheme.pk])
    data = {
        "form_token": str(uuid.uuid4()),
        "text": "A pool table for the lounge",
        **date_parts_data("received_on", D(2026, 6, 8)),
    }
    assert officer_client.post(url, data).status_code == 302
    assert officer_client.post(url, data).status_code == 302  # the double tap
    suggestion = Suggestion.objects.get()
    assert (suggestion.estate, suggestion.from_name) == (scheme, services.BOX_SUGGESTION)
    page = officer_client.get(url).content.decode()
    assert (
        "A pool table for the lounge" in page and reverse("feedback:suggestion_respond", args=[suggestion.pk]) in page
    )


def test_an_answered_box_suggestion_that_led_to_a_change_can_be_published(officer, officer_client, on_10_june):
    from feedback.services import suggestion_respond

    scheme = EstateFactory(estate_type=EstateType.YOUNG_PEOPLE)
    suggestion = services.box_suggestion_log(
        scheme=scheme, text="Wifi in the lounge", received_on=D(2026, 6, 1), by=officer
    )
    suggestion_respond(
        suggestion=suggestion,
        by=officer,
        response="Agreed.",
        responded_on=D(2026, 6, 2),
        led_to_change=True,
        we_will="Fit a wifi booster in the lounge.",
        action_due_on=D(2026, 6, 30),
        publish=True,
    )
    action = Action.objects.from_source(suggestion).get()
    Action.objects.filter(pk=action.pk).update(status="done", done_on=D(2026, 6, 9), we_did="Booster fitted.")
    page = officer_client.get(reverse("schemes:suggestion_box", args=[scheme.pk])).content.decode()
    assert reverse("action_publish", args=[action.pk]) in page


def test_the_manager_sees_every_schemes_counts_and_an_ihmo_their_own(officer, officer_client, manager_client, care):
    other = EstateFactory(estate_type=EstateType.CARE_SUPPORTED)
    SchemeSettings.objects.create(scheme=other, ihmo=officer)
    Obligation.objects.filter(scheme=care).update(owner=None)
    services.obligations_propose(year=2026, today=D(2026, 4, 1), schemes=[other])
    # 10 June: each scheme has missed April's and May's meetings and May's survey; the officer owns
    # the meetings, invitations and posters of the other scheme (the IHMO's), so 2 of its 3 missed.
    manager_home = manager_client.get(reverse("home")).content.decode()
    officer_home = officer_client.get(reverse("home")).content.decode()
    assert '<span class="stat">6</span> missed' in manager_home
    assert "Your scheme obligations" in officer_home and '<span class="stat">2</span> missed' in officer_home
