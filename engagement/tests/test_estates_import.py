"""Estates come in from a CSV file with their homes by tenure type, all rows or none."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from engagement.estates_import import estates_import
from engagement.factories import EstateFactory, PatchFactory
from engagement.models import Estate

pytestmark = pytest.mark.django_db
HEADER = "name,patch,type,rented_homes,shared_ownership_homes,leasehold_homes,communal_areas,postcode\n"


@pytest.fixture
def patch():
    return PatchFactory(code="NFD")


def test_new_and_existing_estates_carry_their_homes_by_tenure_type(patch):
    EstateFactory(name="Beechwood Estate", homes_lcra=600)
    text = HEADER + (
        "Beechwood Estate,NFD,General needs estate,551,61,0,yes,B31 2AB\nRowan Court,nfd,leasehold_block,0,22,62,no,\n"
    )
    result = estates_import(text=text)
    assert (result.created, result.updated, result.errors) == (1, 1, [])
    beechwood = Estate.objects.get(name="Beechwood Estate")
    assert (beechwood.homes_lcra, beechwood.homes_lcho, beechwood.homes_leasehold, beechwood.homes) == (551, 61, 0, 612)
    rowan = Estate.objects.get(name="Rowan Court")
    assert (rowan.estate_type, rowan.homes, rowan.has_communal_areas) == ("leasehold_block", 84, False)


def test_one_bad_row_saves_nothing_and_each_problem_is_named(patch):
    text = HEADER + "Good Estate,NFD,general_needs,100,10,0,yes,\nBad Estate,XYZ,castle,ten,0,0,maybe,\n"
    result = estates_import(text=text)
    assert result.created == 0 and not Estate.objects.exists()
    assert result.errors == [
        "Row 3: there is no patch with the code 'XYZ'; 'castle' is not a type of estate; rented_homes must be a whole "
        "number of homes, 0 or more (not 'ten'); communal_areas must be yes or no."
    ]


def test_a_file_without_the_homes_columns_is_refused(patch):
    result = estates_import(text="name,patch,type,homes\nA,NFD,general_needs,10\n")
    assert result.errors == [
        "The header row needs the columns: rented_homes, shared_ownership_homes, leasehold_homes, communal_areas."
    ]


def test_the_manager_imports_the_file_on_the_page(manager_client, patch):
    upload = SimpleUploadedFile("estates.csv", (HEADER + "Pool Farm,NFD,general_needs,118,22,0,yes,\n").encode())
    response = manager_client.post(reverse("estate_import"), {"file": upload})
    assert response.status_code == 302
    assert Estate.objects.get(name="Pool Farm").homes == 140
