"""Which chase notice is due on which day for an activity report (its ChasePolicy): hand-worked with
weekends and England & Wales bank holidays. Escalations repeat every 5 working days."""

import datetime

import pytest

from activities.deadlines import POLICY

D = datetime.date
REMINDER, OVERDUE = ("reminder", 0), ("overdue", 0)


def esc(number):
    return ("escalation", number)


def chase_step(*, report_due_on, today):
    return POLICY.step(due_on=report_due_on, today=today)


@pytest.mark.parametrize(
    "today, expected",
    [
        (D(2026, 11, 19), None),  # Thu: two working days before, too early
        (D(2026, 11, 20), REMINDER),  # Fri: the working day before Monday's due date
        (D(2026, 11, 21), None),  # Sat: nothing goes out at the weekend
        (D(2026, 11, 23), REMINDER),  # Mon, the due date: a missed reminder still goes
        (D(2026, 11, 24), OVERDUE),  # Tue: first day overdue
        (D(2026, 11, 25), OVERDUE),  # Wed: 2 working days overdue
        (D(2026, 11, 26), esc(1)),  # Thu: 3 working days overdue -> escalate
        (D(2026, 11, 27), esc(1)),
        (D(2026, 12, 2), esc(1)),
        (D(2026, 12, 3), esc(2)),  # 8 working days overdue: 5 after the first escalation
        (D(2026, 12, 10), esc(3)),
    ],
)
def test_a_report_due_on_monday_23_november_2026(today, expected):
    assert chase_step(report_due_on=D(2026, 11, 23), today=today) == expected


@pytest.mark.parametrize(
    "today, expected",
    [
        (D(2026, 12, 23), None),
        (D(2026, 12, 24), REMINDER),  # Thu: the working day before Christmas Day
        (D(2026, 12, 25), None),  # Christmas Day
        (D(2026, 12, 28), None),  # Boxing Day (substitute bank holiday)
        (D(2026, 12, 29), OVERDUE),  # Tue: first working day overdue
        (D(2026, 12, 30), OVERDUE),
        (D(2026, 12, 31), esc(1)),  # 3 working days overdue
        (D(2027, 1, 1), None),  # New Year's Day
        (D(2027, 1, 7), esc(1)),  # Mon 4 (4), Tue 5 (5), Wed 6 (6), Thu 7 (7 working days overdue)
        (D(2027, 1, 8), esc(2)),  # Fri 8: 8 working days overdue, 5 after the first escalation
    ],
)
def test_a_report_due_on_christmas_day_2026(today, expected):
    assert chase_step(report_due_on=D(2026, 12, 25), today=today) == expected


def test_the_reminder_for_a_report_due_after_christmas_goes_before_the_bank_holidays():
    # Due Tuesday 29 December 2026: 25 and 28 December are bank holidays, so the working day before is the 24th.
    assert chase_step(report_due_on=D(2026, 12, 29), today=D(2026, 12, 24)) == REMINDER
    assert chase_step(report_due_on=D(2026, 12, 29), today=D(2026, 12, 31)) == OVERDUE
    # 30 Dec (1), 31 Dec (2), 1 Jan is a holiday, Monday 4 January is the 3rd working day overdue.
    assert chase_step(report_due_on=D(2026, 12, 29), today=D(2027, 1, 4)) == esc(1)


def test_easter_pushes_the_escalation_back():
    # Due Good Friday 26 March 2027; Easter Monday 29 March is a holiday too.
    assert chase_step(report_due_on=D(2027, 3, 26), today=D(2027, 3, 25)) == REMINDER
    assert chase_step(report_due_on=D(2027, 3, 26), today=D(2027, 3, 29)) is None
    assert chase_step(report_due_on=D(2027, 3, 26), today=D(2027, 3, 30)) == OVERDUE
    assert chase_step(report_due_on=D(2027, 3, 26), today=D(2027, 4, 1)) == esc(1)


def test_a_repeat_escalation_counts_working_days_so_a_bank_holiday_moves_it_on():
    # Due Wed 19 May 2027: first escalation Mon 24 May (3 working days overdue); 5 working days later is
    # Tue 1 June, because Mon 31 May is the Spring bank holiday.
    assert chase_step(report_due_on=D(2027, 5, 19), today=D(2027, 5, 24)) == esc(1)
    assert chase_step(report_due_on=D(2027, 5, 19), today=D(2027, 5, 31)) is None
    assert chase_step(report_due_on=D(2027, 5, 19), today=D(2027, 6, 1)) == esc(2)
