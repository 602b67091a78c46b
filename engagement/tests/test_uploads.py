"""The one upload check, against honest and hostile files alike."""

import io
import zipfile

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.datastructures import MultiValueDict
from PIL import Image

from engagement.factories import pdf_bytes, png_claiming
from engagement.forms import MultipleUploadField, UploadField
from engagement.uploads import DOCUMENTS, PDFS, PHOTOS, PHOTOS_AND_PDFS, check_upload

PDF = pdf_bytes()


def _image(fmt="PNG", size=(16, 12), mode="RGB", **save) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, (180, 40, 40) if mode == "RGB" else 0).save(buffer, format=fmt, **save)
    return buffer.getvalue()


def _upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def _gps_exif():
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0112] = 6  # Orientation: the phone was held on its side
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (52.0, 26.0, 12.5), "W", (1.0, 53.0, 4.2)
    return exif


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


# --- what is accepted ------------------------------------------------------------------------


def test_a_photo_and_a_pdf_are_recognised_by_their_content_whatever_their_names():
    photo = check_upload(_upload("scan.bin", _image()))
    pdf = check_upload(_upload("photo.jpg", PDF))
    assert (photo.content_type, photo.name) == ("image/png", "scan.png")
    assert (pdf.content_type, pdf.name, pdf.original_name) == ("application/pdf", "photo.pdf", "photo.jpg")
    assert pdf.file.read() == PDF


def test_a_stored_photo_has_no_exif_and_no_gps_position_and_is_turned_the_right_way_up():
    original = _upload("walk.jpg", _image("JPEG", size=(16, 12), exif=_gps_exif()))
    with Image.open(original) as image:
        assert image.getexif().get_ifd(0x8825)[2] == (52.0, 26.0, 12.5)
    original.seek(0)
    checked = check_upload(original, accept=PHOTOS)
    data = checked.file.read()
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        assert len(exif) == 0 and not exif.get_ifd(0x8825) and "exif" not in image.info
        assert image.size == (12, 16)  # the rotation flag was applied, then dropped
    assert b"PhoneMaker" not in data
    assert (checked.content_type, checked.name) == ("image/jpeg", "walk.jpg")


def test_a_png_stays_a_png_and_a_large_photo_can_be_scaled_down():
    assert check_upload(_upload("bins.png", _image())).content_type == "image/png"
    big = check_upload(_upload("big.jpg", _image("JPEG", size=(4000, 3000))), max_side=2400)
    with Image.open(big.file) as image:
        assert max(image.size) == 2400


def test_bytes_hidden_after_the_image_data_are_not_stored():
    checked = check_upload(_upload("bins.png", _image() + b"<script>alert(1)</script>"))
    assert b"<script>" not in checked.file.read()


def test_office_files_are_accepted_only_where_asked_for_and_by_their_content():
    checked = check_upload(_upload("minutes.bin", _docx()), accept=DOCUMENTS)
    assert checked.name == "minutes.docx" and "wordprocessingml" in checked.content_type
    old = check_upload(_upload("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest"), accept=DOCUMENTS)
    assert old.content_type == "application/msword"
    with pytest.raises(ValidationError, match="is not a photo"):
        check_upload(_upload("minutes.docx", _docx()), accept=PHOTOS_AND_PDFS)


def test_an_already_checked_upload_passes_through_unchanged():
    checked = check_upload(_upload("a.pdf", PDF))
    assert check_upload(checked) is checked
    with pytest.raises(ValidationError):
        check_upload(checked, accept=PHOTOS)


# --- hostile and unlucky files ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("photo.jpg", b"MZ\x90\x00\x03\x00\x00\x00 an executable"),
        ("photo.png", b"<html><script>alert(1)</script></html>"),
        ("report.pdf", b"<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>"),
        ("photo.jpg", _image()[:40]),  # a truncated photo
        ("sheet.docx", b"PK\x03\x04 not really a zip"),
    ],
)
def test_a_file_whose_bytes_are_not_what_its_name_says_is_refused_by_name(name, content):
    with pytest.raises(ValidationError) as caught:
        check_upload(_upload(name, content, "image/jpeg"), accept=DOCUMENTS)
    assert caught.value.code == "bad_type" and name in caught.value.messages[0]


def test_a_pdf_where_only_photos_are_wanted_is_refused():
    with pytest.raises(ValidationError, match=r"bins.jpg is not a photo \(JPEG, PNG, GIF or WebP\)"):
        check_upload(_upload("bins.jpg", PDF), accept=PHOTOS)


def test_an_image_format_we_do_not_accept_is_named_in_the_message():
    with pytest.raises(ValidationError, match="is a BMP image"):
        check_upload(_upload("old.bmp", _image("BMP")))


def test_a_file_over_the_size_limit_is_refused_with_the_limit(settings):
    settings.MAX_UPLOAD_MB = 1
    with pytest.raises(ValidationError, match="at most 1 MB") as caught:
        check_upload(_upload("big.pdf", PDF + b"0" * (1024 * 1024)))
    assert caught.value.code == "too_big"


def test_an_empty_file_is_refused():
    with pytest.raises(ValidationError, match="empty"):
        check_upload(_upload("nothing.pdf", b""))


def test_a_decompression_bomb_is_refused_from_its_header_before_any_pixel_is_decoded():
    bomb = _upload("huge.png", png_claiming(100_000, 100_000))
    assert bomb.size < 200
    with pytest.raises(ValidationError, match="huge.png is too large to open safely") as caught:
        check_upload(bomb)
    assert caught.value.code == "too_many_pixels"


def test_a_photo_over_the_pixel_limit_is_refused_with_its_size_before_decoding(settings):
    settings.MAX_UPLOAD_PIXELS = 40_000_000
    with pytest.raises(ValidationError, match="7,000 × 6,000 pixels, too large") as caught:
        check_upload(_upload("scan.png", png_claiming(7_000, 6_000)))  # would be 126 MB decoded
    assert caught.value.code == "too_many_pixels"


def test_pillows_own_bomb_guard_is_a_form_error_too(settings, monkeypatch):
    settings.MAX_UPLOAD_PIXELS = 10**12  # our check passes; Pillow's still stops it
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100)
    with pytest.raises(ValidationError) as caught:
        check_upload(_upload("bins.png", _image(size=(20, 20))))
    assert caught.value.code == "too_many_pixels"


# --- as form fields ---------------------------------------------------------------------------


class _EvidenceForm(forms.Form):
    evidence = UploadField(accept=PDFS)
    photos = MultipleUploadField(accept=PHOTOS)


def test_a_bomb_or_a_fake_gives_a_form_error_naming_each_file_never_a_crash():
    files = MultiValueDict({"evidence": [_upload("e.pdf", PDF)]})
    files.setlist("photos", [_upload("huge.png", png_claiming(90_000, 90_000)), _upload("fake.jpg", b"MZ")])
    form = _EvidenceForm(data={}, files=files)
    assert not form.is_valid()
    assert "huge.png is too large to open safely (at most 40 megapixels)" in form.errors["photos"][0]
    assert "fake.jpg is not a photo" in form.errors["photos"][1]
    assert "evidence" not in form.errors


def test_a_form_field_cleans_to_the_checked_file_and_says_what_it_accepts():
    field = UploadField(accept=PHOTOS_AND_PDFS)
    checked = field.clean(_upload("a.pdf", PDF))
    assert checked.content_type == "application/pdf"
    assert field.help_text == "A photo (JPEG, PNG, GIF or WebP) or a PDF."
    assert field.widget.attrs["accept"] == "image/*,application/pdf"
