"""A mail-out's letters as one PDF to print (WeasyPrint, built like the board pack and posters).

Page 1 is the cover sheet for whoever prints and posts the batch: how many letters, how many in
large print, and every letter that must not go as printed — braille, an easy-read version, or a
translation into the language on the customer's record — so they are produced before posting.
Then one letter a page (each starts a new page), addressed for a window envelope: name, address,
postcode. Large print is 18 pt (the RNIB's clear-print guidance puts large print at 16 to 18 pt
and above), standard 12 pt.
"""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from engagement.landlord import landlord_current

from .models import MailOut

BODY_PT = {False: 12, True: 18}


def batch_pdf(mailout: MailOut, letters: list) -> bytes:
    from weasyprint import HTML

    special = [(number, letter) for number, letter in enumerate(letters, start=1) if letter.format_needs]
    context = {
        "mailout": mailout,
        "letters": letters,
        "special": special,
        "large_print_count": sum(1 for letter in letters if letter.large_print),
        "printed_on": timezone.localdate(),
        "paragraphs": [p.strip() for p in mailout.body.replace("\r\n", "\n").split("\n\n") if p.strip()],
        "standard_pt": BODY_PT[False],
        "large_pt": BODY_PT[True],
        "LANDLORD": landlord_current(),
    }
    html = render_to_string("mailouts/letters_pdf.html", context)
    return HTML(string=html, base_url=settings.SITE_URL).write_pdf()


def batch_filename(mailout: MailOut) -> str:
    from django.utils.text import slugify

    return f"letters-{mailout.pk}-{slugify(mailout.subject)[:40]}.pdf"
