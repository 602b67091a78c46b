"""The schemes demo: every care & supported scheme, young people's service and leasehold block
has a year of obligations so far, most done with evidence, some missed, and running it again adds
nothing (the nightly proposal and evidence matching included)."""

import datetime
import random

import pytest

from engagement import demo as core_demo
from schemes import demo
from schemes.models import SERVICE_AREAS, InformalFeedback, Leaver, Obligation, ObligationEvidence, ObligationStatus
from tests.support import freeze_now

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 23)


def _counts():
    return [m.objects.count() for m in (Obligation, ObligationEvidence, Leaver, InformalFeedback)]


def test_each_service_area_has_a_believable_year_with_some_missed_and_a_second_run_adds_nothing(monkeypatch):
    freeze_now(monkeypatch, datetime.datetime(2026, 11, 23, 9, tzinfo=datetime.UTC))
    context = core_demo.seed(random.Random("core"), TODAY)
    demo.seed(random.Random("schemes"), TODAY, context)
    counts = _counts()
    for area in SERVICE_AREAS:
        statuses = [o.status(TODAY) for o in Obligation.objects.filter(scheme__estate_type=area)]
        done = statuses.count(ObligationStatus.DONE) + statuses.count(ObligationStatus.DONE_LATE)
        missed = statuses.count(ObligationStatus.MISSED)
        assert done > missed > 0, (area, done, missed)
    assert Obligation.objects.filter(met_on__isnull=False, evidence__isnull=True).count() < counts[0] // 10
    assert InformalFeedback.objects.filter(kind__in=["adverse_event", "near_miss"]).exists()
    demo.seed(random.Random("schemes"), TODAY, context)
    assert _counts() == counts
