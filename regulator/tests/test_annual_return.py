"""The annual TSM return: every measure the Regulator collects, per stock type, on one page and in one
CSV; the manager enters the measures this portal does not own (BS, RP, NM) with evidence.

Hand-worked year 2026/27: one estate of 118 rented and 22 shared-ownership homes; one renter answers
TP01 very satisfied by phone on 3 August 2026, one shared owner fairly dissatisfied online on 4
August. LCRA TP01 = 1 of 1 = 100.0%; LCHO TP01 = 0 of 1 = 0.0%. The manager enters LCRA BS01 =
99.5% (1,174 of 1,180 homes)."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from engagement.factories import EstateFactory
from regulator import selectors, services
from regulator.models import ManualMeasureValue
from surveys.services import tsm_survey_create
from surveys.tests.helpers import respond

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def year(manager):
    estate = EstateFactory(homes_lcra=118, homes_lcho=22)
    survey, _ = tsm_survey_create(title="TSM 2026/27", opens_on=D(2026, 4, 1), closes_on=D(2027, 3, 31))
    respond(survey, estate=estate, responded_on=D(2026, 8, 3), TP01="very_satisfied")
    respond(
        survey,
        estate=estate,
        tenure="shared_owner",
        responded_on=D(2026, 8, 4),
        channel="online",
        TP01="fairly_dissatisfied",
    )
    services.manual_value_enter(
        year=2026,
        code="BS01",
        stock="lcra",
        value=Decimal("99.5"),
        numerator=1174,
        denominator=1180,
        evidence="Gas servicing system, 31 March 2027 run",
        entered_by=manager,
    )
    return 2026


def _row(rows, code, stock):
    return next(r for r in rows if r.code == code and r.stock == stock)


def test_the_return_has_every_measure_for_each_stock_type(year):
    rows = selectors.annual_return(year=year)["rows"]
    lcra = {r.code for r in rows if r.stock == "lcra"}
    lcho = {r.code for r in rows if r.stock == "lcho"}
    tp = {f"TP{n:02d}" for n in range(1, 13)}
    manual = {"BS01", "BS02", "BS03", "BS04", "BS05", "NM01"}
    assert lcra == tp | {"CH01", "CH02", "RP01", "RP02"} | manual
    assert lcho == (tp - {"TP02", "TP03", "TP04"}) | {"CH01", "CH02"} | manual
    assert (_row(rows, "TP01", "lcra").value, _row(rows, "TP01", "lcho").value) == (100.0, 0.0)
    bs01 = _row(rows, "BS01", "lcra")
    assert (bs01.value, bs01.numerator, bs01.denominator) == (Decimal("99.50"), 1174, 1180)
    assert "Gas servicing system" in bs01.source
    assert _row(rows, "BS01", "lcho").value is None and _row(rows, "BS01", "lcho").source == "Not entered yet"


def test_the_csv_carries_the_measures_stock_sample_method_and_dates(manager_client, year):
    response = manager_client.get(reverse("regulator:annual_return_export", args=[year, "csv"]))
    assert response["Content-Disposition"] == 'attachment; filename="tsm-return-2026-27.csv"'
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert rows[0] == ["Measure", "Name", "Stock type", "Value", "Unit", "Numerator", "Denominator", "Source"]
    by_key = {(r[0], r[2]): r for r in rows[1:]}
    assert by_key[("TP01", "LCRA")][3:7] == ["100.0", "%", "1", "1"]
    assert by_key[("STOCK", "LCRA")][3] == "118" and by_key[("STOCK", "LCHO")][3] == "22"
    assert by_key[("SAMPLE", "LCHO")][3] == "1"
    assert by_key[("METHOD", "")][7] == "Online (invitation link): 1; Phone: 1"  # most first, then by name
    assert by_key[("DATES", "")][7] == "2026-08-03 to 2026-08-04"


def test_the_xlsx_carries_the_same_rows_as_the_csv(manager_client, year):
    from openpyxl import load_workbook

    csv_rows = list(
        csv.reader(
            io.StringIO(
                manager_client.get(reverse("regulator:annual_return_export", args=[year, "csv"]))
                .getvalue()
                .decode("utf-8-sig")
            )
        )
    )
    response = manager_client.get(reverse("regulator:annual_return_export", args=[year, "xlsx"]))
    assert response["Content-Disposition"] == 'attachment; filename="tsm-return-2026-27.xlsx"'
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    xlsx_rows = [["" if cell is None else str(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert xlsx_rows[0] == csv_rows[0]
    assert float({(r[0], r[2]): r[3] for r in xlsx_rows[1:]}[("TP01", "LCRA")]) == 100.0  # a number, not text
    assert len(xlsx_rows) == len(csv_rows)


def test_the_return_downloads_only_as_csv_or_xlsx(manager_client, year):
    assert manager_client.get(reverse("regulator:annual_return_export", args=[year, "pdf"])).status_code == 404


def test_a_manual_figure_needs_evidence_and_a_stock_type_it_is_reported_for(manager):
    with pytest.raises(ValidationError, match="evidence"):
        services.manual_value_enter(
            year=2026, code="NM01", stock="lcra", value=Decimal("3.2"), evidence=" ", entered_by=manager
        )
    with pytest.raises(ValidationError, match="not reported for this stock type"):
        services.manual_value_enter(
            year=2026, code="RP01", stock="lcho", value=Decimal("1"), evidence="Stock survey", entered_by=manager
        )


def test_the_manager_enters_and_corrects_a_figure_on_the_page(manager_client, year):
    url = reverse("regulator:manual_enter", args=[year, "NM01", "lcho"])
    response = manager_client.post(url, {"value": "4.5", "evidence": "ASB case system export"})
    assert response.status_code == 302
    manager_client.post(url, {"value": "4.6", "evidence": "ASB case system export, corrected"})
    row = ManualMeasureValue.objects.get(year=year, code="NM01", stock="lcho")
    assert row.value == Decimal("4.60") and row.evidence.endswith("corrected")
    page = manager_client.get(reverse("regulator:annual_return", args=[year])).content.decode()
    assert "ASB case system export, corrected" in page
    assert manager_client.get(reverse("regulator:manual_enter", args=[year, "RP01", "lcho"])).status_code == 404


def test_the_return_page_takes_a_fixed_number_of_queries(manager_client, year, django_assert_max_num_queries):
    url = reverse("regulator:annual_return", args=[year])
    with django_assert_max_num_queries(25) as small:
        manager_client.get(url)
    estate = EstateFactory(homes_lcra=10)
    survey = estate.__class__.objects.first().survey_responses.first().survey
    for n in range(5):
        respond(survey, estate=estate, responded_on=D(2026, 9, 1 + n), TP01="neither")
    with django_assert_max_num_queries(len(small.captured_queries)):
        manager_client.get(url)
