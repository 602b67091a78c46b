"""What the panels pages share: the access check for a panel (the form page and step() are the core's,
engagement.steps).

Stored files are sent with engagement.files.private_file_response, after the view's own check."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from .. import selectors
from ..models import Panel


def require_panel_access(user, panel: Panel) -> None:
    if not selectors.can_see_panel(user, panel):
        raise PermissionDenied("Only members of this panel and staff can see this.")
