"""Charter measures from activities, on hand-worked data."""

import datetime

import pytest
from django.utils import timezone

from activities.factories import ActivityFactory
from activities.models import ActivityStatus, ActivityType
from engagement.registry import COMPUTED_MEASURES

from .helpers import at

pytestmark = pytest.mark.django_db
D = datetime.date
Q3 = (D(2026, 7, 1), D(2026, 9, 30))


def measure(key):
    return COMPUTED_MEASURES[key].compute(*Q3)


def test_activities_held_counts_real_engagement_that_took_place_in_the_period_by_type():
    ActivityFactory(activity_type=ActivityType.SURVEY, starts_at=at(2026, 7, 1, 9), customers_engaged=20)
    ActivityFactory(
        activity_type=ActivityType.SURVEY, starts_at=at(2026, 9, 30, 19), reported=True, customers_engaged=15
    )
    ActivityFactory(activity_type=ActivityType.MEETING, starts_at=at(2026, 8, 1), status=ActivityStatus.VERIFIED)
    ActivityFactory(activity_type=ActivityType.MEETING, starts_at=at(2026, 8, 2), status=ActivityStatus.CANCELLED)
    ActivityFactory(activity_type=ActivityType.MEETING, starts_at=at(2026, 8, 3), status=ActivityStatus.PLANNED)
    ActivityFactory(activity_type=ActivityType.INFORMAL_CHAT, starts_at=at(2026, 8, 4), feedback_captured=False)
    ActivityFactory(activity_type=ActivityType.SURVEY, starts_at=at(2026, 10, 1, 9))  # next quarter
    result = measure("activities.held")
    assert result.value == 3
    assert result.detail == "3 held: 2 survey, 1 customer meeting"
    assert "took_place=true" in result.drilldown_url and "from_date=2026-07-01" in result.drilldown_url
    engaged = measure("activities.customers_engaged")
    assert engaged.value == 20 + 15 + 12


def test_no_activities_gives_no_figure_rather_than_zero():
    assert measure("activities.held").value is None
    assert measure("activities.customers_engaged").value is None
    assert measure("activities.reports_on_time_pct").value is None


def test_reports_on_time_is_the_share_filed_by_the_due_date():
    # Due 8 July: filed on the due date (late evening counts as that day) -> on time.
    ActivityFactory(starts_at=at(2026, 7, 1), reported=True, reported_at=at(2026, 7, 8, 22))
    # Due 15 July: filed on the 16th -> late.
    ActivityFactory(starts_at=at(2026, 7, 8), reported=True, reported_at=at(2026, 7, 16, 9))
    # Due 12 August: never filed and the date has passed -> late.
    ActivityFactory(starts_at=at(2026, 8, 5))
    # Due 5 July but cancelled -> not counted; due 2 October -> next quarter.
    ActivityFactory(starts_at=at(2026, 6, 28), status=ActivityStatus.CANCELLED)
    ActivityFactory(starts_at=at(2026, 9, 25), reported=True, reported_at=at(2026, 9, 26))
    result = measure("activities.reports_on_time_pct")
    assert (result.numerator, result.denominator, result.value) == (1, 3, 33.3)


def test_a_report_not_yet_due_is_left_out_until_it_can_be_judged():
    today = timezone.localdate()
    start, end = today - datetime.timedelta(days=10), today + datetime.timedelta(days=10)
    ActivityFactory(starts_at=timezone.now() - datetime.timedelta(days=1))  # due in 6 days, not filed
    result = COMPUTED_MEASURES["activities.reports_on_time_pct"].compute(start, end)
    assert result.value is None
