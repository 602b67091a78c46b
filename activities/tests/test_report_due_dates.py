import datetime

import pytest

from activities.deadlines import report_due_for
from activities.factories import ActivityFactory
from engagement.deadlines import due_phrase

from .helpers import at

pytestmark = pytest.mark.django_db
D = datetime.date


def test_the_report_is_due_seven_calendar_days_after_the_event():
    assert report_due_for(at(2026, 11, 16, 10)) == D(2026, 11, 23)


def test_the_due_date_is_not_moved_by_weekends_or_bank_holidays():
    # Friday 18 December 2026 -> Friday 25 December (Christmas Day): the seed says "1 week".
    assert report_due_for(at(2026, 12, 18, 14)) == D(2026, 12, 25)


def test_a_late_evening_event_counts_from_its_local_date_not_the_utc_date():
    # 23:30 on 30 June 2026 is 22:30 UTC the same day; 00:30 BST on 1 July is still 30 June in UTC.
    assert report_due_for(at(2026, 7, 1, 0, 30)) == D(2026, 7, 8)


def test_saving_an_activity_sets_its_due_date_and_takes_the_patch_from_the_estate():
    activity = ActivityFactory(starts_at=at(2026, 3, 2, 18))
    assert activity.report_due_on == D(2026, 3, 9)
    assert activity.patch == activity.estate.patch
    activity.starts_at = at(2026, 3, 4, 18)
    activity.save()
    assert activity.report_due_on == D(2026, 3, 11)


def test_the_time_left_is_told_in_working_days_the_same_everywhere():
    activity = ActivityFactory(starts_at=at(2026, 11, 16))  # due Monday 23 November 2026
    assert activity.report_owed_by == D(2026, 11, 23)
    assert due_phrase(activity.report_owed_by, D(2026, 11, 20)) == "due next working day"  # Fri -> Mon
    assert due_phrase(activity.report_owed_by, D(2026, 11, 18)) == "due in 3 working days"
    assert due_phrase(activity.report_owed_by, D(2026, 11, 23)) == "due today"
    assert due_phrase(activity.report_owed_by, D(2026, 11, 25)) == "2 working days overdue"
    # Due on Christmas Day 2026 (held Friday 18 December): Tue 29 December is 1 working day overdue.
    assert due_phrase(D(2026, 12, 25), D(2026, 12, 29)) == "1 working day overdue"
    assert due_phrase(D(2026, 12, 25), D(2026, 12, 26)) == "overdue"
