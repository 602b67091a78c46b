"""The sample file set in docs/onboarding/ imports cleanly, in the README's order, with the column
matching guessed from its headings (the same matching housing_system/demo.py saves for the demo),
and the Excel copy of the customers file reads the same as the CSV."""

from pathlib import Path

import pytest

from engagement.models import Customer, Estate, Patch
from housing_system.demo import SAMPLE_COLUMNS
from housing_system.models import ColumnMapping, RecordType
from housing_system.reading import read_table
from housing_system.records import guess_columns

from .helpers import SYSTEM, check_and_commit

pytestmark = pytest.mark.django_db
SAMPLES = Path(__file__).resolve().parents[2] / "docs" / "onboarding"


@pytest.mark.parametrize("record_type", RecordType.values)
def test_the_sample_headings_are_guessed_as_the_demo_saves_them(record_type):
    headings = read_table((SAMPLES / f"{record_type}.csv").read_bytes(), name="").headings
    assert guess_columns(record_type, headings) == SAMPLE_COLUMNS[record_type]


def test_the_sample_files_import_in_order():
    for record_type, columns in SAMPLE_COLUMNS.items():
        ColumnMapping.objects.create(source_system=SYSTEM, record_type=record_type, columns=columns)
    for record_type in RecordType.values:
        check_and_commit(record_type, (SAMPLES / f"{record_type}.csv").read_bytes())
    assert Patch.objects.count() == 6 and Estate.objects.count() == 4
    assert Estate.objects.get(source_reference="SCH-102").homes == 58
    gloria = Customer.objects.get(reference="T9000001")
    assert (gloria.estate.name, gloria.tenure, gloria.preferred_channel, gloria.large_print) == (
        "Selly Park Court",
        "care_supported",
        "phone",
        True,
    )
    again = check_and_commit(RecordType.CUSTOMERS, (SAMPLES / "customers.xlsx").read_bytes())
    assert (again.added, again.changed, again.unchanged) == (0, 0, 5)
