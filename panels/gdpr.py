"""What panels hold about one customer, for GDPR export and erasure (engagement/gdpr.py).

Erasure keeps memberships, attendance, training, walk attendance and expense claims (member,
attendance and spending figures count them) and removes what the customer wrote in their own
words, their name and e-mail where they were copied, the letters addressed to them and the
receipts they uploaded."""

from engagement.gdpr import REMOVED, audit_scrub, records_of

from .models import Attendance, ExpenseClaim, ExpressionOfInterest, Letter, Membership, TrainingRecord, WalkAttendee


def export(customer) -> list[dict]:
    def tagged(record, queryset, fields, **extra):
        return [
            {"record": record, **{k: str(f(o)) for k, f in extra.items()}, **row}
            for o, row in zip(queryset, records_of(queryset, fields), strict=True)
        ]

    rows = tagged(
        "panel membership",
        Membership.objects.filter(customer=customer).select_related("panel").order_by("starts_on"),
        ["role", "starts_on", "ends_on"],
        panel=lambda o: o.panel,
    )
    rows += tagged(
        "expression of interest",
        ExpressionOfInterest.objects.filter(customer=customer).select_related("panel").order_by("submitted_on"),
        ["submitted_on", "availability", "communication_needs", "why", "status", "answered_on", "answer_note"],
        panel=lambda o: o.panel,
    )
    rows += tagged(
        "training",
        TrainingRecord.objects.filter(customer=customer).order_by("held_on"),
        ["course", "title", "provider", "held_on", "completed", "notes"],
    )
    rows += tagged(
        "meeting attendance",
        Attendance.objects.filter(customer=customer).select_related("meeting").order_by("meeting__pk"),
        ["status"],
        meeting=lambda o: o.meeting,
    )
    rows += tagged(
        "estate walk",
        WalkAttendee.objects.filter(customer=customer).select_related("walk").order_by("walk__pk"),
        ["name", "email", "actions_sent_on"],
        walk=lambda o: o.walk,
    )
    rows += tagged(
        "letter",
        Letter.objects.filter(customer=customer).order_by("created_at"),
        ["recipient", "address", "title", "body", "created_at", "printed_on"],
    )
    rows += tagged(
        "expense claim",
        ExpenseClaim.objects.filter(customer=customer).order_by("incurred_on"),
        ["kind", "incurred_on", "description", "miles", "amount", "receipt", "status", "decision_reason"],
    )
    return rows


def erase(customer) -> int:
    interests = ExpressionOfInterest.objects.filter(customer=customer)
    walks = WalkAttendee.objects.filter(customer=customer)
    letters = Letter.objects.filter(customer=customer)
    claims = ExpenseClaim.objects.filter(customer=customer)
    for queryset in (interests, walks, letters, claims):
        audit_scrub(queryset)
    for claim in claims.exclude(receipt=""):
        claim.receipt.delete(save=False)
    return (
        interests.update(availability=[], communication_needs="", why=REMOVED)
        + walks.update(name="", email="")
        + letters.update(recipient="Erased customer", address="", body=REMOVED)
        + claims.update(description=REMOVED, receipt="")
    )
