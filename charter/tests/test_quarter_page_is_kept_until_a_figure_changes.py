"""The charter quarter's measures are drawn once and kept until a table they read changes, or the
day (engagement/freshness.py): a figure entered, corrected or recomputed shows at once; the
manager's links to enter figures are the manager's only."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from charter.factories import MeasureValueFactory
from charter.models import Measure, MeasureValue
from engagement.quarters import Quarter

pytestmark = pytest.mark.django_db
Q = Quarter(2026, 2)
PAGE = reverse("charter:quarter", args=[Q.code])


@pytest.fixture
def figure():
    return MeasureValueFactory(measure=Measure.objects.get(code="4.3"), year=Q.year, quarter=Q.number, value=140)


def _looked_at(client):
    for _ in range(3):
        assert client.get(PAGE).status_code == 200


def test_a_later_look_reads_no_measure_again(manager_client, figure):
    _looked_at(manager_client)
    with CaptureQueriesContext(connection) as queries:
        assert manager_client.get(PAGE).status_code == 200
    assert not [query for query in queries if "charter_measurevalue" in query["sql"]]


def _shown(client) -> str:
    page = client.get(PAGE).content.decode()
    return re.search(r'id="measure-4\.3".*?<td class="text-nowrap fw-semibold">\s*([^<\s]+)', page, re.S).group(1)


def test_a_corrected_figure_shows_at_once(manager_client, figure):
    _looked_at(manager_client)
    assert _shown(manager_client) == "140"
    MeasureValue.objects.filter(pk=figure.pk).update(value=155)
    assert _shown(manager_client) == "155"


def test_the_links_to_enter_figures_are_the_managers_only(manager_client, officer_client, figure):
    _looked_at(manager_client)
    _looked_at(officer_client)
    assert "Correct the figure" in manager_client.get(PAGE).content.decode()
    officer_page = officer_client.get(PAGE).content.decode()
    assert "Correct the figure" not in officer_page and "Add a note" not in officer_page
