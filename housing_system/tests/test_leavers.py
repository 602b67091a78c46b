"""A customer missing from a full customer extract is ended (Customer.ended_on = the day of the
import), never deleted: the row, and so every record pointing at it, stays; they drop out of current()
(and so of a survey's audience: surveys/tests/test_audience_current_customers.py).
Only customers that came from the housing system are ended; one who reappears is current again; a
full extract that would end more than HOUSING_SYSTEM_MAX_LEAVERS_PERCENT (10%) of them, and more
than 5, is refused as probably cut short (10 customers, a file of 3: 7 > 5 and 70% > 10%)."""

import datetime

import pytest

from engagement.factories import EstateFactory
from engagement.models import Customer
from housing_system.models import RecordType, RunStatus
from tests.support import freeze_now

from .helpers import check, check_and_commit, customers_file, identity_mapping

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_customers():
    estate = EstateFactory(name="Pool Farm")
    identity_mapping(RecordType.CUSTOMERS)
    check_and_commit(RecordType.CUSTOMERS, customers_file(1, 2, 3), full_extract=True)
    return estate


def test_a_leaver_is_ended_not_deleted_and_keeps_their_history(three_customers, monkeypatch):
    leaver = Customer.objects.get(reference="T00002")
    freeze_now(monkeypatch, datetime.datetime(2026, 11, 24, 2, 30, tzinfo=datetime.UTC))
    run = check_and_commit(RecordType.CUSTOMERS, customers_file(1, 3), full_extract=True)
    assert (run.ended, run.unchanged) == (1, 2)
    assert {"line": 0, "key": "T00002", "action": "end", "fields": []} in run.changes
    leaver.refresh_from_db()
    assert leaver.ended_on == datetime.date(2026, 11, 24)
    assert Customer.objects.count() == 3
    assert list(Customer.objects.current().values_list("reference", flat=True).order_by("reference")) == [
        "T00001",
        "T00003",
    ]
    assert leaver.pk == Customer.objects.get(reference="T00002").pk  # the same row: its history points at it


def test_a_file_that_is_not_a_full_extract_ends_nobody(three_customers):
    run = check_and_commit(RecordType.CUSTOMERS, customers_file(1), full_extract=False)
    assert run.ended == 0 and Customer.objects.current().count() == 3


def test_a_customer_typed_in_the_portal_is_not_ended_by_a_file_that_never_knew_them(three_customers):
    Customer.objects.create(
        reference="HAND1", first_name="Bo", last_name="Lee", address="x", estate=three_customers, tenure="leaseholder"
    )
    run = check_and_commit(RecordType.CUSTOMERS, customers_file(1, 2, 3), full_extract=True)
    assert run.ended == 0 and Customer.objects.get(reference="HAND1").ended_on is None


def test_a_leaver_who_comes_back_is_current_again(three_customers):
    check_and_commit(RecordType.CUSTOMERS, customers_file(1, 3), full_extract=True)
    run = check_and_commit(RecordType.CUSTOMERS, customers_file(1, 2, 3), full_extract=True)
    assert run.changes == [{"line": 3, "key": "P00002", "action": "change", "fields": ["ended_on"]}]
    assert Customer.objects.get(reference="T00002").ended_on is None


def test_a_full_extract_that_would_end_most_customers_is_refused_as_cut_short():
    EstateFactory(name="Pool Farm")
    identity_mapping(RecordType.CUSTOMERS)
    check_and_commit(RecordType.CUSTOMERS, customers_file(*range(1, 11)), full_extract=True)
    run = check(RecordType.CUSTOMERS, customers_file(1, 2, 3), full_extract=True)
    assert run.status == RunStatus.INVALID
    assert run.errors[0]["message"].startswith("this full extract would end 7 of 10 customers' tenancies")
    assert Customer.objects.current().count() == 10
