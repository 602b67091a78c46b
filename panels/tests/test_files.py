"""Panels' private files are sent by the core's one file response, each after its view's own check:
papers and reports download, photos show in a sandbox, nothing is cached, a lost file is a 404."""

import datetime

import pytest

from panels.factories import (
    EstateWalkFactory,
    EvidenceFactory,
    ExpenseClaimFactory,
    MeetingPaperFactory,
    MembershipFactory,
    PanelFactory,
    PublishedMeetingFactory,
    ScrutinyProjectFactory,
    pdf_file,
    png_file,
)
from panels.models import WalkIssue

pytestmark = pytest.mark.django_db


def _sent(response, *, disposition: str, content_type: str) -> bytes:
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith(disposition)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Security-Policy"].startswith("sandbox;")
    return b"".join(response.streaming_content)


def test_a_meeting_paper_downloads_even_when_it_is_a_photo(client, customer):
    panel = PanelFactory()
    MembershipFactory(panel=panel, customer=customer, starts_on=datetime.date(2025, 1, 1))
    meeting = PublishedMeetingFactory(panel=panel)
    pdf = MeetingPaperFactory(meeting=meeting)
    photo = MeetingPaperFactory(meeting=meeting, file=png_file("flipchart.png"))
    client.force_login(customer.user)
    body = _sent(client.get(pdf.get_absolute_url()), disposition="attachment", content_type="application/pdf")
    assert body.startswith(b"%PDF-")
    _sent(client.get(photo.get_absolute_url()), disposition="attachment", content_type="image/png")


def test_evidence_photos_show_in_the_browser_and_other_evidence_downloads(officer_client):
    photo = EvidenceFactory(file=png_file("damp.png"))
    pdf = EvidenceFactory(file=pdf_file("survey.pdf"))
    _sent(officer_client.get(f"/panels/evidence/{photo.pk}/"), disposition="inline", content_type="image/png")
    _sent(officer_client.get(f"/panels/evidence/{pdf.pk}/"), disposition="attachment", content_type="application/pdf")


def test_the_final_report_downloads_and_only_for_the_panel_and_staff(client, officer_client, other_customer):
    project = ScrutinyProjectFactory(report_file=pdf_file("report.pdf"))
    url = f"/panels/scrutiny/{project.pk}/report/download/"
    _sent(officer_client.get(url), disposition="attachment", content_type="application/pdf")
    client.force_login(other_customer.user)
    assert client.get(url).status_code == 403


def test_a_walk_photo_shows_in_the_browser_for_staff_only(officer_client, client, customer):
    walk = EstateWalkFactory()
    issue = WalkIssue.objects.create(walk=walk, description="Graffiti", location="Garages", photo=png_file())
    _sent(officer_client.get(f"/panels/issues/{issue.pk}/photo/"), disposition="inline", content_type="image/png")
    client.force_login(customer.user)
    assert client.get(f"/panels/issues/{issue.pk}/photo/").status_code == 403


def test_a_claimant_sees_their_own_receipt(client, customer):
    claim = ExpenseClaimFactory(customer=customer, receipt=pdf_file("bus.pdf"))
    client.force_login(customer.user)
    response = client.get(f"/panels/expenses/{claim.pk}/receipt/")
    _sent(response, disposition="attachment", content_type="application/pdf")


def test_a_missing_or_lost_file_is_a_404_not_a_500(officer_client):
    claim = ExpenseClaimFactory()
    assert officer_client.get(f"/panels/expenses/{claim.pk}/receipt/").status_code == 404
    paper = MeetingPaperFactory(meeting=PublishedMeetingFactory())
    paper.file.storage.delete(paper.file.name)
    assert officer_client.get(paper.get_absolute_url()).status_code == 404
