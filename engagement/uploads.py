"""The one check for every uploaded file: photos, scans, PDFs and (for panel papers) Office files.

A file is judged by its bytes, never by its name or the type the browser claims: a PDF starts with
%PDF-, a photo must open and decode in Pillow, an Office file must be a real OOXML zip (or an old
OLE file). What is stored is named after what the file really is (a PDF called photo.jpg is kept
as photo.pdf), and photos are stored as a fresh copy made from their pixels: EXIF (GPS position,
phone model, time) is dropped, the phone's rotation is applied first, and anything hidden after the
image data is left behind.

Decompression bombs: a small PNG can claim 100,000 × 100,000 pixels and take gigabytes to decode.
The size in the header is checked against MAX_UPLOAD_PIXELS before any pixel is decoded; Pillow's
own guard (Image.MAX_IMAGE_PIXELS, which stops the grossest claims as the header is read) and its
bomb warning become the same form error. Either way the person sees a message, never a 500. A JPEG
that will be scaled down (`max_side`) is decoded at the smaller size straight away (Pillow's draft
mode), so a 12-megapixel phone photo costs a fraction of the memory and time.

PDFs are read with pypdf and refused unless well-formed (a trailer, a catalog, at least one page),
and refused if anything in them can act when opened: JavaScript, an open action, a launch action,
additional actions, embedded files, rich media or XFA forms. Every object is looked at, including
those packed in compressed object streams (where a raw byte search would not see them). A file
that is a PDF and a web page at once (a "polyglot": `%PDF-` then HTML) is refused too.

Per person and day, uploads are limited in number and size (engagement.uploads.UploadQuotaMiddleware,
settings UPLOAD_DAILY_FILES and UPLOAD_DAILY_MB): counted when the request arrives, before any
file is opened, so neither a new form token nor a rejected file escapes the count.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.shortcuts import render
from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from .security import counter_add

log = logging.getLogger(__name__)

# What a field accepts: any combination of these kinds.
IMAGE = "image"
PDF = "pdf"
OFFICE = "office"
CSV = "csv"  # comma-separated text, as housing systems export (its encoding is the reader's to judge)
XLSX = "xlsx"  # an Excel workbook (OOXML) only: not Word, PowerPoint or an old .xls
PHOTOS = frozenset({IMAGE})
PDFS = frozenset({PDF})
PHOTOS_AND_PDFS = frozenset({IMAGE, PDF})
DOCUMENTS = frozenset({IMAGE, PDF, OFFICE})
SPREADSHEETS = frozenset({CSV, XLSX})

# Pillow format -> content type. MPO is what many phones call a JPEG with a depth map.
IMAGE_TYPES = {"JPEG": "image/jpeg", "MPO": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}
PDF_MAGIC = b"%PDF-"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OOXML_TYPES = {  # the folder inside the zip -> (extension, content type)
    "word/": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xl/": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "ppt/": ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
}
# An old OLE file does not say cheaply whether it is Word, Excel or PowerPoint: its name decides.
OLE_TYPES = {"doc": "application/msword", "xls": "application/vnd.ms-excel", "ppt": "application/vnd.ms-powerpoint"}


@dataclass(frozen=True)
class CheckedUpload:
    """An upload that passed the checks: store `file` (already named with its real extension)."""

    file: File
    content_type: str
    original_name: str  # as it was on the person's device, for showing back to them

    @property
    def name(self) -> str:
        return self.file.name

    @property
    def size(self) -> int:
        return self.file.size

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


def describe(accept) -> str:
    """'a photo (JPEG, PNG, GIF or WebP) or a PDF', for messages and help texts."""
    kinds = []
    if IMAGE in accept:
        kinds.append("a photo (JPEG, PNG, GIF or WebP)")
    if PDF in accept:
        kinds.append("a PDF")
    if OFFICE in accept:
        kinds.append("a Word, Excel or PowerPoint file")
    if CSV in accept:
        kinds.append("a CSV file")
    if XLSX in accept:
        kinds.append("an Excel workbook (.xlsx)")
    return ", ".join(kinds[:-1]) + (" or " if len(kinds) > 1 else "") + kinds[-1]


def check_upload(
    upload, *, accept=PHOTOS_AND_PDFS, max_side: int | None = None, max_mb: int | None = None
) -> CheckedUpload:
    """Check one upload and return what to store, or raise a ValidationError a person can act on.

    Error codes: too_big, empty, bad_type, too_many_pixels. `max_side` shrinks photos whose longer
    side is larger (in pixels). An already checked upload is returned as it is (if it is a kind
    `accept` allows), so a form field and a service can both call this.
    """
    if isinstance(upload, CheckedUpload):
        kind = _kind_of(upload.content_type)
        if kind not in accept and not (kind == XLSX and OFFICE in accept):
            raise ValidationError(f"{upload.original_name} is not {describe(accept)}.", code="bad_type")
        return upload
    original = Path(getattr(upload, "name", "") or "file").name[:150]
    limit_mb = max_mb if max_mb is not None else settings.MAX_UPLOAD_MB
    if upload.size > limit_mb * 1024 * 1024:
        raise ValidationError(
            f"{original} is {upload.size / (1024 * 1024):.1f} MB; files can be at most {limit_mb} MB. "
            "Take a smaller photo or scan at a lower resolution.",
            code="too_big",
        )
    if upload.size == 0:
        raise ValidationError(f"{original} is empty. Please choose the file again.", code="empty")
    upload.seek(0)
    head = upload.read(len(OLE_MAGIC))
    upload.seek(0)
    stem = Path(original).stem[:80] or "file"
    if head.startswith(PDF_MAGIC):
        if PDF not in accept:
            raise _wrong_kind(original, accept)
        _check_pdf(upload, original=original)
        return CheckedUpload(File(upload, name=f"{stem}.pdf"), "application/pdf", original)
    if OFFICE in accept or XLSX in accept:
        office = _office_type(upload, head, original)
        if office is not None and (OFFICE in accept or office[0] == "xlsx"):
            extension, content_type = office
            return CheckedUpload(File(upload, name=f"{stem}.{extension}"), content_type, original)
    if CSV in accept and _is_text(upload):
        return CheckedUpload(File(upload, name=f"{stem}.csv"), "text/csv", original)
    if IMAGE in accept:
        return _clean_image(upload, original=original, stem=stem, accept=accept, max_side=max_side)
    raise _wrong_kind(original, accept)


def _kind_of(content_type: str) -> str:
    if content_type.startswith("image/"):
        return IMAGE
    if content_type == "text/csv":
        return CSV
    if content_type == OOXML_TYPES["xl/"][1]:
        return XLSX
    return PDF if content_type == "application/pdf" else OFFICE


def _wrong_kind(original: str, accept) -> ValidationError:
    return ValidationError(
        f"{original} is not {describe(accept)}. Check you chose the right file; it may be damaged.", code="bad_type"
    )


def _is_text(upload) -> bool:
    """Text, not a binary file renamed .csv: no NUL byte (no text encoding a CSV is saved in has
    one, bar UTF-16, which we do not accept) and no PDF or Office signature (checked before)."""
    upload.seek(0)
    try:
        for chunk in iter(lambda: upload.read(64 * 1024), b""):
            if b"\x00" in chunk:
                return False
    finally:
        upload.seek(0)
    return True


def _office_type(upload, head: bytes, original: str) -> tuple[str, str] | None:
    if head == OLE_MAGIC:
        extension = Path(original).suffix.lower().lstrip(".")
        return (extension, OLE_TYPES[extension]) if extension in OLE_TYPES else None
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()  # reads the directory only: nothing is decompressed
    except (zipfile.BadZipFile, OSError):
        return None
    finally:
        upload.seek(0)
    if "[Content_Types].xml" not in names:
        return None
    for folder, found in OOXML_TYPES.items():
        if any(name.startswith(folder) for name in names):
            return found
    return None


# Keys that make a PDF do something when it is opened or clicked, beyond showing pages and links.
PDF_ACTIVE_KEYS = frozenset(
    {"/JavaScript", "/JS", "/OpenAction", "/AA", "/Launch", "/EmbeddedFile", "/EmbeddedFiles", "/RichMedia", "/XFA"}
)
PDF_ACTIVE_ACTIONS = frozenset({"/JavaScript", "/Launch", "/ImportData", "/SubmitForm", "/RichMediaExecute"})
# Markup a browser would run if it ever took the file for a web page.
WEB_PAGE_MARKERS = re.compile(rb"<\s*(script|html|body|iframe|svg|object|embed)\b|<!doctype\s+html", re.IGNORECASE)
PDF_MAX_OBJECTS = 200_000  # a bound on the work one upload can cause


def _bad_pdf(original: str, why: str) -> ValidationError:
    return ValidationError(f"{original} cannot be accepted: {why} Save or print it as a plain PDF and try again.")


def _check_pdf(upload, *, original: str) -> None:
    """Refuse a PDF that is not well-formed, carries active content, or is also a web page."""
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    if WEB_PAGE_MARKERS.search(data):
        raise _bad_pdf(original, "it contains web page code.")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise _bad_pdf(original, "it is password-protected.")
        catalog = reader.trailer["/Root"].get_object()
        if len(reader.pages) < 1:
            raise _bad_pdf(original, "it has no pages.")
        found = _active_content(reader, catalog)
    except ValidationError:
        raise
    except (PyPdfError, KeyError, ValueError, TypeError, AttributeError, RecursionError, OSError) as error:
        log.info("PDF refused as not well-formed: %s", error)
        raise _bad_pdf(original, "it is damaged or not a complete PDF.") from error
    if found:
        log.warning("PDF refused for active content %s: %s", found, original)
        raise _bad_pdf(original, "it contains scripts or actions that run when it is opened.")


def _active_content(reader: PdfReader, catalog) -> str | None:
    """The first active key or action found in any object of the file, or None."""
    seen = 0
    numbers = [(number, generation) for generation, table in reader.xref.items() for number in table]
    numbers += [(number, 0) for number in reader.xref_objStm]
    for number, generation in [(None, None), *numbers]:
        seen += 1
        if seen > PDF_MAX_OBJECTS:
            raise ValueError("too many objects")
        obj = catalog if number is None else reader.get_object(IndirectObject(number, generation, reader))
        found = _active_in(obj)
        if found:
            return found
    return None


def _active_in(obj, depth: int = 0) -> str | None:
    """Look through one object's direct (not indirect) contents."""
    if depth > 50:
        raise ValueError("objects nested too deeply")
    if isinstance(obj, DictionaryObject):
        for key, value in obj.items():
            if key in PDF_ACTIVE_KEYS:
                return key
            if key == "/S" and isinstance(value, NameObject) and value in PDF_ACTIVE_ACTIONS:
                return value
            if not isinstance(value, IndirectObject):
                found = _active_in(value, depth + 1)
                if found:
                    return found
    elif isinstance(obj, ArrayObject):
        for value in obj:
            if not isinstance(value, IndirectObject):
                found = _active_in(value, depth + 1)
                if found:
                    return found
    return None


