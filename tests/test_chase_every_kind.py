"""Every kind of deadline through the one chase on hand-worked dates: nothing on a Saturday, on
Christmas Day or on Boxing Day's substitute; each kind's notice once on the next working day.

One deadline of each kind, all overdue by Monday 30 November 2026:
- activity report: held Mon 16 Nov, due Mon 23 Nov: 5 working days overdue on the 30th (escalated at 3);
- complaint stage 1 acknowledgement: received Thu 19 Nov, due Thu 26 Nov: 2 overdue (escalated at 2);
- complaint stage 1 response: acknowledged Thu 12 Nov, due Thu 26 Nov: 2 overdue (escalated at 2);
- expression of interest: sent Mon 23 Nov, due Wed 25 Nov: 3 overdue (escalated at 1);
- minutes: met Mon 2 Nov, due Mon 16 Nov: 10 overdue (escalated at 5, again at 10: the second);
- scrutiny response: report delivered Fri 23 Oct, due Fri 20 Nov: 6 overdue (escalated at 1, again at 6);
- expense claim: sent Mon 23 Nov, due Mon 30 Nov: due today, a reminder;
- action: due Fri 27 Nov: 1 overdue, an overdue notice (escalated at 5).
"""

import datetime

import pytest
from django.utils import timezone

from activities.factories import ActivityFactory
from engagement.deadlines.chase import deadlines_chase
from engagement.factories import ActionFactory
from engagement.models import ChaseNotice
from feedback.factories import ComplaintFactory
from panels.factories import (
    ExpenseClaimFactory,
    ExpressionOfInterestFactory,
    HeldMeetingFactory,
    PanelFactory,
    RecommendationFactory,
    ScrutinyProjectFactory,
)

pytestmark = pytest.mark.django_db
D = datetime.date


def at(year, month, day, hour=10):
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


@pytest.fixture
def one_of_each(officer):
    panel = PanelFactory(officer=officer)
    ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 16))
    ComplaintFactory(stage1_handler=officer, received_on=D(2026, 11, 19))
    ComplaintFactory(
        stage1_handler=officer, received_on=D(2026, 11, 10), acknowledged=True, stage1_acknowledged_on=D(2026, 11, 12)
    )
    ExpressionOfInterestFactory(panel=panel, submitted_on=D(2026, 11, 23))
    HeldMeetingFactory(panel=panel, meets_on=D(2026, 11, 2))
    project = ScrutinyProjectFactory(lead_officer=officer, status="response", report_delivered_on=D(2026, 10, 23))
    RecommendationFactory(project=project, decision="")
    ExpenseClaimFactory(submitted_at=at(2026, 11, 23, 14))
    ActionFactory(owner=officer, due_on=D(2026, 11, 27))


@pytest.mark.parametrize("day", [D(2026, 11, 28), D(2026, 11, 29), D(2026, 12, 25), D(2026, 12, 28), D(2027, 1, 1)])
def test_nothing_is_sent_on_a_weekend_or_a_bank_holiday_whatever_the_kind(one_of_each, day):
    assert deadlines_chase(today=day) == {}
    assert not ChaseNotice.objects.exists()


def test_each_kind_sends_the_notice_its_policy_gives_once_on_the_next_working_day(one_of_each):
    expected = {
        "activity_report.escalation": 1,
        "complaint_stage1_ack.escalation": 1,
        "complaint_stage1_response.escalation": 1,
        "eoi_answer.escalation": 1,
        "meeting_minutes.escalation": 1,
        "scrutiny_response.escalation": 1,
        "expense_decision.reminder": 1,
        "action.overdue": 1,
    }
    assert deadlines_chase(today=D(2026, 11, 30)) == expected
    assert deadlines_chase(today=D(2026, 11, 30)) == {}
    periods = dict(ChaseNotice.objects.filter(step="escalation").values_list("kind", "period"))
    assert periods == {
        "activity_report": 1,
        "complaint_stage1_ack": 1,
        "complaint_stage1_response": 1,
        "eoi_answer": 1,
        "meeting_minutes": 2,  # 10 working days overdue: 5 after the first escalation
        "scrutiny_response": 2,  # 6 working days overdue: 5 after the first
    }


def test_one_record_the_database_refuses_does_not_stop_anyone_elses_chase(officer, monkeypatch):
    from engagement.deadlines import chase

    # A record whose notice the database refuses (a value out of range, a broken constraint): its
    # batch is retried one by one, it alone is left out and counted. (Absurd due dates never get
    # this far: tests/test_chase_hostile_rows.py.)
    ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 16), title="Real meeting")
    ActionFactory(owner=officer, due_on=D(2026, 11, 27))
    refused = ActivityFactory(lead_officer=officer, starts_at=at(2026, 11, 16), title="Refused")
    real_claim = chase._claim_and_send

    def claim_fails_for_that_one(kind, batch, **kwargs):
        if any(deadline.object_id == refused.pk for deadline, _, _ in batch):
            from django.db import DataError

            raise DataError("value out of range")
        return real_claim(kind, batch, **kwargs)

    monkeypatch.setattr(chase, "_claim_and_send", claim_fails_for_that_one)
    result = deadlines_chase(today=D(2026, 11, 30))
    assert result == {"activity_report.escalation": 1, "activity_report.failed": 1, "action.overdue": 1}
