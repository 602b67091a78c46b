"""The activity report deadline through the one chase job: who is told what, once, and filing the
report (or a returned report being filed again) stops it."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from activities import deadlines, services
from activities.factories import ActivityFactory
from activities.models import ActivityStatus, EngagementActivity
from engagement.deadlines import chase as engine
from engagement.factories import ManagerFactory, OfficerFactory
from engagement.models import ChaseNotice, Notification
from engagement.tasks import chase_deadlines

from .helpers import at

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def owed(officer, manager):
    """A meeting on Monday 16 November 2026: report due Monday 23 November."""
    return ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 16, 18), title="Beechwood residents' meeting")


def run(day):
    return dict(engine.deadline_kind_chase(kind=deadlines.KIND, today=day))


def chase(day, capture):
    with capture(execute=True):
        return run(day)


def notices(activity):
    return ChaseNotice.objects.filter(kind="activity_report", object_id=activity.pk).order_by("sent_at", "pk")


def titles(user):
    return list(Notification.objects.filter(user=user).order_by("pk").values_list("title", flat=True))


def test_the_officer_is_reminded_the_working_day_before_and_emailed_once(
    owed, officer, django_capture_on_commit_callbacks
):
    assert chase(D(2026, 11, 19), django_capture_on_commit_callbacks) == {}
    assert chase(D(2026, 11, 20), django_capture_on_commit_callbacks) == {"reminder": 1}
    assert titles(officer) == [
        "Activity report due on Monday 23 November 2026: Beechwood residents' meeting, 16 Nov 2026"
    ]
    assert [message.to for message in mail.outbox] == [[officer.email]]
    # Running again the same day (a re-run or a retried task) sends nothing new.
    assert chase(D(2026, 11, 20), django_capture_on_commit_callbacks) == {}
    assert len(titles(officer)) == 1 and len(mail.outbox) == 1


def test_every_step_of_the_chase_goes_to_the_right_people_once(
    owed, officer, manager, django_capture_on_commit_callbacks
):
    second_manager = ManagerFactory(username="deputy.manager")
    days = [D(2026, 11, d) for d in range(20, 31)] + [D(2026, 12, d) for d in range(1, 11)]
    sent = [(day, chase(day, django_capture_on_commit_callbacks)) for day in days]
    sent = [(day, result) for day, result in sent if result]
    assert sent == [
        (D(2026, 11, 20), {"reminder": 1}),
        (D(2026, 11, 24), {"overdue": 1}),
        (D(2026, 11, 26), {"escalation": 1}),
        (D(2026, 12, 3), {"escalation": 1}),
        (D(2026, 12, 10), {"escalation": 1}),
    ]
    assert len(titles(officer)) == 5
    assert len(titles(manager)) == 3 and len(titles(second_manager)) == 3
    assert (
        titles(manager)[0]
        == "Escalated: activity report 3 working days overdue: Beechwood residents' meeting, 16 Nov 2026"
    )
    steps = list(notices(owed).values_list("step", "period"))
    assert steps == [("reminder", 0), ("overdue", 0), ("escalation", 1), ("escalation", 2), ("escalation", 3)]
    escalation = notices(owed).get(step="escalation", period=1)
    assert set(escalation.recipients.all()) == {officer, manager, second_manager}
    assert len(mail.outbox) == 5 + 3 + 3


def test_filing_the_report_stops_the_chase(owed, officer, django_capture_on_commit_callbacks):
    assert chase(D(2026, 11, 24), django_capture_on_commit_callbacks) == {"overdue": 1}
    services.activity_report_file(
        activity=owed,
        user=officer,
        outcome="Agreed a cleaning rota",
        customers_said="Stairs are dirty",
        customers_engaged=10,
        customers_assisted=2,
        feedback_captured=True,
        feedback_notes="Stairs",
    )
    assert chase(D(2026, 11, 26), django_capture_on_commit_callbacks) == {}
    assert notices(owed).count() == 1


def test_a_report_filed_after_the_candidates_were_read_is_not_chased(owed):
    stale = next(deadlines.open_deadlines(due_by=D(2026, 11, 23)))
    EngagementActivity.objects.filter(pk=owed.pk).update(status=ActivityStatus.REPORTED)
    sent = engine._claim_and_send(deadlines.KIND, [(stale, "overdue", 0)], today=D(2026, 11, 24), managers=[])
    assert sent == {}
    assert not ChaseNotice.objects.exists() and not Notification.objects.exists()


def test_a_failed_notice_releases_its_claim_so_the_retry_sends_it(
    owed, officer, manager, monkeypatch, django_capture_on_commit_callbacks
):
    real_notify_many = engine.notify_many

    def notify_fails_for_the_manager(messages, **kwargs):
        if any(user == manager for user, *_ in messages):
            raise OSError("mail queue unavailable")
        return real_notify_many(messages, **kwargs)

    monkeypatch.setattr(engine, "notify_many", notify_fails_for_the_manager)
    with pytest.raises(OSError):
        chase(D(2026, 11, 26), django_capture_on_commit_callbacks)
    # Nothing half-sent: no claim and no notice for the officer either.
    assert not ChaseNotice.objects.exists() and not Notification.objects.exists()

    monkeypatch.setattr(engine, "notify_many", real_notify_many)
    assert chase(D(2026, 11, 26), django_capture_on_commit_callbacks) == {"escalation": 1}
    assert len(titles(officer)) == 1 and len(titles(manager)) == 1


def test_planned_activities_still_to_come_and_cancelled_ones_are_never_chased(officer):
    ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 16), status=ActivityStatus.CANCELLED)
    ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 16), reported=True)
    assert run(D(2026, 11, 26)) == {}


def test_a_planned_activity_whose_date_has_passed_is_chased_for_its_report(officer):
    ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 16), status=ActivityStatus.PLANNED)
    assert run(D(2026, 11, 24)) == {"overdue": 1}


def test_nothing_is_sent_on_a_weekend_or_bank_holiday(owed):
    assert run(D(2026, 11, 28)) == {}
    assert run(D(2026, 12, 25)) == {}


def test_a_report_returned_for_changes_is_owed_again_and_chased_on_its_new_date(
    officer, manager, django_capture_on_commit_callbacks
):
    # Held Monday 2 November 2026, filed in time, returned by the manager on Wednesday 25 November.
    activity = ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 2, 10), title="Elm Court door knock")
    EngagementActivity.objects.filter(pk=activity.pk).update(
        status=ActivityStatus.RETURNED, resubmit_due_on=D(2026, 12, 2), return_comment="Add the numbers"
    )
    # 5 working days after Wed 25 Nov is Wed 2 Dec: reminder Tue 1 Dec, overdue Thu 3 Dec.
    assert chase(D(2026, 11, 30), django_capture_on_commit_callbacks) == {}
    assert chase(D(2026, 12, 1), django_capture_on_commit_callbacks) == {"reminder": 1}
    assert chase(D(2026, 12, 3), django_capture_on_commit_callbacks) == {"overdue": 1}
    assert (
        titles(officer)[0]
        == "Corrected activity report due on Wednesday 2 December 2026: Elm Court door knock, 2 Nov 2026"
    )
    assert list(notices(activity).values_list("due_on", flat=True)) == [D(2026, 12, 2), D(2026, 12, 2)]


def test_returning_a_report_gives_it_a_new_date_five_working_days_on(officer, manager, monkeypatch):
    activity = ActivityFactory(lead_officer=officer, starts_at=at(2026, 12, 14, 10), reported=True)
    # Returned on Wednesday 23 December 2026: 24 (1), 29 (2), 30 (3), 31 (4) December, 4 January (5).
    monkeypatch.setattr(services.timezone, "now", lambda: at(2026, 12, 23, 15))
    assert services.activity_report_return(activity=activity, manager=manager, comment="Add the photos") is True
    activity.refresh_from_db()
    assert activity.resubmit_due_on == D(2027, 1, 4)
    assert activity.report_owed_by == D(2027, 1, 4)


@pytest.mark.parametrize("count", [5, 50])
def test_the_job_reads_candidates_in_a_fixed_number_of_queries_when_all_notices_were_sent(count, officer):
    for _ in range(count):
        ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 16))
    run(D(2026, 11, 24))
    with CaptureQueriesContext(connection) as queries:
        assert run(D(2026, 11, 24)) == {}
    assert len(queries) == 3  # candidates, notices already sent, managers


def test_the_candidate_query_uses_the_status_and_due_date_index_on_postgresql(officer):
    if connection.vendor != "postgresql":
        pytest.skip("EXPLAIN output checked on PostgreSQL only")
    # Give the planner statistics like a real table's (many activities, few owing a report), so the
    # plan does not depend on whichever index an empty table's guesses happen to favour.
    ActivityFactory.create_batch(200, lead_officer=officer, starts_at=at(2027, 6, 1))
    ActivityFactory.create_batch(3, lead_officer=officer, starts_at=at(2026, 11, 16))
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {EngagementActivity._meta.db_table}")
        # A small test table is cheaper to scan; forbid that so the plan shows whether the index serves the query.
        cursor.execute("SET LOCAL enable_seqscan = off")
    plan = deadlines._reports_owed(due_by=D(2026, 11, 25)).explain()
    assert "activity_chase_idx" in plan


def test_the_celery_task_runs_the_one_chase_for_the_given_day(owed, officer):
    OfficerFactory(username="bystander")
    assert chase_deadlines.delay("2026-11-24").get() == {"activity_report.overdue": 1}
    assert chase_deadlines.delay("2026-11-24").get() == {}
