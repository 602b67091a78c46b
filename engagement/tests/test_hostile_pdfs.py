"""PDFs are accepted only when well-formed and passive (issue #15 items 4 and 8).

Rule (engagement/uploads.py): a PDF is read with pypdf; it is refused if it is not well-formed
(no trailer, catalog or page), if any of its objects — including those packed in compressed object
streams, and names written with #xx escapes — carries JavaScript, an open or launch action,
additional actions, embedded files, rich media or XFA, and if it is also a web page (a polyglot).
An image with a script appended is re-encoded, so the script is left behind.
"""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from engagement.factories import pdf_bytes
from engagement.uploads import DOCUMENTS, PHOTOS_AND_PDFS, check_upload

NO_PAGES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def _written(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _writer() -> PdfWriter:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    return writer


def _with_javascript() -> bytes:
    writer = _writer()
    action = DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert(1)")}
    )
    tree = DictionaryObject({NameObject("/Names"): ArrayObject([TextStringObject("a"), writer._add_object(action)])})
    writer._root_object[NameObject("/Names")] = DictionaryObject({NameObject("/JavaScript"): tree})
    return _written(writer)


def _with_open_action() -> bytes:
    writer = _writer()
    action = DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert(1)")}
    )
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    return _written(writer)


def _with_launch_action() -> bytes:
    writer = _writer()
    action = DictionaryObject({NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("cmd.exe")})
    page = writer.pages[0]
    page[NameObject("/AA")] = DictionaryObject({NameObject("/O"): writer._add_object(action)})
    return _written(writer)


def _with_embedded_file() -> bytes:
    writer = _writer()
    writer.add_attachment("invoice.exe", b"MZ\x90\x00 not a pdf")
    return _written(writer)


def _with_escaped_name() -> bytes:
    # "/J#61vaScript" is "/JavaScript" to a PDF reader but not to a byte search.
    return _with_javascript().replace(b"/JavaScript", b"/J#61vaScript")


def _in_an_object_stream() -> bytes:
    """A PDF 1.5 file whose JavaScript name tree sits in a compressed object stream (object 5)."""
    hidden = b"<< /JavaScript << /Names [(a) << /S /JavaScript /JS (app.alert(1)) >>] >> >>"
    packed = zlib.compress(b"5 0 " + hidden)
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R /Names 5 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        4: b"<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length %d >>\nstream\n" % len(packed)
        + packed
        + b"\nendstream",
    }
    out, offsets = bytearray(b"%PDF-1.5\n"), {}
    for number, body in objects.items():
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    offsets[6] = len(out)
    rows = [struct.pack(">BIH", 0, 0, 65535)]
    rows += [struct.pack(">BIH", 1, offsets[n], 0) for n in (1, 2, 3, 4)]
    rows += [struct.pack(">BIH", 2, 4, 0), struct.pack(">BIH", 1, offsets[6], 0)]
    table = b"".join(rows)
    out += (
        b"6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n" % len(table)
        + table
        + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % offsets[6]
    )
    return bytes(out)


HOSTILE = {
    "javascript in the name tree": _with_javascript,
    "an open action running javascript": _with_open_action,
    "a launch action on opening a page": _with_launch_action,
    "an embedded file": _with_embedded_file,
    "a name hidden with #xx escapes": _with_escaped_name,
}


@pytest.mark.parametrize("what", sorted(HOSTILE))
def test_a_pdf_that_can_act_when_opened_is_refused(what):
    with pytest.raises(ValidationError, match="contains scripts or actions"):
        check_upload(_upload("minutes.pdf", HOSTILE[what]()), accept=DOCUMENTS)


def test_javascript_packed_in_a_compressed_object_stream_is_found():
    data = _in_an_object_stream()
    assert b"JavaScript" not in data  # a byte search would see nothing
    assert len(PdfReader(io.BytesIO(data)).pages) == 1  # and it is a real PDF
    with pytest.raises(ValidationError, match="contains scripts or actions"):
        check_upload(_upload("minutes.pdf", data), accept=DOCUMENTS)


@pytest.mark.parametrize(
    ("what", "content"),
    [
        ("a PDF header then a web page", b"%PDF-1.4\n<html><body><script>alert(1)</script></body></html>\n"),
        ("a real PDF with a web page appended", pdf_bytes() + b"\n<!DOCTYPE html><script>alert(1)</script>"),
        ("an SVG inside", pdf_bytes().replace(b"%%EOF", b"<svg onload=alert(1)>\n%%EOF")),
    ],
)
def test_a_pdf_that_is_also_a_web_page_is_refused(what, content):
    with pytest.raises(ValidationError, match="web page code"):
        check_upload(_upload("receipt.pdf", content), accept=PHOTOS_AND_PDFS)


@pytest.mark.parametrize(
    ("what", "content"),
    [
        ("only a header", b"%PDF-1.7\n..."),
        ("cut off half way", pdf_bytes()[: len(pdf_bytes()) // 2]),
        ("a catalog and no pages", NO_PAGES),
    ],
)
def test_a_pdf_that_is_not_well_formed_is_refused(what, content):
    with pytest.raises(ValidationError, match="damaged or not a complete PDF|has no pages"):
        check_upload(_upload("receipt.pdf", content), accept=PHOTOS_AND_PDFS)


def test_a_gif_with_a_script_appended_is_stored_as_a_fresh_image_without_it():
    buffer = io.BytesIO()
    Image.new("P", (10, 10), 3).save(buffer, format="GIF")
    hostile = buffer.getvalue() + b"<script>alert(document.cookie)</script>"
    checked = check_upload(SimpleUploadedFile("bins.gif", hostile, content_type="image/gif"), accept=PHOTOS_AND_PDFS)
    stored = checked.file.read()
    assert b"<script" not in stored and checked.content_type == "image/png"
