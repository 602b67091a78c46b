import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.factories import ActivityFactory
from activities.models import ActivityType
from activities.selectors import engagement_figures, officer_report_summary, overdue_by_officer
from engagement.factories import EstateFactory
from engagement.quarters import Quarter
from tests.support import freeze_now

from .helpers import at

pytestmark = pytest.mark.django_db
D = datetime.date


def _bounds(day):
    quarter = Quarter.containing(day)
    return quarter.start, quarter.end


def test_quarters_run_january_april_july_and_october():
    assert _bounds(D(2026, 11, 23)) == (D(2026, 10, 1), D(2026, 12, 31))
    assert _bounds(D(2027, 2, 28)) == (D(2027, 1, 1), D(2027, 3, 31))
    assert _bounds(D(2026, 4, 1)) == (D(2026, 4, 1), D(2026, 6, 30))


def test_the_officer_summary_counts_reports_due_this_week_and_overdue(officer, other_officer):
    today = D(2026, 11, 25)  # a Wednesday; the week ends on Sunday 29 November
    ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 16))  # due 23rd: overdue
    ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 20))  # due 27th: this week
    ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 22))  # due 29th: this week
    ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 24))  # due 1 Dec: next week
    ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 10), reported=True)
    ActivityFactory(lead_officer=other_officer, starts_at=at(2026, 11, 16))
    summary = officer_report_summary(officer=officer, today=today, now=at(2026, 11, 25, 12))
    assert (summary["overdue"], summary["due_this_week"], summary["owed"]) == (1, 2, 4)
    assert summary["soonest"][0].report_due_on == D(2026, 11, 23)


def test_overdue_by_officer_counts_each_officers_late_reports(officer, other_officer):
    for day in (2, 3):
        ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, day))
    ActivityFactory(lead_officer=other_officer, starts_at=at(2026, 11, 4))
    rows = [(row["lead_officer"], row["overdue"]) for row in overdue_by_officer(today=D(2026, 11, 23))]
    assert rows == [(officer.pk, 2), (other_officer.pk, 1)]


def test_quarter_figures_count_real_engagement_by_type_and_patch(officer, django_assert_num_queries):
    north, south = EstateFactory(), EstateFactory()
    ActivityFactory(estate=north, activity_type=ActivityType.SURVEY, customers_engaged=30, starts_at=at(2026, 10, 2))
    ActivityFactory(estate=north, activity_type=ActivityType.MEETING, customers_engaged=10, starts_at=at(2026, 11, 2))
    ActivityFactory(estate=south, activity_type=ActivityType.SURVEY, customers_engaged=5, starts_at=at(2026, 12, 1))
    ActivityFactory(estate=south, activity_type=ActivityType.SURVEY, customers_engaged=99, starts_at=at(2026, 9, 30))
    ActivityFactory(estate=south, planned=True, starts_at=at(2026, 12, 20))
    ActivityFactory(estate=south, activity_type=ActivityType.INFORMAL_CHAT, feedback_captured=False, feedback_notes="")
    with django_assert_num_queries(1):  # totals, by type and by patch from one aggregate
        figures = engagement_figures(start=D(2026, 10, 1), end=D(2026, 12, 31))
    assert (figures["activities"], figures["customers"]) == (3, 45)
    assert [(row["activity_type"], row["activities"], row["customers"]) for row in figures["by_type"]] == [
        ("survey", 2, 35),
        ("meeting", 1, 10),
    ]
    assert sorted((row["patch"], row["customers"]) for row in figures["by_patch"]) == sorted(
        [(north.patch_id, 40), (south.patch_id, 5)]
    )


def test_the_officer_dashboard_shows_the_activity_reports_panel(officer_client, officer, monkeypatch):
    # Held Wednesday 18 November 2026, due Wednesday 25th; today is Friday 27th: 2 working days overdue.
    freeze_now(monkeypatch, at(2026, 11, 27, 12))
    ActivityFactory(lead_officer=officer, title="Late report", starts_at=at(2026, 11, 18))
    body = officer_client.get(reverse("home")).content.decode()
    assert "Activity reports" in body and "Late report" in body and "2 working days overdue" in body


def test_the_manager_dashboard_shows_overdue_by_officer_and_the_quarter(manager_client, officer):
    ActivityFactory(lead_officer=officer, starts_at=timezone.now() - datetime.timedelta(days=9))
    body = manager_client.get(reverse("home")).content.decode()
    assert "Overdue reports by officer" in body and "Olivia Officer" in body
    assert "activities held this quarter" in body
