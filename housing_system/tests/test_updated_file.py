"""An updated file changes only what changed: of three customers, one moved to a new postcode and one
now wants large print; the third is untouched (its updated_at stays), and each change is listed
with its line and the fields that change."""

import pytest

from engagement.factories import EstateFactory
from engagement.models import Customer
from housing_system.models import RecordType

from .helpers import CUSTOMER_HEADER, check, check_and_commit, customer_row, identity_mapping

pytestmark = pytest.mark.django_db


def test_an_updated_file_changes_only_the_fields_that_changed():
    EstateFactory(name="Pool Farm")
    identity_mapping(RecordType.CUSTOMERS)
    check_and_commit(
        RecordType.CUSTOMERS, (CUSTOMER_HEADER + customer_row(1) + customer_row(2) + customer_row(3)).encode()
    )
    untouched = Customer.objects.get(reference="T00003").updated_at
    updated = (
        CUSTOMER_HEADER + customer_row(1, postcode="m32 0th") + customer_row(2, large_print="yes") + customer_row(3)
    ).encode()
    run = check(RecordType.CUSTOMERS, updated)
    assert (run.added, run.changed, run.unchanged) == (0, 2, 1)
    assert run.changes == [
        {"line": 2, "key": "P00001", "action": "change", "fields": ["postcode"]},
        {"line": 3, "key": "P00002", "action": "change", "fields": ["large_print"]},
    ]
    assert Customer.objects.get(reference="T00001").postcode == "B31 2AB"  # the dry run wrote nothing
    check_and_commit(RecordType.CUSTOMERS, updated)
    assert Customer.objects.get(reference="T00001").postcode == "M32 0TH"
    assert Customer.objects.get(reference="T00002").large_print is True
    assert Customer.objects.get(reference="T00003").updated_at == untouched
