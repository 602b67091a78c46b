import datetime
import random

import pytest

from activities import deadlines, demo
from activities.models import ActivityStatus, EngagementActivity
from engagement import demo as core_demo
from engagement.deadlines.chase import deadline_kind_chase
from engagement.models import ChaseNotice

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 23)


def test_the_demo_has_every_state_with_chase_history_and_a_second_run_adds_nothing():
    context = core_demo.seed(random.Random("core"), TODAY)
    demo.seed(random.Random("activities"), TODAY, context)
    statuses = set(EngagementActivity.objects.values_list("status", flat=True))
    assert statuses == set(ActivityStatus.values)
    owed = EngagementActivity.objects.awaiting_report()
    assert owed.filter(report_due_on__gte=TODAY).exists()  # due
    assert owed.filter(report_due_on__lt=TODAY).exists()  # overdue
    notices = ChaseNotice.objects.filter(kind="activity_report")
    assert set(notices.values_list("step", flat=True)) == {"reminder", "overdue", "escalation"}
    returned = EngagementActivity.objects.filter(status=ActivityStatus.RETURNED)
    assert returned.exists() and not returned.filter(resubmit_due_on__isnull=True).exists()
    counts = (EngagementActivity.objects.count(), notices.count())
    assert demo.seed(random.Random("activities"), TODAY, context) == {"activities_seeded": 0}
    assert (EngagementActivity.objects.count(), notices.count()) == counts
    # The history is what the job would have sent: running it today finds nothing new to send.
    assert deadline_kind_chase(kind=deadlines.KIND, today=TODAY) == {}
