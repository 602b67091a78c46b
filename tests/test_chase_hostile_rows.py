"""One hostile row never stops the daily chase, on PostgreSQL where it once did.

Issue #15 item 3: "An activity dated 0001-01-01 was accepted and the chase then fails on every
run (`smallint out of range`) until someone finds and cancels it." Rule (README, deadline
engine): a record whose own data fails is logged and skipped; every other deadline is chased.

Hand-worked case, chasing on Monday 30 November 2026: the honest activity was held Monday 16
November, its report due Monday 23rd, 5 working days overdue (escalated at 3); the honest action
was due Friday 27th, 1 working day overdue (an overdue notice). Each belongs to a different
officer. The hostile rows are written straight into the table (no form, no save()): an activity
held on 1 January 0001 with its report due 8 January 0001, an action due 1 January 0001 and a
complaint received on 1 January 0001 with its Code deadlines a week later.
"""

import datetime
import logging

import pytest
from django.db import connection
from django.utils import timezone

from activities.factories import ActivityFactory
from activities.models import EngagementActivity
from engagement.deadlines.chase import deadlines_chase
from engagement.factories import ActionFactory, OfficerFactory
from engagement.models import Action, ChaseNotice, Notification
from feedback.factories import ComplaintFactory
from feedback.models import Complaint
from tests.support import require

pytestmark = pytest.mark.django_db
D = datetime.date
YEAR_ONE = datetime.datetime(1, 1, 1, 10, tzinfo=datetime.UTC)


def at(year, month, day, hour=10):
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


def test_hostile_rows_are_logged_and_skipped_while_every_other_officer_is_chased(officer, manager, caplog):
    require("REQUIRE_POSTGRES", connection.vendor == "postgresql", "PostgreSQL is where smallint overflows")
    honest_officer = OfficerFactory(username="honest")
    ActivityFactory(lead_officer=honest_officer, starts_at=at(2026, 11, 16), title="Coffee morning")
    ActionFactory(owner=officer, due_on=D(2026, 11, 27))

    hostile = ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 16), title="Typo")
    EngagementActivity.objects.filter(pk=hostile.pk).update(starts_at=YEAR_ONE, report_due_on=D(1, 1, 8))
    ancient_action = ActionFactory(owner=honest_officer, due_on=D(2026, 11, 27))
    Action.objects.filter(pk=ancient_action.pk).update(due_on=D(1, 1, 1))
    complaint = ComplaintFactory(stage1_handler=honest_officer, received_on=D(2026, 11, 19))
    Complaint.objects.filter(pk=complaint.pk).update(
        received_on=D(1, 1, 1), stage1_ack_due_on=D(1, 1, 8), stage1_response_due_on=D(1, 1, 15)
    )

    with caplog.at_level(logging.ERROR, logger="engagement.deadlines.chase"):
        result = deadlines_chase(today=D(2026, 11, 30))

    sent = {key: count for key, count in result.items() if not key.endswith(".failed")}
    assert sent == {"activity_report.escalation": 1, "action.overdue": 1}
    assert sum(count for key, count in result.items() if key.endswith(".failed")) == 3
    assert len([record for record in caplog.records if record.levelno == logging.ERROR]) == 3
    assert Notification.objects.filter(user=honest_officer, title__contains="Coffee morning").count() == 1
    assert Notification.objects.filter(user=officer, title__contains="Typo").count() == 0
    assert ChaseNotice.objects.count() == 2
    # The next day's run is not stopped either, and sends nothing twice.
    assert {k: v for k, v in deadlines_chase(today=D(2026, 12, 1)).items() if not k.endswith(".failed")} == {}
