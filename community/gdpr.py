"""What the community app holds about one customer, for GDPR export and erasure (engagement/gdpr.py).

Erasure keeps the applications and calls (budgets and the panel's workload count them) and removes
the customer's name, contact details and what they wrote in their own words."""

from engagement.gdpr import REMOVED, audit_scrub, records_of

from .models import CallForAction, FundingApplication


def export(customer) -> list[dict]:
    applications = FundingApplication.objects.filter(applicant=customer).order_by("submitted_at")
    calls = CallForAction.objects.filter(customer=customer).order_by("submitted_at")
    rows = [
        {"record": "funding application", **row}
        for row in records_of(
            applications,
            [
                "title",
                "group_name",
                "contact_name",
                "contact_details",
                "purpose",
                "outcomes",
                "requested_pence",
                "status",
            ],
        )
    ]
    rows += [
        {"record": "call for action", **row}
        for row in records_of(
            calls, ["issue", "details", "tried_already", "name", "email", "phone", "status", "decision_reason"]
        )
    ]
    return rows


def erase(customer) -> int:
    applications = FundingApplication.objects.filter(applicant=customer)
    calls = CallForAction.objects.filter(customer=customer)
    for queryset in (applications, calls):
        audit_scrub(queryset)
    return applications.update(
        contact_name="Erased customer", contact_details="", name_may_be_published=False
    ) + calls.update(name="Erased customer", email="", phone="", details=REMOVED, tried_already="")
