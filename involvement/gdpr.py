"""What the involvement app holds about one customer, for GDPR export and erasure (engagement/gdpr.py).

Erasure keeps bookings (places and attendance figures count them) and the officer rows of a group
(the register says a chair was in post), and removes what the customer wrote: their comments on
documents under review."""

from engagement.gdpr import REMOVED, audit_scrub, records_of

from .models import Booking, GroupOfficer, ReviewComment


def export(customer) -> list[dict]:
    rows = [
        {"record": "residents' group officer", "group": str(o.group), **row}
        for o, row in _zip(
            GroupOfficer.objects.filter(customer=customer).select_related("group").order_by("since"),
            ["role", "since", "until"],
        )
    ]
    rows += [
        {"record": "course booking", "course": str(o.course), **row}
        for o, row in _zip(
            Booking.objects.filter(customer=customer).select_related("course").order_by("booked_at"),
            ["booked_at", "attended"],
        )
    ]
    if customer.user_id:
        rows += [
            {"record": "comment on a document under review", "document": str(o.document), **row}
            for o, row in _zip(
                ReviewComment.objects.filter(author_id=customer.user_id).select_related("document"),
                ["body", "created_at"],
            )
        ]
    return rows


def _zip(queryset, fields):
    return zip(queryset, records_of(queryset, fields), strict=True)


def erase(customer) -> int:
    if not customer.user_id:
        return 0
    comments = ReviewComment.objects.filter(author_id=customer.user_id)
    audit_scrub(comments)
    return comments.update(body=REMOVED)
