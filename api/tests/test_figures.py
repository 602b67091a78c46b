"""The figures endpoints serve, per UK financial quarter, exactly what the portal's pages show: they
call the same selectors (feedback.selectors.complaint_figures for the complaints figures page,
regulator.selectors.tsm_report for the TSM page, charter.selectors.charter_rows for the charter
page). Tests compare with those functions, and one complaints quarter is worked by hand.

Worked by hand (Complaint Handling Code, stage 1 respond within 10 working days of acknowledging):
in Q3 2026/27 (1 Oct–31 Dec 2026) three stage 1 complaints are received; two are answered in the
quarter, one on time and one late: 2 responded, 1 on time, within-timescale 50.0%.
"""

import datetime

import pytest
from django.urls import reverse

from api.figures import quarters_asked
from charter.factories import MeasureFactory, MeasureValueFactory
from engagement.quarters import Quarter
from feedback.factories import ComplaintFactory
from feedback.selectors import complaint_figures
from regulator.selectors import tsm_report
from tests.support import freeze_now

pytestmark = pytest.mark.django_db
Q3 = Quarter(2026, 3)


@pytest.fixture(autouse=True)
def _after_q3(monkeypatch):
    freeze_now(monkeypatch, datetime.datetime(2027, 1, 15, 12, 0, tzinfo=datetime.UTC))


@pytest.fixture
def figures_reader(bearer, issue):
    _, token = issue("figures:read")
    return bearer(token)


def test_quarters_asked_default_to_this_quarter_and_the_three_before_newest_first():
    today = datetime.date(2026, 11, 24)
    assert quarters_asked(start=None, end=None, today=today) == [
        Quarter(2026, 3),
        Quarter(2026, 2),
        Quarter(2026, 1),
        Quarter(2025, 4),
    ]


def test_quarters_asked_cover_every_quarter_the_dates_touch_but_none_in_the_future():
    today = datetime.date(2026, 11, 24)
    asked = quarters_asked(start=datetime.date(2026, 3, 31), end=datetime.date(2027, 6, 1), today=today)
    assert asked == [Quarter(2026, 3), Quarter(2026, 2), Quarter(2026, 1), Quarter(2025, 4)]


def _responded(received, responded_on):
    complaint = ComplaintFactory(received_on=received, stage1_acknowledged_on=received)
    complaint.stage1_responded_on = responded_on
    complaint.stage1_outcome = "not_upheld"
    complaint.status = "responded"
    complaint.stage1_working_days = 1
    complaint.save()
    return complaint


def test_complaints_figures_for_a_quarter_worked_by_hand(figures_reader):
    on_time = _responded(datetime.date(2026, 10, 5), datetime.date(2026, 10, 9))
    late = _responded(datetime.date(2026, 10, 5), datetime.date(2026, 12, 1))
    assert late.stage1_response_due_on < datetime.date(2026, 12, 1) <= datetime.date(2026, 12, 31)
    assert on_time.stage1_response_due_on >= datetime.date(2026, 10, 9)
    ComplaintFactory(received_on=datetime.date(2026, 11, 2))
    response = figures_reader.get(reverse("api:complaint_figures"), {"start": "2026-10-01", "end": "2026-12-31"})
    assert response.status_code == 200
    [q3] = response.json()["results"]
    assert q3["quarter"] == "2026-27-q3" and q3["label"] == "Q3 2026/27"
    assert q3["stage1"]["received"] == 3
    assert (q3["stage1"]["responded"], q3["stage1"]["on_time"], q3["stage1"]["on_time_pct"]) == (2, 1, 50.0)
    assert q3["on_time_pct"] == 50.0


def test_complaints_figures_are_the_complaints_pages_figures(figures_reader):
    _responded(datetime.date(2026, 10, 5), datetime.date(2026, 10, 9))
    ComplaintFactory(received_on=datetime.date(2026, 11, 2), category="antisocial")
    page = complaint_figures(start=Q3.start, end=Q3.end)
    [q3] = figures_reader.get(reverse("api:complaint_figures"), {"start": "2026-10-01", "end": "2026-12-31"}).json()[
        "results"
    ]
    assert q3["homes"] == page.homes
    assert q3["stage1"]["per_1000_homes"] == page.stage1.per_1000_homes
    assert q3["average_working_days"] == page.average_working_days
    assert {c["category"]: c["count"] for c in q3["by_category"]} == {v: n for v, _label, n in page.by_category}


def test_tsm_figures_are_the_tsm_pages_figures(figures_reader):
    _responded(datetime.date(2026, 10, 5), datetime.date(2026, 10, 9))
    page = tsm_report(start=Q3.start, end=Q3.end)
    [q3] = figures_reader.get(reverse("api:tsm_figures"), {"start": "2026-10-01", "end": "2026-12-31"}).json()[
        "results"
    ]
    measures = {(m["code"], m["stage"]): {c["stock"]: c for c in m["cells"]} for m in q3["measures"]}
    assert {code for code, _stage in measures} >= {"TP01", "TP12", "CH01", "CH02"}
    ch02 = next(row for row in page.complaints if row["code"] == "CH02" and row["stage"] == 1)
    assert measures[("CH02", 1)]["lcra"]["value"] == ch02["cells"]["lcra"].on_time_pct
    assert measures[("CH02", 1)]["lcra"]["denominator"] == ch02["cells"]["lcra"].responded
    assert [s["homes"] for s in q3["stocks"]] == [page.homes[s] for s in ("lcra", "lcho")]
    assert "TP02" not in {code for code, _ in measures if "lcho" in measures[(code, _)]}


def test_charter_figures_are_the_stored_quarter_figures_the_charter_page_shows(figures_reader):
    measure = MeasureFactory()
    MeasureValueFactory(measure=measure, year=2026, quarter=2, value=87.5, numerator=7, denominator=8)
    rows = figures_reader.get(reverse("api:charter_figures"), {"start": "2026-07-01", "end": "2026-09-30"}).json()
    [q2] = rows["results"]
    [row] = [m for m in q2["measures"] if m["code"] == measure.code]
    assert (row["value"], row["numerator"], row["denominator"]) == (87.5, 7, 8)


def test_figures_come_a_few_quarters_a_page(figures_reader):
    response = figures_reader.get(reverse("api:complaint_figures"), {"start": "2024-04-01", "end": "2026-12-31"})
    body = response.json()
    assert body["count"] == 11 and len(body["results"]) == 4 and body["next"]


def test_an_end_before_the_start_is_a_400(figures_reader):
    response = figures_reader.get(reverse("api:tsm_figures"), {"start": "2026-12-31", "end": "2026-10-01"})
    assert response.status_code == 400
    assert "end" in response.json()
