"""The charter page for a quarter: figure, target, status in words, trend, source and drill-down."""

import pytest
from django.urls import reverse

from charter.factories import MeasureValueFactory
from charter.models import Measure
from charter.services import charter_quarter_compute
from engagement.quarters import Quarter

pytestmark = pytest.mark.django_db
Q = Quarter(2026, 2)


def test_a_computed_figure_links_to_the_records_behind_it(manager_client, registry):
    registry.add("complaints.on_time_pct", value=91.3, numerator=21, denominator=23, drilldown_url="/feedback/?x=1")
    charter_quarter_compute(quarter=Q)
    page = manager_client.get(reverse("charter:quarter", args=[Q.code])).content.decode()
    assert 'href="/feedback/?x=1"' in page and "91.3%" in page and "21 of 23" in page
    assert "Close to target" in page  # status in words, not colour alone


def test_the_manager_sees_which_figures_are_computed_and_which_are_awaiting_entry(manager_client, registry):
    registry.add("tsm.TP01", value=80)
    charter_quarter_compute(quarter=Q)
    page = manager_client.get(reverse("charter:quarter", args=[Q.code])).content.decode()
    assert "Computed" in page
    assert "Awaiting the figure for this quarter" in page
    assert "Entered manually until the portal can compute it" in page  # e.g. scrutiny.completed not registered


def test_the_trend_is_a_small_svg_with_the_figures_as_text(manager_client, registry):
    measure = Measure.objects.get(code="4.3")
    for quarter, figure in zip(Q.trailing(3), (120, 140, 155), strict=True):
        MeasureValueFactory(measure=measure, year=quarter.year, quarter=quarter.number, value=figure)
    page = manager_client.get(reverse("charter:quarter", args=[Q.code])).content.decode()
    assert '<svg class="chart chart-spark" role="img"' in page
    assert "Q4 25/26: 120; Q1 26/27: 140; Q2 26/27: 155" in page


def test_a_quarter_that_has_not_started_is_not_found(officer_client):
    assert officer_client.get(reverse("charter:quarter", args=["2099-00-q1"])).status_code == 404


def test_picking_a_quarter_in_the_form_goes_to_its_page(officer_client):
    response = officer_client.get(reverse("charter:index"), {"quarter": "2025-26-q4"})
    assert response["Location"] == reverse("charter:quarter", args=["2025-26-q4"])


@pytest.mark.parametrize("quarters", [1, 8])
def test_the_page_uses_a_fixed_number_of_queries_whatever_the_history(
    manager_client, registry, django_assert_max_num_queries, quarters
):
    for measure in Measure.objects.all():
        for quarter in Q.trailing(quarters):
            MeasureValueFactory(measure=measure, year=quarter.year, quarter=quarter.number)
    with django_assert_max_num_queries(12):
        assert manager_client.get(reverse("charter:quarter", args=[Q.code])).status_code == 200


def test_the_measure_page_lists_every_quarter_with_its_evidence(officer_client):
    measure = Measure.objects.get(code="4.3")
    MeasureValueFactory(measure=measure, year=2026, quarter=1, value=99, evidence="Sustainment log April")
    page = officer_client.get(reverse("charter:measure_detail", args=[measure.pk])).content.decode()
    assert "Q1 2026/27" in page and "Sustainment log April" in page
