"""Checking champion photos and removing what they should not carry.

A photo is judged by its content (Pillow must recognise and verify it), never by its name, and
is saved again from its pixels only: EXIF (GPS position, phone model, time) is dropped, so a
photo of a bin store never tells anyone where the champion lives. The phone's rotation flag is
applied first so the picture still looks the right way up.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP", "MPO"}
MAX_SIDE_PX = 2400  # plenty to see a broken fence; keeps storage and phones' data use down
MAX_PHOTOS = 6


@dataclass(frozen=True)
class CleanPhoto:
    content: ContentFile
    content_type: str
    original_name: str


def clean_photo(upload) -> CleanPhoto:
    """A checked, EXIF-free copy of an uploaded photo, or a ValidationError a person can act on."""
    name = Path(getattr(upload, "name", "") or "photo").name[:150]
    limit_mb = settings.MAX_UPLOAD_MB
    if upload.size > limit_mb * 1024 * 1024:
        raise ValidationError(
            f"{name} is {upload.size / (1024 * 1024):.1f} MB. Photos can be up to {limit_mb} MB: "
            "try a smaller photo size in your camera settings.",
            code="too_big",
        )
    if upload.size == 0:
        raise ValidationError(f"{name} is empty. Please choose the photo again.", code="empty")
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            image_format = probe.format
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()
            upright = ImageOps.exif_transpose(image)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(
            f"{name} is not a photo we can open. Please attach JPEG, PNG, GIF or WebP photos only.", code="bad_type"
        ) from error
    finally:
        upload.seek(0)
    if image_format not in ACCEPTED_FORMATS:
        raise ValidationError(f"{name} is not a JPEG, PNG, GIF or WebP photo.", code="bad_type")
    upright.thumbnail((MAX_SIDE_PX, MAX_SIDE_PX))
    keep_png = image_format == "PNG" or upright.mode in ("RGBA", "LA", "P")
    buffer = io.BytesIO()
    # A fresh save from pixel data writes no EXIF, XMP or GPS block (nothing is passed through).
    if keep_png:
        clean = upright.convert("RGBA") if upright.mode == "P" else upright
        clean.save(buffer, format="PNG", optimize=True)
        content_type, extension = "image/png", "png"
    else:
        upright.convert("RGB").save(buffer, format="JPEG", quality=85, optimize=True)
        content_type, extension = "image/jpeg", "jpg"
    stem = Path(name).stem[:80] or "photo"
    return CleanPhoto(
        content=ContentFile(buffer.getvalue(), name=f"{stem}.{extension}"),
        content_type=content_type,
        original_name=name,
    )
