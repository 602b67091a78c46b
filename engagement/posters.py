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

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from .landlord import landlord_current
from .models import Estate, PosterPrint, PosterVersion

BODY_PT = {PosterVersion.STANDARD: 14, PosterVersion.LARGE_PRINT: 20}


def estate_public_url(estate: Estate) -> str:
    """The absolute address of the estate's public "You said, we did" page (SITE_URL: the
    portal's public address, since a poster outlives the request that printed it)."""
    return f"{settings.SITE_URL.rstrip('/')}{reverse('you_said_we_did_estate', args=[estate.pk])}"


def qr_svg_data_uri(url: str) -> str:
    """A QR code for the address as an SVG data URI: drawn as vector paths, made here (no network)."""
    import qrcode  # on first use: a poster is rarely drawn
    import qrcode.image.svg

    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    svg = image.to_string(encoding="unicode")
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


# Roughly how the wording wraps on A4 (characters a line, millimetres a line and around each item)
# and how much of the page is left for items between the heading and the QR code: a first guess
# at how many items fit, which rendering then checks (poster_fit).
LAYOUT = {
    PosterVersion.STANDARD: {"chars": 62, "line_mm": 6.7, "item_mm": 14, "space_mm": 200},
    PosterVersion.LARGE_PRINT: {"chars": 44, "line_mm": 9.6, "item_mm": 17, "space_mm": 195},
}


def item_height_mm(action, version: str) -> float:
    layout = LAYOUT[version]
    lines = sum(
        -(-(len(label) + len(text)) // layout["chars"])
        for label, text in (("You said: ", action.public_you_said), ("We did: ", action.public_we_did))
    )
    return layout["item_mm"] + lines * layout["line_mm"]


def render_pdf(*, estate: Estate, version: str, items: list, printed_on) -> bytes:
    from weasyprint import HTML

    url = estate_public_url(estate)
    context = {
        "estate": estate,
        "printed_on": printed_on,
        "items": items,
        "large_print": version == PosterVersion.LARGE_PRINT,
        "body_pt": BODY_PT[version],
        "short_url": url.split("://", 1)[-1],
        "qr": qr_svg_data_uri(url),
        "LANDLORD_NAME": landlord_current().name,
    }
    html = render_to_string("engagement/poster_pdf.html", context)
    return HTML(string=html, base_url=settings.SITE_URL).write_pdf()


def poster_fit(*, estate: Estate, version: str, candidates: list, printed_on) -> list:
    """The candidates, newest first, that fit one A4 page: as many as the estimate allows, then
    checked by laying the page out (dropping the last item until it is one page)."""
    space, chosen = LAYOUT[version]["space_mm"], []
    for action in candidates:
        space -= item_height_mm(action, version)
        if chosen and space < 0:
            break
        chosen.append(action)
    while (
        len(chosen) > 1 and _pages(render_pdf(estate=estate, version=version, items=chosen, printed_on=printed_on)) > 1
    ):
        chosen.pop()
    return chosen


def _pages(pdf: bytes) -> int:
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def poster_pdf(poster: PosterPrint) -> bytes:
    """A printed poster as a one-page A4 PDF, with the items logged when it was printed."""
    items = list(poster.items.order_by("-published_at", "-pk"))
    return render_pdf(estate=poster.estate, version=poster.version, items=items, printed_on=poster.printed_on)


def poster_filename(poster: PosterPrint) -> str:
    from django.utils.text import slugify

    version = "-large-print" if poster.version == PosterVersion.LARGE_PRINT else ""
    return f"you-said-we-did-{slugify(poster.estate.name)}{version}-{poster.printed_on:%Y-%m-%d}.pdf"
