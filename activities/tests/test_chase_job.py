"""The daily chase job end to end: who is told what, once, and filing the report stops it."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from activities import services
from activities.factories import ActivityFactory
from activities.models import ActivityStatus, EngagementActivity, ReportReminder
from activities.tasks import chase_activity_reports
from engagement.factories import ManagerFactory, OfficerFactory
from engagement.models import Notification

from .helpers import at

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def owed(officer, manager):
    """A meeting on Monday 16 November 2026: report due Monday 23 November."""
    return ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 16, 18), title="Beechwood residents' meeting")


def chase(day, capture):
    with capture(execute=True):
        return services.activity_reports_chase(today=day)


def titles(user):
    return list(Notification.objects.filter(user=user).order_by("pk").values_list("title", flat=True))


def test_the_officer_is_reminded_the_working_day_before_and_emailed_once(
    owed, officer, django_capture_on_commit_callbacks
):
    assert chase(D(2026, 11, 19), django_capture_on_commit_callbacks) == {}
    assert chase(D(2026, 11, 20), django_capture_on_commit_callbacks) == {"reminder": 1}
    assert titles(officer) == ["Activity report due on Monday 23 November 2026: Beechwood residents' meeting"]
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
    assert titles(manager)[0] == "Escalated: activity report 3 working days overdue: Beechwood residents' meeting"
    steps = list(owed.reminders.order_by("sent_at").values_list("kind", "period"))
    assert steps == [("reminder", 0), ("overdue", 0), ("escalation", 1), ("escalation", 2), ("escalation", 3)]
    escalation = owed.reminders.get(kind="escalation", period=1)
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
    assert owed.reminders.count() == 1


def test_a_report_filed_after_the_candidates_were_read_is_not_chased(owed):
    stale = EngagementActivity.objects.get(pk=owed.pk)
    EngagementActivity.objects.filter(pk=owed.pk).update(status=ActivityStatus.REPORTED)
    assert services._chase_send(activity=stale, kind="overdue", period=0, managers=[], today=D(2026, 11, 24)) is False
    assert not ReportReminder.objects.exists() and not Notification.objects.exists()


def test_a_failed_notice_releases_its_claim_so_the_retry_sends_it(
    owed, officer, manager, monkeypatch, django_capture_on_commit_callbacks
):
    real_notify = services.notify

    def notify_fails_for_the_manager(user, **kwargs):
        if user == manager:
            raise OSError("mail queue unavailable")
        return real_notify(user, **kwargs)

    monkeypatch.setattr(services, "notify", notify_fails_for_the_manager)
    with pytest.raises(OSError):
        chase(D(2026, 11, 26), django_capture_on_commit_callbacks)
    # Nothing half-sent: no claim and no notice for the officer either.
    assert not ReportReminder.objects.exists() and not Notification.objects.exists()

    monkeypatch.setattr(services, "notify", real_notify)
    assert chase(D(2026, 11, 26), django_capture_on_commit_callbacks) == {"escalation": 1}
    assert len(titles(officer)) == 1 and len(titles(manager)) == 1


def test_planned_activities_still_to_come_and_cancelled_ones_are_never_chased(officer):
    ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 16), status=ActivityStatus.CANCELLED)
    ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 16), reported=True)
    assert services.activity_reports_chase(today=D(2026, 11, 26)) == {}


def test_a_planned_activity_whose_date_has_passed_is_chased_for_its_report(officer):
    ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 16), status=ActivityStatus.PLANNED)
    assert services.activity_reports_chase(today=D(2026, 11, 24)) == {"overdue": 1}


def test_nothing_is_sent_on_a_weekend_or_bank_holiday(owed):
    assert services.activity_reports_chase(today=D(2026, 11, 28)) == {}
    assert services.activity_reports_chase(today=D(2026, 12, 25)) == {}


@pytest.mark.parametrize("count", [5, 50])
def test_the_job_reads_candidates_in_a_fixed_number_of_queries_when_all_notices_were_sent(count, officer):
    for _ in range(count):
        ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 16))
    services.activity_reports_chase(today=D(2026, 11, 24))
    with CaptureQueriesContext(connection) as queries:
        assert services.activity_reports_chase(today=D(2026, 11, 24)) == {}
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
    plan = services.chase_candidates(today=D(2026, 11, 24)).explain()
    assert "activity_chase_idx" in plan


def test_the_celery_task_runs_the_chase_for_the_given_day(owed, officer):
    OfficerFactory(username="bystander")
    assert chase_activity_reports.delay("2026-11-24").get() == {"overdue": 1}
    assert chase_activity_reports.delay("2026-11-24").get() == {}
