"""A4 "You said, we did" posters for notice boards, as PDFs built like the other documents.

Seed 2.2 and 2.3: "You said, We Did" posters completed and displayed on notice boards in schemes
and blocks. Each poster carries the landlord's name, the estate's most recent published items
(approved public wording only), a QR code to the estate's public page and the date it was
printed. The large-print version uses a 20 pt body: the RNIB's clear-print guidance, which the
seed's accessible-information commitments (charter 3; communications panel: "large print")
follow, puts large print at 16 to 18 pt and above.
"""

from __future__ import annotations

import base64

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from .models import Estate, PosterPrint, PosterVersion

BODY_PT = {PosterVersion.STANDARD: 14, PosterVersion.LARGE_PRINT: 20}


def estate_public_url(estate: Estate) -> str:
    """The absolute address of the estate's public "You said, we did" page (SITE_URL: the
    portal's public address, since a poster outlives the request that printed it)."""
    return f"{settings.SITE_URL.rstrip('/')}{reverse('you_said_we_did_estate', args=[estate.pk])}"


def qr_svg_data_uri(url: str) -> str:
    """A QR code for the address as an SVG data URI: drawn as vector paths, made here (no network)."""
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    svg = image.to_string(encoding="unicode")
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def poster_context(poster: PosterPrint) -> dict:
    url = estate_public_url(poster.estate)
    return {
        "poster": poster,
        "estate": poster.estate,
        "items": list(poster.items.order_by("-published_at", "-pk")),
        "large_print": poster.version == PosterVersion.LARGE_PRINT,
        "body_pt": BODY_PT[poster.version],
        "public_url": url,
        "short_url": url.split("://", 1)[-1],
        "qr": qr_svg_data_uri(url),
        "LANDLORD_NAME": settings.LANDLORD_NAME,
    }


def poster_pdf(poster: PosterPrint) -> bytes:
    """The poster as a one-page A4 PDF (one page: poster_items keeps the text within the page)."""
    from weasyprint import HTML

    html = render_to_string("engagement/poster_pdf.html", poster_context(poster))
    return HTML(string=html, base_url=settings.SITE_URL).write_pdf()


def poster_filename(poster: PosterPrint) -> str:
    from django.utils.text import slugify

    version = "-large-print" if poster.version == PosterVersion.LARGE_PRINT else ""
    return f"you-said-we-did-{slugify(poster.estate.name)}{version}-{poster.printed_on:%Y-%m-%d}.pdf"
