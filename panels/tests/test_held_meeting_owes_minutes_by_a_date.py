"""A held meeting always owes its minutes by a date (10 working days after it met, panels.deadlines):
the database refuses a held meeting without one, so the overdue board can always sort it.

The board once answered 500 when the community panels' demo meetings (held, no date) were on its
first page beside a kind read whole (an expense claim awaiting a decision)."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from panels.factories import ExpenseClaimFactory, HeldMeetingFactory, MeetingFactory
from panels.models import Meeting, MeetingStatus

pytestmark = pytest.mark.django_db


def test_a_held_meeting_without_a_date_for_its_minutes_is_refused():
    meeting = HeldMeetingFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.filter(pk=meeting.pk).update(minutes_due_on=None)


def test_a_planned_meeting_needs_no_date_for_its_minutes():
    meeting = MeetingFactory(status=MeetingStatus.PLANNED)
    assert meeting.minutes_due_on is None


def test_the_board_lists_minutes_owed_beside_an_expense_claim(officer_client):
    """Meeting on Friday 25 September 2026: minutes due Friday 9 October (10 working days)."""
    meeting = HeldMeetingFactory(meets_on=datetime.date(2026, 9, 25))
    ExpenseClaimFactory()
    assert meeting.minutes_due_on == datetime.date(2026, 10, 9)
    response = officer_client.get(reverse("deadline_board"))
    assert response.status_code == 200
    assert f"Minutes and action plan: {meeting}" in response.content.decode()
