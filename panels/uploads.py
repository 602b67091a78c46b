"""Checks for uploaded papers, evidence, photos and receipts: size, extension and real content.

The extension alone proves nothing, so each kind is also checked by its bytes: a PDF starts
with %PDF-, an image must open and verify in Pillow, an Office document must be a real OOXML
zip (or an old-style OLE file).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image

PDF = {".pdf"}
IMAGES = {".jpg", ".jpeg", ".png", ".gif", ".webp"}
OFFICE_XML = {".docx", ".xlsx", ".pptx"}
OFFICE_OLE = {".doc", ".xls", ".ppt"}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

PAPERS = PDF | IMAGES | OFFICE_XML | OFFICE_OLE
RECEIPTS = PDF | IMAGES
PHOTOS = IMAGES
REPORTS = PDF


def _describe(allowed: set[str]) -> str:
    kinds = []
    if allowed & PDF:
        kinds.append("PDF")
    if allowed & IMAGES:
        kinds.append("photo (JPEG, PNG, GIF or WebP)")
    if allowed & (OFFICE_XML | OFFICE_OLE):
        kinds.append("Word, Excel or PowerPoint file")
    return ", ".join(kinds[:-1]) + (" or " if len(kinds) > 1 else "") + kinds[-1]


def validate_upload(upload, *, allowed: set[str]) -> None:
    """Raise ValidationError with a message a customer can act on, or return quietly."""
    limit_mb = settings.MAX_UPLOAD_MB
    if upload.size > limit_mb * 1024 * 1024:
        raise ValidationError(f"The file is too big: the limit is {limit_mb} MB. Try a smaller photo or a PDF.")
    extension = Path(upload.name).suffix.lower()
    if extension not in allowed:
        raise ValidationError(f"This type of file cannot be uploaded here. Please upload a {_describe(allowed)}.")
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if extension in PDF:
        ok = head.startswith(b"%PDF-")
    elif extension in IMAGES:
        ok = _is_image(upload)
    elif extension in OFFICE_XML:
        ok = _is_ooxml(upload)
    else:
        ok = head == OLE_MAGIC
    upload.seek(0)
    if not ok:
        raise ValidationError(
            f"The file says it is a {extension.lstrip('.').upper()} but its contents are not; it may be damaged."
        )


def _is_image(upload) -> bool:
    try:
        with Image.open(upload) as image:
            image.verify()
    except Exception:  # Pillow raises many kinds of error for a file that is not an image
        return False
    return True


def _is_ooxml(upload) -> bool:
    try:
        with zipfile.ZipFile(upload) as archive:
            return "[Content_Types].xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False
