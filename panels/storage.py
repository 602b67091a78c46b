"""Where panel papers, evidence, photos and receipts are kept.

They are private to a panel's members (or to a claimant and staff), so they live outside
MEDIA_ROOT, where the development server's /media/ route can never serve them, and are
only ever sent by views that check who is asking.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import cached_property


class PrivateStorage(FileSystemStorage):
    @cached_property
    def base_location(self):
        configured = getattr(settings, "PRIVATE_MEDIA_ROOT", None)
        return str(configured or Path(settings.MEDIA_ROOT).parent / "private-media")

    @cached_property
    def base_url(self):
        return None


private_storage = PrivateStorage()


def get_private_storage() -> PrivateStorage:
    return private_storage
