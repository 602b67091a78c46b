"""The landlord's brand on every page: its colours as a small stylesheet and its logo.

The Content-Security-Policy allows styles from our own files only (no inline `<style>` or
`style=""`), so the colours an administrator chose are served as a stylesheet whose address
carries the settings' version (engagement.landlord.Landlord.version): browsers keep it for a year
and fetch the new one as soon as the settings change. Nothing personal is in either response.
"""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from .access import access
from .files import private_file_response
from .landlord import landlord_current

YEAR_SECONDS = 365 * 24 * 60 * 60


def _rgb(colour: str) -> str:
    return ", ".join(str(int(colour[start : start + 2], 16)) for start in (1, 3, 5))


def _darker(colour: str, share: float = 0.8) -> str:
    return "#" + "".join(f"{round(int(colour[start : start + 2], 16) * share):02x}" for start in (1, 3, 5))


def landlord_stylesheet(landlord) -> str:
    brand, accent = landlord.brand_colour, landlord.accent_colour
    hover = _darker(accent)
    return (
        f":root {{ --landlord-brand: {brand}; --landlord-accent: {accent};"
        f" --bs-link-color: {accent}; --bs-link-color-rgb: {_rgb(accent)};"
        f" --bs-link-hover-color: {hover}; --bs-link-hover-color-rgb: {_rgb(hover)};"
        f" --bs-primary: {accent}; --bs-primary-rgb: {_rgb(accent)}; }}\n"
        f".navbar-portal {{ background: {brand}; }}\n"
        f".btn-primary {{ --bs-btn-bg: {accent}; --bs-btn-border-color: {accent};"
        f" --bs-btn-hover-bg: {hover}; --bs-btn-hover-border-color: {hover};"
        f" --bs-btn-active-bg: {hover}; --bs-btn-active-border-color: {hover};"
        f" --bs-btn-disabled-bg: {accent}; --bs-btn-disabled-border-color: {accent}; }}\n"
        f".btn-outline-primary {{ --bs-btn-color: {accent}; --bs-btn-border-color: {accent};"
        f" --bs-btn-hover-bg: {accent}; --bs-btn-hover-border-color: {accent};"
        f" --bs-btn-active-bg: {hover}; --bs-btn-active-border-color: {hover}; }}\n"
        f".landlord-accent {{ color: {accent}; }}\n"
    )


@require_GET
@access("public")
def landlord_css(request):
    response = HttpResponse(landlord_stylesheet(landlord_current(request)), content_type="text/css; charset=utf-8")
    # The address changes with the settings (?v=…), so the file itself never needs to.
    response["Cache-Control"] = f"public, max-age={YEAR_SECONDS}, immutable"
    return response


@require_GET
@access("public")
def landlord_logo(request):
    landlord = landlord_current(request)
    if not landlord.pk or not landlord.logo:
        raise Http404("No logo has been set.")
    return private_file_response(request, landlord.logo, content_type=landlord.logo_content_type)
