"""GDPR: a customer's mail-out copies are in their export; erasure blanks the name, address and
contact details copied onto each copy (the copy still counts) and removes the print batch PDF
that carried their letter (mailouts/gdpr.py)."""

import pytest

from engagement.factories import CustomerFactory
from engagement.models import Channel
from mailouts import gdpr
from mailouts.models import Delivery, PrintBatch
from mailouts.services import kind_for, mailout_create, mailout_deliver

pytestmark = pytest.mark.django_db


def test_the_export_lists_their_copies_and_erasure_removes_what_identifies_them(officer):
    person = CustomerFactory(first_name="Iris", last_name="Quill", preferred_channel=Channel.LETTER)
    other = CustomerFactory(preferred_channel=Channel.LETTER)
    mailout, _ = mailout_create(
        kind=kind_for("minutes", "Minutes"), subject="Minutes", body="Text", by=officer, customers=[person, other]
    )
    mailout_deliver(mailout_id=mailout.pk)
    (row,) = gdpr.export(person)
    assert row["record"] == "mail-out copy" and "Iris Quill" in str(row.values())

    assert gdpr.erase(person) == 1
    copy = Delivery.objects.get(customer=person)
    assert (copy.name, copy.address, copy.postcode, copy.email, copy.phone) == ("Erased customer", "", "", "", "")
    assert not PrintBatch.objects.get(mailout=mailout).pdf
    assert Delivery.objects.filter(mailout=mailout).count() == 2
