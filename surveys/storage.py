"""Where champion photos are kept.

They can show people's homes and neighbours, so they live outside MEDIA_ROOT (the development
server's /media/ route never serves them) and are only sent by a view that checks who is asking.
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
