"""What mail-outs hold about one customer, for GDPR export and erasure (engagement/gdpr.py).

Erasure keeps each copy's row (how many were sent, and how, still count) and removes the name,
address and contact details copied onto it; the print batches holding their letter lose their
PDF (it carries the name and address)."""

from engagement.gdpr import audit_scrub, records_of

from .models import Delivery, PrintBatch


def export(customer) -> list[dict]:
    deliveries = Delivery.objects.filter(customer=customer).select_related("mailout").order_by("mailout__created_at")
    fields = ["name", "address", "postcode", "email", "phone", "channel", "status", "sent_at", "reason"]
    return [
        {"record": "mail-out copy", "mail-out": str(d.mailout), **row}
        for d, row in zip(deliveries, records_of(deliveries, fields), strict=True)
    ]


def erase(customer) -> int:
    deliveries = Delivery.objects.filter(customer=customer)
    audit_scrub(deliveries)
    for batch in PrintBatch.objects.filter(letters__customer=customer).exclude(pdf="").distinct():
        batch.pdf.delete(save=False)
        PrintBatch.objects.filter(pk=batch.pk).update(pdf="")
    return deliveries.update(name="Erased customer", address="", postcode="", email="", phone="")
