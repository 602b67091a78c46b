"""The one place private files live: papers, evidence, attachments, receipts and photos of homes.

`STORAGES["private"]` (settings) is a file system storage at PRIVATE_MEDIA_ROOT with no URL: the
development server's /media/ route can never serve it, and every file in it is sent by a view that
checks who is asking (see `engagement.files.private_file_response`). Model fields use the callable
`storage=private_storage`, so migrations record a name rather than a path, and a test that points
PRIVATE_MEDIA_ROOT elsewhere moves every field with it.
"""

from __future__ import annotations

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, default_storage, storages


class PrivateFileSystemStorage(FileSystemStorage):
    """FileSystemStorage rooted at settings.PRIVATE_MEDIA_ROOT (unless given a location), without URLs."""

    def __init__(self, location=None, **options):
        options.pop("base_url", None)  # a private file has no public address, whatever the settings say
        super().__init__(location=location, **options)

    @property
    def base_location(self):
        # Read each time, not cached: the tests point PRIVATE_MEDIA_ROOT at a fresh folder per test.
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("Private files have no URL: send them with engagement.files.private_file_response.")


def private_storage() -> Storage:
    """The storage for every private file field: `models.FileField(..., storage=private_storage)`."""
    return storages["private"]


def move_to_private(model, field_name: str, *, source: Storage | None = None) -> int:
    """Move the files of `model.field_name` from the default (public) media root into private storage.

    For data migrations of fields that used to be public. Safe to run twice: a file already in
    private storage is left alone, a missing file is skipped. Returns how many files moved.
    """
    source = source or default_storage
    target = private_storage()
    moved = 0
    for row in model.objects.exclude(**{field_name: ""}).only("pk", field_name).iterator():
        name = getattr(row, field_name).name
        if target.exists(name) or not source.exists(name):
            continue
        with source.open(name, "rb") as handle:
            saved = target.save(name, handle)
        if saved != name:
            model.objects.filter(pk=row.pk).update(**{field_name: saved})
        source.delete(name)
        moved += 1
    return moved
