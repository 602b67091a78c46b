"""A person erased under GDPR is not imported again: their row in the next file is skipped (by the
digest of their old tenancy reference, engagement.gdpr) and counted as "erased, not imported"; the
anonymised record stays as it is and is not ended."""

import pytest

from engagement.factories import EstateFactory
from engagement.gdpr import customer_erase
from engagement.models import Customer
from housing_system.models import RecordType

from .helpers import check_and_commit, customers_file, identity_mapping

pytestmark = pytest.mark.django_db


def test_an_erased_person_is_skipped_and_counted(manager):
    EstateFactory(name="Pool Farm")
    identity_mapping(RecordType.CUSTOMERS)
    check_and_commit(RecordType.CUSTOMERS, customers_file(1, 2), full_extract=True)
    erased = Customer.objects.get(reference="T00002")
    customer_erase(customer=erased, by=manager)
    run = check_and_commit(RecordType.CUSTOMERS, customers_file(1, 2), full_extract=True)
    assert (run.added, run.changed, run.unchanged, run.erased_skipped, run.ended) == (0, 0, 1, 1, 0)
    assert "1 erased, not imported" in run.report
    assert Customer.objects.count() == 2
    erased.refresh_from_db()
    assert (erased.first_name, erased.email, erased.source_reference, erased.ended_on) == ("Erased", "", "", None)
    assert not Customer.objects.filter(reference="T00002").exists()
