"""An officer logs an activity through the form, as they would on a phone at an estate."""

import datetime
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.factories import ActivityFactory
from activities.models import ActivityStatus, EngagementActivity
from engagement.dates import date_parts_data
from engagement.factories import EstateFactory

pytestmark = pytest.mark.django_db


def form_data(place, **overrides):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    data = {
        "form_token": str(uuid.uuid4()),
        "activity_type": "door_knock",
        "title": "Door knock on Alder Close",
        **date_parts_data("date", yesterday.isoformat()),
        "start_time": "10:00",
        "end_time": "12:00",
        "estate": place.pk,
        "location": "",
        "purpose": "Ask about the new bin store",
        "lead_officer": "",
        "partners_present": "Waste team",
        "customers_engaged": "23",
        "customers_assisted": "4",
        "feedback_captured": "on",
        "feedback_notes": "Bin store too far for older residents",
    }
    if "date" in overrides:  # typed into the day, month and year boxes
        overrides.update(date_parts_data("date", overrides.pop("date")))
    data.update(overrides)
    return data


def test_the_form_starts_with_today_and_the_officer_as_lead(officer_client, officer):
    response = officer_client.get(reverse("activities:create"))
    form = response.context["form"]
    assert form.initial["date"] == timezone.localdate()
    assert form.initial["lead_officer"] == officer
    body = response.content.decode()
    assert 'name="date_day"' in body and 'name="date_month"' in body and 'name="date_year"' in body
    assert 'type="date"' not in body and 'type="time"' in body


def test_logging_an_activity_that_happened_makes_its_report_due_in_a_week(officer_client, officer):
    estate = EstateFactory()
    response = officer_client.post(reverse("activities:create"), form_data(estate, lead_officer=officer.pk))
    activity = EngagementActivity.objects.get()
    assert response.status_code == 302 and response["Location"] == activity.get_absolute_url()
    assert activity.status == ActivityStatus.HELD
    assert activity.report_due_on == timezone.localdate() + datetime.timedelta(days=6)
    assert (activity.lead_officer, activity.created_by, activity.patch) == (officer, officer, estate.patch)
    assert activity.customers_engaged == 23


def test_an_activity_in_the_future_is_planned(officer_client, officer):
    next_week = (timezone.localdate() + datetime.timedelta(days=7)).isoformat()
    data = form_data(EstateFactory(), lead_officer=officer.pk, date=next_week, customers_engaged="0")
    data.update(customers_assisted="0", feedback_captured="", feedback_notes="")
    officer_client.post(reverse("activities:create"), data)
    assert EngagementActivity.objects.get().status == ActivityStatus.PLANNED


def test_pressing_save_twice_records_one_activity(officer_client, officer):
    data = form_data(EstateFactory(), lead_officer=officer.pk)
    first = officer_client.post(reverse("activities:create"), data)
    second = officer_client.post(reverse("activities:create"), data)
    assert EngagementActivity.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_a_breakfast_club_without_feedback_is_refused_and_what_was_typed_is_kept(officer_client, officer):
    data = form_data(
        EstateFactory(),
        lead_officer=officer.pk,
        activity_type="breakfast_club",
        feedback_captured="",
        feedback_notes="",
    )
    data["title"] = "Breakfast club at the community centre"
    response = officer_client.post(reverse("activities:create"), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "counts as engagement only when customers&#x27; feedback on our services was captured" in body
    assert "There is a problem" in body
    assert 'value="Breakfast club at the community centre"' in body
    assert not EngagementActivity.objects.exists()


def test_a_place_is_needed_either_an_estate_or_a_location(officer_client, officer):
    response = officer_client.post(
        reverse("activities:create"), form_data(EstateFactory(), lead_officer=officer.pk, estate="")
    )
    assert "Choose the estate or scheme, or say where" in response.content.decode()
    data = form_data(EstateFactory(), lead_officer=officer.pk, estate="", location="Northfield library")
    assert officer_client.post(reverse("activities:create"), data).status_code == 302
    activity = EngagementActivity.objects.get()
    assert activity.place == "Northfield library" and activity.patch is None


def test_end_time_before_start_and_more_assisted_than_engaged_are_explained(officer_client, officer):
    data = form_data(EstateFactory(), lead_officer=officer.pk, end_time="09:00", customers_assisted="30")
    body = officer_client.post(reverse("activities:create"), data).content.decode()
    assert "The end time must be after the start time." in body
    assert "Customers assisted cannot be more than customers engaged." in body


def test_an_officer_cannot_change_another_officers_activity_but_a_manager_can(
    officer_client, manager_client, other_officer
):
    activity = ActivityFactory(lead_officer=other_officer)
    url = reverse("activities:update", args=[activity.pk])
    assert officer_client.get(url).status_code == 403
    assert officer_client.post(url, {"title": "Hijacked"}).status_code == 403
    assert officer_client.get(activity.get_absolute_url()).status_code == 200  # may still look
    assert manager_client.get(url).status_code == 200


def test_the_lead_officer_changes_their_activity_and_a_passed_planned_one_becomes_held(officer_client, officer):
    activity = ActivityFactory(lead_officer=officer, planned=True)
    data = form_data(activity.estate, lead_officer=officer.pk, title="Door knock, rescheduled")
    response = officer_client.post(reverse("activities:update", args=[activity.pk]), data)
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.title == "Door knock, rescheduled" and activity.status == ActivityStatus.HELD


def test_a_planned_activity_that_did_not_go_ahead_is_cancelled_with_a_reason(officer_client, officer):
    activity = ActivityFactory(lead_officer=officer, planned=True)
    url = reverse("activities:cancel", args=[activity.pk])
    officer_client.post(url, {"reason": ""})
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.PLANNED
    officer_client.post(url, {"reason": "Hall flooded"})
    activity.refresh_from_db()
    assert (activity.status, activity.cancelled_reason) == (ActivityStatus.CANCELLED, "Hall flooded")


def test_customers_see_nothing_of_activities(customer_client):
    activity = ActivityFactory()
    assert customer_client.get(activity.get_absolute_url()).status_code == 403
    assert customer_client.get(reverse("activities:all")).status_code == 403
