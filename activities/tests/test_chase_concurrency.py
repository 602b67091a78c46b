"""Two workers running the chase at the same moment send exactly one set of notices (PostgreSQL)."""

import datetime
import threading
import time

import pytest
from django.db import connection, connections

from activities import services
from activities.factories import ActivityFactory
from activities.models import ReportReminder
from engagement.models import Notification
from tests.support import require

from .helpers import at

pytestmark = pytest.mark.django_db(transaction=True)
D = datetime.date


@pytest.fixture(autouse=True)
def _postgres_only():
    require("REQUIRE_POSTGRES", connection.vendor == "postgresql", "Row locks and unique races need PostgreSQL")


def _run_in_threads(target, count=2):
    barrier = threading.Barrier(count)
    results, errors = [], []

    def worker():
        try:
            barrier.wait(timeout=10)
            results.append(target())
        except Exception as error:  # noqa: BLE001 - surfaced by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    return results


def test_two_jobs_started_together_send_each_notice_once(officer, manager, monkeypatch):
    activities = [ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 16, 9 + n % 8)) for n in range(20)]
    # Both runs read the same candidates and the same (empty) list of sent notices before either sends,
    # so every notice is contested and only the unique row decides who sends it.
    real_candidates = services.chase_candidates
    gate = threading.Barrier(2)

    def candidates_then_wait(*, today):
        rows = list(real_candidates(today=today))
        gate.wait(timeout=10)
        return rows

    monkeypatch.setattr(services, "chase_candidates", candidates_then_wait)
    results = _run_in_threads(lambda: services.activity_reports_chase(today=D(2026, 11, 26)))

    assert sum(result.get("escalation", 0) for result in results) == 20
    assert ReportReminder.objects.count() == 20
    assert Notification.objects.filter(user=officer).count() == 20
    assert Notification.objects.filter(user=manager).count() == 20
    assert {r.activity_id for r in ReportReminder.objects.all()} == {a.pk for a in activities}


def test_a_second_worker_waits_for_the_first_claim_and_then_sends_nothing(officer, monkeypatch):
    activity = ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 16))
    real_notify = services.notify

    def slow_notify(user, **kwargs):
        time.sleep(0.3)  # hold the claim's transaction open while the other worker tries the same insert
        return real_notify(user, **kwargs)

    monkeypatch.setattr(services, "notify", slow_notify)
    results = _run_in_threads(
        lambda: services._chase_send(activity=activity, kind="overdue", period=0, managers=[], today=D(2026, 11, 24))
    )
    assert sorted(results) == [False, True]
    assert Notification.objects.filter(user=officer).count() == 1
