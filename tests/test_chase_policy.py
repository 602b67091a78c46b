"""Each kind's chase schedule on hand-worked dates (England & Wales bank holidays), and the one
wording of working days left or overdue.

Calendar used: Fri 25 Dec 2026 Christmas Day, Mon 28 Dec 2026 Boxing Day (substitute), Fri 1 Jan
2027 New Year's Day, Fri 26 Mar 2027 Good Friday, Mon 29 Mar 2027 Easter Monday.
"""

import datetime

import pytest

from activities import deadlines as activity_deadlines
from engagement.deadlines import ChasePolicy, due_phrase
from engagement.deadlines import actions as action_deadlines
from panels import deadlines as panel_deadlines

D = datetime.date
REMINDER, OVERDUE = ("reminder", 0), ("overdue", 0)


def esc(number):
    return ("escalation", number)


@pytest.mark.parametrize(
    "today, expected",
    [
        (D(2026, 11, 27), None),  # Fri: the answer is due Tuesday; no reminder before the day
        (D(2026, 12, 1), REMINDER),  # Tue: due today
        (D(2026, 12, 2), esc(1)),  # Wed: 1 working day late: the managers hear at once
        (D(2026, 12, 5), None),  # Saturday
        (D(2026, 12, 8), esc(1)),  # Tue: 5 working days late, the same escalation still stands
        (D(2026, 12, 9), esc(2)),  # Wed: 6 working days late, 5 after the first
    ],
)
def test_an_expression_of_interest_sent_on_friday_27_november_2026(today, expected):
    # Two working days: Mon 30 Nov (1), Tue 1 Dec (2).
    assert panel_deadlines.eoi_answer_due_on(D(2026, 11, 27)) == D(2026, 12, 1)
    assert panel_deadlines.EOI_POLICY.step(due_on=D(2026, 12, 1), today=today) == expected


@pytest.mark.parametrize(
    "today, expected",
    [
        (D(2026, 12, 24), None),  # two working days before (25 and 28 Dec are bank holidays)
        (D(2026, 12, 30), REMINDER),  # Wed: the working day before
        (D(2026, 12, 31), REMINDER),  # the due date itself catches up a missed reminder
        (D(2027, 1, 1), None),  # New Year's Day
        (D(2027, 1, 4), OVERDUE),  # Mon: 1 working day overdue
        (D(2027, 1, 7), OVERDUE),  # 4 working days overdue
        (D(2027, 1, 8), esc(1)),  # Fri: 5 working days overdue, the managers hear
        (D(2027, 1, 15), esc(2)),  # 10 working days overdue
    ],
)
def test_minutes_due_on_thursday_31_december_2026(today, expected):
    assert panel_deadlines.MINUTES_POLICY.step(due_on=D(2026, 12, 31), today=today) == expected


def test_minutes_are_due_ten_working_days_after_the_meeting_across_christmas():
    # Tue 15 Dec 2026: 16, 17, 18, 21, 22, 23, 24 (7), 29 (8), 30 (9), 31 (10).
    assert panel_deadlines.minutes_due_on(D(2026, 12, 15)) == D(2026, 12, 31)
    # Thu 25 Mar 2027: 26 and 29 Mar are holidays; 30, 31 Mar, 1, 2, 5, 6, 7, 8, 9, 12 Apr.
    assert panel_deadlines.minutes_due_on(D(2027, 3, 25)) == D(2027, 4, 12)


@pytest.mark.parametrize(
    "today, expected",
    [
        (D(2027, 3, 25), REMINDER),  # Thu: the working day before Good Friday
        (D(2027, 3, 26), None),  # Good Friday: nothing is sent
        (D(2027, 3, 29), None),  # Easter Monday
        (D(2027, 3, 30), OVERDUE),  # 1 working day overdue
        (D(2027, 4, 1), OVERDUE),  # 3
        (D(2027, 4, 5), esc(1)),  # Mon: 5 working days overdue
        (D(2027, 4, 12), esc(2)),  # Mon: 10 working days overdue
    ],
)
def test_an_action_due_on_good_friday_2027(today, expected):
    assert action_deadlines.POLICY.step(due_on=D(2027, 3, 26), today=today) == expected


