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
