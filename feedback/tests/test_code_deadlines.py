"""The Complaint Handling Code's timescales on hand-worked calendars.

December 2026: Friday 25 (Christmas Day), Saturday 26 and Sunday 27, Monday 28 (Boxing Day, substitute
bank holiday) and Friday 1 January 2027 (New Year's Day) are not working days.
"""

import datetime

import pytest

from feedback import deadlines

D = datetime.date


# Stage 1 acknowledgement: 5 working days from receipt, the day of receipt being day 0.
@pytest.mark.parametrize(
    ("received", "due"),
    [
        (D(2026, 11, 2), D(2026, 11, 9)),  # Monday -> next Monday
        (D(2026, 11, 6), D(2026, 11, 13)),  # Friday -> next Friday (the weekend does not count)
        (D(2026, 11, 7), D(2026, 11, 13)),  # received on a Saturday: Mon 9 is day 1, Fri 13 day 5
        # Wed 23 Dec: Thu 24 (1), Tue 29 (2), Wed 30 (3), Thu 31 (4), Mon 4 Jan (5)
        (D(2026, 12, 23), D(2027, 1, 4)),
        # Fri 18 Dec: Mon 21 (1), Tue 22 (2), Wed 23 (3), Thu 24 (4), Tue 29 (5): skips Christmas and 28 Dec
        (D(2026, 12, 18), D(2026, 12, 29)),
        # Tue 27 Apr 2027: Wed 28 (1), Thu 29 (2), Fri 30 (3), Tue 4 May (4) after the May Day holiday, Wed 5 (5)
        (D(2027, 4, 27), D(2027, 5, 5)),
    ],
)
def test_stage_1_acknowledgement_is_due_five_working_days_after_receipt(received, due):
    assert deadlines.acknowledgement_due(stage=1, start=received) == due


def test_stage_1_response_is_due_ten_working_days_after_the_acknowledgement():
    # Mon 2 Nov: Tue 3 .. Fri 6 (4), Mon 9 .. Fri 13 (9), Mon 16 (10)
    assert deadlines.response_due(stage=1, acknowledged_on=D(2026, 11, 2)) == D(2026, 11, 16)
    # Mon 14 Dec: 15, 16, 17, 18 (4), 21, 22, 23, 24 (8), then 25-28 are not working days, Tue 29 (9), Wed 30 (10)
    assert deadlines.response_due(stage=1, acknowledged_on=D(2026, 12, 14)) == D(2026, 12, 30)
    # Mon 4 Jan 2027: 5, 6, 7, 8 (4), 11 .. 15 (9), Mon 18 (10)
    assert deadlines.response_due(stage=1, acknowledged_on=D(2027, 1, 4)) == D(2027, 1, 18)


def test_before_acknowledgement_the_response_date_is_counted_from_the_acknowledgement_deadline():
    # Received Wed 23 Dec 2026: acknowledgement due Mon 4 Jan 2027, so the response is due by Mon 18 Jan.
    assert deadlines.provisional_response_due(stage=1, start=D(2026, 12, 23)) == D(2027, 1, 18)


def test_stage_2_is_acknowledged_within_five_and_answered_within_twenty_working_days():
    # Escalated Tue 22 Dec 2026: Wed 23 (1), Thu 24 (2), Tue 29 (3), Wed 30 (4), Thu 31 (5)
    assert deadlines.acknowledgement_due(stage=2, start=D(2026, 12, 22)) == D(2026, 12, 31)
    # Acknowledged Thu 31 Dec: Fri 1 Jan is New Year's Day; Mon 4 .. Fri 8 (5), 11-15 (10), 18-22 (15), 25-29 (20)
    assert deadlines.response_due(stage=2, acknowledged_on=D(2026, 12, 31)) == D(2027, 1, 29)


