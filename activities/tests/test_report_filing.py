"""Filing the activity report: outcome, what customers said, actions and files, once."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from activities.factories import ActivityFactory
from activities.models import ActivityStatus
from engagement.dates import date_parts_data
from engagement.models import Action
from tests.support import freeze_now

from .helpers import PDF_BYTES, at, png_bytes

pytestmark = pytest.mark.django_db


def report_data(owner, **overrides):
    due = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    data = {
        "outcome": "Agreed an extra bin collection",
        "customers_said": "Bins overflow at weekends",
        "customers_engaged": "18",
        "customers_assisted": "2",
        "feedback_captured": "on",
        "feedback_notes": "Bins",
        "attachment_kind": "sign_in",
        "actions-TOTAL_FORMS": "3",
        "actions-INITIAL_FORMS": "0",
        "actions-MIN_NUM_FORMS": "0",
        "actions-MAX_NUM_FORMS": "20",
        "actions-0-you_said": "Bins overflow at weekends",
        "actions-0-we_will": "Ask for a Saturday collection",
        "actions-0-owner": str(owner.pk),
        **date_parts_data("due_on", due, prefix="actions-0"),
        "actions-0-publish": "on",
        "actions-1-owner": str(owner.pk),
        **date_parts_data("due_on", due, prefix="actions-1"),
        "actions-2-owner": str(owner.pk),
        **date_parts_data("due_on", due, prefix="actions-2"),
    }
    data.update(overrides)
    return data


def test_the_report_page_shows_the_due_date_and_working_days_left(officer_client, officer, monkeypatch):
    # Held Monday 16 November 2026, so due Monday 23 November; today is Wednesday 18 November:
    # Thu 19 (1), Fri 20 (2), Mon 23 (3) working days left.
    freeze_now(monkeypatch, at(2026, 11, 18, 12))
    activity = ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 16))
    body = officer_client.get(reverse("activities:report", args=[activity.pk])).content.decode()
    assert "Monday 23 November 2026" in body
    assert "due in 3 working days" in body


def test_an_overdue_report_page_says_how_many_working_days_overdue(officer_client, officer, monkeypatch):
    # Due Monday 23 November 2026; today is Friday 27 November: Tue (1) … Fri (4) working days overdue.
    freeze_now(monkeypatch, at(2026, 11, 27, 12))
    activity = ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 16))
    body = officer_client.get(reverse("activities:report", args=[activity.pk])).content.decode()
    assert "4 working days overdue" in body


def test_filing_the_report_creates_its_actions_and_keeps_the_files(
    officer_client, officer, django_capture_on_commit_callbacks
):
    activity = ActivityFactory(lead_officer=officer)
    data = report_data(officer)
    data["attachments"] = [
        SimpleUploadedFile("sheet.pdf", PDF_BYTES, content_type="application/pdf"),
        SimpleUploadedFile("photo.png", png_bytes(), content_type="image/png"),
    ]
    response = officer_client.post(reverse("activities:report", args=[activity.pk]), data)
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.REPORTED and activity.reported_at is not None
    assert activity.customers_engaged == 18
    action = Action.objects.from_source(activity).get()
    assert (action.we_will, action.owner, action.publish, action.estate) == (
        "Ask for a Saturday collection",
        officer,
        True,
        activity.estate,
    )
    assert sorted(activity.attachments.values_list("content_type", flat=True)) == ["application/pdf", "image/png"]
    # A second submit (back button, double tap) changes nothing and adds no action.
    officer_client.post(reverse("activities:report", args=[activity.pk]), report_data(officer))
    assert Action.objects.from_source(activity).count() == 1


def test_a_half_filled_action_row_is_explained_and_nothing_is_filed(officer_client, officer):
    activity = ActivityFactory(lead_officer=officer)
    data = report_data(officer, **{"actions-0-we_will": ""})
    response = officer_client.post(reverse("activities:report", args=[activity.pk]), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Action 1, We will: Say what we will do about it." in body
    assert "Agreed an extra bin collection" in body  # what was typed is kept
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.HELD and not Action.objects.exists()


def test_a_file_that_is_not_an_image_or_pdf_is_refused(officer_client, officer):
    activity = ActivityFactory(lead_officer=officer)
    data = report_data(officer)
    data["attachments"] = [SimpleUploadedFile("photo.jpg", b"MZ\x90\x00 not really a photo")]
    body = officer_client.post(reverse("activities:report", args=[activity.pk]), data).content.decode()
    assert "photo.jpg is not a photo (JPEG, PNG, GIF or WebP) or a PDF" in body
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.HELD


def test_the_report_of_an_activity_still_to_come_cannot_be_filed(officer_client, officer):
    activity = ActivityFactory(lead_officer=officer, planned=True)
    response = officer_client.get(reverse("activities:report", args=[activity.pk]))
    assert response.status_code == 302 and response["Location"] == activity.get_absolute_url()


def test_another_officer_cannot_file_my_report(officer_client, other_officer):
    activity = ActivityFactory(lead_officer=other_officer)
    assert (
        officer_client.post(reverse("activities:report", args=[activity.pk]), report_data(other_officer)).status_code
        == 403
    )


def test_a_returned_report_is_corrected_and_filed_again_keeping_the_first_filing_time(officer_client, officer):
    first_filed = timezone.now() - datetime.timedelta(days=1)
    activity = ActivityFactory(
        lead_officer=officer, reported=True, status=ActivityStatus.RETURNED, reported_at=first_filed
    )
    response = officer_client.post(reverse("activities:report", args=[activity.pk]), report_data(officer))
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.REPORTED and activity.reported_at == first_filed
