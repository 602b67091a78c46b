"""What feedback holds about one customer, for GDPR export and erasure (engagement/gdpr.py).

Erasure keeps every complaint, compliment and suggestion (CH01/CH02, % upheld and the charter
count them) with their dates, stages and outcomes, and removes what the customer told us in their
own words and the names they gave."""

from engagement.gdpr import REMOVED, audit_scrub, records_of

from .models import Complaint, Compliment, Suggestion

COMPLAINT_FIELDS = [
    "received_on",
    "channel",
    "category",
    "description",
    "desired_outcome",
    "stage",
    "status",
    "stage1_outcome",
    "stage1_remedy",
    "stage1_responded_on",
    "stage2_requested_on",
    "stage2_reason",
    "stage2_outcome",
    "stage2_remedy",
    "stage2_responded_on",
    "closed_on",
]


def export(customer) -> list[dict]:
    rows = [{"record": "complaint", **row} for row in records_of(_complaints(customer), COMPLAINT_FIELDS)]
    rows += [
        {"record": "compliment", **row}
        for row in records_of(
            Compliment.objects.filter(customer=customer).order_by("received_on"),
            ["received_on", "from_name", "channel", "about", "team", "description"],
        )
    ]
    rows += [
        {"record": "suggestion", **row}
        for row in records_of(
            Suggestion.objects.filter(customer=customer).order_by("received_on"),
            ["received_on", "from_name", "channel", "suggestion", "status", "response", "responded_on"],
        )
    ]
    return rows


def _complaints(customer):
    return Complaint.objects.filter(customer=customer).order_by("received_on", "pk")


def erase(customer) -> int:
    complaints, compliments = _complaints(customer), Compliment.objects.filter(customer=customer)
    suggestions = Suggestion.objects.filter(customer=customer)
    for queryset in (complaints, compliments, suggestions):
        audit_scrub(queryset)
    # update(): a save() would write the old text into the audit log again.
    return (
        complaints.update(description=REMOVED, desired_outcome="", stage2_reason="")
        + compliments.update(from_name="", description=REMOVED)
        + suggestions.update(from_name="", suggestion=REMOVED)
    )
