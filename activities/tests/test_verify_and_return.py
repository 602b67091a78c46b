import pytest
from django.urls import reverse

from activities.factories import ActivityFactory
from activities.models import ActivityStatus
from engagement.models import Notification

pytestmark = pytest.mark.django_db


def test_the_manager_verifies_a_filed_report(manager_client, manager, officer):
    activity = ActivityFactory(lead_officer=officer, reported=True)
    response = manager_client.post(reverse("activities:verify", args=[activity.pk]))
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.status, activity.verified_by) == (ActivityStatus.VERIFIED, manager)
    assert Notification.objects.filter(user=officer, title__startswith="Report verified").exists()


def test_an_officer_cannot_verify_a_report(officer_client, officer):
    activity = ActivityFactory(lead_officer=officer, reported=True)
    assert officer_client.post(reverse("activities:verify", args=[activity.pk])).status_code == 403
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.REPORTED


def test_a_report_still_owed_cannot_be_verified(manager_client, officer):
    activity = ActivityFactory(lead_officer=officer)
    manager_client.post(reverse("activities:verify", args=[activity.pk]))
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.HELD


def test_returning_a_report_needs_a_comment_and_tells_the_officer(
    manager_client, officer, django_capture_on_commit_callbacks, mailoutbox
):
    activity = ActivityFactory(lead_officer=officer, reported=True)
    url = reverse("activities:return", args=[activity.pk])
    response = manager_client.post(url, {"comment": ""})
    assert response.status_code == 200 and "There is a problem" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(url, {"comment": "Add the number of customers assisted."})
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.RETURNED
    assert activity.return_comment == "Add the number of customers assisted."
    notice = Notification.objects.get(user=officer)
    assert "Add the number of customers assisted." in notice.body
    assert notice.url == reverse("activities:report", args=[activity.pk])
    assert [message.to for message in mailoutbox] == [[officer.email]]


def test_the_officer_sees_the_return_comment_on_the_activity_page(officer_client, officer, manager):
    activity = ActivityFactory(
        lead_officer=officer, reported=True, status=ActivityStatus.RETURNED, return_comment="Photos missing"
    )
    body = officer_client.get(activity.get_absolute_url()).content.decode()
    assert "Photos missing" in body and "Correct and re-file the report" in body
