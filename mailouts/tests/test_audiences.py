"""Who a mail-out goes to (mailouts/audiences.py): estates, patches, tenures and groups other
apps offer (a panel's members: panels/tests/test_mailout_audience.py), combinable: within one
sort they add up, across sorts they narrow. Erased customers are never in an audience. Worked
by hand on six customers."""

import datetime

import pytest

from engagement.factories import CustomerFactory, EstateFactory, PatchFactory
from engagement.models import Tenure
from mailouts.audiences import GROUPS, Audience, Group

pytestmark = pytest.mark.django_db


@pytest.fixture
def town():
    north, south = PatchFactory(name="North"), PatchFactory(name="South")
    elm, oak, ash = (
        EstateFactory(name="Elm", patch=north),
        EstateFactory(name="Oak", patch=north),
        EstateFactory(name="Ash", patch=south),
    )
    people = {
        "elm_tenant": CustomerFactory(estate=elm, tenure=Tenure.GENERAL_NEEDS),
        "elm_leaseholder": CustomerFactory(estate=elm, tenure=Tenure.LEASEHOLDER),
        "oak_tenant": CustomerFactory(estate=oak, tenure=Tenure.GENERAL_NEEDS),
        "ash_leaseholder": CustomerFactory(estate=ash, tenure=Tenure.LEASEHOLDER),
        "ash_care": CustomerFactory(estate=ash, tenure=Tenure.CARE_SUPPORTED),
        "erased": CustomerFactory(estate=elm, erased_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)),
    }
    return {"north": north, "south": south, "elm": elm, "oak": oak, "ash": ash, **people}


def _who(town, audience):
    names = {customer.pk: name for name, customer in town.items() if hasattr(customer, "tenure")}
    return sorted(names[pk] for pk in audience.customers().values_list("pk", flat=True))


def test_an_estate_is_everyone_living_there_but_never_an_erased_customer(town):
    assert _who(town, Audience(estates=[town["elm"].pk])) == ["elm_leaseholder", "elm_tenant"]


def test_two_estates_add_up(town):
    assert _who(town, Audience(estates=[town["elm"].pk, town["ash"].pk])) == [
        "ash_care",
        "ash_leaseholder",
        "elm_leaseholder",
        "elm_tenant",
    ]


def test_a_patch_is_every_estate_in_it(town):
    assert _who(town, Audience(patches=[town["north"].pk])) == ["elm_leaseholder", "elm_tenant", "oak_tenant"]


def test_a_tenure_alone_is_every_customer_of_that_tenure(town):
    assert _who(town, Audience(tenures=[Tenure.LEASEHOLDER])) == ["ash_leaseholder", "elm_leaseholder"]


def test_a_place_and_a_tenure_narrow_each_other(town):
    audience = Audience(patches=[town["north"].pk], tenures=[Tenure.LEASEHOLDER])
    assert _who(town, audience) == ["elm_leaseholder"]


def test_a_group_another_app_offers_combines_with_a_place(town, monkeypatch):
    members = [town["oak_tenant"].pk, town["ash_care"].pk]
    monkeypatch.setitem(
        GROUPS,
        "walkers",
        Group("walkers", "Walking group", lambda: [(1, "Tuesday walkers")], lambda ids: members if 1 in ids else []),
    )
    assert _who(town, Audience(groups={"walkers": [1]})) == ["ash_care", "oak_tenant"]
    assert _who(town, Audience(groups={"walkers": [1]}, patches=[town["south"].pk])) == ["ash_care"]
    assert Audience(groups={"walkers": [1]}).describe() == "Walking group: Tuesday walkers"


def test_the_audience_is_described_in_words_for_the_record(town):
    audience = Audience(estates=[town["elm"].pk], tenures=[Tenure.LEASEHOLDER])
    assert audience.describe() == "Estates and schemes: Elm; Tenures: Leaseholder"
    assert Audience().is_empty and Audience().describe() == "Nobody chosen"
