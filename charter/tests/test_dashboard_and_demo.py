import datetime
import random

import pytest
from django.urls import reverse

from charter import demo
from charter.factories import ReadyBoardReportFactory
from charter.models import MeasureValue, Source

pytestmark = pytest.mark.django_db


def test_the_manager_home_shows_the_last_quarters_rag_summary_and_latest_report(manager_client):
    report = ReadyBoardReportFactory(period_label="Q2 2026/27")
    page = manager_client.get(reverse("home")).content.decode()
    assert "Customer Charter:" in page and "on target" in page
    assert reverse("charter:report_download", args=[report.pk]) in page


def test_the_manager_home_shows_trend_charts_for_activity_reach_reports_complaints_and_tp01(manager_client, registry):
    from charter.services import charter_quarter_compute
    from engagement.quarters import Quarter

    for key, value in (
        ("activities.held", 34),
        ("activities.customers_engaged", 1_234),
        ("activities.reports_on_time_pct", 88),
        ("complaints.on_time_pct", 97),
        ("tsm.TP01", 71.5),
    ):
        registry.add(key, value=value)
    quarter = Quarter.last_closed(datetime.date.today())
    charter_quarter_compute(quarter=quarter)
    page = manager_client.get(reverse("home")).content.decode()
    for name in (
        "1.1 Engagement activities held",
        "1.2 Customers engaged at engagement activities",
        "1.3 Activity reports filed within a week of the activity",
        "6.5 Complaints responded to within the Complaint Handling Code timescales",
        "5.3 Overall satisfaction with our services (TSM TP01)",
    ):
        assert f'<svg class="chart chart-small" role="img" aria-label="{name}"' in page, name
    assert "1,234" in page  # the latest figure, with its thousands separator


def test_officers_do_not_get_the_charter_panel_but_have_the_charter_link(officer_client):
    page = officer_client.get(reverse("home")).content.decode()
    assert "Customer Charter:" not in page
    assert reverse("charter:index") in page and reverse("charter:report_list") not in page


def test_demo_seeds_six_quarters_of_manual_figures_and_running_it_again_adds_nothing(manager, registry):
    today = datetime.date(2026, 11, 23)
    demo.seed(random.Random(7), today, {"manager": manager})
    manual = MeasureValue.objects.filter(source=Source.MANUAL)
    count = manual.count()
    assert count > 0
    # The six closed quarters before 23 November 2026: Q1 2025/26 to Q2 2026/27.
    assert set(manual.values_list("year", "quarter")) == {
        (2025, 1),
        (2025, 2),
        (2025, 3),
        (2025, 4),
        (2026, 1),
        (2026, 2),
    }
    assert all(v.evidence for v in manual)
    demo.seed(random.Random(7), today, {"manager": manager})
    assert MeasureValue.objects.filter(source=Source.MANUAL).count() == count
