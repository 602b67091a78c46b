"""Every Community Call for Action is answered: a deadline until decided, a decision always with the
panel's reasons, and the customer always told.

Rules (seed 002, "Quality and Insight Panel": the QIP's Community Call for Action form; the
portal's rule community.deadlines.CALL_RULE): the panel decides within 20 working days; a decision
carries reasons; the customer is told in the portal when they have a login, else by e-mail (sent
once, through the outbox), else the officer rings them and says so.

Hand-worked date: a call received on Tuesday 24 November 2026 counts working days from the 25th:
25, 26, 27, 30 November (4), 1–4 December (8), 7–11 (13), 14–18 (18), 21 and 22 (20), so it is due
Tuesday 22 December 2026 (no bank holiday falls in between).
"""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from community import services
from community.deadlines import call_decision_due_on
from community.factories import CallForActionFactory
from community.models import CallForAction, CallStatus
from engagement.factories import CustomerFactory
from engagement.models import Notification
from engagement.registry import DEADLINE_KINDS
from panels.factories import PanelFactory
from panels.models import PanelKind

pytestmark = pytest.mark.django_db
D = datetime.date


def test_a_call_is_due_twenty_working_days_after_it_arrives():
    assert call_decision_due_on(D(2026, 11, 24)) == D(2026, 12, 22)


def test_the_qip_answers_calls_where_the_landlord_has_one_else_the_scrutiny_group():
    scrutiny = PanelFactory(name="Customer Scrutiny Group", kind=PanelKind.SCRUTINY_GROUP)
    assert services.call_panel() == scrutiny
    qip = PanelFactory(name="Quality and Insight Panel", kind=PanelKind.QUALITY_INSIGHT)
    assert services.call_panel() == qip


def test_a_waiting_call_is_on_the_overdue_board_and_a_decided_one_is_not(officer):
    call = CallForActionFactory(panel__officer=officer, decision_due_on=D(2026, 11, 2))
    kind = DEADLINE_KINDS["call_for_action"]
    assert [d.object_id for d in kind.open_deadlines(due_by=D(2026, 11, 30))] == [call.pk]
    services.call_decide(call=call, accept=False, reason="Already being reviewed.", by=officer)
    assert list(kind.open_deadlines(due_by=D(2026, 11, 30))) == []


def test_a_decision_without_reasons_is_refused_and_changes_nothing(officer):
    call = CallForActionFactory()
    with pytest.raises(ValidationError):
        services.call_decide(call=call, accept=True, reason="   ", by=officer)
    call.refresh_from_db()
    assert call.status == CallStatus.AWAITING and call.told_at is None


def test_the_database_refuses_a_decision_without_reasons():
    call = CallForActionFactory()
    with pytest.raises(IntegrityError):
        CallForAction.objects.filter(pk=call.pk).update(status=CallStatus.DECLINED, decided_on=D(2026, 11, 2))


def test_a_customer_with_a_login_is_told_in_the_portal(officer, customer):
    call = CallForActionFactory(customer=customer, email="")
    services.call_decide(call=call, accept=True, reason="The panel will review repairs.", by=officer)
    call.refresh_from_db()
    assert call.told_how == "portal" and call.told_at is not None
    note = Notification.objects.get(user=customer.user)
    assert "will look into" in note.title and "The panel will review repairs." in note.body


def test_a_caller_without_a_login_is_emailed_once_through_the_outbox(officer, django_capture_on_commit_callbacks):
    call = CallForActionFactory(email="kim@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.call_decide(
            call=call, accept=False, reason="It is a single complaint: use the complaints process.", by=officer
        )
    call.refresh_from_db()
    assert call.told_how == "email" and call.told_at is not None
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["kim@example.org"]
    assert "use the complaints process" in mail.outbox[0].body
    assert services.call_decision_email_send(call_id=call.pk) is False  # a retry sends nothing
    assert len(mail.outbox) == 1


def test_a_caller_who_left_only_a_phone_number_is_rung_before_the_decision_is_saved(officer):
    call = CallForActionFactory(email="", phone="0161 000 0000")
    with pytest.raises(ValidationError, match="ring them"):
        services.call_decide(call=call, accept=True, reason="Agreed.", by=officer)
    services.call_decide(call=call, accept=True, reason="Agreed.", by=officer, told_by_phone=True)
    call.refresh_from_db()
    assert (call.status, call.told_how) == (CallStatus.ACCEPTED, "phone") and call.told_at


def test_a_call_is_decided_once(officer):
    call = CallForActionFactory()
    services.call_decide(call=call, accept=True, reason="Agreed.", by=officer)
    stale = CallForAction.objects.get(pk=call.pk)
    stale.status = CallStatus.AWAITING
    with pytest.raises(ValidationError, match="already been recorded"):
        services.call_decide(call=stale, accept=False, reason="No.", by=officer)


def test_every_decided_call_has_reasons_and_its_customer_was_told(
    officer, customer, django_capture_on_commit_callbacks
):
    """Whatever the route, once all are decided none is without reasons or untold."""
    calls = [
        CallForActionFactory(customer=customer, email=""),
        CallForActionFactory(email="a@example.org"),
        CallForActionFactory(email="", phone="0161 111 1111"),
        CallForActionFactory(customer=CustomerFactory(), email="b@example.org"),  # a customer with no login
    ]
    with django_capture_on_commit_callbacks(execute=True):
        for n, call in enumerate(calls):
            services.call_decide(call=call, accept=n % 2 == 0, reason=f"Reason {n}.", by=officer, told_by_phone=True)
    decided = CallForAction.objects.decided()
    assert decided.count() == 4
    assert not decided.filter(decision_reason="").exists()
    assert not decided.filter(told_at__isnull=True).exists()


def test_an_accepted_call_starts_one_scrutiny_review(officer):
    call = CallForActionFactory()
    with pytest.raises(ValidationError):
        services.call_start_scrutiny(call=call, lead_officer=officer)
    services.call_decide(call=call, accept=True, reason="Agreed.", by=officer)
    project = services.call_start_scrutiny(call=call, lead_officer=officer)
    assert services.call_start_scrutiny(call=call, lead_officer=officer) == project
    assert project.panel == call.panel and call.details in project.scope


def test_a_call_without_any_way_to_answer_it_is_refused():
    panel = PanelFactory(kind=PanelKind.QUALITY_INSIGHT)
    with pytest.raises(ValidationError):
        services.call_submit(panel=panel, issue="Noise", details="Loud", name="Anon")
