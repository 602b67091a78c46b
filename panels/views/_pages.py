"""What the panels pages share: the access check for a panel, the form page, sending a stored file."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
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


def send_file(field, *, as_attachment=False):
    if not field:
        raise Http404("No file.")
    try:
        handle = field.open("rb")
    except FileNotFoundError as error:
        raise Http404("The file is missing.") from error
    name = Path(field.name).name
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(handle, as_attachment=as_attachment, filename=name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"
    return response
