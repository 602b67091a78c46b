"""Homes are held per estate by tenure type: rented (LCRA), shared ownership (LCHO) and leasehold."""

import importlib

import pytest
from django.db import IntegrityError, transaction

from engagement.demo import demo_homes_by_tenure
from engagement.factories import EstateFactory
from engagement.models import STOCK_TYPE_OF_TENURE, Estate, EstateType, StockType, Tenure, tenures_of

split_homes = importlib.import_module("engagement.migrations.0004_estate_homes_by_tenure").split_homes


@pytest.mark.django_db
def test_an_estate_of_118_rented_and_22_shared_ownership_homes_has_140_homes():
    estate = EstateFactory(homes_lcra=118, homes_lcho=22)
    estate.refresh_from_db()
    assert (estate.homes_lcra, estate.homes_lcho, estate.homes_leasehold, estate.homes) == (118, 22, 0, 140)
    assert estate.homes_of(StockType.LCRA) == 118 and estate.homes_of(StockType.LCHO) == 22


@pytest.mark.django_db
def test_changing_one_tenure_type_with_update_fields_keeps_the_total():
    estate = EstateFactory(homes_lcra=100)
    estate.homes_leasehold = 40
    estate.save(update_fields=["homes_leasehold"])
    estate.refresh_from_db()
    assert estate.homes == 140


@pytest.mark.django_db
def test_the_database_refuses_a_total_that_is_not_the_sum():
    estate = EstateFactory(homes_lcra=100)
    with pytest.raises(IntegrityError), transaction.atomic():
        Estate.objects.filter(pk=estate.pk).update(homes=999)


def test_renters_are_lcra_shared_owners_lcho_and_leaseholders_neither():
    assert tenures_of(StockType.LCRA) == [Tenure.GENERAL_NEEDS, Tenure.CARE_SUPPORTED, Tenure.YOUNG_PEOPLE]
    assert tenures_of(StockType.LCHO) == [Tenure.SHARED_OWNER]
    assert Tenure.LEASEHOLDER not in STOCK_TYPE_OF_TENURE


def test_existing_homes_split_in_proportion_to_the_customers_tenures():
    # 140 homes, 36 renters and 6 shared owners on record: 140 × 36/42 = 120, 140 × 6/42 = 20.
    assert split_homes(140, lcra=36, lcho=6, leasehold=0, estate_type="general_needs") == (120, 20, 0)
    # 100 homes, 1 renter, 1 shared owner, 1 leaseholder: 33.33 each, the one left over goes to
    # the first of the equal remainders (rented): 34, 33, 33.
    assert split_homes(100, lcra=1, lcho=1, leasehold=1, estate_type="general_needs") == (34, 33, 33)
    # 84 homes, 3 leaseholders and 1 shared owner: 63 and 21.
    assert split_homes(84, lcra=0, lcho=1, leasehold=3, estate_type="leasehold_block") == (0, 21, 63)


def test_an_estate_without_customer_records_is_split_by_its_type():
    assert split_homes(96, lcra=0, lcho=0, leasehold=0, estate_type="leasehold_block") == (0, 0, 96)
    assert split_homes(46, lcra=0, lcho=0, leasehold=0, estate_type="care_supported") == (46, 0, 0)


def test_demo_estates_carry_homes_by_tenure_type():
    # General needs 612: a tenth shared (61.2 → 61), 551 rented.
    assert demo_homes_by_tenure(EstateType.GENERAL_NEEDS, 612) == {
        "homes_lcra": 551,
        "homes_lcho": 61,
        "homes_leasehold": 0,
    }
    # Leasehold block 84: a quarter shared (21), 63 leasehold; a care scheme of 46 is all rented.
    assert demo_homes_by_tenure(EstateType.LEASEHOLD_BLOCK, 84) == {
        "homes_lcra": 0,
        "homes_lcho": 21,
        "homes_leasehold": 63,
    }
    assert demo_homes_by_tenure(EstateType.CARE_SUPPORTED, 46)["homes_lcra"] == 46
