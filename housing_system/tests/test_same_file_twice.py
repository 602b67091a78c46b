"""Importing the same file twice changes nothing: every record keeps the housing system's id, so the
second run finds all three customers unchanged (0 added, 0 changed, 3 unchanged) and writes nothing."""

import pytest

from engagement.factories import EstateFactory
from engagement.models import Customer
from housing_system.models import RecordType

from .helpers import check_and_commit, customers_file, identity_mapping

pytestmark = pytest.mark.django_db


def test_a_second_identical_import_changes_nothing():
    EstateFactory(name="Pool Farm")
    identity_mapping(RecordType.CUSTOMERS)
    data = customers_file(1, 2, 3)
    first = check_and_commit(RecordType.CUSTOMERS, data)
    assert (first.added, first.changed, first.unchanged) == (3, 0, 0)
    before = list(Customer.objects.order_by("pk").values_list("pk", "updated_at", "source_reference", "postcode"))
    second = check_and_commit(RecordType.CUSTOMERS, data)
    assert (second.added, second.changed, second.unchanged, second.ended) == (0, 0, 3, 0)
    assert (
        list(Customer.objects.order_by("pk").values_list("pk", "updated_at", "source_reference", "postcode")) == before
    )
    assert before[0][2:] == ("P00001", "B31 2AB")


def test_a_customer_typed_in_the_portal_is_adopted_by_their_tenancy_reference_not_duplicated():
    estate = EstateFactory(name="Pool Farm")
    identity_mapping(RecordType.CUSTOMERS)
    typed = Customer.objects.create(
        reference="T00001",
        first_name="Ann",
        last_name="Smith1",
        address="1 Pool Farm Road",
        estate=estate,
        tenure="general_needs",
    )
    run = check_and_commit(RecordType.CUSTOMERS, customers_file(1))
    assert (run.added, run.changed) == (0, 1)
    typed.refresh_from_db()
    assert (Customer.objects.count(), typed.source_reference, typed.email) == (1, "P00001", "ann1@example.org")
