"""A scheme obligation is chased by the portal's one chase like every other deadline.

Rule (schemes/deadlines.py): due on the last day of its period; a reminder 5 working days before,
an overdue notice once missed, escalated to the managers at 5 working days overdue. Worked by hand
for December 2026's monthly residents' meeting of a care & supported scheme, due Thu 31 December:
- 5 working days before: 30, 29, (28 and 25 bank holidays), 24, 23, 22 → reminders from Tue 22 Dec;
- the first working day after 31 Dec is Mon 4 Jan 2027 (1 Jan a bank holiday): overdue notice;
- 4, 5, 6, 7, 8 Jan: 5 working days overdue on Fri 8 Jan: escalated to the managers.
"""

import datetime

import pytest
from django.core.management import call_command

from engagement.deadlines.chase import deadlines_chase
from engagement.factories import EstateFactory, OfficerFactory
from engagement.models import ChaseNotice, EstateType, Notification
from schemes import services
from schemes.models import Obligation, SchemeSettings
from tests.support import freeze_now

D = datetime.date
pytestmark = pytest.mark.django_db


def _chase(monkeypatch, day):
    freeze_now(monkeypatch, datetime.datetime.combine(day, datetime.time(7), tzinfo=datetime.UTC))
    deadlines_chase(today=day)
    return list(ChaseNotice.objects.filter(kind="scheme_obligation").order_by("pk").values_list("step", "sent_on"))


def test_the_december_meeting_is_reminded_then_overdue_then_escalated(monkeypatch, manager):
    ihmo = OfficerFactory()
    scheme = EstateFactory(estate_type=EstateType.CARE_SUPPORTED)
    SchemeSettings.objects.create(scheme=scheme, ihmo=ihmo)
    services.obligations_propose(year=2026, today=D(2026, 4, 1))
    december = Obligation.objects.get(scheme=scheme, template__kind="residents_meeting", period_start=D(2026, 12, 1))
    Obligation.objects.exclude(pk=december.pk).update(met_on=D(2026, 4, 1))
    assert _chase(monkeypatch, D(2026, 12, 21)) == []
    assert _chase(monkeypatch, D(2026, 12, 22)) == [("reminder", D(2026, 12, 22))]
    assert _chase(monkeypatch, D(2026, 12, 23)) == [("reminder", D(2026, 12, 22))]  # never twice
    assert Notification.objects.filter(user=ihmo).count() == 1
    assert _chase(monkeypatch, D(2027, 1, 4))[-1] == ("overdue", D(2027, 1, 4))
    assert _chase(monkeypatch, D(2027, 1, 7))[-1] == ("overdue", D(2027, 1, 4))
    assert _chase(monkeypatch, D(2027, 1, 8))[-1] == ("escalation", D(2027, 1, 8))
    assert Notification.objects.filter(user=manager, title__startswith="Escalated").exists()


def test_the_nightly_proposal_is_a_command_that_adds_nothing_the_second_time(monkeypatch):
    EstateFactory(estate_type=EstateType.LEASEHOLD_BLOCK)
    freeze_now(monkeypatch, datetime.datetime(2026, 11, 24, 6, tzinfo=datetime.UTC))
    call_command("propose_obligations", stdout=(out := __import__("io").StringIO()))
    assert "2026/27: 8 obligations proposed" in out.getvalue()
    call_command("propose_obligations", stdout=(again := __import__("io").StringIO()))
    assert "2026/27: 0 obligations proposed" in again.getvalue()


def test_the_nightly_job_proposes_and_matches_evidence_and_a_retry_changes_nothing(monkeypatch):
    from panels.factories import HeldMeetingFactory, PanelFactory
    from panels.models import PanelKind
    from schemes.tasks import propose_and_match_obligations

    scheme = EstateFactory(estate_type=EstateType.CARE_SUPPORTED)
    panel = PanelFactory(name="Oak House residents", kind=PanelKind.SCHEME_RESIDENTS, estate=scheme)
    HeldMeetingFactory(panel=panel, meets_on=D(2026, 11, 10))
    freeze_now(monkeypatch, datetime.datetime(2026, 11, 24, 5, 40, tzinfo=datetime.UTC))
    assert propose_and_match_obligations() == {"created": 24, "met": 1}
    assert propose_and_match_obligations() == {"created": 0, "met": 0}
