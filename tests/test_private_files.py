"""Every file people upload or the portal builds is private: kept in STORAGES["private"], sent by a view."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages

from activities.factories import ActivityFactory
from activities.models import ActivityAttachment
from charter.models import BoardReport, MeasureValue
from engagement.storage import move_to_private
from panels.models import Evidence, ExpenseClaim, MeetingPaper, ScrutinyProject, WalkIssue
from surveys.models import ChampionPhoto

PDF = b"%PDF-1.4 a small pdf"


@pytest.mark.parametrize(
    ("model", "field"),
    [
        (ActivityAttachment, "file"),
        (MeasureValue, "evidence_file"),
        (BoardReport, "file"),
        (ChampionPhoto, "image"),
        (MeetingPaper, "file"),
        (ScrutinyProject, "report_file"),
        (Evidence, "file"),
        (WalkIssue, "photo"),
        (ExpenseClaim, "receipt"),
    ],
)
def test_every_uploaded_or_built_file_goes_to_private_storage(model, field):
    assert model._meta.get_field(field).storage is storages["private"]


@pytest.mark.django_db
def test_files_left_on_the_public_media_root_are_moved_into_private_storage_once():
    activity = ActivityFactory()
    public_name = default_storage.save(f"activities/{activity.pk}/sheet.pdf", ContentFile(PDF))
    attachment = ActivityAttachment.objects.create(
        activity=activity, file=public_name, original_name="sheet.pdf", content_type="application/pdf", size=len(PDF)
    )
    assert move_to_private(ActivityAttachment, "file") == 1
    assert not default_storage.exists(public_name)
    attachment.refresh_from_db()
    assert attachment.file.read() == PDF
    assert move_to_private(ActivityAttachment, "file") == 0


@pytest.mark.django_db
def test_a_missing_public_file_is_skipped_rather_than_stopping_the_move():
    activity = ActivityFactory()
    ActivityAttachment.objects.create(
        activity=activity, file="activities/gone.pdf", original_name="gone.pdf", content_type="application/pdf", size=1
    )
    assert move_to_private(ActivityAttachment, "file") == 0
