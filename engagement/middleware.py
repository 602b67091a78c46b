"""Request checks that apply to every page before any view sees the request."""

from __future__ import annotations

from django.core.exceptions import BadRequest

NUL = "\x00"


def _has_nul(query_dict) -> bool:
    return any(NUL in key or any(NUL in value for value in values) for key, values in query_dict.lists())


class RejectNulBytesMiddleware:
    """A NUL byte in a query string or a form field is refused with 400 Bad Request.

    Nobody types one: it comes from a script or a corrupted paste, and PostgreSQL cannot store or
    even compare it ("PostgreSQL text fields cannot contain NUL (0x00) bytes"), so a search, a
    filter or a form reaching the database with one was a 500 (issue #15). Refusing it here is
    one rule for every search box, filter, form and hand-read parameter; silently stripping it
    would change what was sent without saying so. Form CharFields also refuse it (Django's
    ProhibitNullCharactersValidator), but filters, searches and views reading request.GET do not.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request.GET):
            raise BadRequest("A NUL byte in the query string.")
        if request.method == "POST" and (
            _has_nul(request.POST) or any(NUL in (f.name or "") for _, files in request.FILES.lists() for f in files)
        ):
            raise BadRequest("A NUL byte in the form data.")
        return self.get_response(request)
