"""A panel's current members are a mail-out audience (panels/portal.py registers the group with
mailouts.audiences): members who have left are not in it."""

import datetime

import pytest

from engagement.factories import CustomerFactory
from mailouts.audiences import GROUPS, Audience
from panels import services
from panels.factories import PanelFactory

pytestmark = pytest.mark.django_db


def test_a_panels_current_members_are_offered_as_an_audience(officer):
    panel = PanelFactory(officer=officer)
    staying, leaving, outsider = CustomerFactory(), CustomerFactory(), CustomerFactory()
    services.membership_create(panel=panel, customer=staying)
    gone = services.membership_create(panel=panel, customer=leaving)
    gone.ends_on = datetime.date(2020, 1, 1)
    gone.starts_on = datetime.date(2019, 1, 1)
    gone.save()
    assert (panel.pk, panel.name) in GROUPS["panel"].choices()
    assert list(Audience(groups={"panel": [panel.pk]}).customers()) == [staying]
    assert outsider not in Audience(groups={"panel": [panel.pk]}).customers()
