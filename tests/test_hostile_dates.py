"""Dates from year 1 to 9999 were accepted everywhere (issue #15 items 3 and 11): an activity moved
to 9999-12-31 raised OverflowError (its report is due 7 days later), one dated 0001-01-01 stopped
the daily chase (`smallint out of range`). Every date now has a range for its meaning
(engagement/dates.py), so these are form errors that keep what was typed, and filters and report
periods answer with a message instead of a 500."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.factories import ActivityFactory
from activities.models import EngagementActivity
from activities.tests.test_logging_activities import form_data
from engagement.dates import date_parts_data
from engagement.factories import EstateFactory
from feedback.models import Complaint

pytestmark = pytest.mark.django_db

HOSTILE = ["9999-12-31", "0001-01-01"]


@pytest.mark.parametrize("typed", HOSTILE)
def test_an_activity_cannot_be_moved_to_year_9999_or_year_1(officer_client, officer, typed):
    activity = ActivityFactory(lead_officer=officer)
    data = form_data(activity.estate, lead_officer=officer.pk, date=typed)
    response = officer_client.post(reverse("activities:update", args=[activity.pk]), data)
    assert response.status_code == 200
    today = timezone.localdate()
    assert f"Date must be between {today.day} {today.replace(year=today.year - 2):%B %Y}" in response.content.decode()
    assert EngagementActivity.objects.get().starts_at == activity.starts_at
    assert f'name="date_year" value="{typed[:4]}"' in response.content.decode()


@pytest.mark.parametrize("typed", HOSTILE)
def test_an_activity_cannot_be_logged_in_year_9999_or_year_1(officer_client, officer, typed):
    data = form_data(EstateFactory(), lead_officer=officer.pk, date=typed)
    assert officer_client.post(reverse("activities:create"), data).status_code == 200
    assert not EngagementActivity.objects.exists()


def test_a_complaint_received_in_year_1_is_refused(officer_client):
    page = officer_client.get(reverse("feedback:complaint_create"))
    data = {
        "form_token": page.context["form"]["form_token"].value(),
        "anonymous": "on",
        **date_parts_data("received_on", "0001-01-01"),
        "channel": "phone",
        "category": "repairs",
        "description": "Lift broken.",
        "stage1_handler": page.context["form"].initial["stage1_handler"].pk,
    }
    response = officer_client.post(reverse("feedback:complaint_create"), data)
    assert "Date received must be on or after 1 January 2000" in response.content.decode()
    assert not Complaint.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "/activities/all/?from_date=9999-12-31&to_date=0001-01-01",
        "/feedback/complaints/?received_after=9999-12-31&responded_before=0001-01-01",
        "/panels/meetings/?meets_on_after=9999-12-31&meets_on_before=20112026",
        "/surveys/responses/?responded_after=31/12/9999",
    ],
)
def test_a_filter_with_an_impossible_date_says_so(manager_client, url):
    response = manager_client.get(url)
    assert response.status_code == 200
    assert "Enter a date between 1 January 2000 and" in response.content.decode()


def test_a_filter_reads_dates_as_people_write_them(manager_client, officer):
    ActivityFactory(lead_officer=officer, starts_at=timezone.make_aware(datetime.datetime(2026, 3, 27, 10)))
    for typed in ("27/3/2026", "27 Mar 2026", "2026-03-27", "27-03-2026"):
        response = manager_client.get("/activities/all/", {"from_date": typed, "to_date": typed})
        assert response.status_code == 200 and len(response.context["table"].rows) == 1, typed


@pytest.mark.parametrize("typed", ["9999-12-31", "0001-01-01", "31/12/9999"])
def test_a_report_period_outside_the_portals_dates_is_explained(manager_client, typed):
    response = manager_client.get(reverse("feedback:figures"), {"end": typed})
    assert response.status_code == 200
    assert "The end date: Enter a date between 1 January 2000" in response.content.decode()
    assert manager_client.get(reverse("surveys:tsm"), {"start": typed, "end": typed}).status_code == 200
