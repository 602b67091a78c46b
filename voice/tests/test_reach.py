"""Reach of engagement on the manager's dashboard: one query, whatever the data size.

Hand-worked: two patches; patch North has 3 customers, South 1; a survey response from North; an
activity in North this quarter with 12 people engaged. Customers 75% / 25%, respondents 100% / 0%.
"""

import datetime

import pytest

from activities.factories import ActivityFactory
from engagement.factories import CustomerFactory, EstateFactory, PatchFactory
from surveys.factories import ResponseFactory
from voice.reach import reach


@pytest.mark.django_db
def test_reach_by_patch_is_read_in_one_query(django_assert_num_queries):
    north, south = PatchFactory(name="North"), PatchFactory(name="South")
    north_estate, south_estate = EstateFactory(patch=north), EstateFactory(patch=south)
    customers = [CustomerFactory(estate=north_estate) for _ in range(3)] + [CustomerFactory(estate=south_estate)]
    ResponseFactory(customer=customers[0], estate=north_estate, responded_on=datetime.date(2026, 11, 2))
    ActivityFactory(estate=north_estate, patch=north, customers_engaged=12,
                    starts_at=datetime.datetime(2026, 11, 3, 10, tzinfo=datetime.UTC))  # fmt: skip
    with django_assert_num_queries(1):
        result = reach(today=datetime.date(2026, 11, 24))
    rows = {row["name"]: row for row in result.patches}
    assert (rows["North"]["customers"], rows["South"]["customers"]) == (75, 25)
    assert (rows["North"]["responses"], rows["South"]["responses"]) == (100, 0)
    assert rows["North"]["engaged"][-1] == 12 and rows["South"]["engaged"][-1] == 0
