"""Date-range filters on when an activity started compare aware datetimes (local days in
Europe/London), so PostgreSQL can use the starts_at index instead of converting every row."""

import datetime

import pytest
from django.db import connection

from activities.factories import ActivityFactory
from activities.models import EngagementActivity
from activities.selectors import held_by_type_and_patch

from .helpers import at

pytestmark = pytest.mark.django_db
D = datetime.date


def test_the_range_is_whole_local_days_across_british_summer_time(officer):
    # 30 June 2026 23:30 BST is 22:30 UTC: still April–June. 1 July 00:30 BST is 30 June 23:30 UTC:
    # already July, although its UTC date is 30 June.
    last_of_june = ActivityFactory(lead_officer=officer, starts_at=at(2026, 6, 30, 23, 30))
    first_of_july = ActivityFactory(lead_officer=officer, starts_at=at(2026, 7, 1, 0, 30))
    first_of_april = ActivityFactory(lead_officer=officer, starts_at=at(2026, 4, 1, 0, 0))
    in_q1 = set(EngagementActivity.objects.started_between(D(2026, 4, 1), D(2026, 6, 30)))
    assert in_q1 == {last_of_june, first_of_april}
    assert set(EngagementActivity.objects.started_between(D(2026, 7, 1), D(2026, 7, 1))) == {first_of_july}


def test_the_dashboard_aggregate_uses_the_starts_at_index_on_postgresql(officer):
    if connection.vendor != "postgresql":
        pytest.skip("EXPLAIN output checked on PostgreSQL only")
    ActivityFactory.create_batch(30, lead_officer=officer, starts_at=at(2025, 1, 6))
    ActivityFactory.create_batch(3, lead_officer=officer, starts_at=at(2026, 10, 6))
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {EngagementActivity._meta.db_table}")
        cursor.execute("SET LOCAL enable_seqscan = off")  # a small table is cheaper to scan
    # The manager dashboard's one aggregate (totals, by type and by patch), as it runs.
    plan = held_by_type_and_patch(start=D(2026, 10, 1), end=D(2026, 12, 31)).explain()
    assert "activity_starts_idx" in plan


def test_the_list_date_filter_takes_whole_local_days_as_datetime_bounds(officer):
    from activities.filters import ActivityFilter

    ActivityFactory(lead_officer=officer, starts_at=at(2026, 6, 30, 23, 30))  # 22:30 UTC, still June
    first_of_july = ActivityFactory(lead_officer=officer, starts_at=at(2026, 7, 1, 0, 30))  # 30 June 23:30 UTC
    ActivityFactory(lead_officer=officer, starts_at=at(2026, 7, 2, 0, 0))
    rows = ActivityFilter({"from_date": "2026-07-01", "to_date": "2026-07-01"}, EngagementActivity.objects.all()).qs
    assert list(rows) == [first_of_july]
    assert "AT TIME ZONE" not in str(rows.query) and "::date" not in str(rows.query)
