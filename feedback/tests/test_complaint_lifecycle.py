"""A complaint moves through the Code's stages by the services, which store the deadlines and refuse
what the Code (or our procedure) does not allow. Dates are worked by hand in November 2026:
Mon 2 Nov received -> acknowledgement due Mon 9 Nov; acknowledged Wed 4 Nov -> response due Wed 18 Nov
(Thu 5, Fri 6, Mon 9 .. Fri 13, Mon 16, Tue 17, Wed 18 = 10 working days)."""

import datetime
import uuid

import pytest
from django.db import IntegrityError, transaction

from engagement.factories import CustomerFactory, ManagerFactory
from engagement.models import Action, Notification
from feedback import services
from feedback.factories import ComplaintFactory
from feedback.models import Complaint, ComplaintStatus, LessonsLearned, Outcome
from feedback.services import ComplaintRuleError

pytestmark = pytest.mark.django_db
D = datetime.date


def _record(officer, **overrides):
    fields = {
        "created_by": officer,
        "customer": CustomerFactory(),
        "received_on": D(2026, 11, 2),
        "channel": "phone",
        "category": "repairs",
        "description": "Damp in the bedroom reported three times.",
        "stage1_handler": officer,
    }
    fields.update(overrides)
    return services.complaint_record(**fields)


def test_recording_a_complaint_stores_its_code_deadlines(officer):
    complaint = _record(officer)
    assert complaint.status == ComplaintStatus.RECEIVED
    assert complaint.stage1_ack_due_on == D(2026, 11, 9)
    # Provisional until acknowledged: 10 working days after the acknowledgement deadline (Mon 9 -> Mon 23).
    assert complaint.stage1_response_due_on == D(2026, 11, 23)
    assert complaint.estate == complaint.customer.estate


def test_an_anonymous_complaint_needs_no_customer(officer):
    complaint = _record(officer, customer=None)
    assert complaint.complainant == "Anonymous"


def test_the_same_form_token_records_one_complaint(officer):
    token = uuid.uuid4()
    first = _record(officer, form_token=token)
    second = _record(officer, form_token=token)
    assert first.pk == second.pk
    assert Complaint.objects.count() == 1


def test_the_handler_is_told_when_someone_else_records_a_complaint_for_them(officer, other_officer):
    _record(officer, stage1_handler=other_officer)
    assert Notification.objects.filter(user=other_officer, title__startswith="New complaint").count() == 1
    _record(officer)
    assert not Notification.objects.filter(user=officer).exists()


def test_a_complaint_cannot_be_received_in_the_future(officer):
    with pytest.raises(ComplaintRuleError):
        _record(officer, received_on=datetime.date.today() + datetime.timedelta(days=2))


def test_acknowledging_sets_the_response_deadline_from_the_acknowledgement(officer):
    complaint = services.complaint_acknowledge(complaint=_record(officer), acknowledged_on=D(2026, 11, 4), by=officer)
    assert complaint.status == ComplaintStatus.ACKNOWLEDGED
    assert complaint.stage1_response_due_on == D(2026, 11, 18)
    assert complaint.acknowledged_on_time(1) is True


def test_a_late_acknowledgement_is_shown_as_late_and_moves_the_response_date(officer):
    # Acknowledged Tue 10 Nov, a day after it was due: the response is due 10 working days later, Tue 24 Nov.
    complaint = services.complaint_acknowledge(complaint=_record(officer), acknowledged_on=D(2026, 11, 10), by=officer)
    assert complaint.acknowledged_on_time(1) is False
    assert complaint.stage1_response_due_on == D(2026, 11, 24)


def test_a_complaint_cannot_be_acknowledged_twice_or_before_it_was_received(officer):
    complaint = _record(officer)
    with pytest.raises(ComplaintRuleError):
        services.complaint_acknowledge(complaint=complaint, acknowledged_on=D(2026, 11, 1), by=officer)
    services.complaint_acknowledge(complaint=complaint, acknowledged_on=D(2026, 11, 4), by=officer)
    with pytest.raises(ComplaintRuleError, match="already been acknowledged"):
        services.complaint_acknowledge(complaint=complaint, acknowledged_on=D(2026, 11, 5), by=officer)


def _acknowledged(officer):
    return services.complaint_acknowledge(complaint=_record(officer), acknowledged_on=D(2026, 11, 4), by=officer)


