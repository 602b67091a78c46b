"""Meetings: attendance, minutes due 10 working days after, the action plan, publishing, chasing."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from engagement.deadlines.chase import deadline_kind_chase
from engagement.factories import ActionFactory, CustomerFactory
from engagement.models import Action, ChaseNotice, Notification
from panels import services
from panels.deadlines import MEETING_MINUTES
from panels.factories import HeldMeetingFactory, MeetingFactory, MembershipFactory, PanelFactory, ScrutinyProjectFactory
from panels.models import Letter, MeetingStatus

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def cvg(officer):
    return PanelFactory(name="Customer Voice Group", officer=officer)


def test_recording_attendance_marks_the_meeting_held_with_minutes_due_in_ten_working_days(cvg, customer, officer):
    MembershipFactory(panel=cvg, customer=customer, starts_on=D(2026, 1, 1))
    meeting = MeetingFactory(panel=cvg, meets_on=D(2026, 4, 2))  # Thursday before Easter
    services.meeting_attendance_record(
        meeting=meeting, statuses={customer.pk: "present"}, staff=[officer], today=D(2026, 4, 2)
    )
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD
    assert meeting.minutes_due_on == D(2026, 4, 20)
    assert list(meeting.staff_present.all()) == [officer]


def test_attendance_cannot_be_recorded_before_the_meeting_or_with_nobody_present(cvg, customer, officer):
    meeting = MeetingFactory(panel=cvg, meets_on=D(2026, 4, 2))
    with pytest.raises(ValidationError, match="on or after the day"):
        services.meeting_attendance_record(
            meeting=meeting, statuses={customer.pk: "present"}, staff=[], today=D(2026, 4, 1)
        )
    with pytest.raises(ValidationError, match="at least one member"):
        services.meeting_attendance_record(
            meeting=meeting, statuses={customer.pk: "apologies"}, staff=[], today=D(2026, 4, 2)
        )


def test_the_first_meeting_sets_where_the_cadence_counts_from(cvg, officer):
    services.meeting_schedule(panel=cvg, meets_on=D(2026, 1, 14), by=officer)
    services.meeting_schedule(panel=cvg, meets_on=D(2026, 3, 16), by=officer)
    cvg.refresh_from_db()
    assert cvg.cadence_from == D(2026, 1, 14)


def test_a_panel_cannot_have_two_meetings_on_one_day(cvg, officer):
    services.meeting_schedule(panel=cvg, meets_on=D(2026, 1, 14), by=officer)
    with pytest.raises(ValidationError, match="already has a meeting"):
        services.meeting_schedule(panel=cvg, meets_on=D(2026, 1, 14), by=officer)


def test_actions_belong_to_the_meeting_and_need_it_to_have_taken_place(cvg, officer):
    planned = MeetingFactory(panel=cvg)
    with pytest.raises(ValidationError, match="record the attendance"):
        services.meeting_action_add(
            meeting=planned, you_said="x", we_will="y", owner=officer, due_on=D(2026, 5, 1), by=officer
        )
    held = HeldMeetingFactory(panel=cvg)
    action, created = services.meeting_action_add(
        meeting=held,
        you_said="Damp letters are confusing",
        we_will="Rewrite them",
        owner=officer,
        due_on=D(2026, 5, 1),
        by=officer,
    )
    assert created and list(Action.objects.from_source(held)) == [action]


def test_publishing_tells_current_members_once_and_writes_to_those_without_a_login(
    cvg, customer, other_customer, officer
):
    MembershipFactory(panel=cvg, customer=customer, starts_on=D(2025, 1, 1))
    MembershipFactory(panel=cvg, customer=other_customer, starts_on=D(2020, 1, 1), ends_on=D(2024, 12, 31))
    no_login = CustomerFactory(last_name="Paper")
    MembershipFactory(panel=cvg, customer=no_login, starts_on=D(2025, 1, 1))
    meeting = HeldMeetingFactory(panel=cvg, meets_on=D(2026, 3, 11))
    services.meeting_action_add(
        meeting=meeting, you_said="Bins", we_will="Extra collection", owner=officer, due_on=D(2026, 5, 1), by=officer
    )
    assert services.meeting_minutes_publish(meeting=meeting, by=officer, today=D(2026, 3, 20)) == 2
    assert Notification.objects.filter(user=customer.user, title__startswith="Minutes of").count() == 1
    assert not Notification.objects.filter(user=other_customer.user).exists()  # their term has ended
    letter = Letter.objects.get(customer=no_login)
    assert "Extra collection (by 1 May 2026)" in letter.body
    with pytest.raises(ValidationError, match="already published"):
        services.meeting_minutes_publish(meeting=meeting, by=officer, today=D(2026, 3, 20))
    assert Notification.objects.filter(user=customer.user, title__startswith="Minutes of").count() == 1


def test_minutes_must_be_written_before_publishing_and_are_then_final(cvg, officer):
    meeting = HeldMeetingFactory(panel=cvg, minutes="")
    with pytest.raises(ValidationError, match="Write the minutes"):
        services.meeting_minutes_publish(meeting=meeting, by=officer)
    services.meeting_minutes_save(meeting=meeting, minutes="Notes")
    services.meeting_minutes_publish(meeting=meeting, by=officer)
    with pytest.raises(ValidationError, match="no longer be changed"):
        services.meeting_minutes_save(meeting=meeting, minutes="Changed")


def minutes_chase(today):
    return sum(deadline_kind_chase(kind=MEETING_MINUTES, today=today).values())


def test_minutes_are_chased_the_working_day_before_when_overdue_and_escalated_after_five_more(cvg, officer, manager):
    # Met Thu 2 April 2026; Good Friday 3 and Easter Monday 6 April are bank holidays, so the tenth
    # working day is Monday 20 April (7–10 April: 4, 13–17: 9, 20: 10).
    meeting = HeldMeetingFactory(panel=cvg, meets_on=D(2026, 4, 2))
    assert meeting.minutes_due_on == D(2026, 4, 20)
    assert minutes_chase(D(2026, 4, 16)) == 0
    assert minutes_chase(D(2026, 4, 17)) == 1  # Friday: the working day before
    assert minutes_chase(D(2026, 4, 20)) == 0  # already reminded
    assert minutes_chase(D(2026, 4, 21)) == 1  # overdue
    assert minutes_chase(D(2026, 4, 24)) == 0  # 4 working days overdue: not yet
    assert minutes_chase(D(2026, 4, 27)) == 1  # 5 working days: the managers hear
    assert minutes_chase(D(2026, 4, 28)) == 0
    assert minutes_chase(D(2026, 5, 4)) == 0  # Early May bank holiday
    assert minutes_chase(D(2026, 5, 5)) == 1  # 28, 29, 30 Apr, 1, 5 May: 10 working days, escalated again
    steps = list(ChaseNotice.objects.filter(kind="meeting_minutes", object_id=meeting.pk).values_list("step", "period"))
    assert steps == [("reminder", 0), ("overdue", 0), ("escalation", 1), ("escalation", 2)]
    assert Notification.objects.filter(user=manager, title__startswith="Escalated").count() == 2
    assert Notification.objects.filter(user=officer).count() == 4


def test_published_minutes_are_not_chased(cvg, officer):
    meeting = HeldMeetingFactory(panel=cvg, meets_on=D(2026, 4, 2))
    services.meeting_minutes_publish(meeting=meeting, by=officer, today=D(2026, 4, 10))
    assert minutes_chase(D(2026, 4, 27)) == 0


def test_the_cvg_meeting_page_lists_scrutiny_actions_due_before_the_next_meeting_or_overdue(
    cvg, officer, officer_client
):
    project = ScrutinyProjectFactory(lead_officer=officer)
    meeting = MeetingFactory(panel=cvg, meets_on=D(2026, 3, 16))
    overdue = ActionFactory(we_will="Publish repairs standards", due_on=D(2026, 1, 10), owner=officer)
    due = ActionFactory(we_will="Train the call centre", due_on=D(2026, 5, 1), owner=officer)
    later = ActionFactory(we_will="Review in a year", due_on=D(2027, 1, 1), owner=officer)
    other = ActionFactory(we_will="Not from scrutiny", due_on=D(2026, 4, 1), owner=officer)
    for action in (overdue, due, later):
        action.source = project
        action.save()
    page = officer_client.get(meeting.get_absolute_url()).content.decode()
    assert "Publish repairs standards" in page and "Train the call centre" in page
    assert "Review in a year" not in page and other.we_will not in page


def test_staff_see_the_minutes_chase_history_on_the_meeting_page_and_members_do_not(
    cvg, officer, officer_client, customer, customer_client
):
    meeting = HeldMeetingFactory(panel=cvg, meets_on=D(2026, 4, 2))  # minutes due Monday 20 April
    MembershipFactory(panel=cvg, customer=customer)
    minutes_chase(D(2026, 4, 21))
    staff_page = officer_client.get(meeting.get_absolute_url()).content.decode()
    assert "Chase history of the minutes" in staff_page and "Overdue notice" in staff_page
    assert "within 10 working days of the meeting" in staff_page
    member_page = customer_client.get(meeting.get_absolute_url()).content.decode()
    assert "Chase history" not in member_page
