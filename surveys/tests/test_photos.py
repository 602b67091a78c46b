"""Champion photos: checked by content, size-limited, saved again without EXIF or GPS."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from surveys.photos import clean_photo

from .helpers import gps_exif, upload


def test_the_test_photo_really_carries_a_gps_position_before_cleaning():
    original = upload("walk.jpg", fmt="JPEG", exif=gps_exif(), content_type="image/jpeg")
    with Image.open(original) as image:
        assert image.getexif().get_ifd(0x8825)[2] == (52.0, 26.0, 12.5)


def test_the_saved_photo_has_no_exif_and_no_gps_position():
    original = upload("walk.jpg", fmt="JPEG", exif=gps_exif(), content_type="image/jpeg")
    cleaned = clean_photo(original)
    data = cleaned.content.read()
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        assert len(exif) == 0 and not exif.get_ifd(0x8825)
        assert "exif" not in image.info
        assert image.size == (16, 12)
    assert b"PhoneMaker" not in data
    assert cleaned.content_type == "image/jpeg" and cleaned.original_name == "walk.jpg"


def test_a_png_stays_a_png():
    cleaned = clean_photo(upload("bins.png"))
    assert cleaned.content_type == "image/png" and cleaned.content.name == "bins.png"


def test_a_file_that_only_pretends_to_be_a_photo_is_refused_by_name():
    fake = SimpleUploadedFile("bins.jpg", b"%PDF-1.4 not a photo", content_type="image/jpeg")
    with pytest.raises(ValidationError, match="bins.jpg is not a photo we can open"):
        clean_photo(fake)


def test_a_photo_over_the_size_limit_is_refused_with_the_limit(settings):
    settings.MAX_UPLOAD_MB = 1
    big = SimpleUploadedFile("huge.png", b"\0" * (1024 * 1024 + 1), content_type="image/png")
    with pytest.raises(ValidationError, match="Photos can be up to 1 MB"):
        clean_photo(big)


def test_a_very_large_photo_is_scaled_down_to_save_space():
    cleaned = clean_photo(upload("big.jpg", fmt="JPEG", size=(4000, 3000), content_type="image/jpeg"))
    with Image.open(cleaned.content) as image:
        assert max(image.size) == 2400
