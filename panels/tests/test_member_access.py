"""Members see only their panels' papers and minutes; other customers get 403; staff see all."""

import datetime

import pytest

from panels.factories import (
    ExpenseClaimFactory,
    HeldMeetingFactory,
    MeetingPaperFactory,
    MembershipFactory,
    PanelFactory,
    PublishedMeetingFactory,
    pdf_file,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def cvg(customer):
    panel = PanelFactory(name="Customer Voice Group")
    MembershipFactory(panel=panel, customer=customer, starts_on=datetime.date(2025, 1, 1))
    return panel


def _login(client, customer):
    client.force_login(customer.user)
    return client


def test_a_member_sees_published_minutes_and_downloads_papers(client, cvg, customer):
    meeting = PublishedMeetingFactory(panel=cvg, minutes="Agreed to review the damp policy.")
    paper = MeetingPaperFactory(meeting=meeting)
    _login(client, customer)
    assert "Agreed to review the damp policy." in client.get(meeting.get_absolute_url()).content.decode()
    response = client.get(paper.get_absolute_url())
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_member_does_not_see_draft_minutes(client, cvg, customer):
    meeting = HeldMeetingFactory(panel=cvg, minutes="Draft wording not agreed")
    page = _login(client, customer).get(meeting.get_absolute_url()).content.decode()
    assert "Draft wording not agreed" not in page and "will be published by" in page


def test_another_customer_gets_403_for_the_panel_its_meetings_and_papers(client, cvg, other_customer):
    meeting = PublishedMeetingFactory(panel=cvg)
    paper = MeetingPaperFactory(meeting=meeting)
    _login(client, other_customer)
    for url in (cvg.get_absolute_url(), meeting.get_absolute_url(), paper.get_absolute_url()):
        assert client.get(url).status_code == 403, url


def test_a_former_member_loses_access(client, customer):
    panel = PanelFactory()
    MembershipFactory(
        panel=panel, customer=customer, starts_on=datetime.date(2020, 1, 1), ends_on=datetime.date(2021, 1, 1)
    )
    meeting = PublishedMeetingFactory(panel=panel)
    assert _login(client, customer).get(meeting.get_absolute_url()).status_code == 403


def test_staff_see_every_panels_minutes_and_papers(officer_client, cvg):
    meeting = HeldMeetingFactory(panel=cvg, minutes="Draft for staff")
    paper = MeetingPaperFactory(meeting=meeting)
    assert "Draft for staff" in officer_client.get(meeting.get_absolute_url()).content.decode()
    assert officer_client.get(paper.get_absolute_url()).status_code == 200


def test_a_customer_sees_only_their_own_expense_claims_and_receipts(client, customer, other_customer):
    theirs = ExpenseClaimFactory(customer=other_customer, receipt=pdf_file("r.pdf"))
    _login(client, customer)
    assert client.get(theirs.get_absolute_url()).status_code == 403
    assert client.get(f"/panels/expenses/{theirs.pk}/receipt/").status_code == 403


def test_downloads_are_not_served_from_the_public_media_folder(settings, cvg):
    paper = MeetingPaperFactory(meeting=PublishedMeetingFactory(panel=cvg))
    assert not paper.file.path.startswith(str(settings.MEDIA_ROOT))
