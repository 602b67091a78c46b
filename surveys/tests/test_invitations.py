"""Invitation links: signed, expiring, single use, no account needed."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from engagement.factories import CustomerFactory
from surveys import services
from surveys.factories import InvitationFactory, QuestionFactory, SurveyFactory
from surveys.models import Invitation, Response, Scale

pytestmark = pytest.mark.django_db


@pytest.fixture
def invitation():
    survey = SurveyFactory(title="Block cleaning survey")
    QuestionFactory(survey=survey, position=1, code="Q1", required=True)
    QuestionFactory(survey=survey, position=2, code="Q2", scale=Scale.FREE_TEXT, text="Anything else?")
    return InvitationFactory(survey=survey, customer=CustomerFactory())


def _answer_url(invitation):
    return reverse("surveys:invitation", args=[services.invitation_token(invitation)])


def test_a_customer_answers_through_their_link_without_logging_in(client, invitation):
    url = _answer_url(invitation)
    page = client.get(url)
    assert page.status_code == 200 and "Block cleaning survey" in page.content.decode()
    q1, q2 = invitation.survey.questions.all()
    response = client.post(url, {f"q_{q1.pk}": "fairly_satisfied", f"q_{q2.pk}": "Mop the stairs more often."})
    assert response.status_code == 302 and response["Location"] == reverse("surveys:invitation_thanks")
    saved = Response.objects.get()
    assert saved.customer == invitation.customer and saved.channel == "online" and saved.invitation == invitation
    assert saved.estate == invitation.customer.estate and saved.tenure == invitation.customer.tenure
    assert {a.question.code: (a.value, a.text, a.positive) for a in saved.answers.all()} == {
        "Q1": ("fairly_satisfied", "", True),
        "Q2": ("", "Mop the stairs more often.", None),
    }


def test_a_missing_required_answer_is_asked_for_and_the_other_answers_are_kept(client, invitation):
    q1, q2 = invitation.survey.questions.all()
    response = client.post(_answer_url(invitation), {f"q_{q2.pk}": "Bins please"})
    body = response.content.decode()
    assert response.status_code == 200 and "Question 1 needs an answer." in body
    assert "Bins please" in body
    assert not Response.objects.exists() and Invitation.objects.get().used_at is None


def test_a_link_works_once_and_a_second_visit_says_thank_you_not_a_form(client, invitation):
    url = _answer_url(invitation)
    q1 = invitation.survey.questions.first()
    client.post(url, {f"q_{q1.pk}": "very_satisfied"})
    again = client.post(url, {f"q_{q1.pk}": "very_dissatisfied"})
    assert again.status_code == 410 and "already answered" in again.content.decode()
    assert Response.objects.count() == 1
    assert client.get(url).status_code == 410


def test_claiming_a_used_invitation_directly_fails_so_two_racing_posts_make_one_response(invitation):
    q1 = invitation.survey.questions.first()
    services.invitation_answer(invitation=invitation, answers={q1.pk: {"value": "very_satisfied"}})
    with pytest.raises(services.InvitationUsed):
        services.invitation_answer(invitation=invitation, answers={q1.pk: {"value": "very_satisfied"}})
    assert Response.objects.count() == 1


def test_a_tampered_link_is_refused(client, invitation):
    token = services.invitation_token(invitation)
    pk, timestamp, signature = token.split(":")
    other = InvitationFactory(survey=invitation.survey)
    forged = f"{other.pk}:{timestamp}:{signature}"
    for bad in (forged, token[:-2] + ("AA" if not token.endswith("AA") else "BB"), "nonsense"):
        response = client.get(reverse("surveys:invitation", args=[bad]))
        assert response.status_code == 404 and "This link does not work" in response.content.decode()


def test_a_link_older_than_four_weeks_has_expired(client, invitation, monkeypatch):
    token = services.invitation_token(invitation)
    later = timezone.now().timestamp() + (services.INVITATION_MAX_AGE_DAYS + 1) * 86400
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)
    response = client.get(reverse("surveys:invitation", args=[token]))
    assert response.status_code == 410 and "This link has expired" in response.content.decode()


def test_a_link_for_a_closed_survey_has_expired(invitation):
    invitation.survey.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    invitation.survey.save()
    with pytest.raises(services.InvitationExpired):
        services.invitation_resolve(services.invitation_token(invitation))


def test_sending_invitations_emails_each_contactable_customer_once(
    officer_client, officer, django_capture_on_commit_callbacks
):
    survey = SurveyFactory()
    QuestionFactory(survey=survey)
    reachable = CustomerFactory(consent_to_contact=True, email="a@example.org")
    survey.estates.set([reachable.estate])
    CustomerFactory(estate=reachable.estate, consent_to_contact=False)
    CustomerFactory(estate=reachable.estate, email="")
    with django_capture_on_commit_callbacks(execute=True):
        officer_client.post(reverse("surveys:invitations_send", args=[survey.pk]))
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["a@example.org"]
    link = services.invitation_url(Invitation.objects.get())
    assert link in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        officer_client.post(reverse("surveys:invitations_send", args=[survey.pk]))
    assert Invitation.objects.count() == 1 and len(mail.outbox) == 1
    assert services.invitation_email_send(invitation_id=Invitation.objects.get().pk) is False
