"""A question added to a survey twice by a double submit is added once (the one-time form token,
`engagement.services.create_once`, as every form that creates)."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from surveys.factories import SurveyFactory
from surveys.models import Question

pytestmark = pytest.mark.django_db


def test_a_question_sent_twice_is_added_once_and_editing_has_no_token(officer_client):
    survey = SurveyFactory()
    url = reverse("surveys:question_create", args=[survey.pk])
    token = officer_client.get(url).context["form"]["form_token"].value()
    data = {"form_token": token, "position": 1, "code": "", "text": "How satisfied are you?", "scale": "satisfaction"}
    first = officer_client.post(url, data)
    second = officer_client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert Question.objects.filter(survey=survey).count() == 1
    said = [str(message) for message in get_messages(second.wsgi_request)]
    assert "That question was already added; nothing was added twice." in said

    question = Question.objects.get()
    page = officer_client.get(reverse("surveys:question_update", args=[question.pk]))
    assert "form_token" not in page.context["form"].fields
