"""Two workers running the one chase at the same moment send each notice once (PostgreSQL).

Moved from activities/tests/test_chase_concurrency.py when the four chasers became one engine.
"""

import datetime
import threading
import time

import pytest
from django.db import connection, connections
from django.utils import timezone

from activities.factories import ActivityFactory
from engagement.deadlines import chase as engine
from engagement.factories import ActionFactory
from engagement.models import ChaseNotice, Notification
from tests.support import require

pytestmark = pytest.mark.django_db(transaction=True)
D = datetime.date


@pytest.fixture(autouse=True)
def _postgres_only():
    require("REQUIRE_POSTGRES", connection.vendor == "postgresql", "Row locks and unique races need PostgreSQL")


def at(year, month, day, hour=10):
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


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
    actions = [ActionFactory(owner=officer, due_on=D(2026, 11, 25)) for _ in range(5)]
    # Both runs read the same deadlines and the same (empty) list of sent notices before either
    # claims, so every notice is contested and only the unique row decides who sends it.
    real_due_notices = engine._due_notices
    gate = threading.Barrier(2)

    def read_then_wait(kind, today):
        rows = real_due_notices(kind, today)
        gate.wait(timeout=10)
        return rows

    monkeypatch.setattr(engine, "_due_notices", read_then_wait)
    results = _run_in_threads(lambda: engine.deadlines_chase(today=D(2026, 11, 26)))

    assert sum(result.get("activity_report.escalation", 0) for result in results) == 20
    assert sum(result.get("action.overdue", 0) for result in results) == 5
    assert ChaseNotice.objects.count() == 25
    assert Notification.objects.filter(user=officer).count() == 25
    assert Notification.objects.filter(user=manager).count() == 20  # escalations only
    assert set(ChaseNotice.objects.filter(kind="activity_report").values_list("object_id", flat=True)) == {
        a.pk for a in activities
    }
    assert set(ChaseNotice.objects.filter(kind="action").values_list("object_id", flat=True)) == {a.pk for a in actions}


def test_a_second_worker_waits_for_the_first_claim_and_then_sends_nothing(officer, monkeypatch):
    ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 16))
    real_notify_many = engine.notify_many

    def slow_notify_many(messages, **kwargs):
        time.sleep(0.3)  # hold the claim's transaction open while the other worker tries the same insert
        return real_notify_many(messages, **kwargs)

    monkeypatch.setattr(engine, "notify_many", slow_notify_many)
    results = _run_in_threads(lambda: engine.deadlines_chase(today=D(2026, 11, 24)))
    assert sorted(results, key=len) == [{}, {"activity_report.overdue": 1}]
    assert Notification.objects.filter(user=officer).count() == 1
