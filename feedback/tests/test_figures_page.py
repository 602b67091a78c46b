"""Staff see the feedback figures for any period on one page."""

import datetime

import pytest
from django.urls import reverse

from engagement.dates import date_parts_data
from engagement.factories import EstateFactory
from feedback.factories import ComplaintFactory

pytestmark = pytest.mark.django_db


def test_the_figures_page_shows_ch01_for_the_period_asked(officer_client):
    EstateFactory(homes_lcra=500)
    ComplaintFactory(customer=None, estate=None, received_on=datetime.date(2026, 5, 4))
    response = officer_client.get(reverse("feedback:figures"), {"start": "2026-04-01", "end": "2026-06-30"})
    figures = response.context["complaints"]
    # 1 stage 1 complaint for 500 homes = 2 per 1,000 homes; no responses, so no CH02 figure.
    assert (figures.stage1.received, figures.stage1.per_1000_homes) == (1, 2.0)
    assert figures.stage1.on_time_pct is None
    assert "no data" in response.content.decode()


def test_a_date_that_is_not_a_date_is_explained_and_the_default_used(officer_client):
    response = officer_client.get(reverse("feedback:figures"), {"start": "last tuesday"})
    assert "The start date: Enter a date, for example 27/3/2026; the default is shown." in response.content.decode()
    assert response.context["start"].month == 4 and response.context["start"].day == 1


def test_the_handler_corrects_the_details_and_the_deadlines_follow_the_received_date(officer_client, officer):
    complaint = ComplaintFactory(stage1_handler=officer, received_on=datetime.date(2026, 11, 2))
    response = officer_client.post(
        reverse("feedback:complaint_update", args=[complaint.pk]),
        {
            "customer": complaint.customer_id,
            **date_parts_data("received_on", "2026-10-30"),
            "channel": "email",
            "category": "communication",
            "description": "Corrected description.",
            "desired_outcome": "",
        },
    )
    assert response.status_code == 302
    complaint.refresh_from_db()
    # Fri 30 Oct + 5 working days = Fri 6 Nov.
    assert (complaint.category, complaint.stage1_ack_due_on) == ("communication", datetime.date(2026, 11, 6))
