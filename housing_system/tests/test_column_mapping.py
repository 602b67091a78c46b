"""The manager matches a file's columns to the portal's fields once: the mapping is saved per source
system and kind of record, and the next file with the same headings goes straight to its dry run."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from engagement.factories import PatchFactory
from engagement.models import Estate
from housing_system.models import ColumnMapping, ImportRun, RecordType, RunStatus

pytestmark = pytest.mark.django_db
SCHEMES = "Scheme No,Scheme Name,Area,Kind,Rented,SO,Leasehold\n"


def _upload(client, text: str):
    upload = SimpleUploadedFile("schemes.csv", text.encode(), content_type="text/csv")
    data = {"record_type": "estates", "source_system": "Orchard", "file": upload}
    return client.post(reverse("housing_system:run_list"), data)


def test_the_first_file_asks_for_the_columns_and_the_mapping_is_saved_and_reused(manager_client):
    PatchFactory(code="NFD")
    response = _upload(manager_client, SCHEMES + "S1,Pool Farm,NFD,General needs estate,118,22,0\n")
    run = ImportRun.objects.get()
    assert response.url == reverse("housing_system:run_columns", args=[run.pk])
    page = manager_client.get(response.url).content.decode()
    assert '<option value="Scheme Name" selected>' in page  # guessed from the heading
    columns = {
        "source_reference": "Scheme No",
        "name": "Scheme Name",
        "patch": "Area",
        "estate_type": "Kind",
        "homes_lcra": "Rented",
        "homes_lcho": "SO",
        "homes_leasehold": "Leasehold",
    }
    response = manager_client.post(reverse("housing_system:run_columns", args=[run.pk]), columns)
    assert response.url == run.get_absolute_url()
    run.refresh_from_db()
    assert (run.status, run.added) == (RunStatus.CHECKED, 1)
    saved = ColumnMapping.objects.get(source_system="Orchard", record_type=RecordType.ESTATES)
    assert saved.columns == columns
    manager_client.post(reverse("housing_system:run_commit", args=[run.pk]))
    assert Estate.objects.get(source_reference="S1").homes == 140

    response = _upload(manager_client, SCHEMES + "S1,Pool Farm,NFD,General needs estate,118,23,0\n")
    second = ImportRun.objects.first()
    assert response.url == second.get_absolute_url()  # no question this time
    assert (second.status, second.changed, second.changes[0]["fields"]) == (
        RunStatus.CHECKED,
        1,
        ["homes_lcho"],
    )


def test_a_required_field_left_unmatched_is_named(manager_client):
    _upload(manager_client, SCHEMES + "S1,Pool Farm,NFD,General needs estate,118,22,0\n")
    run = ImportRun.objects.get()
    response = manager_client.post(reverse("housing_system:run_columns", args=[run.pk]), {"name": "Scheme Name"})
    assert response.status_code == 200
    assert "Choose the column that holds the rented homes (lcra)" in response.content.decode()
    assert not ColumnMapping.objects.exists()
