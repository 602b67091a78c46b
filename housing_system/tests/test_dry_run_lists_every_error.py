"""A customers file with good rows and each kind of bad row: the dry run lists every problem with its
line, and the commit refuses the whole file (nothing saved, not even the good rows).

Worked by hand from the file below (line 1 is the heading row):
line 2 good; line 3 names an estate the portal does not have; line 4 has "B31 2A" (no inward code
of three characters: not a UK postcode); line 5 has the tenure "council house" (not one of the five);
line 6 repeats line 2's tenancy reference T00001 (and its person id P00001); line 7 has a name in
Latin-1 ("Zoë" as byte E9 is not UTF-8); line 8 good.
"""

import pytest

from engagement.factories import EstateFactory
from engagement.models import Customer
from housing_system.models import RecordType, RunStatus
from housing_system.services import import_commit

from .helpers import CUSTOMER_HEADER, check, customer_row, identity_mapping

pytestmark = pytest.mark.django_db


@pytest.fixture
def bad_file():
    EstateFactory(name="Pool Farm")
    identity_mapping(RecordType.CUSTOMERS)
    lines = [
        customer_row(1),
        customer_row(2, estate="Elm Prak"),
        customer_row(3, postcode="B31 2A"),
        customer_row(4, tenure="council house"),
        customer_row(1, last_name="Again"),
        customer_row(6).encode().replace(b"Ann", "Zoë".encode("latin-1")).decode("latin-1"),
        customer_row(7),
    ]
    return CUSTOMER_HEADER.encode() + b"".join(line.encode("latin-1") for line in lines)


def test_the_dry_run_lists_each_bad_row_with_its_line_and_reason(bad_file):
    run = check(RecordType.CUSTOMERS, bad_file)
    assert run.status == RunStatus.INVALID
    by_line = {}
    for error in run.errors:
        by_line.setdefault(error["line"], []).append(error["message"])
    assert sorted(by_line) == [3, 4, 5, 6, 7]
    assert by_line[3] == ["'Elm Prak' is not an estate in the portal"]
    assert by_line[4] == ["'B31 2A' is not a UK postcode"]
    assert by_line[5][0].startswith("'council house' is not a tenure the portal knows")
    assert by_line[6] == [
        "the person id P00001 is also on line 2",
        "the tenancy reference T00001 is also on line 2",
    ]
    assert by_line[7] == ["this line is not UTF-8 text (in Excel, save the file as “CSV UTF-8”)"]
    assert (run.rows, run.added) == (7, 4)  # lines 2, 6 (its duplicate is still a row), 7 and 8 read well


def test_the_commit_refuses_the_file_and_saves_none_of_its_rows(bad_file):
    run = check(RecordType.CUSTOMERS, bad_file)
    with pytest.raises(Exception, match="Only a file whose check found no errors"):
        import_commit(run=run)
    assert not Customer.objects.exists()


def test_a_checked_file_that_has_errors_by_the_time_it_is_committed_saves_nothing():
    estate = EstateFactory(name="Pool Farm")
    identity_mapping(RecordType.CUSTOMERS)
    run = check(RecordType.CUSTOMERS, (CUSTOMER_HEADER + customer_row(1) + customer_row(2)).encode())
    assert run.status == RunStatus.CHECKED
    estate.name = "Pool Farm Estate"  # renamed meanwhile: the file's estate no longer exists
    estate.save()
    run = import_commit(run=run)
    assert run.status == RunStatus.FAILED
    assert [error["line"] for error in run.errors] == [2, 3]
    assert not Customer.objects.exists()
