"""A mail-out's letters as one PDF, read back (mailouts/letters.py).

Rule: page 1 is a cover sheet (how many letters, how many in large print, and each letter that
must be produced in braille, easy read or another language before posting); then one letter a
page, addressed (name, address, postcode), in large print (18 pt) for those who asked and 12 pt
otherwise. Worked case: three letter customers: Ann (standard), Bob (large print), Cat (Polish,
braille). One page is saved as a PNG for CI (var/ci-artifacts).
"""

import io
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from pypdf import PdfReader

from engagement.factories import CustomerFactory
from engagement.models import Channel
from mailouts.models import PrintBatch
from mailouts.services import kind_for, mailout_create, mailout_deliver

pytestmark = pytest.mark.django_db
ARTIFACTS = Path(settings.BASE_DIR) / "var" / "ci-artifacts"


@pytest.fixture
def batch(officer):
    people = [
        CustomerFactory(first_name="Ann", last_name="Archer", address="1 Alder Close, Castle Vale", postcode="B35 6AA"),
        CustomerFactory(
            first_name="Bob", last_name="Baker", address="2 Birch Road", postcode="B35 6BB", large_print=True
        ),
        CustomerFactory(
            first_name="Cat",
            last_name="Cole",
            address="3 Cedar Way",
            postcode="B35 6CC",
            language="Polish",
            braille=True,
        ),
    ]
    for person in people:
        person.preferred_channel = Channel.LETTER
        person.save()
    mailout, _ = mailout_create(
        kind=kind_for("you-said-we-did", "You said, we did"),
        subject="You said, we did: the bin stores",
        body="You told us the bin stores overflowed.\n\nWe now empty them twice a week.",
        by=officer,
        customers=people,
    )
    mailout_deliver(mailout_id=mailout.pk)
    return PrintBatch.objects.get(mailout=mailout)


def _sizes(page) -> Counter:
    sizes: Counter = Counter()

    def visit(text, cm, tm, font, size):
        if text.strip():
            sizes[round(size * tm[3] * cm[3], 1)] += len(text.strip())

    page.extract_text(visitor_text=visit)
    return sizes


def test_the_batch_is_a_cover_sheet_then_one_addressed_letter_a_page(batch):
    reader = PdfReader(io.BytesIO(batch.pdf.open("rb").read()))
    assert len(reader.pages) == 4
    cover, *letters = (page.extract_text() for page in reader.pages)
    assert "3 letters" in cover and "1 in large print" in cover
    assert "Cat Cole" in cover and "braille, translate into Polish" in cover
    assert "Do not post this letter as printed" in cover and "Ann Archer" not in cover  # nothing special for Ann
    assert ["Ann Archer" in letters[0], "Bob Baker" in letters[1], "Cat Cole" in letters[2]] == [True] * 3
    for text, lines in zip(
        letters, (["1 Alder Close", "Castle Vale", "B35 6AA"], ["2 Birch Road", "B35 6BB"], ["B35 6CC"]), strict=True
    ):
        assert all(line in text for line in lines) and "We now empty them twice a week." in text
    assert "Produce as: braille, translate into Polish" in letters[2]


def test_large_print_letters_are_18_point_and_the_others_12(batch):
    reader = PdfReader(io.BytesIO(batch.pdf.open("rb").read()))
    standard, large = _sizes(reader.pages[1]), _sizes(reader.pages[2])
    assert standard.most_common(1)[0][0] == 12.0 and large.most_common(1)[0][0] == 18.0
    assert min(large) >= 18.0


def test_a_letter_page_is_saved_as_a_png_for_ci(batch, tmp_path):
    pdf = tmp_path / "letters.pdf"
    pdf.write_bytes(batch.pdf.open("rb").read())
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for page, name in ((1, "mailout-cover-sheet"), (3, "mailout-letter-large-print")):
        stem = ARTIFACTS / name
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(stem)],
            check=True,
        )
        assert stem.with_suffix(".png").stat().st_size > 5_000
