"""The annual customer voice report: which year it is about by default, what a year's figure is judged
against, and the Customer Voice Group's own foreword.

Rules: the default is the last complete calendar year with figures in every quarter, else the complete
year with the most quarters with figures (charter.selectors.annual_report_default_year). A year's
target (Measure.year_target): the annual target when set; else four times the quarterly target for
counts and rates per 1,000 homes, the quarterly target for percentages and averages. 1.1 Engagement
activities held: 30 a quarter, so 120 a year; 1.3 reports on time: 90% either way; 7.10 involved
customers is a level, not a flow: 40 at the year's end (set in migration 0004).
"""

import datetime
import uuid

import pytest
from django.urls import reverse

from charter.factories import BoardReportFactory, MeasureValueFactory
from charter.forms import BoardReportRequestForm
from charter.models import BoardReport, Measure, ReportKind
from charter.selectors import annual_report_default_year
from charter.services import board_report_build, board_report_schedule
from engagement.quarters import Period, calendar_year_quarters

from .test_board_report_pdf import _text

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 23)


def _figures(year: int, quarters: int = 4):
    measure = Measure.objects.get(code="4.3")
    for quarter in calendar_year_quarters(year)[:quarters]:
        MeasureValueFactory(measure=measure, year=quarter.year, quarter=quarter.number, value=140)


def test_the_default_year_is_the_last_complete_year_with_figures_in_every_quarter():
    _figures(2024)
    _figures(2025, quarters=1)  # only January to March 2025 has figures
    assert annual_report_default_year(today=TODAY) == 2024
    assert BoardReportRequestForm(today=TODAY).fields["year"].initial == "2024"


def test_with_no_complete_year_the_default_is_the_year_with_most_figures_or_last_year():
    assert annual_report_default_year(today=TODAY) == 2025
    _figures(2023, quarters=2)
    _figures(2025, quarters=1)
    assert annual_report_default_year(today=TODAY) == 2023


def test_a_years_figure_is_judged_against_the_annual_target():
    held = Measure.objects.get(code="1.1")
    on_time = Measure.objects.get(code="1.3")
    involved = Measure.objects.get(code="7.10")
    assert (held.target, held.year_target) == (30, 120)
    assert (on_time.target, on_time.year_target) == (90, 90)
    assert (involved.target, involved.year_target) == (40, 40)


def test_the_annual_report_compares_the_years_total_with_the_annual_target(registry):
    registry.add("activities.held", value=90, unit="count")  # 90 in the year against 30 a quarter, 120 a year
    report = BoardReportFactory(
        kind=ReportKind.ANNUAL,
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 12, 31),
        period_label=Period.for_year(2025).label,
        foreword="We, the Customer Voice Group, met six times this year.\nThe landlord listened.",
    )
    assert board_report_build(report_id=report.pk) is True
    report.refresh_from_db()
    text = " ".join(_text(report.file.path).split())
    assert "1.1 Engagement activities held" in text
    # 90 against a year's 120: short by 30, more than the year's tolerance (6 a quarter, 24 a year): off target.
    assert "1.1 Engagement activities 90 90 90 90 90 120 ■ Off target held" in text
    assert "Entered quarterly" not in text and "No figure" in text
    assert "Foreword by the Customer Voice Group" in text and "met six times this year" in text


def test_the_manager_gives_the_groups_foreword_when_asking_and_the_january_job_keeps_it(
    manager_client, django_capture_on_commit_callbacks
):
    form = {
        "kind": "annual",
        "year": "2025",
        "quarter": "",
        "token": str(uuid.uuid4()),
        "foreword": "Our year in our own words.",
    }
    with django_capture_on_commit_callbacks(execute=False):
        manager_client.post(reverse("charter:report_request"), form)
        scheduled = board_report_schedule(period=Period.for_year(2025))
    asked = BoardReport.objects.get(scheduled=False)
    assert asked.foreword == "Our year in our own words." and scheduled.foreword == asked.foreword
    assert "Foreword by the Customer Voice Group" in manager_client.get(reverse("charter:report_list")).content.decode()
