"""Sending a private file: one response with the same safe headers for every app.

Each view first decides who may see the file (it declares its access policy and checks the
object); this module only makes the response. What it guarantees:

- the content type is the one we checked on upload, never guessed by the browser (nosniff);
- only photos are shown in the browser ("inline"), under a CSP sandbox so that even a file that
  slipped through can run nothing in our origin; everything else is a download ("attachment").
  PDFs download too: Chrome and Safari refuse to show a PDF under a CSP sandbox, and a downloaded
  file never runs in the portal's origin;
- nothing is kept by shared caches or by the browser (people's homes, complaints, receipts);
- a file that is not there is a 404, never a 500.
"""

from __future__ import annotations

import mimetypes
from pathlib import PurePath

from django.http import FileResponse, Http404

# Shown in the browser; anything else is sent as a download. No SVG: it can carry script.
INLINE_TYPES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})
INLINE_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"
DOWNLOAD_CSP = "sandbox; default-src 'none'"


def private_file_response(request, fieldfile, *, filename: str = "", content_type: str = "", download: bool = False):
    """A FileResponse for a private file the caller has already allowed `request.user` to see.

    `filename` is what the person's browser saves it as (default: the stored name's last part);
    `content_type` is the type checked on upload (default: guessed from the stored name).
    `download=True` sends even a photo as an attachment.
    """
    if not fieldfile:
        raise Http404("There is no file here.")
    try:
        handle = fieldfile.open("rb")
    except (FileNotFoundError, IsADirectoryError) as error:
        raise Http404("The file is missing from storage.") from error
    filename = filename or PurePath(fieldfile.name).name
    content_type = content_type or mimetypes.guess_type(fieldfile.name)[0] or "application/octet-stream"
    inline = content_type in INLINE_TYPES and not download
    response = FileResponse(handle, as_attachment=not inline, filename=filename, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = INLINE_CSP if inline else DOWNLOAD_CSP
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response