def test_a_stage_1_extension_may_add_at_most_ten_working_days():
    # Due Wed 30 Dec 2026: Thu 31 (1), Mon 4 Jan (2) .. Fri 8 (6), Mon 11 (7), Tue 12 (8), Wed 13 (9), Thu 14 (10)
    assert deadlines.latest_extension(stage=1, response_due_on=D(2026, 12, 30)) == D(2027, 1, 14)
    # Due Mon 18 Jan 2027: Tue 19 .. Fri 22 (4), Mon 25 .. Fri 29 (9), Mon 1 Feb (10)
    assert deadlines.latest_extension(stage=1, response_due_on=D(2027, 1, 18)) == D(2027, 2, 1)


def test_a_stage_2_extension_may_add_at_most_twenty_working_days():
    # Due Fri 29 Jan 2027: four full weeks of February: Fri 26 Feb is the 20th working day.
    assert deadlines.latest_extension(stage=2, response_due_on=D(2027, 1, 29)) == D(2027, 2, 26)


@pytest.mark.parametrize(
    ("new_due", "agreed", "problem"),
    [
        (D(2027, 2, 1), D(2027, 1, 12), None),  # exactly 10 more working days, agreed in time
        (D(2027, 1, 25), D(2027, 1, 18), None),  # agreed on the day it was due: still in time
        (D(2027, 2, 2), D(2027, 1, 12), "no more than 10 working days without good reason"),  # 11 working days
        (D(2027, 1, 30), D(2027, 1, 12), "must be a working day"),  # a Saturday
        (D(2027, 1, 18), D(2027, 1, 12), "must be after"),  # not later than the current date
        (D(2027, 1, 25), D(2027, 1, 19), "before the deadline passes"),  # agreed after the response was due
    ],
)
def test_a_stage_1_extension_is_checked_against_the_code(new_due, agreed, problem):
    found = deadlines.extension_problem(stage=1, response_due_on=D(2027, 1, 18), new_due_on=new_due, agreed_on=agreed)
    if problem is None:
        assert found is None
    else:
        assert problem in found


def test_an_extension_over_christmas_counts_only_working_days():
    # Due Wed 30 Dec 2026; Fri 1 Jan and the weekend do not count, so Thu 14 Jan is allowed and Fri 15 is not.
    assert (
        deadlines.extension_problem(
            stage=1, response_due_on=D(2026, 12, 30), new_due_on=D(2027, 1, 14), agreed_on=D(2026, 12, 21)
        )
        is None
    )
    assert "latest date is 14 January 2027" in deadlines.extension_problem(
        stage=1, response_due_on=D(2026, 12, 30), new_due_on=D(2027, 1, 15), agreed_on=D(2026, 12, 21)
    )
    # The substitute bank holiday is not a working day to extend to.
    assert "working day" in deadlines.extension_problem(
        stage=1, response_due_on=D(2026, 12, 22), new_due_on=D(2026, 12, 28), agreed_on=D(2026, 12, 21)
    )


def test_working_days_taken_count_from_the_day_after_receipt_to_the_response():
    # Received Wed 23 Dec 2026, answered Mon 18 Jan 2027: 24, 29, 30, 31 Dec (4), 4-8 Jan (9), 11-15 (14), 18 (15)
    assert deadlines.working_days_taken(start=D(2026, 12, 23), end=D(2027, 1, 18)) == 15
    assert deadlines.working_days_taken(start=D(2026, 11, 2), end=D(2026, 11, 2)) == 0


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (D(2026, 12, 30), None),  # two working days before Mon 4 Jan
        (D(2026, 12, 31), ("reminder", 0)),  # the working day before (Fri 1 Jan is a bank holiday)
        (D(2027, 1, 1), None),  # bank holiday: nothing is sent
        (D(2027, 1, 2), None),  # Saturday
        (D(2027, 1, 4), ("reminder", 0)),  # the deadline itself: catches up a missed run
        (D(2027, 1, 5), ("overdue", 0)),  # 1 working day late: the handler is told
        (D(2027, 1, 6), ("escalation", 1)),  # 2 working days late: the managers are told
        (D(2027, 1, 13), ("escalation", 2)),  # 7 working days late: told again after 5 more
    ],
)
def test_a_code_deadline_is_chased_on_working_days_reminder_first(today, expected):
    assert deadlines.POLICY.step(due_on=D(2027, 1, 4), today=today) == expected
