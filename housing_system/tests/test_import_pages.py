"""The manager's import pages: a CSV or an Excel workbook goes through engagement.uploads' checks (a
PDF renamed .csv, an empty file and one over HOUSING_SYSTEM_MAX_FILE_MB are refused on the form); a
file in the wrong encoding shows its lines as errors, never a 500; the run's page lists every error
with its line in the error summary and offers no commit; a commit POSTed anyway saves nothing."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from engagement.factories import EstateFactory
from engagement.models import Customer
from housing_system.models import ImportRun, RecordType, RunStatus

from .helpers import CUSTOMER_HEADER, SYSTEM, customer_row, identity_mapping

pytestmark = pytest.mark.django_db


def _post(client, name: str, data: bytes, **extra):
    form = {"record_type": "customers", "source_system": SYSTEM, "file": SimpleUploadedFile(name, data), **extra}
    return client.post(reverse("housing_system:run_list"), form)


@pytest.fixture
def ready():
    EstateFactory(name="Pool Farm")
    identity_mapping(RecordType.CUSTOMERS)


def test_an_excel_workbook_is_read_from_its_first_sheet(manager_client, ready):
    book = Workbook()
    sheet = book.active
    sheet.append(CUSTOMER_HEADER.strip().split(","))
    sheet.append(customer_row(1).strip().split(","))
    sheet.append([None] * 3)  # a blank row, as spreadsheets keep
    sheet.append(customer_row(2, postcode="XX").strip().split(","))
    buffer = io.BytesIO()
    book.save(buffer)
    response = _post(manager_client, "customers.xlsx", buffer.getvalue())
    run = ImportRun.objects.get()
    assert response.url == run.get_absolute_url()
    assert run.errors == [{"line": 4, "message": "'XX' is not a UK postcode"}]
    page = manager_client.get(run.get_absolute_url()).content.decode()
    assert "Line 4: &#x27;XX&#x27; is not a UK postcode" in page
    assert 'id="error-summary"' in page
    assert reverse("housing_system:run_commit", args=[run.pk]) not in page


def test_a_file_in_another_encoding_lists_its_lines_and_is_never_a_500(manager_client, ready):
    data = (CUSTOMER_HEADER + customer_row(1, first_name="Zoë") + customer_row(2, first_name="José")).encode("cp1252")
    response = _post(manager_client, "customers.csv", data)
    run = ImportRun.objects.get()
    assert response.status_code == 302 and run.status == RunStatus.INVALID
    assert [error["line"] for error in run.errors] == [2, 3]
    assert "not UTF-8 text" in run.errors[0]["message"]
    response = manager_client.post(reverse("housing_system:run_commit", args=[run.pk]))
    assert response.status_code == 302 and not Customer.objects.exists()


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("customers.csv", b"%PDF-1.4\n%\xe2\xe3\n", "customers.csv is not a CSV file or an Excel workbook"),
        ("customers.csv", b"", "The submitted file is empty."),
        ("customers.csv", b"a,b\x00,c\n", "is not a CSV file or an Excel workbook (.xlsx)"),
    ],
)
def test_files_that_are_not_csv_or_excel_are_refused_on_the_form(manager_client, ready, name, data, message):
    response = _post(manager_client, name, data)
    assert response.status_code == 200 and message in response.content.decode()
    assert not ImportRun.objects.exists()


def test_a_file_over_the_size_limit_is_refused(manager_client, ready, settings):
    settings.HOUSING_SYSTEM_MAX_FILE_MB = 1
    data = (CUSTOMER_HEADER + customer_row(1) * 12_000).encode()
    response = _post(manager_client, "customers.csv", data)
    assert "files can be at most 1 MB" in response.content.decode()


def test_a_checked_file_is_committed_once(manager_client, ready):
    _post(manager_client, "customers.csv", (CUSTOMER_HEADER + customer_row(1)).encode(), full_extract="on")
    run = ImportRun.objects.get()
    assert run.full_extract and run.status == RunStatus.CHECKED
    page = manager_client.get(run.get_absolute_url()).content.decode()
    assert "Save all 1 rows" in page
    manager_client.post(reverse("housing_system:run_commit", args=[run.pk]))
    run.refresh_from_db()
    assert run.status == RunStatus.COMMITTED and run.committed_by.username == "manager"
    response = manager_client.post(reverse("housing_system:run_commit", args=[run.pk]), follow=True)
    assert "Only a file whose check found no errors can be saved, once." in response.content.decode()
    assert Customer.objects.count() == 1
