"""Equality information under the customer's GDPR rights (engagement.gdpr): the manager's export of
everything held about them includes their own answers and consents (right of access); erasure deletes
the answers outright (no count needs them) and keeps only the consent dates and methods."""

import pytest

from engagement.gdpr import customer_data_export, customer_erase
from voice.models import EqualityConsent, EqualityProfile
from voice.services import equality_profile_record


@pytest.mark.django_db
def test_the_export_carries_their_answers_and_erasure_deletes_them(manager, other_customer):
    equality_profile_record(customer=other_customer, answers={"religion": "sikh"}, method="staff", recorded_by=manager)
    exported = customer_data_export(customer=other_customer, by=manager)
    text = str(exported)
    assert "Sikh" in text and "With a member of staff assisting" in text
    customer_erase(customer=other_customer, by=manager)
    assert not EqualityProfile.objects.filter(customer=other_customer).exists()
    assert EqualityConsent.objects.filter(customer=other_customer).count() == 1
