"""Who can read one person's equality answers, and that no export, list or report carries them.

Rule (voice.views docstring): one customer's answers are read only by the manager (each look
audited) and by the customer themself; staff assisting record but never see earlier answers;
everywhere else only suppressed counts. The outputs are rendered and searched for the answers' words
("Gypsy or Irish Traveller", "Bisexual", "Sikh": detailed answers that no aggregate shows by name
here, as ethnicity is reported by high-level group and the reports leave orientation and religion out).
"""

import re

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from surveys.factories import ResponseFactory, SurveyFactory
from voice.models import EqualityProfile
from voice.services import equality_profile_record

SECRET = {"ethnicity": "white_gypsy_traveller", "sexual_orientation": "bisexual", "religion": "sikh"}
WORDS = ["Gypsy or Irish Traveller", "Bisexual", "Sikh"]


@pytest.fixture
def answered(other_customer):
    equality_profile_record(customer=other_customer, answers={**SECRET, "age_band": "16_34"}, method="profile")
    return other_customer


def _free_of_answers(content: bytes):
    text = content.decode("utf-8", "replace")
    for word in WORDS:
        assert word not in text, word


@pytest.mark.django_db
def test_only_the_manager_reads_another_customers_answers_and_each_look_is_logged(
    client, officer, manager, customer, answered
):
    url = reverse("voice:customer_equality", args=[answered.pk])
    client.force_login(officer)
    assert client.get(url).status_code == 403
    client.force_login(customer.user)
    assert client.get(url).status_code == 403
    client.force_login(manager)
    page = client.get(url)
    assert "Gypsy or Irish Traveller" in page.content.decode()
    profile = EqualityProfile.objects.get(customer=answered)
    assert LogEntry.objects.get_for_object(profile).filter(action=LogEntry.Action.ACCESS).count() == 1
    # The audit log never keeps the answers themselves.
    for entry in LogEntry.objects.get_for_object(profile):
        assert "gypsy" not in (entry.changes_text or "") + str(entry.changes or "")


@pytest.mark.django_db
def test_a_customer_sees_only_their_own_answers(client, customer, answered):
    equality_profile_record(customer=customer, answers={"religion": "christian"}, method="profile")
    client.force_login(customer.user)
    page = client.get(reverse("voice:my_equality")).content.decode()
    assert 'value="christian" selected' in page
    # The form lists every option; none of the other customer's answers is chosen on it.
    assert 'value="white_gypsy_traveller" selected' not in page and 'value="bisexual" checked' not in page


@pytest.mark.django_db
def test_an_officer_assisting_records_answers_but_never_sees_the_old_ones(client, officer, answered):
    client.force_login(officer)
    url = reverse("voice:customer_record", args=[answered.pk])
    page = client.get(url).content.decode()
    assert 'value="white_gypsy_traveller" selected' not in page and 'value="bisexual" checked' not in page
    response = client.post(url, {"age_band": "35_49", "consent": "on"})
    assert response.status_code == 302
    profile = EqualityProfile.objects.get(customer=answered)
    assert profile.age_band == "35_49" and profile.consent_method == "staff"
    assert profile.ethnicity == ""  # what was asked this time replaces the record
    detail = client.get(reverse("customer_detail", args=[answered.pk]))
    assert "35–49" not in detail.content.decode()


@pytest.mark.django_db
def test_consent_must_be_given_before_anything_is_kept(client, customer):
    client.force_login(customer.user)
    response = client.post(reverse("voice:my_equality"), {"age_band": "16_34"})
    assert response.status_code == 200 and "There is a problem" in response.content.decode()
    assert not EqualityProfile.objects.filter(customer=customer).exists()


@pytest.mark.django_db
def test_no_list_export_report_or_pdf_carries_one_persons_answers(client, officer, manager, answered):
    survey = SurveyFactory()
    ResponseFactory(survey=survey, customer=answered, estate=answered.estate, tenure=answered.tenure)
    client.force_login(manager)
    year = 2026
    for url in [
        reverse("customer_list") + "?_export=csv",
        reverse("customer_detail", args=[answered.pk]),
        reverse("surveys:responses") + "?_export=csv",
        reverse("surveys:results_export", args=[survey.pk]),
        reverse("regulator:annual_return", args=[year]),
        reverse("regulator:annual_return_export", args=[year, "csv"]),
        reverse("regulator:tenant_summary_pdf", args=[year]),
        reverse("home"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        _free_of_answers(body)
    # The representativeness pages name every group (they are aggregates) but a group of one is a "*".
    for user in (manager, officer):
        client.force_login(user)
        for url, group in (
            (reverse("voice:survey", args=[survey.pk]), "Bisexual"),
            (reverse("voice:profile"), "16–34"),
        ):
            page = client.get(url).content.decode()
            rows = re.findall(group + r"</th>\s*<td[^>]*>(.*?)</td>", page)
            assert rows and all("*" in cell for cell in rows), url
