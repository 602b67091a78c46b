"""Staff lists: fixed query counts whatever the rows, CSV export, trends by estate and month."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from engagement.factories import EstateFactory, InvolvedCustomerFactory
from surveys.factories import (
    ChampionIssueFactory,
    ChampionPhotoFactory,
    ChampionSurveyFactory,
    QuestionFactory,
    ResponseFactory,
    SurveyFactory,
)
from surveys.selectors import champion_trends

pytestmark = pytest.mark.django_db


def _champion_rows(n):
    estates = [EstateFactory() for _ in range(3)]
    champions = [InvolvedCustomerFactory(estate=estate) for estate in estates]
    for i in range(n):
        survey = ChampionSurveyFactory(customer=champions[i % 3], estate=estates[i % 3], grounds_rating="poor")
        ChampionIssueFactory(survey=survey)
        if i % 10 == 0:
            ChampionPhotoFactory(survey=survey)


@pytest.mark.parametrize("url_name", ["surveys:submissions", "surveys:issues"])
@pytest.mark.parametrize("rows", [10, 200])
def test_champion_lists_run_a_fixed_number_of_queries(officer_client, url_name, rows, django_assert_max_num_queries):
    _champion_rows(rows)
    with django_assert_max_num_queries(12):
        response = officer_client.get(reverse(url_name), {"sort": "estate"})
    assert response.status_code == 200


@pytest.mark.parametrize("rows", [10, 200])
def test_survey_and_response_lists_run_a_fixed_number_of_queries(officer_client, rows, django_assert_max_num_queries):
    survey = SurveyFactory()
    for _ in range(rows):
        ResponseFactory(survey=survey, customer=InvolvedCustomerFactory())
        SurveyFactory()
    with django_assert_max_num_queries(12):
        assert officer_client.get(reverse("surveys:responses")).status_code == 200
    with django_assert_max_num_queries(12):
        assert officer_client.get(reverse("surveys:survey_list")).status_code == 200


@pytest.mark.parametrize("rows", [10, 200])
def test_the_trends_and_results_pages_run_a_fixed_number_of_queries(
    officer_client, rows, django_assert_max_num_queries
):
    _champion_rows(rows)
    survey = SurveyFactory()
    question = QuestionFactory(survey=survey)
    for _ in range(rows // 10):
        response = ResponseFactory(survey=survey)
        response.answers.create(question=question, value="fairly_satisfied", positive=True)
    with django_assert_max_num_queries(12):
        assert officer_client.get(reverse("surveys:champion_trends")).status_code == 200
    with django_assert_max_num_queries(12):
        assert officer_client.get(reverse("surveys:results", args=[survey.pk]), {"by": "estate"}).status_code == 200


def test_submissions_export_as_csv_with_ratings_in_words(officer_client):
    ChampionSurveyFactory(grounds_rating="poor")
    response = officer_client.get(reverse("surveys:submissions"), {"_export": "csv"})
    text = b"".join(response.streaming_content if response.streaming else [response.content]).decode()
    header, row = text.strip().splitlines()[:2]
    assert "Grounds" in header and "Poor" in row


def test_the_submissions_list_filters_to_poor_ratings_and_an_estate(officer_client):
    estate = EstateFactory(name="Pool Farm")
    poor = ChampionSurveyFactory(estate=estate, cleaning_rating="poor")
    ChampionSurveyFactory(estate=estate)
    ChampionSurveyFactory(cleaning_rating="poor")
    response = officer_client.get(reverse("surveys:submissions"), {"estate": estate.pk, "any_poor": "true"})
    assert [row.record.pk for row in response.context["table"].page.object_list] == [poor.pk]


def test_trends_count_good_okay_poor_per_month_for_each_question():
    today = datetime.date(2026, 11, 23)
    estate = EstateFactory()
    ChampionSurveyFactory(estate=estate, visited_on=datetime.date(2026, 11, 2), grounds_rating="good")
    ChampionSurveyFactory(estate=estate, visited_on=datetime.date(2026, 11, 20), grounds_rating="poor")
    ChampionSurveyFactory(estate=estate, visited_on=datetime.date(2026, 10, 5), grounds_rating="okay")
    ChampionSurveyFactory(visited_on=datetime.date(2026, 11, 5), grounds_rating="poor")  # another estate
    trends = champion_trends(estate=estate, today=today)
    grounds = trends["topics"][0]
    assert grounds["label"] == "Grounds maintenance"
    november, october = grounds["points"][-1], grounds["points"][-2]
    assert (november["good"], november["okay"], november["poor"], november["good_pct"]) == (1, 0, 1, 50.0)
    assert (october["good"], october["okay"], october["poor"]) == (0, 1, 0)
    assert trends["total"] == 3 and len(grounds["points"]) == 12


def test_the_trends_page_has_a_text_equivalent_for_each_chart(officer_client):
    ChampionSurveyFactory(visited_on=timezone.localdate(), grounds_rating="good")
    body = officer_client.get(reverse("surveys:champion_trends")).content.decode()
    assert 'role="img"' in body and "detailed in the table below" in body
    assert "<caption" in body and "100%" in body