def test_an_extension_within_ten_working_days_moves_the_deadline_and_counts_as_on_time(officer):
    complaint = _acknowledged(officer)
    # Wed 18 Nov + 10 working days = Wed 2 Dec.
    complaint = services.complaint_extend(
        complaint=complaint,
        new_due_on=D(2026, 12, 2),
        reason="Waiting for the surveyor.",
        agreed_on=D(2026, 11, 16),
        by=officer,
    )
    assert complaint.effective_due_on(1) == D(2026, 12, 2)
    assert complaint.stage1_response_due_on == D(2026, 11, 18)  # the original stays, shown as extended
    complaint = services.complaint_respond(
        complaint=complaint, outcome=Outcome.NOT_UPHELD, responded_on=D(2026, 11, 20), by=officer
    )
    assert complaint.responded_on_time(1) is True


def test_an_extension_beyond_the_code_or_without_a_reason_is_refused_and_a_second_within_it_allowed(officer):
    complaint = _acknowledged(officer)
    with pytest.raises(ComplaintRuleError) as error:
        services.complaint_extend(
            complaint=complaint, new_due_on=D(2026, 12, 3), reason="Complex", agreed_on=D(2026, 11, 16), by=officer
        )
    assert "latest date is 2 December 2026" in str(error.value)
    with pytest.raises(ComplaintRuleError):
        services.complaint_extend(
            complaint=complaint, new_due_on=D(2026, 12, 2), reason=" ", agreed_on=D(2026, 11, 16), by=officer
        )
    services.complaint_extend(
        complaint=complaint, new_due_on=D(2026, 11, 25), reason="Complex", agreed_on=D(2026, 11, 16), by=officer
    )
    # The Code does not limit the number of extensions: a second one within the 10 working days is allowed
    # (more in test_several_extensions).
    complaint = services.complaint_extend(
        complaint=complaint, new_due_on=D(2026, 12, 2), reason="More", agreed_on=D(2026, 11, 17), by=officer
    )
    assert complaint.effective_due_on(1) == D(2026, 12, 2)


def test_on_time_is_derived_from_the_dates(officer):
    late = services.complaint_respond(
        complaint=_acknowledged(officer), outcome=Outcome.NOT_UPHELD, responded_on=D(2026, 11, 19), by=officer
    )
    assert late.responded_on_time(1) is False
    # Mon 2 Nov to Thu 19 Nov: 13 working days.
    assert late.stage1_working_days == 13
    on_the_day = services.complaint_respond(
        complaint=_acknowledged(officer), outcome=Outcome.NOT_UPHELD, responded_on=D(2026, 11, 18), by=officer
    )
    assert on_the_day.responded_on_time(1) is True


def test_an_upheld_response_needs_a_remedy(officer):
    with pytest.raises(ComplaintRuleError):
        services.complaint_respond(
            complaint=_acknowledged(officer), outcome=Outcome.UPHELD, responded_on=D(2026, 11, 12), by=officer
        )


def _responded(officer, outcome=Outcome.UPHELD):
    return services.complaint_respond(
        complaint=_acknowledged(officer),
        outcome=outcome,
        remedy="Damp treated; £100 for the inconvenience." if outcome != Outcome.NOT_UPHELD else "",
        responded_on=D(2026, 11, 12),
        by=officer,
    )


def test_an_upheld_complaint_cannot_close_until_its_lessons_learned_are_recorded(officer):
    complaint = _responded(officer)
    with pytest.raises(ComplaintRuleError, match="lessons learned"):
        services.complaint_close(complaint=complaint, by=officer)
    services.lessons_learned_save(
        complaint=complaint,
        by=officer,
        what_went_wrong="Damp reports were closed without an inspection.",
        root_cause="The repairs triage script did not ask about mould.",
        what_we_changed="Every damp report now gets a surveyor visit within 10 days.",
        owner=officer,
        learned_on=D(2026, 11, 13),
    )
    complaint = services.complaint_close(complaint=complaint, by=officer, closed_on=D(2026, 11, 16))
    assert complaint.status == ComplaintStatus.CLOSED


def test_a_not_upheld_complaint_can_close_without_lessons_learned(officer):
    complaint = services.complaint_close(complaint=_responded(officer, Outcome.NOT_UPHELD), by=officer)
    assert complaint.status == ComplaintStatus.CLOSED


