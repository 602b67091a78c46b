"""The nightly sync takes the newest patches, estates and customers files from the folder backend,
reads them with the saved column mappings, checks and commits them (patches, then estates, then
customers, all in one transaction), records a run per file and tells the managers what changed. A
failed sync changes nothing and says why."""

import os

import pytest
from django.core.management import CommandError, call_command

from engagement.models import Customer, Estate, Notification, Patch
from housing_system.models import ImportRun, RecordType, RunStatus, Trigger
from housing_system.sync import housing_system_sync

from .helpers import SYSTEM, customers_file, identity_mapping

pytestmark = pytest.mark.django_db
PATCHES = b"source_reference,code,name\nA1,NFD,Northfield\n"
ESTATES = (
    b"source_reference,name,patch,estate_type,homes_lcra,homes_lcho,homes_leasehold,has_communal_areas,postcode\n"
    b"E1,Pool Farm,A1,general_needs,118,22,0,yes,B31 2AB\n"
)


@pytest.fixture
def inbox(settings, tmp_path):
    settings.HOUSING_SYSTEM_FOLDER = tmp_path
    settings.HOUSING_SYSTEM_NAME = SYSTEM
    settings.HOUSING_SYSTEM_SOURCE = "housing_system.sources.FolderSource"
    for record_type in RecordType.values:
        identity_mapping(record_type)
    return tmp_path


def _drop(folder, name, data, age=0):
    path = folder / name
    path.write_bytes(data)
    os.utime(path, (1_700_000_000 + age, 1_700_000_000 + age))


def test_the_sync_imports_the_newest_file_of_each_kind_and_tells_the_managers(inbox, manager, officer):
    _drop(inbox, "patches.csv", PATCHES)
    _drop(inbox, "estates.csv", ESTATES)
    _drop(inbox, "customers-2026-11-23.csv", customers_file(1), age=1)
    _drop(inbox, "customers-2026-11-24.csv", customers_file(1, 2), age=2)
    _drop(inbox, "readme.txt", b"not a data file")
    report = housing_system_sync()
    assert report.ok, report.summary
    assert Patch.objects.get(source_reference="A1").code == "NFD"
    assert Estate.objects.get(source_reference="E1").patch.code == "NFD"
    assert Customer.objects.count() == 2
    runs = ImportRun.objects.order_by("pk")
    assert [(r.record_type, r.trigger, r.status, r.file_name) for r in runs] == [
        ("patches", Trigger.SYNC, RunStatus.COMMITTED, "patches.csv"),
        ("estates", Trigger.SYNC, RunStatus.COMMITTED, "estates.csv"),
        ("customers", Trigger.SYNC, RunStatus.COMMITTED, "customers-2026-11-24.csv"),
    ]
    assert runs[2].full_extract is True
    notice = Notification.objects.get(user=manager)
    assert notice.title == "Housing system sync: done"
    assert "Customers: 2 rows: 2 to add" in notice.body
    assert not Notification.objects.filter(user=officer).exists()


def test_a_failed_sync_changes_nothing_and_says_why(inbox, manager):
    _drop(inbox, "patches.csv", PATCHES)
    _drop(inbox, "estates.csv", ESTATES)
    _drop(inbox, "customers.csv", customers_file(1, 2, postcode="nowhere"))
    report = housing_system_sync()
    assert not report.ok
    assert report.summary == "Nothing was changed: customers.csv has 2 errors."
    assert not Patch.objects.exists() and not Estate.objects.exists() and not Customer.objects.exists()
    runs = ImportRun.objects.order_by("pk")
    assert [r.status for r in runs] == [RunStatus.FAILED] * 3
    assert runs[0].report.endswith("Not saved: customers.csv has 2 errors.")
    assert runs[2].errors[0] == {"line": 2, "message": "'nowhere' is not a UK postcode"}
    assert Notification.objects.get(user=manager).title == "Housing system sync: failed, nothing changed"


def test_the_command_runs_the_sync_and_fails_loudly(inbox):
    _drop(inbox, "patches.csv", b"source_reference,code,name\nA1,,Northfield\n")
    with pytest.raises(CommandError, match="patches.csv has 1 errors"):
        call_command("sync_housing_system")


def test_a_file_without_a_saved_mapping_fails_with_what_to_do(inbox):
    from housing_system.models import ColumnMapping

    ColumnMapping.objects.filter(record_type="patches").delete()
    _drop(inbox, "patches.csv", PATCHES)
    report = housing_system_sync()
    assert not report.ok
    assert ImportRun.objects.get().errors[0]["message"].startswith("no saved column mapping for patches from Test HMS")
