"""One private storage and one way to send a private file, whatever the app."""

from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import models
from django.db.models.fields.files import FieldFile
from django.http import Http404
from django.test import RequestFactory

from engagement.files import private_file_response
from engagement.storage import private_storage

PDF = b"%PDF-1.4 a small pdf"


def _field(name: str = "") -> FieldFile:
    return FieldFile(None, models.FileField(storage=private_storage), name)


def _field_file(name: str, content: bytes) -> FieldFile:
    saved = private_storage().save(name, ContentFile(content))
    return _field(saved)


def _get():
    return RequestFactory().get("/")


def test_private_files_are_kept_under_the_private_media_root_and_have_no_address(settings):
    name = private_storage().save("notes/a.txt", ContentFile(b"hello"))
    assert (Path(settings.PRIVATE_MEDIA_ROOT) / name).read_bytes() == b"hello"
    assert private_storage() is storages["private"]
    with pytest.raises(ValueError, match="no URL"):
        private_storage().url(name)


def test_a_photo_is_shown_inline_in_a_sandbox_with_no_caching():
    response = private_file_response(
        _get(), _field_file("p/bins.png", b"\x89PNG..."), filename="bins.png", content_type="image/png"
    )
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'inline; filename="bins.png"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Security-Policy"].startswith("sandbox;")


def test_a_pdf_is_a_download_because_browsers_will_not_show_a_sandboxed_pdf():
    response = private_file_response(_get(), _field_file("p/minutes.pdf", PDF), content_type="application/pdf")
    assert response["Content-Disposition"] == 'attachment; filename="minutes.pdf"'
    assert response["Content-Security-Policy"].startswith("sandbox")
    assert response["Cache-Control"] == "private, no-store" and response["X-Content-Type-Options"] == "nosniff"


def test_a_file_of_unknown_type_downloads_as_bytes_and_a_photo_can_be_forced_to_download():
    unknown = private_file_response(_get(), _field_file("p/thing", b"?"))
    assert unknown["Content-Type"] == "application/octet-stream"
    assert unknown["Content-Disposition"].startswith("attachment;")
    forced = private_file_response(_get(), _field_file("p/x.png", b"x"), content_type="image/png", download=True)
    assert forced["Content-Disposition"].startswith("attachment;")


def test_an_svg_is_never_shown_inline():
    response = private_file_response(_get(), _field_file("p/logo.svg", b"<svg/>"), content_type="image/svg+xml")
    assert response["Content-Disposition"].startswith("attachment;")


def test_a_missing_or_empty_file_is_a_404():
    with pytest.raises(Http404):
        private_file_response(_get(), _field("gone/nowhere.pdf"))
    with pytest.raises(Http404):
        private_file_response(_get(), _field(""))
