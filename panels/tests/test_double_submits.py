"""A double submit (a double tap, a resent POST, a retry after a lost connection) of a form that
adds a meeting paper, scrutiny evidence, a recommendation or a walk attendee adds one.

Rule (README, shared pieces): a form that creates carries `engagement.forms.OneTimeTokenField`,
its service uses `engagement.services.create_once`, and the row keeps the token (unique).
"""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from engagement.dates import date_parts_data
from panels.factories import EstateWalkFactory, HeldMeetingFactory, PanelFactory, ScrutinyProjectFactory, pdf_file
from panels.models import Evidence, MeetingPaper, Recommendation, ScrutinyStatus, WalkAttendee

pytestmark = pytest.mark.django_db


def _token(client, url):
    page = client.get(url)
    assert page.status_code == 200
    return page.context["form"]["form_token"].value()


def _twice(client, url, data):
    """The same form sent twice; `data` may be a callable giving it afresh (a file is read once)."""
    first = client.post(url, data() if callable(data) else data)
    second = client.post(url, data() if callable(data) else data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    return [str(message) for message in get_messages(second.wsgi_request)]


def test_a_meeting_paper_sent_twice_is_added_once(officer_client, officer):
    meeting = HeldMeetingFactory(panel=PanelFactory(officer=officer))
    url = reverse("panels:paper_add", args=[meeting.pk])
    token = _token(officer_client, url)
    said = _twice(
        officer_client,
        url,
        lambda: {"form_token": token, "title": "Repairs report", "kind": "paper", "file": pdf_file()},
    )
    assert MeetingPaper.objects.filter(meeting=meeting).count() == 1
    assert "That paper was already added; nothing was added twice." in said


def test_scrutiny_evidence_sent_twice_is_added_once(officer_client, officer):
    project = ScrutinyProjectFactory(lead_officer=officer, status=ScrutinyStatus.EVIDENCE)
    url = reverse("panels:evidence_add", args=[project.pk])
    data = {
        "form_token": _token(officer_client, url),
        "kind": "note",
        "title": "Mystery shopping calls",
        "notes": "6 of 10 calls answered within a minute.",
        **date_parts_data("gathered_on", timezone.localdate().isoformat()),
    }
    said = _twice(officer_client, url, data)
    assert Evidence.objects.filter(project=project).count() == 1
    assert "That evidence was already added; nothing was added twice." in said


def test_a_recommendation_sent_twice_is_added_once_with_one_number(officer_client, officer):
    project = ScrutinyProjectFactory(lead_officer=officer, status=ScrutinyStatus.REPORTING)
    url = reverse("panels:recommendation_add", args=[project.pk])
    token = _token(officer_client, url)
    said = _twice(officer_client, url, {"form_token": token, "text": "Text customers the day before."})
    assert list(Recommendation.objects.filter(project=project).values_list("number", flat=True)) == [1]
    assert "That recommendation was already added; nothing was added twice." in said
    # A fresh form adds the next one.
    officer_client.post(url, {"form_token": _token(officer_client, url), "text": "Say who is coming."})
    assert list(Recommendation.objects.filter(project=project).values_list("number", flat=True)) == [1, 2]


def test_a_token_from_another_projects_recommendation_is_refused_on_the_form(officer_client, officer):
    first = ScrutinyProjectFactory(lead_officer=officer, status=ScrutinyStatus.REPORTING)
    second = ScrutinyProjectFactory(lead_officer=officer, status=ScrutinyStatus.REPORTING)
    token = _token(officer_client, reverse("panels:recommendation_add", args=[first.pk]))
    officer_client.post(reverse("panels:recommendation_add", args=[first.pk]), {"form_token": token, "text": "One"})
    page = officer_client.post(
        reverse("panels:recommendation_add", args=[second.pk]), {"form_token": token, "text": "Two"}
    )
    assert page.status_code == 200 and "This form has already been used" in page.content.decode()
    assert not second.recommendations.exists()


def test_a_walk_partner_sent_twice_is_added_once_so_they_are_emailed_once(officer_client, officer):
    walk = EstateWalkFactory(lead_officer=officer)
    url = reverse("panels:walk_attendee_add", args=[walk.pk])
    data = {
        "form_token": _token(officer_client, url),
        "kind": "partner",
        "name": "PC Jones",
        "organisation": "West Midlands Police",
        "email": "pc.jones@police.example",
    }
    _twice(officer_client, url, data)
    assert WalkAttendee.objects.filter(walk=walk, kind="partner").count() == 1
