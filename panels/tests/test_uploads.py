"""What each panels form accepts, checked by the core's one upload check (engagement.uploads):
papers and evidence any document, receipts a photo or a PDF, walk photos a photo, reports a PDF.
A file is judged by its bytes, and a photo too large to open safely is a form error, never a 500."""

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from engagement.dates import date_parts_data
from engagement.factories import pdf_bytes, png_claiming
from panels import forms
from panels.factories import EstateWalkFactory, ScrutinyProjectFactory, png_file
from panels.models import ExpenseClaim, Meeting, PaperKind

PDF = pdf_bytes()


def _upload(name, content):
    return SimpleUploadedFile(name, content)


def _docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def _paper_form(upload):
    return forms.PaperForm({"title": "Agenda", "kind": PaperKind.AGENDA}, {"file": upload})


@pytest.mark.parametrize(
    ("name", "content", "stored_as"),
    [
        ("agenda.pdf", PDF, "agenda.pdf"),
        ("photo.png", png_file().read(), "photo.png"),
        ("minutes.docx", _docx(), "minutes.docx"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "old.doc"),
        ("scan.jpg", PDF, "scan.pdf"),  # named after what it really is
    ],
)
def test_real_pdfs_photos_and_office_documents_are_accepted_as_papers(name, content, stored_as):
    form = _paper_form(_upload(name, content))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["file"].name == stored_as


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("agenda.pdf", b"<html>not a pdf</html>"),
        ("photo.jpg", b"GIF89a-but-broken"),
        ("minutes.docx", b"PK\x03\x04broken zip"),
        ("script.exe", b"MZ\x90\x00"),
    ],
)
def test_files_whose_contents_are_not_a_document_are_refused_as_papers(name, content):
    form = _paper_form(_upload(name, content))
    assert not form.is_valid()
    assert f"{name} is not a photo (JPEG, PNG, GIF or WebP), a PDF or a Word, Excel or PowerPoint file" in str(
        form.errors["file"]
    )


@pytest.mark.django_db
def test_receipts_must_be_a_photo_or_a_pdf():
    form = forms.ExpenseForm(
        {"kind": "travel", **date_parts_data("incurred_on", "2026-03-01"), "description": "Bus"},
        {"receipt": _upload("receipt.docx", _docx())},
        meetings=Meeting.objects.none(),
    )
    assert not form.is_valid()
    assert "receipt.docx is not a photo (JPEG, PNG, GIF or WebP) or a PDF" in str(form.errors["receipt"])


@pytest.mark.django_db
def test_a_final_report_must_be_a_pdf():
    form = forms.ReportForm(
        {}, {"report_file": _upload("report.png", png_file().read())}, project=ScrutinyProjectFactory()
    )
    assert not form.is_valid() and "report.png is not a PDF" in str(form.errors["report_file"])


@pytest.mark.django_db
def test_a_walk_photo_must_be_a_photo():
    form = forms.IssueForm({}, {"photo": _upload("notes.pdf", PDF)})
    assert not form.is_valid() and "notes.pdf is not a photo (JPEG, PNG, GIF or WebP)." in str(form.errors["photo"])


def test_files_over_the_size_limit_are_refused(settings):
    settings.MAX_UPLOAD_MB = 1
    form = _paper_form(_upload("big.pdf", b"%PDF-" + b"0" * (1024 * 1024)))
    assert not form.is_valid() and "files can be at most 1 MB" in str(form.errors["file"])


@pytest.mark.django_db
@pytest.mark.parametrize(("width", "height"), [(7_000, 6_000), (100_000, 100_000)])
def test_a_photo_too_large_to_open_safely_is_a_form_error_on_a_walk_issue(officer_client, officer, width, height):
    walk = EstateWalkFactory(walks_on=datetime.date(2026, 1, 5))
    response = officer_client.post(
        f"/panels/walks/{walk.pk}/issues/new/",
        {
            "description": "Graffiti",
            "location": "Garages",
            "photo": _upload("graffiti.png", png_claiming(width, height)),
            "we_will": "Remove it",
            "owner": officer.pk,
            **date_parts_data("due_on", "2026-02-01"),
        },
    )
    assert response.status_code == 200 and not walk.issues.exists()
    assert "graffiti.png is" in response.context["form"].errors["photo"][0]
    assert "too large to open safely" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(("width", "height"), [(7_000, 6_000), (100_000, 100_000)])
def test_a_photo_too_large_to_open_safely_is_a_form_error_on_a_receipt(customer_client, customer, width, height):
    response = customer_client.post(
        "/panels/expenses/new/",
        {
            "kind": "childcare",
            **date_parts_data("incurred_on", timezone.localdate().isoformat()),
            "description": "Childminder",
            "amount": "18.00",
            "receipt": _upload("receipt.png", png_claiming(width, height)),
        },
    )
    assert response.status_code == 200 and not ExpenseClaim.objects.filter(customer=customer).exists()
    assert "too large to open safely" in str(response.context["form"].errors["receipt"])
