import datetime

import pytest

from engagement.factories import EstateFactory
from panels.factories import EstateChampionFactory, MembershipFactory
from panels.selectors import champion_estates, is_estate_champion

pytestmark = pytest.mark.django_db


def test_a_champion_looks_after_the_estates_on_their_current_membership(customer):
    first, second = EstateFactory(name="Alder"), EstateFactory(name="Beech")
    EstateChampionFactory(customer=customer, estates=[first, second])
    assert list(champion_estates(customer)) == [first, second]
    assert is_estate_champion(customer)


def test_a_champion_whose_term_has_ended_looks_after_nothing(customer):
    EstateChampionFactory(customer=customer, ends_on=datetime.date(2020, 1, 1), starts_on=datetime.date(2019, 1, 1))
    assert not is_estate_champion(customer)


def test_a_cvg_member_is_not_an_estate_champion(customer):
    MembershipFactory(customer=customer)
    assert list(champion_estates(customer)) == []