def test_lessons_learned_can_be_published_as_you_said_we_did_once(officer, other_officer):
    complaint = _responded(officer)
    for _ in range(2):
        lessons = services.lessons_learned_save(
            complaint=complaint,
            by=officer,
            what_went_wrong="Damp reports were closed without an inspection.",
            root_cause="Triage script.",
            what_we_changed="A surveyor visits every damp report within 10 days.",
            owner=other_officer,
            learned_on=D(2026, 11, 13),
            create_action=True,
            publish=True,
            action_due_on=D(2026, 12, 31),
        )
    actions = Action.objects.from_source(lessons)
    assert actions.count() == 1
    action = actions.get()
    assert action.publish and action.owner == other_officer and action.estate == complaint.estate
    assert action.we_will == "A surveyor visits every damp report within 10 days."
    assert LessonsLearned.objects.count() == 1


def test_escalation_needs_a_different_handler_and_sets_stage_2_deadlines(officer, other_officer):
    complaint = _responded(officer)
    with pytest.raises(ComplaintRuleError, match="someone other than"):
        services.complaint_escalate(
            complaint=complaint, requested_on=D(2026, 11, 16), reason="Still damp.", handler=officer, by=officer
        )
    complaint = services.complaint_escalate(
        complaint=complaint, requested_on=D(2026, 11, 16), reason="Still damp.", handler=other_officer, by=officer
    )
    assert (complaint.stage, complaint.status) == (2, ComplaintStatus.RECEIVED)
    # Mon 16 Nov + 5 working days = Mon 23 Nov; provisional response 20 working days later = Mon 21 Dec.
    assert complaint.stage2_ack_due_on == D(2026, 11, 23)
    assert complaint.stage2_response_due_on == D(2026, 12, 21)
    assert Notification.objects.filter(user=other_officer, title__startswith="Stage 2").exists()
    complaint = services.complaint_acknowledge(complaint=complaint, acknowledged_on=D(2026, 11, 17), by=other_officer)
    # Tue 17 Nov + 20 working days: 18-20 (3), 23-27 (8), 30 Nov-4 Dec (13), 7-11 (18), Mon 14, Tue 15 Dec (20).
    assert complaint.stage2_response_due_on == D(2026, 12, 15)


def test_the_database_refuses_the_same_handler_at_both_stages(officer, other_officer):
    complaint = ComplaintFactory(stage1_handler=officer, upheld=True)
    stage_2 = {"stage": 2, "stage2_requested_on": D(2026, 11, 16)}
    with pytest.raises(IntegrityError, match="complaint_stage2_handler_differs"), transaction.atomic():
        Complaint.objects.filter(pk=complaint.pk).update(stage2_handler=officer, **stage_2)
    assert Complaint.objects.filter(pk=complaint.pk).update(stage2_handler=other_officer, **stage_2) == 1


def test_a_complaint_cannot_be_escalated_before_its_stage_1_response(officer, other_officer):
    with pytest.raises(ComplaintRuleError):
        services.complaint_escalate(
            complaint=_acknowledged(officer),
            requested_on=D(2026, 11, 16),
            reason="x",
            handler=other_officer,
            by=officer,
        )


def test_a_closed_complaint_can_still_be_escalated_and_reopens_at_stage_2(officer):
    complaint = services.complaint_close(complaint=_responded(officer, Outcome.NOT_UPHELD), by=officer)
    manager = ManagerFactory()
    complaint = services.complaint_escalate(
        complaint=complaint, requested_on=D(2026, 11, 18), reason="Unhappy", handler=manager, by=officer
    )
    assert complaint.status == ComplaintStatus.RECEIVED and complaint.closed_on is None


def test_the_received_date_cannot_change_after_acknowledgement(officer):
    complaint = _acknowledged(officer)
    with pytest.raises(ComplaintRuleError):
        services.complaint_update_details(complaint=complaint, by=officer, received_on=D(2026, 10, 30))
    fresh = _record(officer)
    fresh = services.complaint_update_details(complaint=fresh, by=officer, received_on=D(2026, 10, 30))
    # Fri 30 Oct + 5 working days = Fri 6 Nov.
    assert fresh.stage1_ack_due_on == D(2026, 11, 6)


def test_the_audit_trail_records_who_changed_what(officer):
    from auditlog.context import set_actor
    from auditlog.models import LogEntry

    with set_actor(officer):
        complaint = _acknowledged(officer)
    entries = LogEntry.objects.get_for_object(complaint).order_by("timestamp")
    assert [e.action for e in entries] == [LogEntry.Action.CREATE, LogEntry.Action.UPDATE]
    assert entries.last().actor == officer
    assert "status" in entries.last().changes_dict
