"""Champion charter measures on hand-worked data, and the demo data."""

import datetime
import random

import pytest

from engagement import demo as core_demo
from engagement.registry import COMPUTED_MEASURES
from surveys import demo
from surveys.factories import ChampionIssueFactory, ChampionSurveyFactory
from surveys.models import ChampionIssue, ChampionSurvey, IssueStatus, Response, SurveyKind

pytestmark = pytest.mark.django_db
START, END = datetime.date(2026, 7, 1), datetime.date(2026, 9, 30)


def test_champion_survey_count_counts_visits_in_the_period():
    ChampionSurveyFactory(visited_on=datetime.date(2026, 7, 1))
    ChampionSurveyFactory(visited_on=datetime.date(2026, 9, 30))
    ChampionSurveyFactory(visited_on=datetime.date(2026, 10, 1))
    result = COMPUTED_MEASURES["champion_surveys.count"].compute(START, END)
    assert result.value == 2 and "visited_after=2026-07-01" in result.drilldown_url


def test_issues_actioned_pct_is_actioned_over_all_raised_in_the_period():
    for status in (IssueStatus.ACTIONED, IssueStatus.ACTIONED, IssueStatus.CLOSED, IssueStatus.NEW):
        survey = ChampionSurveyFactory(visited_on=datetime.date(2026, 8, 1))
        ChampionIssueFactory(survey=survey, status=status, closed_reason="Council land" if status == "closed" else "")
    ChampionIssueFactory(survey=ChampionSurveyFactory(visited_on=datetime.date(2026, 6, 1)), status=IssueStatus.NEW)
    result = COMPUTED_MEASURES["champion_surveys.issues_actioned_pct"].compute(START, END)
    assert (result.value, result.numerator, result.denominator) == (50.0, 2, 4)
    assert "1 closed with a reason, 1 still to triage" in result.detail


def test_no_issues_means_no_data_not_zero_percent():
    result = COMPUTED_MEASURES["champion_surveys.issues_actioned_pct"].compute(START, END)
    assert result.value is None


def test_the_demo_gives_champions_a_history_and_a_year_of_tsm_responses_and_a_second_run_adds_nothing():
    today = datetime.date(2026, 11, 23)
    context = core_demo.seed(random.Random("core"), today)
    demo.seed(random.Random("surveys"), today, context)
    margaret = context["involved"][0]
    assert margaret.user.username == "margaret.hughes"
    from surveys.selectors import champion_estates

    assert len(champion_estates(margaret)) == 2
    assert ChampionSurvey.objects.filter(customer=margaret).count() >= 12
    assert set(ChampionIssue.objects.values_list("status", flat=True)) == set(IssueStatus.values)
    tsm = Response.objects.filter(survey__kind=SurveyKind.TSM)
    assert tsm.count() == 2000
    first, last = tsm.order_by("responded_on").first(), tsm.order_by("responded_on").last()
    assert (last.responded_on - first.responded_on).days >= 300
    counts = (ChampionSurvey.objects.count(), ChampionIssue.objects.count(), Response.objects.count())
    assert demo.seed(random.Random("surveys"), today, context)["champion_surveys_seeded"] == 0
    assert (ChampionSurvey.objects.count(), ChampionIssue.objects.count(), Response.objects.count()) == counts