def _clean_image(upload, *, original: str, stem: str, accept, max_side: int | None) -> CheckedUpload:
    max_pixels = settings.MAX_UPLOAD_PIXELS
    too_many = f"too large to open safely (at most {max_pixels / 1_000_000:g} megapixels). Please send a smaller copy."
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:  # reads the header only
                image_format = image.format
                if image_format not in IMAGE_TYPES:
                    raise ValidationError(
                        f"{original} is a {image_format} image; please use {describe(accept)}.", code="bad_type"
                    )
                width, height = image.size
                if width * height > max_pixels:
                    raise ValidationError(
                        f"{original} is {width:,} × {height:,} pixels, {too_many}", code="too_many_pixels"
                    )
                if max_side and image_format in ("JPEG", "MPO") and max(width, height) > max_side:
                    # Decode at 1/2, 1/4 or 1/8 scale when that still leaves the size we keep.
                    scale = max_side / max(width, height)
                    image.draft("RGB", (round(width * scale), round(height * scale)))
                image.load()
                if max_side:
                    image.thumbnail((max_side, max_side))  # before turning: one smaller copy, not two big ones
                upright = ImageOps.exif_transpose(image)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        # Pillow's own guard, on opening a header that claims far more pixels than ours allows.
        raise ValidationError(f"{original} is {too_many}", code="too_many_pixels") from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as error:
        raise _wrong_kind(original, accept) from error
    finally:
        upload.seek(0)
    buffer = io.BytesIO()
    # A fresh save from pixel data writes no EXIF, XMP or GPS block: nothing is passed through.
    if image_format == "PNG" or upright.mode in ("RGBA", "LA", "P", "PA"):
        clean = upright.convert("RGBA") if upright.mode in ("P", "PA") else upright
        clean.save(buffer, format="PNG", optimize=True)
        content_type, extension = "image/png", "png"
    else:
        upright.convert("RGB").save(buffer, format="JPEG", quality=85, optimize=True)
        content_type, extension = "image/jpeg", "jpg"
    return CheckedUpload(ContentFile(buffer.getvalue(), name=f"{stem}.{extension}"), content_type, original)