def test_a_returned_report_is_due_five_working_days_after_it_was_returned():
    # Returned Thu 24 Dec 2026: 29, 30, 31 Dec, 4, 5 Jan.
    assert activity_deadlines.resubmit_due_for(D(2026, 12, 24)) == D(2027, 1, 5)


def test_expense_claims_and_scrutiny_responses_count_working_days_from_their_start():
    # Claim sent Wed 23 Dec 2026 at 16:00: 24, 29, 30, 31 Dec, 4 Jan.
    from django.utils import timezone

    sent = timezone.make_aware(datetime.datetime(2026, 12, 23, 16))
    assert panel_deadlines.expense_decision_due_on(sent) == D(2027, 1, 4)
    # Report delivered Mon 1 Mar 2027: 20 working days with Good Friday and Easter Monday in between.
    assert panel_deadlines.scrutiny_response_due_on(D(2027, 3, 1)) == D(2027, 3, 31)


def test_a_policy_without_escalation_keeps_sending_nothing_after_the_overdue_notice():
    policy = ChasePolicy(remind_before=None, escalate_after=None, repeat_every=None)
    assert policy.step(due_on=D(2026, 11, 23), today=D(2026, 11, 23)) is None
    assert policy.step(due_on=D(2026, 11, 23), today=D(2026, 12, 23)) == OVERDUE


def test_a_policy_escalates_once_when_it_does_not_repeat():
    policy = ChasePolicy(remind_before=1, escalate_after=2, repeat_every=None)
    assert policy.step(due_on=D(2026, 11, 23), today=D(2026, 11, 25)) == esc(1)
    assert policy.step(due_on=D(2026, 11, 23), today=D(2027, 2, 1)) == esc(1)


def test_a_policy_refuses_numbers_that_mean_nothing():
    with pytest.raises(ValueError):
        ChasePolicy(escalate_after=0)
    with pytest.raises(ValueError):
        ChasePolicy(remind_before=-1)


def test_a_policy_reads_as_plain_words_from_its_numbers():
    assert activity_deadlines.POLICY.describe() == [
        "Reminder 1 working day before it is due.",
        "Overdue notice to the owner on the first working day after the due date.",
        "Escalated to the managers when 3 working days overdue.",
        "Escalated again every 5 working days while it stays overdue.",
        "Never on a weekend or bank holiday; never the same notice twice.",
    ]
    assert panel_deadlines.EOI_POLICY.describe()[:2] == [
        "Reminder on the day it is due.",
        "Escalated to the managers when 1 working day overdue.",
    ]


@pytest.mark.parametrize(
    "due, today, phrase",
    [
        (D(2026, 11, 23), D(2026, 11, 23), "due today"),
        (D(2026, 11, 23), D(2026, 11, 20), "due next working day"),  # Fri -> Mon
        (D(2026, 12, 29), D(2026, 12, 24), "due next working day"),  # across Christmas
        (D(2026, 11, 27), D(2026, 11, 23), "due in 4 working days"),
        (D(2026, 11, 28), D(2026, 11, 27), "due Saturday"),  # due on a day that is not a working day
        (D(2026, 11, 23), D(2026, 11, 24), "1 working day overdue"),
        (D(2026, 12, 24), D(2027, 1, 4), "4 working days overdue"),  # 29, 30, 31 Dec, 4 Jan
        (D(2026, 11, 28), D(2026, 11, 29), "overdue"),  # due Saturday, today Sunday
    ],
)
def test_time_left_is_said_in_working_days(due, today, phrase):
    assert due_phrase(due, today) == phrase
