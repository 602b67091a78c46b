"""What the panels pages share: the access check for a panel and the form page.

Stored files are sent with engagement.files.private_file_response, after the view's own check."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from .. import selectors
from ..models import Panel


def require_panel_access(user, panel: Panel) -> None:
    if not selectors.can_see_panel(user, panel):
        raise PermissionDenied("Only members of this panel and staff can see this.")


def form_page(request, form, *, title, cancel_url, intro="", submit_label="Save", extra=None):
    context = {"form": form, "title": title, "cancel_url": cancel_url, "intro": intro, "submit_label": submit_label}
    context.update(extra or {})
    return render(request, "panels/form.html", context)
