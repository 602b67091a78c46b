"""The shared list page (engagement/list.html): page sizes asked for in the address bar are
bounded (1..100, anything below 1 or not a number gives the list's own size), every row can read
as a card on a phone (each cell labelled with its column, the title first), and the filters are
drawn without crispy but with their labels, hints and errors."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.factories import ActivityFactory
from engagement.csv_export import MAX_PER_PAGE

pytestmark = pytest.mark.django_db


@pytest.fixture
def many_activities(officer):
    now = timezone.now()
    for n in range(MAX_PER_PAGE + 20):
        ActivityFactory(lead_officer=officer, starts_at=now - datetime.timedelta(hours=n))


@pytest.mark.parametrize(
    ("asked", "shown"),
    [("-1", 25), ("0", 25), ("abc", 25), ("100000", MAX_PER_PAGE), ("50", 50), ("1", 1)],
)
def test_the_page_size_in_the_address_is_kept_between_1_and_100(officer_client, many_activities, asked, shown):
    response = officer_client.get(reverse("activities:all"), {"per_page": asked})
    assert response.status_code == 200
    table = response.context["table"]
    assert len(table.page.object_list) == shown
    assert table.paginator.count == MAX_PER_PAGE + 20


def test_a_negative_page_size_does_not_break_any_list(officer_client, manager_client, many_activities):
    for name in ("activities:mine", "activities:reports_due", "action_list", "customer_list", "deadline_board"):
        assert officer_client.get(reverse(name), {"per_page": "-1"}).status_code == 200
    assert manager_client.get(reverse("feedback:complaints"), {"per_page": "-1", "page": "-3"}).status_code == 200


def test_each_row_carries_what_a_phone_needs_to_show_it_as_a_card(officer_client, officer):
    ActivityFactory(lead_officer=officer, title="Door knock on Rowan Way")
    body = officer_client.get(reverse("activities:all")).content.decode()
    assert 'class="table table-striped align-middle table-stack"' in body
    assert 'class="stack-title"' in body  # the title cell, no label
    assert 'class="stack-lead" data-label="When"' in body
    assert 'data-label="Lead officer"' in body
    assert "<summary" in body  # the filters fold away


def test_the_filters_keep_their_labels_and_show_their_errors(officer_client):
    body = officer_client.get(reverse("activities:all"), {"from_date": "not a date"}).content.decode()
    assert '<label class="form-label" for="id_q">Search title, purpose or place</label>' in body
    assert 'class="form-select"' in body
    assert "is-invalid" in body and "invalid-feedback" in body
    assert '<details class="mb-3" open' in body  # a filtered list shows its filters


def test_table_cells_read_each_functions_signature_once_with_the_same_answer_as_django_tables2():
    from django_tables2 import utils

    from engagement import table_cells

    class Table:
        def render_place(self, record, value, *args):
            return value

        def value_due(self, **kwargs):
            return kwargs

    def linkify(record):
        return record

    assert utils.signature is table_cells.signature  # installed by EngagementConfig.ready
    for fn in (Table().render_place, Table().value_due, linkify, lambda value, bound_column: value):
        assert table_cells.signature(fn) == table_cells._original(fn)
    table_cells._parameters.cache_clear()
    for _ in range(50):
        table_cells.signature(Table().render_place)  # a new bound method each cell, one function
    assert table_cells._parameters.cache_info().misses == 1
