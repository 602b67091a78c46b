"""The board pack, the annual customer voice report and the TSM return state the weighting and
"who we heard from" through engagement.registry.report_sections (voice registers them; charter and
regulator import nothing of voice), and carry only suppressed counts, never one person's answers."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from charter.factories import BoardReportFactory
from charter.models import ReportKind
from charter.pack import board_pack_context
from voice.services import equality_profile_record

WORDS = ["Gypsy or Irish Traveller", "Bisexual", "Sikh"]


@pytest.fixture
def answered(other_customer):
    answers = {"ethnicity": "white_gypsy_traveller", "sexual_orientation": "bisexual", "religion": "sikh"}
    equality_profile_record(customer=other_customer, answers={**answers, "age_band": "16_34"}, method="profile")
    return other_customer


@pytest.mark.django_db
def test_the_annual_report_says_who_we_heard_from_with_only_suppressed_counts(answered):
    report = BoardReportFactory(
        kind=ReportKind.ANNUAL, period_start=datetime.date(2025, 1, 1), period_end=datetime.date(2025, 12, 31)
    )
    context = board_pack_context(report=report)
    assert [section["key"] for section in context["sections"]] == ["voice.heard_from"]
    html = render_to_string("charter/pdf/board_report.html", context)
    assert "Who we heard from this year" in html
    for word in WORDS:
        assert word not in html
    # The one customer aged 16–34 is a hidden cell: a "*", never a share.
    section = html[html.index('id="heard-from"') :]
    row = section[section.index("16–34") :].split("</tr>")[0]
    assert '<td class="num">*</td>' in row and "%" not in row


@pytest.mark.django_db
def test_the_quarterly_board_pack_and_the_tsm_return_state_the_weighting(manager_client):
    report = BoardReportFactory(kind=ReportKind.QUARTER)
    html = render_to_string("charter/pdf/board_report.html", board_pack_context(report=report))
    assert "Were the satisfaction results weighted?" in html
    page = manager_client.get(reverse("regulator:annual_return", args=[2026])).content.decode()
    assert "Weighting of the perception survey" in page
