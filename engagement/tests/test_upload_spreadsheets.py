"""Data files for imports go through the one upload check: a CSV is text (no NUL byte, no PDF or
Office signature), an Excel workbook is an OOXML zip with an xl/ folder; a Word file is neither;
and an Excel workbook is still accepted wherever Office files are."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from engagement.tests.test_uploads import _docx
from engagement.uploads import DOCUMENTS, SPREADSHEETS, check_upload


def _xlsx() -> bytes:
    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


def test_a_csv_and_an_excel_workbook_are_recognised_by_their_content():
    csv = check_upload(SimpleUploadedFile("export.txt", b"id,name\n1,Ann\n"), accept=SPREADSHEETS)
    assert (csv.name, csv.content_type) == ("export.csv", "text/csv")
    book = check_upload(SimpleUploadedFile("export.csv", _xlsx()), accept=SPREADSHEETS)
    assert book.name == "export.xlsx"
    assert check_upload(book, accept=DOCUMENTS) is book  # already checked: still an Office file


@pytest.mark.parametrize("content", [b"id\x00,name\n", _docx(), b"%PDF-1.4\n"])
def test_binary_files_word_files_and_pdfs_are_not_data_files(content):
    with pytest.raises(ValidationError, match="is not a CSV file or an Excel workbook"):
        check_upload(SimpleUploadedFile("customers.csv", content), accept=SPREADSHEETS)


def test_a_data_file_has_its_own_size_limit():
    with pytest.raises(ValidationError, match="files can be at most 1 MB"):
        check_upload(SimpleUploadedFile("big.csv", b"x" * (1024 * 1024 + 1)), accept=SPREADSHEETS, max_mb=1)
