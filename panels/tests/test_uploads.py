import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from panels.factories import png_file
from panels.uploads import PAPERS, RECEIPTS, validate_upload


def _upload(name, content):
    return SimpleUploadedFile(name, content)


def _docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def test_real_pdfs_photos_and_office_documents_are_accepted_as_papers():
    validate_upload(_upload("agenda.pdf", b"%PDF-1.7\n..."), allowed=PAPERS)
    validate_upload(_upload("photo.png", png_file().read()), allowed=PAPERS)
    validate_upload(_upload("minutes.docx", _docx()), allowed=PAPERS)
    validate_upload(_upload("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest"), allowed=PAPERS)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("agenda.pdf", b"<html>not a pdf</html>", "its contents are not"),
        ("photo.jpg", b"GIF89a-but-broken", "its contents are not"),
        ("minutes.docx", b"PK\x03\x04broken zip", "its contents are not"),
        ("script.exe", b"MZ\x90\x00", "cannot be uploaded here"),
    ],
)
def test_files_whose_contents_do_not_match_their_names_are_refused(name, content, message):
    with pytest.raises(ValidationError, match=message):
        validate_upload(_upload(name, content), allowed=PAPERS)


def test_receipts_must_be_a_photo_or_a_pdf():
    with pytest.raises(ValidationError, match="PDF or photo"):
        validate_upload(_upload("receipt.docx", _docx()), allowed=RECEIPTS)


def test_files_over_the_size_limit_are_refused(settings):
    settings.MAX_UPLOAD_MB = 1
    big = _upload("big.pdf", b"%PDF-" + b"0" * (1024 * 1024))
    with pytest.raises(ValidationError, match="limit is 1 MB"):
        validate_upload(big, allowed=PAPERS)
