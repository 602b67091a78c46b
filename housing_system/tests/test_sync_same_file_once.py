"""The sync never processes the same file twice (its SHA-256 digest): the second night with the same
files does nothing and tells nobody; a new customers file is imported alone (the patches and
estates files already committed are not read again); a failed file is not re-reported nightly."""

import pytest

from engagement.models import Notification
from housing_system.models import ImportRun, RecordType
from housing_system.sync import housing_system_sync

from .helpers import SYSTEM, customers_file, identity_mapping
from .test_sync_from_folder import ESTATES, PATCHES, _drop

pytestmark = pytest.mark.django_db


@pytest.fixture
def inbox(settings, tmp_path):
    settings.HOUSING_SYSTEM_FOLDER = tmp_path
    settings.HOUSING_SYSTEM_NAME = SYSTEM
    for record_type in RecordType.values:
        identity_mapping(record_type)
    _drop(tmp_path, "patches.csv", PATCHES)
    _drop(tmp_path, "estates.csv", ESTATES)
    return tmp_path


def test_the_same_dropped_files_are_not_processed_twice(inbox, manager):
    _drop(inbox, "customers.csv", customers_file(1))
    assert housing_system_sync().ok
    assert ImportRun.objects.count() == 3
    report = housing_system_sync()
    assert (report.ok, report.summary) == (True, "No new housing system files since the last sync.")
    assert ImportRun.objects.count() == 3 and Notification.objects.filter(user=manager).count() == 1


def test_a_new_customers_file_is_imported_alone(inbox):
    _drop(inbox, "customers.csv", customers_file(1))
    housing_system_sync()
    _drop(inbox, "customers-2.csv", customers_file(1, 2), age=5)
    report = housing_system_sync()
    assert report.ok
    latest = ImportRun.objects.first()
    assert (ImportRun.objects.count(), latest.file_name, latest.added, latest.unchanged) == (4, "customers-2.csv", 1, 1)


def test_a_failed_file_is_not_reported_again_every_night(inbox, manager):
    _drop(inbox, "customers.csv", customers_file(1, postcode="nowhere"))
    assert not housing_system_sync().ok
    assert housing_system_sync().summary == "No new housing system files since the last sync."
    assert Notification.objects.filter(user=manager).count() == 1
