"""Expressions of interest: the 2-working-day answer, accepting and declining, and the daily chase."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from engagement.deadlines.chase import deadline_kind_chase
from engagement.factories import CustomerFactory
from engagement.models import ChaseNotice, Notification
from engagement.registry import COMPUTED_MEASURES
from engagement.tasks import chase_deadlines
from panels import services
from panels.deadlines import EOI_ANSWER, EOI_ANSWER_WORKING_DAYS, MINUTES_DUE_WORKING_DAYS
from panels.factories import ExpressionOfInterestFactory, PanelFactory
from panels.models import EoiStatus, InductionItem, Letter, Membership, MembershipRole, PanelKind

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def cvg(officer):
    return PanelFactory(name="Customer Voice Group", officer=officer, term_years=3)


def test_an_answer_is_due_two_working_days_after_the_request_skipping_easter(cvg, customer):
    # Thursday 2 April 2026; Good Friday and Easter Monday are bank holidays.
    eoi, created = services.eoi_submit(panel=cvg, customer=customer, availability=["weekends"], today=D(2026, 4, 2))
    assert created and eoi.answer_due_on == D(2026, 4, 8)
    friday, _ = services.eoi_submit(
        panel=PanelFactory(), customer=customer, availability=["weekends"], today=D(2026, 3, 6)
    )
    assert friday.answer_due_on == D(2026, 3, 10)


def test_the_supporting_officer_is_told_about_a_new_request_and_when_to_answer_it(cvg, customer, officer):
    services.eoi_submit(panel=cvg, customer=customer, availability=[], today=D(2026, 3, 6))
    told = Notification.objects.get(user=officer, title__contains="would like to join")
    assert told.body == f"Please answer by Tuesday 10 March ({EOI_ANSWER_WORKING_DAYS} working days)."


def test_the_join_page_and_the_charter_measures_take_their_working_days_from_panels_deadlines(customer_client):
    page = customer_client.get("/panels/join/").content.decode()
    assert f"We will answer within {EOI_ANSWER_WORKING_DAYS} working days." in page
    labels = {key: measure.label for key, measure in COMPUTED_MEASURES.items()}
    assert labels["panels.eoi_answered_in_2wd_pct"].endswith(f"within {EOI_ANSWER_WORKING_DAYS} working days")
    assert labels["panels.minutes_on_time_pct"].endswith(f"within {MINUTES_DUE_WORKING_DAYS} working days")


def test_asking_twice_while_waiting_is_one_request(cvg, customer):
    first, _ = services.eoi_submit(panel=cvg, customer=customer, availability=["weekends"])
    second, created = services.eoi_submit(panel=cvg, customer=customer, availability=["weekday_evenings"])
    assert not created and second.pk == first.pk


def test_a_current_member_or_a_closed_panel_cannot_be_asked_to_join(cvg, customer):
    services.membership_create(panel=cvg, customer=customer)
    with pytest.raises(ValidationError, match="already a member"):
        services.eoi_submit(panel=cvg, customer=customer, availability=[])
    closed = PanelFactory(recruiting=False)
    with pytest.raises(ValidationError, match="not recruiting"):
        services.eoi_submit(panel=closed, customer=customer, availability=[])


def test_accepting_makes_a_member_for_the_panels_term_with_an_induction_checklist(cvg, customer, officer):
    eoi = ExpressionOfInterestFactory(panel=cvg, customer=customer)
    services.eoi_answer(eoi=eoi, accept=True, by=officer, today=D(2026, 5, 1))
    eoi.refresh_from_db()
    membership = eoi.membership
    assert eoi.status == EoiStatus.ACCEPTED and eoi.answered_on == D(2026, 5, 1)
    assert (membership.starts_on, membership.ends_on, membership.role) == (D(2026, 5, 1), D(2029, 4, 30), "member")
    assert InductionItem.objects.filter(membership=membership).count() == 6
    assert Notification.objects.filter(user=customer.user, title="Welcome to Customer Voice Group").exists()


def test_an_estate_champion_is_accepted_for_the_estates_they_will_look_after(customer, officer):
    champions = PanelFactory(name="Estate Champions", kind=PanelKind.ESTATE_CHAMPIONS)
    eoi = ExpressionOfInterestFactory(panel=champions, customer=customer)
    services.eoi_answer(eoi=eoi, accept=True, by=officer, role=MembershipRole.CHAMPION, estates=[customer.estate])
    assert list(Membership.objects.get(customer=customer).estates.all()) == [customer.estate]


def test_declining_needs_a_reason_and_a_customer_without_a_login_gets_a_letter(cvg, officer):
    phoned = CustomerFactory(first_name="Stan", last_name="Phone")
    eoi = ExpressionOfInterestFactory(panel=cvg, customer=phoned)
    with pytest.raises(ValidationError):
        services.eoi_answer(eoi=eoi, accept=False, by=officer, note="  ")
    services.eoi_answer(eoi=eoi, accept=False, by=officer, note="The group is full until March.")
    letter = Letter.objects.get(customer=phoned)
    assert "full until March" in letter.body and letter.printed_on is None


def test_a_request_is_answered_only_once(cvg, customer, officer):
    eoi = ExpressionOfInterestFactory(panel=cvg, customer=customer)
    services.eoi_answer(eoi=eoi, accept=True, by=officer)
    with pytest.raises(ValidationError, match="already been answered"):
        services.eoi_answer(eoi=eoi, accept=True, by=officer)
    assert Membership.objects.filter(customer=customer).count() == 1


def eoi_chase(today):
    return sum(deadline_kind_chase(kind=EOI_ANSWER, today=today).values())


def test_the_chase_reminds_on_the_due_day_then_escalates_once_overdue_and_never_twice(cvg, customer, officer, manager):
    # Sent Friday 6 March 2026: answer due Tuesday 10 March (Mon 9 is 1, Tue 10 is 2 working days).
    eoi = ExpressionOfInterestFactory(panel=cvg, customer=customer, submitted_on=D(2026, 3, 6))
    assert eoi.answer_due_on == D(2026, 3, 10)
    assert eoi_chase(D(2026, 3, 9)) == 0
    assert eoi_chase(D(2026, 3, 10)) == 1
    assert eoi_chase(D(2026, 3, 10)) == 0  # a re-run sends nothing
    assert eoi_chase(D(2026, 3, 11)) == 1  # 1 working day late: the managers hear at once
    assert eoi_chase(D(2026, 3, 12)) == 0
    assert eoi_chase(D(2026, 3, 18)) == 1  # 6 working days late: escalated again, 5 after the first
    notices = ChaseNotice.objects.filter(kind="eoi_answer", object_id=eoi.pk).order_by("sent_on")
    assert list(notices.values_list("step", "period")) == [("reminder", 0), ("escalation", 1), ("escalation", 2)]
    assert Notification.objects.filter(user=officer, title__contains="due today").count() == 1
    assert Notification.objects.filter(user=manager, title__startswith="Escalated").count() == 2
    assert Notification.objects.filter(user=officer, title__startswith="Escalated").count() == 2


def test_an_answered_request_is_not_chased(cvg, customer, officer):
    eoi = ExpressionOfInterestFactory(panel=cvg, customer=customer, submitted_on=D(2026, 3, 6))
    services.eoi_answer(eoi=eoi, accept=True, by=officer, today=D(2026, 3, 9))
    assert eoi_chase(D(2026, 3, 11)) == 0


def test_the_daily_job_chases_and_emails_through_the_task(cvg, customer, officer, django_capture_on_commit_callbacks):
    ExpressionOfInterestFactory(panel=cvg, customer=customer, submitted_on=D(2026, 11, 2))  # due Wed 4 Nov
    with django_capture_on_commit_callbacks(execute=True):
        assert chase_deadlines.delay("2026-11-05").get() == {"eoi_answer.escalation": 1}
    assert any("Escalated" in message.subject for message in mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        assert chase_deadlines.delay("2026-11-05").get() == {}
