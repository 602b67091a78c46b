"""Merging the four reminder tables into the one claim table sends nothing again.

The database is taken back to before the merge, the old tables are filled with the notices the
old chasers had sent by Thursday 26 November 2026, the migrations are applied, and the one chase
runs on that day: every deadline's notice for the day was already sent, so none goes out again.
"""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from engagement.deadlines.chase import deadlines_chase
from engagement.models import ChaseNotice, Notification

pytestmark = pytest.mark.django_db(transaction=True)
D = datetime.date
TODAY = D(2026, 11, 26)  # Thursday
BEFORE = [
    ("engagement", "0001_initial"),
    ("activities", "0001_initial"),
    ("feedback", "0001_initial"),
    ("panels", "0002_meetings_recruitment_scrutiny_walks_expenses"),
]


def _at(day, hour=7):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 30)))


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _old_world(apps):
    User = apps.get_model("engagement", "User")
    Patch = apps.get_model("engagement", "Patch")
    Estate = apps.get_model("engagement", "Estate")
    Customer = apps.get_model("engagement", "Customer")
    officer = User.objects.create(username="olivia", role="officer", email="olivia@example.org")
    manager = User.objects.create(username="mina", role="manager", email="mina@example.org")
    patch = Patch.objects.create(name="North", code="N", officer=officer)
    estate = Estate.objects.create(name="Beechwood", patch=patch, estate_type="general_needs", homes=100)
    customer = Customer.objects.create(
        reference="T1",
        first_name="Cora",
        last_name="Customer",
        address="1 Beech Road",
        estate=estate,
        tenure="general_needs",
    )

    # Held Mon 16 Nov: report due Mon 23 Nov; reminder Fri 20, overdue Tue 24, escalation Thu 26.
    Activity = apps.get_model("activities", "EngagementActivity")
    activity = Activity.objects.create(
        activity_type="meeting",
        title="Beechwood residents' meeting",
        purpose="Views on services",
        estate=estate,
        patch=patch,
        starts_at=_at(D(2026, 11, 16), 10),
        lead_officer=officer,
        status="held",
        report_due_on=D(2026, 11, 23),
    )
    ReportReminder = apps.get_model("activities", "ReportReminder")
    for kind, period, day in [("reminder", 0, 20), ("overdue", 0, 24), ("escalation", 1, 26)]:
        reminder = ReportReminder.objects.create(
            activity=activity, kind=kind, period=period, sent_at=_at(D(2026, 11, day))
        )
        reminder.recipients.set([officer] + ([manager] if kind == "escalation" else []))

    # Received Thu 19 Nov: acknowledgement due Thu 26 Nov, reminded Wed 25 Nov.
    Complaint = apps.get_model("feedback", "Complaint")
    complaint = Complaint.objects.create(
        customer=customer,
        estate=estate,
        received_on=D(2026, 11, 19),
        channel="phone",
        category="repairs",
        description="Window",
        stage1_handler=officer,
        stage1_ack_due_on=D(2026, 11, 26),
        stage1_response_due_on=D(2026, 12, 10),
    )
    apps.get_model("feedback", "ComplaintReminder").objects.create(
        complaint=complaint, kind="stage1_ack", due_on=D(2026, 11, 26), recipient=officer, sent_at=_at(D(2026, 11, 25))
    )

    # Met Mon 2 Nov: minutes due Mon 16 Nov; reminded, overdue, escalated (5 working days, Mon 23).
    Panel = apps.get_model("panels", "Panel")
    panel = Panel.objects.create(name="Customer Voice Group", kind="cvg", officer=officer)
    meeting = apps.get_model("panels", "Meeting").objects.create(
        panel=panel, meets_on=D(2026, 11, 2), status="held", minutes_due_on=D(2026, 11, 16)
    )
    MinutesReminder = apps.get_model("panels", "MinutesReminder")
    for kind, day in [("due_tomorrow", D(2026, 11, 13)), ("overdue", D(2026, 11, 17)), ("escalated", D(2026, 11, 23))]:
        MinutesReminder.objects.create(meeting=meeting, kind=kind, sent_on=day)

    # Sent Mon 23 Nov: answer due Wed 25 Nov; "due" on the 25th, "overdue" (to the managers) on the 26th.
    eoi = apps.get_model("panels", "ExpressionOfInterest").objects.create(
        panel=panel,
        customer=customer,
        availability=["weekday_evenings"],
        submitted_on=D(2026, 11, 23),
        answer_due_on=D(2026, 11, 25),
    )
    EoiReminder = apps.get_model("panels", "EoiReminder")
    EoiReminder.objects.create(expression_of_interest=eoi, kind="due", sent_on=D(2026, 11, 25))
    EoiReminder.objects.create(expression_of_interest=eoi, kind="overdue", sent_on=TODAY)

    # The old beat jobs, as install_periodic_jobs made them.
    from django_celery_beat.models import CrontabSchedule, PeriodicTask  # not rolled back: the current models

    crontab = CrontabSchedule.objects.create(minute="30", hour="7")
    for task in [
        "activities.tasks.chase_activity_reports",
        "feedback.tasks.remind_complaint_handlers",
        "panels.tasks.chase_expressions_of_interest",
        "panels.tasks.chase_meeting_minutes",
    ]:
        PeriodicTask.objects.create(name=task, task=task, crontab=crontab)
    return activity.pk, complaint.pk, meeting.pk, eoi.pk


def test_no_notice_already_sent_is_sent_again_after_the_claim_tables_merge():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        activity_id, complaint_id, meeting_id, eoi_id = _old_world(_migrate(BEFORE))
        _migrate(latest)

        steps = set(ChaseNotice.objects.values_list("kind", "object_id", "step", "period"))
        assert steps == {
            ("activity_report", activity_id, "reminder", 0),
            ("activity_report", activity_id, "overdue", 0),
            ("activity_report", activity_id, "escalation", 1),
            ("complaint_stage1_ack", complaint_id, "reminder", 0),
            ("meeting_minutes", meeting_id, "reminder", 0),
            ("meeting_minutes", meeting_id, "overdue", 0),
            ("meeting_minutes", meeting_id, "escalation", 1),
            ("eoi_answer", eoi_id, "reminder", 0),
            ("eoi_answer", eoi_id, "escalation", 1),
        }
        escalation = ChaseNotice.objects.get(kind="activity_report", step="escalation")
        assert sorted(escalation.recipients.values_list("username", flat=True)) == ["mina", "olivia"]

        assert deadlines_chase(today=TODAY) == {}
        assert not Notification.objects.exists()
        from django_celery_beat.models import PeriodicTask

        assert not PeriodicTask.objects.filter(task__startswith="activities.tasks").exists()
        assert not PeriodicTask.objects.filter(task__startswith="panels.tasks.chase").exists()
        assert not PeriodicTask.objects.filter(task="feedback.tasks.remind_complaint_handlers").exists()
        # The next day the chase carries on from where the old chasers stopped.
        assert deadlines_chase(today=D(2026, 11, 27)) == {"complaint_stage1_ack.overdue": 1}
    finally:
        _migrate(latest)
