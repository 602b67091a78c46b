"""Seed 2.1: lifestyle activities, breakfast clubs and informal chats are engagement only with noted feedback."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from activities import services
from activities.factories import ActivityFactory
from activities.models import ActivityStatus, ActivityType, EngagementActivity, engagement_rule_check
from engagement.factories import EstateFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", [ActivityType.LIFESTYLE, ActivityType.BREAKFAST_CLUB, ActivityType.INFORMAL_CHAT])
def test_a_social_activity_without_captured_feedback_is_refused_with_the_reason(kind):
    with pytest.raises(ValidationError) as error:
        engagement_rule_check(activity_type=kind, feedback_captured=False, feedback_notes="")
    assert "counts as engagement only when" in str(error.value)
    assert "feedback_captured" in error.value.message_dict


def test_feedback_ticked_but_not_written_down_is_still_refused():
    with pytest.raises(ValidationError) as error:
        engagement_rule_check(activity_type=ActivityType.BREAKFAST_CLUB, feedback_captured=True, feedback_notes="   ")
    assert "feedback_notes" in error.value.message_dict


def test_a_breakfast_club_with_noted_feedback_counts():
    engagement_rule_check(
        activity_type=ActivityType.BREAKFAST_CLUB, feedback_captured=True, feedback_notes="Lifts break down."
    )


@pytest.mark.parametrize("kind", [ActivityType.MEETING, ActivityType.SURVEY, ActivityType.THEMED_DAY])
def test_real_engagement_types_need_no_feedback_note(kind):
    engagement_rule_check(activity_type=kind, feedback_captured=False, feedback_notes="")


def test_logging_a_held_informal_chat_without_feedback_creates_nothing(officer):
    with pytest.raises(ValidationError):
        services.activity_create(
            created_by=officer,
            activity_type=ActivityType.INFORMAL_CHAT,
            title="Chat at the bus stop",
            purpose="Catch up",
            estate=EstateFactory(),
            starts_at=timezone.now() - datetime.timedelta(hours=1),
            lead_officer=officer,
            feedback_captured=False,
        )
    assert not EngagementActivity.objects.exists()


def test_a_planned_breakfast_club_may_be_entered_before_any_feedback_exists(officer):
    activity = ActivityFactory(planned=True, activity_type=ActivityType.BREAKFAST_CLUB, lead_officer=officer)
    activity = services.activity_update(activity=activity, user=officer, title="Breakfast club, with a feedback wall")
    assert activity.status == ActivityStatus.PLANNED


def test_the_queryset_counts_only_real_engagement():
    counted = ActivityFactory(activity_type=ActivityType.MEETING, feedback_captured=False, feedback_notes="")
    noted_club = ActivityFactory(activity_type=ActivityType.BREAKFAST_CLUB)
    # A row that bypassed the form (e.g. the admin) is still not counted.
    silent_chat = ActivityFactory(activity_type=ActivityType.INFORMAL_CHAT, feedback_captured=False, feedback_notes="")
    assert set(EngagementActivity.objects.real_engagement()) == {counted, noted_club}
    assert not silent_chat.counts_as_engagement
