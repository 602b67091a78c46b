"""Small files and a saved identity column mapping for the housing system import's tests."""

from __future__ import annotations

from housing_system.models import ColumnMapping, RecordType
from housing_system.records import fields_of
from housing_system.services import import_commit, import_run_start

SYSTEM = "Test HMS"
CUSTOMER_HEADER = (
    "source_reference,reference,first_name,last_name,address,postcode,estate,tenure,email,preferred_channel,"
    "large_print,consent_to_contact\n"
)


def identity_mapping(record_type: str) -> ColumnMapping:
    columns = {field.name: field.name for field in fields_of(record_type)}
    if record_type == RecordType.CUSTOMERS:
        for optional in ("title", "phone", "language", "braille", "easy_read"):
            columns.pop(optional)
    if record_type == RecordType.ESTATES:
        columns.pop("address")  # the test files have none: a mapped column must be in the file
    return ColumnMapping.objects.create(source_system=SYSTEM, record_type=record_type, columns=columns)


def customer_row(number: int, *, estate="Pool Farm", tenure="general_needs", postcode="B31 2AB", **changes) -> str:
    values = {
        "source_reference": f"P{number:05d}",
        "reference": f"T{number:05d}",
        "first_name": "Ann",
        "last_name": f"Smith{number}",
        "address": f"{number} Pool Farm Road",
        "postcode": postcode,
        "estate": estate,
        "tenure": tenure,
        "email": f"ann{number}@example.org",
        "preferred_channel": "email",
        "large_print": "no",
        "consent_to_contact": "yes",
    }
    values.update(changes)
    return ",".join(values.values()) + "\n"


def customers_file(*numbers: int, **changes) -> bytes:
    return (CUSTOMER_HEADER + "".join(customer_row(n, **changes) for n in numbers)).encode()


def check(record_type: str, data: bytes, *, full_extract: bool = False, user=None, name="file.csv"):
    return import_run_start(
        record_type=record_type, source_system=SYSTEM, data=data, file_name=name, user=user, full_extract=full_extract
    )


def check_and_commit(record_type: str, data: bytes, *, full_extract: bool = False):
    run = check(record_type, data, full_extract=full_extract)
    assert run.errors == [], run.errors
    return import_commit(run=run)
