"""Checks on uploaded photos, scans and PDFs (sign-in sheets, evidence): judged by their content,
never by their name. Used by every app that accepts "a photo or a PDF"."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image, UnidentifiedImageError

IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}
PDF_MAGIC = b"%PDF-"


def image_or_pdf_content_type(upload) -> str:
    """The checked content type of an upload, or a ValidationError a person can act on."""
    limit_mb = settings.MAX_UPLOAD_MB
    name = getattr(upload, "name", "the file")
    if upload.size > limit_mb * 1024 * 1024:
        raise ValidationError(
            f"{name} is {upload.size / (1024 * 1024):.1f} MB; files can be at most {limit_mb} MB. "
            "Take a smaller photo or scan at a lower resolution.",
            code="too_big",
        )
    if upload.size == 0:
        raise ValidationError(f"{name} is empty.", code="empty")
    upload.seek(0)
    head = upload.read(len(PDF_MAGIC))
    upload.seek(0)
    if head == PDF_MAGIC:
        return "application/pdf"
    try:
        with Image.open(upload) as image:
            image_format = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            f"{name} is not a photo or a PDF. Attach images (JPEG, PNG, GIF, WebP) or PDF documents only.",
            code="bad_type",
        ) from error
    finally:
        upload.seek(0)
    if image_format not in IMAGE_TYPES:
        raise ValidationError(
            f"{name} is a {image_format} image; attach JPEG, PNG, GIF or WebP photos, or PDF documents.",
            code="bad_type",
        )
    return IMAGE_TYPES[image_format]
