"""Meeting cadence on hand-worked dates (2026 bank holidays: 3 and 6 April, 4 and 25 May)."""

import datetime

from panels.cadence import add_months, missed_meeting_due_on, propose_meetings, slots_between

D = datetime.date


def test_adding_months_keeps_the_day_or_clamps_to_the_end_of_a_short_month():
    assert add_months(D(2026, 11, 15), 2) == D(2027, 1, 15)
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2026, 12, 31), 3) == D(2027, 3, 31)


def test_the_cvg_is_offered_meetings_every_two_months_on_working_days():
    # 14 March 2026 is a Saturday, so the proposal moves to Monday 16 March.
    assert propose_meetings(last_held_on=D(2026, 1, 14), every_months=2, today=D(2026, 2, 1)) == [
        D(2026, 3, 16),
        D(2026, 5, 14),
        D(2026, 7, 14),
    ]


def test_a_slot_on_a_bank_holiday_moves_to_the_next_working_day():
    # 4 May 2026 is the early May bank holiday.
    assert propose_meetings(last_held_on=D(2026, 2, 4), every_months=3, today=D(2026, 2, 5), count=1) == [D(2026, 5, 5)]


def test_slots_already_past_are_not_proposed():
    # Last met 14 October 2025: 14 December has gone, so the next offers start in February.
    assert propose_meetings(last_held_on=D(2025, 10, 14), every_months=2, today=D(2026, 2, 1)) == [
        D(2026, 2, 16),
        D(2026, 4, 14),
        D(2026, 6, 15),
    ]


def test_a_panel_that_has_never_met_is_offered_dates_from_today():
    assert propose_meetings(last_held_on=None, every_months=1, today=D(2026, 6, 10), count=2) == [
        D(2026, 7, 10),
        D(2026, 8, 10),
    ]


def test_a_panel_is_flagged_once_it_is_more_than_a_fortnight_past_its_next_meeting():
    last = D(2026, 1, 14)  # next due 14 March
    assert missed_meeting_due_on(last_held_on=last, every_months=2, today=D(2026, 3, 28)) is None
    assert missed_meeting_due_on(last_held_on=last, every_months=2, today=D(2026, 3, 29)) == D(2026, 3, 14)


def test_an_ad_hoc_panel_or_one_with_no_start_is_never_flagged():
    assert missed_meeting_due_on(last_held_on=D(2020, 1, 1), every_months=None, today=D(2026, 1, 1)) is None
    assert missed_meeting_due_on(last_held_on=None, every_months=2, today=D(2026, 1, 1)) is None
    assert missed_meeting_due_on(last_held_on=None, every_months=2, today=D(2026, 4, 1), anchor=D(2026, 1, 5)) == D(
        2026, 3, 5
    )


def test_cadence_slots_in_a_quarter_are_counted_from_the_anchor():
    anchor = D(2026, 1, 15)
    assert slots_between(anchor=anchor, every_months=2, start=D(2026, 1, 1), end=D(2026, 3, 31)) == [
        D(2026, 1, 15),
        D(2026, 3, 15),
    ]
    assert slots_between(anchor=anchor, every_months=2, start=D(2026, 4, 1), end=D(2026, 6, 30)) == [D(2026, 5, 15)]
    assert slots_between(anchor=D(2026, 7, 1), every_months=2, start=D(2026, 1, 1), end=D(2026, 3, 31)) == []
