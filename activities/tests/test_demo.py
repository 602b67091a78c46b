import datetime
import random

import pytest

from activities import demo
from activities.models import ActivityStatus, EngagementActivity, ReportReminder
from activities.services import activity_reports_chase
from engagement import demo as core_demo

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
    assert set(ReportReminder.objects.values_list("kind", flat=True)) == {"reminder", "overdue", "escalation"}
    counts = (EngagementActivity.objects.count(), ReportReminder.objects.count())
    assert demo.seed(random.Random("activities"), TODAY, context) == {"activities_seeded": 0}
    assert (EngagementActivity.objects.count(), ReportReminder.objects.count()) == counts
    # The history is what the job would have sent: running it today finds nothing new to send.
    assert activity_reports_chase(today=TODAY) == {}
