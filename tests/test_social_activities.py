"""Social activities count as engagement only with noted feedback, in every figure.

Rule (seed 000, section 2.1, "An engagement activity is not"): a lifestyle activity, "a breakfast
club (where no feedback on services is being taken)" and "an informal chat where no noted feedback
is taken". A coffee morning is a breakfast club by another name, so every social type
(activities.models.SOCIAL_TYPES) is judged the same way, and one that fails the rule is in no
charter measure, dashboard figure or board breakdown.

Hand-worked quarter (Q1 2025/26, 1 April to 30 June 2025), five activities held:

| activity                                   | engaged | feedback noted | counts | report due | filed        |
|--------------------------------------------|---------|----------------|--------|------------|--------------|
| residents' meeting, 7 April                | 12      | none needed    | yes    | 14 April   | 10 April     |
| coffee morning, 8 April, feedback noted    | 6       | "Bins late"    | yes    | 15 April   | 20 April     |
| coffee morning, 9 April, no feedback       | 8       | none           | no     | 16 April   | never        |
| breakfast club, 10 April, notes of spaces  | 5       | "   "          | no     | 17 April   | 11 April     |
| informal chat, 11 April, ticked, no notes  | 3       | ticked only    | no     | 18 April   | never        |

So: activities held 2 (1 meeting, 1 coffee morning); customers engaged 12 + 6 = 18; reports
judged 2 (the meeting on time, the noted coffee morning late): 1 of 2 = 50.0 %. Counting the
three that fail the rule would give 5 held, 34 engaged and 2 of 5 = 40.0 % on time.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError

from activities import selectors
from activities.factories import ActivityFactory
from activities.models import ActivityStatus, ActivityType, EngagementActivity, engagement_rule_check
from activities.tests.helpers import at
from charter.breakdowns import activities_by_type
from engagement.registry import COMPUTED_MEASURES

pytestmark = pytest.mark.django_db
Q1 = (datetime.date(2025, 4, 1), datetime.date(2025, 6, 30))


@pytest.fixture
def quarter():
    ActivityFactory(
        activity_type=ActivityType.MEETING,
        starts_at=at(2025, 4, 7),
        customers_engaged=12,
        customers_assisted=0,
        feedback_captured=False,
        feedback_notes="",
        status=ActivityStatus.REPORTED,
        reported_at=at(2025, 4, 10),
    )
    ActivityFactory(
        activity_type=ActivityType.COFFEE_MORNING,
        starts_at=at(2025, 4, 8),
        customers_engaged=6,
        customers_assisted=0,
        feedback_captured=True,
        feedback_notes="Bins late",
        status=ActivityStatus.REPORTED,
        reported_at=at(2025, 4, 20),
    )
    ActivityFactory(
        activity_type=ActivityType.COFFEE_MORNING,
        starts_at=at(2025, 4, 9),
        customers_engaged=8,
        customers_assisted=0,
        feedback_captured=False,
        feedback_notes="",
    )
    ActivityFactory(
        activity_type=ActivityType.BREAKFAST_CLUB,
        starts_at=at(2025, 4, 10),
        customers_engaged=5,
        customers_assisted=0,
        feedback_captured=True,
        feedback_notes="   ",
        status=ActivityStatus.REPORTED,
        reported_at=at(2025, 4, 11),
    )
    ActivityFactory(
        activity_type=ActivityType.INFORMAL_CHAT,
        starts_at=at(2025, 4, 11),
        customers_engaged=3,
        customers_assisted=0,
        feedback_captured=True,
        feedback_notes="",
    )


def test_a_coffee_morning_without_noted_feedback_is_refused_like_a_breakfast_club():
    with pytest.raises(ValidationError) as error:
        engagement_rule_check(activity_type=ActivityType.COFFEE_MORNING, feedback_captured=False, feedback_notes="")
    assert "A coffee morning counts as engagement only when" in str(error.value)


def test_only_the_meeting_and_the_coffee_morning_with_noted_feedback_count_as_engagement(quarter):
    counted = EngagementActivity.objects.real_engagement().values_list("activity_type", flat=True)
    assert sorted(counted) == ["coffee_morning", "meeting"]


def test_the_charter_measures_leave_out_social_activities_that_fail_the_rule(quarter):
    held = COMPUTED_MEASURES["activities.held"].compute(*Q1)
    assert held.value == 2
    assert held.detail == "2 held: 1 coffee morning, 1 customer meeting"
    assert COMPUTED_MEASURES["activities.customers_engaged"].compute(*Q1).value == 18
    on_time = COMPUTED_MEASURES["activities.reports_on_time_pct"].compute(*Q1)
    assert (on_time.numerator, on_time.denominator, on_time.value) == (1, 2, 50.0)


def test_the_managers_dashboard_figures_leave_them_out_too(quarter):
    figures = selectors.engagement_figures(start=Q1[0], end=Q1[1])
    assert (figures["activities"], figures["customers"]) == (2, 18)
    assert {row["activity_type"]: row["activities"] for row in figures["by_type"]} == {
        "meeting": 1,
        "coffee_morning": 1,
    }


def test_the_board_reports_breakdown_by_type_leaves_them_out(quarter):
    assert sorted(activities_by_type(*Q1)) == [("Coffee morning", 1), ("Customer meeting", 1)]
