import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from activities import services
from activities.factories import ActivityFactory

from .helpers import PDF_BYTES, png_bytes

# The checks themselves are the core's (engagement/tests/test_uploads.py); these are the
# activities' rules: what an attachment is stored as, and that one bad file stops them all.
pytestmark = pytest.mark.django_db


def upload(name, content):
    return SimpleUploadedFile(name, content)


def test_a_png_and_a_pdf_are_recognised_by_their_content_whatever_their_names(officer):
    activity = ActivityFactory(lead_officer=officer)
    added = services.attachments_add(
        activity=activity, user=officer, uploads=[upload("scan.bin", png_bytes()), upload("photo.jpg", PDF_BYTES)]
    )
    assert [(a.content_type, a.original_name) for a in added] == [
        ("image/png", "scan.png"),
        ("application/pdf", "photo.pdf"),
    ]


def test_an_executable_renamed_as_a_photo_is_refused(officer):
    activity = ActivityFactory(lead_officer=officer)
    with pytest.raises(ValidationError, match=r"photo.jpg is not a photo \(JPEG, PNG, GIF or WebP\) or a PDF"):
        services.attachments_add(activity=activity, user=officer, uploads=[upload("photo.jpg", b"MZ\x90\x00\x03")])


def test_an_image_format_we_do_not_accept_is_named_in_the_message(officer):
    buffer = io.BytesIO()
    Image.new("RGB", (2, 2)).save(buffer, format="BMP")
    with pytest.raises(ValidationError, match="is a BMP image"):
        services.attachments_add(
            activity=ActivityFactory(lead_officer=officer), user=officer, uploads=[upload("old.bmp", buffer.getvalue())]
        )


def test_a_file_over_the_size_limit_is_refused_with_the_limit(settings, officer):
    settings.MAX_UPLOAD_MB = 1
    with pytest.raises(ValidationError, match="at most 1 MB"):
        services.attachments_add(
            activity=ActivityFactory(lead_officer=officer),
            user=officer,
            uploads=[upload("big.pdf", PDF_BYTES + b"0" * (1024 * 1024))],
        )


def test_files_are_added_to_an_activity_and_downloaded_by_staff_only(officer_client, officer, customer_client):
    activity = ActivityFactory(lead_officer=officer)
    response = officer_client.post(
        reverse("activities:attachment_add", args=[activity.pk]),
        {"files": [upload("sign-in.pdf", PDF_BYTES)], "kind": "sign_in"},
    )
    assert response.status_code == 302
    attachment = activity.attachments.get()
    download = officer_client.get(attachment.get_absolute_url())
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == 'attachment; filename="sign-in.pdf"'
    assert download["Cache-Control"] == "private, no-store" and download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content) == PDF_BYTES
    assert customer_client.get(attachment.get_absolute_url()).status_code == 403


def test_a_bad_file_among_good_ones_adds_none_of_them(officer_client, officer):
    activity = ActivityFactory(lead_officer=officer)
    officer_client.post(
        reverse("activities:attachment_add", args=[activity.pk]),
        {"files": [upload("a.pdf", PDF_BYTES), upload("b.png", b"not an image")], "kind": "photo"},
    )
    assert not activity.attachments.exists()


def test_a_huge_photo_is_refused_with_a_message_instead_of_a_crash(officer_client, officer):
    from engagement.factories import png_claiming

    activity = ActivityFactory(lead_officer=officer)
    response = officer_client.post(
        reverse("activities:attachment_add", args=[activity.pk]),
        {"files": [upload("crowd.png", png_claiming(60_000, 60_000))], "kind": "photo"},
        follow=True,
    )
    assert response.status_code == 200
    assert "Nothing was added. crowd.png is too large to open safely" in response.content.decode()
    assert not activity.attachments.exists()
