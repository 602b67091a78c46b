"""The complaint page and its steps, as staff and customers see them."""

import datetime

import pytest
from django.urls import reverse

from engagement.dates import date_parts_data
from engagement.factories import OfficerFactory
from feedback.factories import ComplaintFactory, LessonsLearnedFactory
from feedback.models import Complaint

pytestmark = pytest.mark.django_db
D = datetime.date


def test_customers_cannot_open_any_complaint_page_even_their_own(customer_client, customer):
    complaint = ComplaintFactory(customer=customer)
    for name in ("complaint_detail", "complaint_update", "complaint_acknowledge", "complaint_lessons"):
        assert customer_client.get(reverse(f"feedback:{name}", args=[complaint.pk])).status_code == 403
    assert customer_client.get(reverse("feedback:complaints")).status_code == 403


def test_an_officer_reads_anyones_complaint_but_moves_on_only_their_own(officer_client, officer):
    other = ComplaintFactory(stage1_handler=OfficerFactory())
    assert officer_client.get(other.get_absolute_url()).status_code == 200
    response = officer_client.post(
        reverse("feedback:complaint_acknowledge", args=[other.pk]), {**date_parts_data("acknowledged_on", "2026-11-03")}
    )
    assert response.status_code == 403
    assert Complaint.objects.get(pk=other.pk).stage1_acknowledged_on is None


def test_the_complaint_page_shows_the_timeline_with_deadlines_and_the_audit_trail(officer_client, officer):
    complaint = ComplaintFactory(stage1_handler=officer, received_on=D(2026, 11, 2))
    officer_client.post(
        reverse("feedback:complaint_acknowledge", args=[complaint.pk]),
        {**date_parts_data("acknowledged_on", "2026-11-04")},
    )
    html = officer_client.get(complaint.get_absolute_url()).content.decode()
    assert "Stage 1 acknowledgement due (5 working days)" in html
    assert "Mon 9 Nov 2026" in html
    assert "Stage 1 acknowledged" in html
    assert "Wed 18 Nov 2026" in html  # response due: 10 working days after Wed 4 Nov
    # The audit entry names who changed the record and what changed.
    assert "Record of the complaint changed" in html
    assert "By Olivia Officer" in html
    assert "Awaiting acknowledgement → Being investigated" in html


def test_the_response_form_refuses_an_upheld_outcome_without_a_remedy(officer_client, officer):
    complaint = ComplaintFactory(stage1_handler=officer, acknowledged=True)
    url = reverse("feedback:complaint_respond", args=[complaint.pk])
    response = officer_client.post(
        url, {"outcome": "upheld", "remedy": "", **date_parts_data("responded_on", "2026-11-10")}
    )
    assert "putting things right" in response.content.decode()
    response = officer_client.post(
        url, {"outcome": "upheld", "remedy": "Repair and £50", **date_parts_data("responded_on", "2026-11-10")}
    )
    assert response.status_code == 302
    assert Complaint.objects.get(pk=complaint.pk).responded_on_time(1) is True


def test_closing_an_upheld_complaint_without_lessons_learned_explains_why_not(officer_client, officer):
    complaint = ComplaintFactory(stage1_handler=officer, upheld=True)
    url = reverse("feedback:complaint_close", args=[complaint.pk])
    response = officer_client.post(url, {**date_parts_data("closed_on", "2026-11-20")})
    assert response.status_code == 200
    assert "record the lessons learned before closing" in response.content.decode()
    LessonsLearnedFactory(complaint=complaint)
    assert officer_client.post(url, {**date_parts_data("closed_on", "2026-11-20")}).status_code == 302
    assert Complaint.objects.get(pk=complaint.pk).status == "closed"


def test_the_escalation_form_offers_only_other_handlers(officer_client, officer, other_officer):
    complaint = ComplaintFactory(stage1_handler=officer, responded=True)
    url = reverse("feedback:complaint_escalate", args=[complaint.pk])
    form = officer_client.get(url).context["form"]
    assert officer not in form.fields["handler"].queryset
    assert other_officer in form.fields["handler"].queryset
    response = officer_client.post(
        url, {**date_parts_data("requested_on", "2026-11-20"), "reason": "Unhappy", "handler": officer.pk}
    )
    assert response.status_code == 200
    assert Complaint.objects.get(pk=complaint.pk).stage == 1
    response = officer_client.post(
        url, {**date_parts_data("requested_on", "2026-11-20"), "reason": "Unhappy", "handler": other_officer.pk}
    )
    assert response.status_code == 302
    assert Complaint.objects.get(pk=complaint.pk).stage2_handler == other_officer


def test_an_extension_beyond_the_code_is_explained_on_the_form(officer_client, officer):
    complaint = ComplaintFactory(
        stage1_handler=officer, acknowledged=True, received_on=D(2026, 11, 2), stage1_acknowledged_on=D(2026, 11, 4)
    )
    url = reverse("feedback:complaint_extend", args=[complaint.pk])
    page = officer_client.get(url)
    assert "no later than 2 December 2026" in page.content.decode()
    response = officer_client.post(
        url,
        {
            **date_parts_data("new_due_on", "2026-12-03"),
            "reason": "Complex",
            **date_parts_data("agreed_on", "2026-11-16"),
        },
    )
    assert "the latest date is 2 December 2026" in response.content.decode()
    response = officer_client.post(
        url,
        {
            **date_parts_data("new_due_on", "2026-12-02"),
            "reason": "Complex",
            **date_parts_data("agreed_on", "2026-11-16"),
        },
    )
    assert response.status_code == 302
    html = officer_client.get(complaint.get_absolute_url()).content.decode()
    assert "Extended to" in html and "Wed 2 Dec 2026" in html


def test_a_step_that_is_not_possible_now_sends_you_back_to_the_complaint(officer_client, officer):
    complaint = ComplaintFactory(stage1_handler=officer)
    response = officer_client.get(reverse("feedback:complaint_respond", args=[complaint.pk]))
    assert response["Location"] == complaint.get_absolute_url()
