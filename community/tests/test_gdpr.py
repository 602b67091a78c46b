"""GDPR: the manager's export lists a customer's funding applications and calls for action, and
erasure removes their name, contact details and words while keeping the rows the budgets count."""

import pytest

from community.factories import CallForActionFactory, FundingApplicationFactory
from community.models import CallForAction, FundingApplication
from engagement.gdpr import customer_data_export, customer_erase

pytestmark = pytest.mark.django_db


def test_a_customers_applications_and_calls_are_exported_and_erased(manager, customer):
    FundingApplicationFactory(applicant=customer, contact_name="Zed Quillfeather", contact_details="zed@example.org")
    CallForActionFactory(
        customer=customer, name="Zed Quillfeather", email="zed@example.org", details="My flat at 17 Larkspur Row"
    )
    export = str(customer_data_export(customer=customer, by=manager))
    assert "Zed Quillfeather" in export and "17 Larkspur Row" in export
    customer_erase(customer=customer, by=manager)
    application, call = FundingApplication.objects.get(), CallForAction.objects.get()
    assert (application.contact_name, application.contact_details) == ("Erased customer", "")
    assert (call.name, call.email) == ("Erased customer", "") and "Larkspur" not in call.details
