"""Record lists come in pages (?page=, ?page_size= up to 100) and filter by date range (?start=,
?end=, inclusive, in the portal's time zone) and estate (?estate=<id>); a bad filter is a 400.

Worked by hand: an activity that starts at 23:30 on 30 June 2026 (BST, 22:30 UTC) happened on 30 June,
so it is in ?end=2026-06-30 and not in ?start=2026-07-01; one at 00:15 on 1 July (23:15 UTC on 30 June)
is the other way round."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse

from activities.factories import ActivityFactory
from engagement.factories import EstateFactory
from feedback.factories import ComplaintFactory

pytestmark = pytest.mark.django_db
LONDON = zoneinfo.ZoneInfo("Europe/London")


@pytest.fixture
def reader(bearer, issue):
    _, token = issue("activities:read", "complaints:read")
    return bearer(token)


def test_a_list_comes_in_pages_with_links_to_the_next(reader):
    estate = EstateFactory()
    for _ in range(7):
        ActivityFactory(estate=estate, lead_officer=estate.officer)
    first = reader.get(reverse("api:activities"), {"page_size": 3}).json()
    assert first["count"] == 7 and len(first["results"]) == 3
    assert "page=2" in first["next"] and first["previous"] is None
    last = reader.get(reverse("api:activities"), {"page_size": 3, "page": 3}).json()
    assert len(last["results"]) == 1 and last["next"] is None


def test_a_page_size_beyond_100_is_cut_to_100(reader, monkeypatch):
    from api.pagination import RecordPagination

    assert RecordPagination.max_page_size == 100
    monkeypatch.setattr(RecordPagination, "max_page_size", 2)  # the ceiling, without making 101 rows
    estate = EstateFactory()
    for _ in range(3):
        ActivityFactory(estate=estate, lead_officer=estate.officer)
    assert len(reader.get(reverse("api:activities"), {"page_size": 100000}).json()["results"]) == 2


def test_a_page_past_the_end_is_404_in_json(reader):
    response = reader.get(reverse("api:activities"), {"page": 9})
    assert response.status_code == 404
    assert response.json() == {"detail": "Invalid page."}


def test_activities_filter_by_local_date_at_the_day_boundary(reader):
    estate = EstateFactory()
    late_june = ActivityFactory(estate=estate, starts_at=datetime.datetime(2026, 6, 30, 23, 30, tzinfo=LONDON))
    early_july = ActivityFactory(estate=estate, starts_at=datetime.datetime(2026, 7, 1, 0, 15, tzinfo=LONDON))

    def ids(**params):
        return {row["id"] for row in reader.get(reverse("api:activities"), params).json()["results"]}

    assert ids(start="2026-06-01", end="2026-06-30") == {late_june.pk}
    assert ids(start="2026-07-01", end="2026-07-31") == {early_july.pk}
    assert ids(start="2026-06-30", end="2026-07-01") == {late_june.pk, early_july.pk}


def test_lists_filter_by_estate(reader):
    here, there = EstateFactory(), EstateFactory()
    mine = ActivityFactory(estate=here)
    ActivityFactory(estate=there)
    complaint = ComplaintFactory(customer__estate=here)
    ComplaintFactory(customer__estate=there)
    activities = reader.get(reverse("api:activities"), {"estate": here.pk}).json()["results"]
    complaints = reader.get(reverse("api:complaints"), {"estate": here.pk}).json()["results"]
    assert [row["id"] for row in activities] == [mine.pk]
    assert [row["id"] for row in complaints] == [complaint.pk]


def test_complaints_filter_by_the_date_received(reader):
    june = ComplaintFactory(received_on=datetime.date(2026, 6, 30))
    ComplaintFactory(received_on=datetime.date(2026, 7, 1))
    rows = reader.get(reverse("api:complaints"), {"start": "2026-06-01", "end": "2026-06-30"}).json()["results"]
    assert [row["id"] for row in rows] == [june.pk]


@pytest.mark.parametrize("params", [{"start": "2026-13-45"}, {"estate": "999999"}, {"estate": "x"}])
def test_a_bad_filter_is_a_400_naming_the_field(reader, params):
    response = reader.get(reverse("api:activities"), params)
    assert response.status_code == 400
    assert set(response.json()) == set(params)
