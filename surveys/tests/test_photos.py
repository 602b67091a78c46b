"""Champion photos: checked by content, size-limited, saved again without EXIF or GPS.

The checks are the core's (engagement.uploads, tested in engagement/tests/test_uploads.py); these
tests hold the surveys' own rules: what a champion's photo is stored as, and what they are told.
"""

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from surveys.models import MAX_PHOTOS
from surveys.services import champion_photos_stash

from .helpers import gps_exif, upload

pytestmark = pytest.mark.django_db


def _stash(customer, *uploads):
    return champion_photos_stash(customer=customer, form_token=uuid.uuid4(), uploads=list(uploads))


def test_the_test_photo_really_carries_a_gps_position_before_cleaning():
    original = upload("walk.jpg", fmt="JPEG", exif=gps_exif(), content_type="image/jpeg")
    with Image.open(original) as image:
        assert image.getexif().get_ifd(0x8825)[2] == (52.0, 26.0, 12.5)


def test_the_saved_photo_has_no_exif_and_no_gps_position(customer):
    (photo,), problems = _stash(customer, upload("walk.jpg", fmt="JPEG", exif=gps_exif(), content_type="image/jpeg"))
    data = photo.image.read()
    with Image.open(photo.image) as image:
        exif = image.getexif()
        assert len(exif) == 0 and not exif.get_ifd(0x8825)
        assert "exif" not in image.info
        assert image.size == (16, 12)
    assert b"PhoneMaker" not in data and not problems
    assert photo.content_type == "image/jpeg" and photo.original_name == "walk.jpg"


def test_a_png_stays_a_png(customer):
    (photo,), _ = _stash(customer, upload("bins.png"))
    assert photo.content_type == "image/png" and photo.image.name.endswith("-bins.png")


def test_a_file_that_only_pretends_to_be_a_photo_is_refused_by_name(customer):
    fake = SimpleUploadedFile("bins.jpg", b"%PDF-1.4 not a photo", content_type="image/jpeg")
    kept, problems = _stash(customer, fake, upload("fence.png"))
    assert [p.original_name for p in kept] == ["fence.png"]
    assert problems == [
        "bins.jpg is not a photo (JPEG, PNG, GIF or WebP). Check you chose the right file; it may be damaged."
    ]


def test_a_photo_over_the_size_limit_is_refused_with_the_limit(settings, customer):
    settings.MAX_UPLOAD_MB = 1
    big = SimpleUploadedFile("huge.png", b"\0" * (1024 * 1024 + 1), content_type="image/png")
    kept, problems = _stash(customer, big)
    assert not kept and "huge.png is 1.0 MB; files can be at most 1 MB" in problems[0]


def test_a_very_large_photo_is_scaled_down_to_save_space(customer):
    (photo,), _ = _stash(customer, upload("big.jpg", fmt="JPEG", size=(4000, 3000), content_type="image/jpeg"))
    with Image.open(photo.image) as image:
        assert max(image.size) == 2400


def test_no_more_than_the_maximum_number_of_photos_is_kept(customer):
    kept, problems = _stash(customer, *[upload(f"p{n}.png") for n in range(MAX_PHOTOS + 1)])
    assert len(kept) == MAX_PHOTOS and problems == [f"p{MAX_PHOTOS}.png was not added: you can attach up to 6 photos."]
