"""Estates come in with their homes by tenure type (LCRA, LCHO, leasehold), all rows or none.

Moved from engagement/tests/test_estates_import.py when engagement/estates_import.py was folded into
the housing system import: the same four cases, now through the one import (saved column mapping,
dry run, commit). Hand-worked: Beechwood 551 + 61 + 0 = 612 homes; Rowan Court 0 + 22 + 62 = 84.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from engagement.factories import EstateFactory, PatchFactory
from engagement.models import Estate
from housing_system.models import ImportRun, RecordType, RunStatus

from .helpers import check, check_and_commit, identity_mapping

pytestmark = pytest.mark.django_db
HEADER = "source_reference,name,patch,estate_type,homes_lcra,homes_lcho,homes_leasehold,has_communal_areas,postcode\n"


@pytest.fixture
def patch():
    identity_mapping(RecordType.ESTATES)
    return PatchFactory(code="NFD")


def test_new_and_existing_estates_carry_their_homes_by_tenure_type(patch):
    EstateFactory(name="Beechwood Estate", homes_lcra=600)
    text = HEADER + (
        "E1,Beechwood Estate,NFD,General needs estate,551,61,0,yes,B31 2AB\n"
        "E2,Rowan Court,nfd,leasehold_block,0,22,62,no,\n"
    )
    run = check_and_commit(RecordType.ESTATES, text.encode())
    assert (run.added, run.changed, run.errors) == (1, 1, [])
    beechwood = Estate.objects.get(name="Beechwood Estate")
    assert (beechwood.homes_lcra, beechwood.homes_lcho, beechwood.homes_leasehold, beechwood.homes) == (551, 61, 0, 612)
    assert beechwood.source_reference == "E1"
    rowan = Estate.objects.get(name="Rowan Court")
    assert (rowan.estate_type, rowan.homes, rowan.has_communal_areas) == ("leasehold_block", 84, False)


def test_one_bad_row_saves_nothing_and_each_problem_is_named(patch):
    text = HEADER + "E1,Good Estate,NFD,general_needs,100,10,0,yes,\nE2,Bad Estate,XYZ,castle,ten,0,0,maybe,\n"
    run = check(RecordType.ESTATES, text.encode())
    assert run.status == RunStatus.INVALID and not Estate.objects.exists()
    assert len(run.errors) == 1 and run.errors[0]["line"] == 3
    message = run.errors[0]["message"]
    assert "'XYZ' is not a patch in the portal" in message
    assert "'castle' is not a type of estate the portal knows" in message
    assert "rented homes (LCRA) must be a whole number of homes, 0 or more (not 'ten')" in message
    assert "communal areas must be yes or no (not 'maybe')" in message


def test_a_file_without_the_homes_columns_is_refused(patch):
    run = check(RecordType.ESTATES, b"source_reference,name,patch,estate_type,homes\nE1,A,NFD,general_needs,10\n")
    assert run.status == RunStatus.NEEDS_MAPPING  # the saved mapping does not fit: the manager is asked
    assert not Estate.objects.exists()


def test_the_manager_imports_the_file_on_the_page(manager_client, patch):
    upload = SimpleUploadedFile("estates.csv", (HEADER + "E9,Pool Farm,NFD,general_needs,118,22,0,yes,\n").encode())
    data = {"record_type": "estates", "source_system": "Test HMS", "file": upload}
    response = manager_client.post(reverse("housing_system:run_list"), data)
    run = ImportRun.objects.get()
    assert response.url == run.get_absolute_url() and run.status == RunStatus.CHECKED
    manager_client.post(reverse("housing_system:run_commit", args=[run.pk]))
    assert Estate.objects.get(name="Pool Farm").homes == 140
