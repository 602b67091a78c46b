"""The optional equality step on a survey's last page (invitation links).

Rule (voice.views.survey_equality): after answering through their link, the thanks page offers the
step for two hours; the step shows no earlier answers, keeps nothing without consent, records the
consent as "survey's last page", and works once.
"""

import pytest
from django.urls import reverse

from surveys.factories import InvitationFactory, QuestionFactory, SurveyFactory
from surveys.services import invitation_token
from voice.models import EqualityConsent, EqualityProfile


@pytest.mark.django_db
def test_the_thanks_page_offers_the_step_once_and_keeps_answers_only_with_consent(client):
    survey = SurveyFactory()
    question = QuestionFactory(survey=survey, required=False)
    invitation = InvitationFactory(survey=survey)
    answer = client.post(
        reverse("surveys:invitation", args=[invitation_token(invitation)]), {f"q_{question.pk}": "very_satisfied"}
    )
    assert answer.status_code == 302, answer.content[:500]
    thanks = client.get(answer.url).content.decode()
    step = thanks.split('href="/voice/after-survey/')[1].split('"')[0]
    url = f"/voice/after-survey/{step}"
    assert client.get(url).status_code == 200
    refused = client.post(url, {"age_band": "16_34"})
    assert "There is a problem" in refused.content.decode()
    assert not EqualityProfile.objects.exists()
    client.post(url, {"age_band": "16_34", "consent": "on"})
    profile = EqualityProfile.objects.get(customer=invitation.customer)
    assert (profile.age_band, profile.consent_method) == ("16_34", "survey")
    assert EqualityConsent.objects.filter(customer=invitation.customer, method="survey").count() == 1
    again = client.get(url).content.decode()
    assert "has closed" in again


@pytest.mark.django_db
def test_a_forged_or_unanswered_link_offers_nothing(client):
    assert "has closed" in client.get("/voice/after-survey/not-a-token/").content.decode()
