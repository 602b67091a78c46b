"""Every CSV download: one streamed writer (engagement.csv_export) that neutralises formulas.

Rule (OWASP, "CSV Injection"): a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
return is run as a formula by Excel or LibreOffice; such text cells are written with a leading `'`.
Numbers are not text and stay as they are (-3 is minus three, not a formula). Worked by hand:
"=HYPERLINK(...)" -> "'=HYPERLINK(...)", "-1 bins" -> "'-1 bins", "Grass cut" -> "Grass cut".
"""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from activities.factories import ActivityFactory
from engagement import csv_export
from engagement.csv_export import csv_safe
from engagement.factories import EstateFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ('=HYPERLINK("http://x","Click")', '\'=HYPERLINK("http://x","Click")'),
        ("+44 161 496 0000", "'+44 161 496 0000"),
        ("-1 bins emptied", "'-1 bins emptied"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Grass cut on time", "Grass cut on time"),
        ("a = b", "a = b"),
        ("", ""),
    ],
)
def test_text_that_would_run_as_a_formula_is_written_with_a_leading_quote(typed, written):
    assert csv_safe(typed) == written


def test_numbers_dates_and_empty_cells_are_written_as_values_not_quoted():
    assert csv_safe(-3) == -3
    assert csv_safe(None) == ""
    assert csv_safe(True) == "yes"
    assert csv_safe(datetime.date(2026, 7, 1)) == "2026-07-01"
    # 1 July 2026 09:30 UTC is 10:30 in London (BST)
    assert csv_safe(datetime.datetime(2026, 7, 1, 9, 30, tzinfo=datetime.UTC)) == "2026-07-01 10:30"


def _rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))


def test_a_formula_typed_into_a_list_row_opens_as_text_in_the_download(manager_client, officer):
    ActivityFactory(
        lead_officer=officer, title='=HYPERLINK("http://evil.example","Open")', estate=None, location="-2 Rowan Way"
    )
    response = manager_client.get(reverse("activities:all"), {"_export": "csv"})
    header, row = _rows(response)
    assert row[header.index("Title")] == '\'=HYPERLINK("http://evil.example","Open")'
    assert row[header.index("Where")] == "'-2 Rowan Way"


def test_the_list_download_is_streamed_and_reads_the_rows_in_a_fixed_number_of_queries(
    manager_client, officer, monkeypatch
):
    monkeypatch.setattr(csv_export, "CHUNK_ROWS", 20)  # several chunks, several fetches
    estates = [EstateFactory() for _ in range(3)]
    now = timezone.now()
    for n in range(10):
        ActivityFactory(lead_officer=officer, estate=estates[n % 3], starts_at=now - datetime.timedelta(days=n))
    with CaptureQueriesContext(connection) as few:
        response = manager_client.get(reverse("activities:all"), {"_export": "csv", "sort": "place"})
        assert response.streaming
        ten = _rows(response)
    for n in range(90):
        ActivityFactory(lead_officer=officer, estate=estates[n % 3], starts_at=now - datetime.timedelta(days=n))
    with CaptureQueriesContext(connection) as many:
        hundred = _rows(manager_client.get(reverse("activities:all"), {"_export": "csv", "sort": "place"}))
    assert (len(ten), len(hundred)) == (11, 101)
    assert len(many) <= len(few)
    # sorted by place as on screen
    places = [row[ten[0].index("Where")] for row in hundred[1:]]
    assert places == sorted(places)


def test_the_download_starts_with_a_byte_order_mark_so_excel_reads_utf8(manager_client, officer):
    ActivityFactory(lead_officer=officer, title="Café morning at Ærø Court")
    body = manager_client.get(reverse("activities:all"), {"_export": "csv"}).getvalue()
    assert body.startswith("\ufeff".encode())
    assert "Café morning at Ærø Court" in body.decode("utf-8-sig")