# --- per person and day ---------------------------------------------------------------------------

DAY_SECONDS = 24 * 60 * 60


def upload_quota_charge(*, user, files: int, size: int) -> str | None:
    """Count `files` uploads of `size` bytes in total against `user`'s allowance for today.

    Returns None within the allowance, else what to tell them. Counted whether or not the files
    are then accepted: a rejected bomb costs the server as much as an accepted photo."""
    count = counter_add("upload-files", str(user.pk), files, seconds=DAY_SECONDS)
    total = counter_add("upload-bytes", str(user.pk), size, seconds=DAY_SECONDS)
    if count > settings.UPLOAD_DAILY_FILES:
        return f"You have uploaded {settings.UPLOAD_DAILY_FILES} files today, the most we accept in one day."
    if total > settings.UPLOAD_DAILY_MB * 1024 * 1024:
        return f"You have uploaded {settings.UPLOAD_DAILY_MB} MB of files today, the most we accept in one day."
    return None


class UploadQuotaMiddleware:
    """Applies upload_quota_charge to every request that carries files, before any view opens them.

    Not tied to a form or its (client-chosen) one-time token. Over the allowance the request is
    refused with a page that says why and how to go on (status 429)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            request.method == "POST"
            and request.content_type == "multipart/form-data"
            and user is not None
            and user.is_authenticated
        ):
            uploads = [upload for key in request.FILES for upload in request.FILES.getlist(key)]
            if uploads:
                problem = upload_quota_charge(user=user, files=len(uploads), size=sum(u.size for u in uploads))
                if problem:
                    log.warning("Upload refused over the daily allowance: user %s", user.pk)
                    return render(
                        request, "engagement/upload_limit.html", {"problem": problem, "back": request.path}, status=429
                    )
        return self.get_response(request)
