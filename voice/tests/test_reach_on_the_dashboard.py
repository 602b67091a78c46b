"""The manager's dashboard shows reach from the cache, saying when it was worked out.

The reach query reads every customer and the year's responses (130 ms at landlord scale), so the
panel is worked out at most once in REACH_CACHE_SECONDS for the same day and says at what time.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.factories import ActivityFactory
from engagement.factories import CustomerFactory, EstateFactory, PatchFactory
from voice.reach import reach_recent

pytestmark = pytest.mark.django_db


def test_reach_is_worked_out_once_and_read_from_the_cache_after(django_assert_num_queries):
    north = EstateFactory(patch=PatchFactory(name="North"))
    CustomerFactory(estate=north)
    today = datetime.date(2026, 11, 24)
    with django_assert_num_queries(1):
        first, when = reach_recent(today=today)
    CustomerFactory(estate=EstateFactory(patch=PatchFactory(name="South")))
    with django_assert_num_queries(0):
        again, again_when = reach_recent(today=today)
    assert [p["name"] for p in again.patches] == ["North"] and again_when == when
    with django_assert_num_queries(1):  # a new day is worked out afresh
        tomorrow, _ = reach_recent(today=today + datetime.timedelta(days=1))
    assert [p["name"] for p in tomorrow.patches] == ["North", "South"]


def test_the_panel_says_when_its_figures_were_worked_out(manager_client):
    response = manager_client.get(reverse("home"))
    text = response.content.decode()
    assert "Who we hear from" in text
    assert "Worked out at " in text and "refreshed every 10 minutes" in text


def test_activities_count_on_the_local_day_they_start_at_the_edge_of_the_period():
    """A quarter begins at local midnight: an activity at 00:30 BST on 1 July 2026 (23:30 UTC on
    30 June) is in the July quarter, one at 23:30 BST on 30 June in the April quarter."""
    north = EstateFactory(patch=PatchFactory(name="North"))
    CustomerFactory(estate=north)
    london = timezone.get_default_timezone()
    ActivityFactory(estate=north, patch=north.patch, customers_engaged=5,
                    starts_at=datetime.datetime(2026, 7, 1, 0, 30, tzinfo=london))  # fmt: skip
    ActivityFactory(estate=north, patch=north.patch, customers_engaged=3,
                    starts_at=datetime.datetime(2026, 6, 30, 23, 30, tzinfo=london))  # fmt: skip
    found, _ = reach_recent(today=datetime.date(2026, 9, 30))
    row = next(p for p in found.patches if p["name"] == "North")
    labels = [q.label for q in found.quarters]
    assert dict(zip(labels, row["engaged"], strict=True))[found.quarters[-1].label] == 5
    assert dict(zip(labels, row["engaged"], strict=True))[found.quarters[-2].label] == 3
