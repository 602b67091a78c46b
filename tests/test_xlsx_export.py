"""Every list that downloads as CSV also downloads as an Excel workbook (`?_export=xlsx`): the same
rows, filtered and sorted as on screen, typed for Excel (engagement.xlsx_export).

Read back with openpyxl. Worked by hand: an activity starting 1 July 2026 09:30 UTC is a real Excel
date-time 2026-07-01 10:30 (London, BST), shown "yyyy-mm-dd hh:mm"; 12 customers engaged is the number
12; a title "=HYPERLINK(...)" is the text "'=HYPERLINK(...)" (the CSV's rule: never a formula); the
header row is bold and frozen; a column is at least as wide as its header.
"""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from activities.factories import ActivityFactory
from engagement.factories import EstateFactory
from engagement.xlsx_export import CONTENT_TYPE, MAX_WIDTH, column_widths, xlsx_value

pytestmark = pytest.mark.django_db


def _sheet(response):
    assert response["Content-Type"] == CONTENT_TYPE
    assert response["Content-Disposition"].startswith('attachment; filename="')
    assert ".xlsx" in response["Content-Disposition"]
    return load_workbook(io.BytesIO(b"".join(response.streaming_content))).active


def test_an_activity_list_downloads_as_a_typed_workbook(manager_client, officer):
    ActivityFactory(
        lead_officer=officer,
        title='=HYPERLINK("http://evil.example","Open")',
        starts_at=datetime.datetime(2026, 7, 1, 9, 30, tzinfo=datetime.UTC),
        estate=EstateFactory(name="Rowan Court"),
    )
    sheet = _sheet(manager_client.get(reverse("activities:all"), {"_export": "xlsx"}))
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["Title", "Type", "When"]
    row = {name: cell for name, cell in zip(header, sheet[2], strict=True)}
    assert row["Title"].value == '\'=HYPERLINK("http://evil.example","Open")'
    assert row["Title"].data_type == "s"
    assert row["When"].value == datetime.datetime(2026, 7, 1, 10, 30)
    assert row["When"].is_date and row["When"].number_format == "yyyy-mm-dd hh:mm"
    assert row["Customers engaged"].value == 12 and row["Customers engaged"].data_type == "n"
    assert row["Report"].is_date and row["Report"].number_format == "yyyy-mm-dd"
    assert row["Where"].value == "Rowan Court"
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width >= len("Title") + 2


def test_the_workbook_has_the_csvs_rows_filtered_and_sorted_as_on_screen(manager_client, officer):
    here, there = EstateFactory(name="Ash Court"), EstateFactory(name="Beech Court")
    for n, estate in enumerate([here, there, here]):
        ActivityFactory(lead_officer=officer, estate=estate, title=f"Meeting {n}")
    params = {"estate": here.pk, "sort": "title"}
    text = manager_client.get(reverse("activities:all"), {**params, "_export": "csv"}).getvalue().decode("utf-8-sig")
    csv_titles = [row[0] for row in csv.reader(io.StringIO(text))]
    sheet = _sheet(manager_client.get(reverse("activities:all"), {**params, "_export": "xlsx"}))
    assert [row[0] for row in sheet.iter_rows(values_only=True)] == csv_titles == ["Title", "Meeting 0", "Meeting 2"]


def test_a_list_built_from_objects_downloads_too(manager_client, officer):
    ActivityFactory(lead_officer=officer, report_due_on=datetime.date(2026, 1, 5))
    sheet = _sheet(manager_client.get(reverse("deadline_board"), {"_export": "xlsx"}))
    assert sheet.max_row >= 2 and all(cell.font.b for cell in sheet[1])


def test_every_list_page_offers_the_excel_download_next_to_the_csv(manager_client):
    page = manager_client.get(reverse("activities:all")).content.decode()
    assert "_export=csv" in page and "_export=xlsx" in page
    assert "Download Excel" in page


def test_an_unknown_export_format_shows_the_list(manager_client):
    response = manager_client.get(reverse("activities:all"), {"_export": "pdf"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")


def test_cell_values_are_typed_for_excel():
    assert xlsx_value(True) == "yes" and xlsx_value(None) is None
    assert xlsx_value(-3) == -3  # a number, not a formula
    assert xlsx_value("-1 bins emptied") == "'-1 bins emptied"
    assert xlsx_value("bell\x07ringer") == "bellringer"  # XML cannot hold control characters
    assert xlsx_value(datetime.date(2026, 7, 1)) == datetime.date(2026, 7, 1)


def test_columns_are_sized_from_the_header_and_the_rows_within_limits():
    widths = column_widths(["Title", "When", "Notes"], [["Hi", datetime.datetime(2026, 1, 1), "x" * 500]])
    assert widths == [8, 18, MAX_WIDTH]
