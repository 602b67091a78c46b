"""A file larger than HOUSING_SYSTEM_BACKGROUND_MB is checked and saved by a Celery task (queued
through the outbox when the request's transaction commits), not in the web request: the page says
"Being checked" / "Being saved" until the worker is done, and two clicks on "save" save it once."""

import pytest
from django.urls import reverse

from engagement.factories import EstateFactory
from engagement.models import Customer, PendingTask
from housing_system.models import ImportRun, RecordType, RunStatus
from housing_system.services import import_commit_request

from .helpers import check, customers_file, identity_mapping

pytestmark = pytest.mark.django_db


@pytest.fixture
def large(settings):
    settings.HOUSING_SYSTEM_BACKGROUND_MB = 0.0001  # about 100 bytes: every test file is "large"
    EstateFactory(name="Pool Farm")
    identity_mapping(RecordType.CUSTOMERS)


def test_a_large_file_is_checked_by_a_worker(large, manager_client, django_capture_on_commit_callbacks):
    from django.core.files.uploadedfile import SimpleUploadedFile

    form = {
        "record_type": "customers",
        "source_system": "Test HMS",
        "file": SimpleUploadedFile("customers.csv", customers_file(1, 2)),
    }
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        manager_client.post(reverse("housing_system:run_list"), form)
    run = ImportRun.objects.get()
    assert run.status == RunStatus.CHECKING and PendingTask.objects.count() == 1
    page = manager_client.get(run.get_absolute_url()).content.decode()
    assert "Being checked." in page and "Check progress" in page
    for callback in callbacks:
        callback()  # the broker hands the task to a (here eager) worker
    run.refresh_from_db()
    assert (run.status, run.added) == (RunStatus.CHECKED, 2)


def test_a_large_file_is_saved_once_by_a_worker(large, manager, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run = check(RecordType.CUSTOMERS, customers_file(1, 2), user=manager)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        run = import_commit_request(run=run, user=manager)
    assert run.status == RunStatus.COMMITTING and not Customer.objects.exists()
    with pytest.raises(Exception, match="Only a file whose check found no errors can be saved, once"):
        import_commit_request(run=run, user=manager)  # a second click
    for callback in callbacks:
        callback()
    run.refresh_from_db()
    assert (run.status, run.committed_by, Customer.objects.count()) == (RunStatus.COMMITTED, manager, 2)
