"""Redis down never breaks a request: every view that queues background work answers as usual
with the data saved, and once the broker is back the sweep does the work exactly once.

Issue #15 item 1: "`transaction.on_commit(task.delay)` raises after the commit (complaint,
champion survey, board-report request: data saved, user sees 500); the e-mails and the report are
never done once Redis is back". The broker here is a Redis port that refuses every connection, so
Kombu raises its real OperationalError; the sweep then runs with tasks eager (a working broker).
"""

import datetime
import uuid

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from charter.models import BoardReport, ReportStatus
from engagement.dates import date_parts_data
from engagement.factories import CustomerFactory, EstateFactory
from engagement.models import PendingTask
from engagement.outbox import pending_tasks_sweep
from engagement.quarters import Quarter
from feedback.models import Complaint
from panels import services as panels_services
from panels.factories import EstateChampionFactory, EstateWalkFactory
from panels.models import WalkAttendee
from surveys.factories import QuestionFactory, SurveyFactory
from surveys.models import ChampionSurvey, Invitation
from tests.support import broker_refusing_connections

pytestmark = pytest.mark.django_db


@pytest.fixture
def broker_down(django_capture_on_commit_callbacks):
    """Posts made within run their on-commit callbacks (the enqueue) while the broker is down."""

    def post(client, url, data=None):
        with broker_refusing_connections(), django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data or {})

    return post


@pytest.fixture
def sweep_finishes_once(django_capture_on_commit_callbacks):
    """Run the sweep with the broker back (tasks eager): the e-mails go, once, and nothing is left."""

    def check(expected_mail: int) -> None:
        assert mail.outbox == [] and PendingTask.objects.exists()
        later = timezone.now() + datetime.timedelta(minutes=11)
        # Work the swept tasks queue in turn (the report's "ready" email) runs on commit, eagerly.
        with django_capture_on_commit_callbacks(execute=True):
            assert pending_tasks_sweep(now=later)["failed"] == 0
        assert len(mail.outbox) == expected_mail
        assert pending_tasks_sweep(now=later) == {"ran": 0, "failed": 0}
        assert len(mail.outbox) == expected_mail and not PendingTask.objects.exists()

    return check


def test_a_complaint_recorded_while_redis_is_down_is_saved_and_its_handler_emailed_once_later(
    officer_client, other_officer, broker_down, sweep_finishes_once
):
    url = reverse("feedback:complaint_create")
    page = officer_client.get(url)
    response = broker_down(
        officer_client,
        url,
        {
            "form_token": page.context["form"]["form_token"].value(),
            "customer": CustomerFactory().pk,
            **date_parts_data("received_on", timezone.localdate().isoformat()),
            "channel": "phone",
            "category": "repairs",
            "description": "The lift has been broken for three weeks.",
            "stage1_handler": other_officer.pk,
        },
    )
    complaint = Complaint.objects.get()
    assert response.status_code == 302 and response["Location"] == complaint.get_absolute_url()
    sweep_finishes_once(1)
    assert mail.outbox[0].to == [other_officer.email] and complaint.reference in mail.outbox[0].subject


def test_a_champion_survey_sent_while_redis_is_down_is_saved_and_the_officer_emailed_once_later(
    customer_client, customer, broker_down, sweep_finishes_once
):
    EstateChampionFactory(customer=customer, estates=[customer.estate])
    response = broker_down(
        customer_client,
        reverse("surveys:champion_new", args=[customer.estate_id]),
        {
            "form_token": str(uuid.uuid4()),
            **date_parts_data("visited_on", timezone.localdate().isoformat()),
            "grounds_rating": "poor",
            "grounds_comment": "Grass by the garages not cut.",
            "cleaning_rating": "good",
            "repairs_rating": "okay",
            "asb_rating": "good",
        },
    )
    survey = ChampionSurvey.objects.get()
    assert response.status_code == 302 and response["Location"] == survey.get_absolute_url()
    sweep_finishes_once(1)
    assert mail.outbox[0].to == [customer.estate.officer.email]


def test_a_board_report_asked_for_while_redis_is_down_is_built_once_when_the_sweep_runs(
    manager_client, manager, broker_down, sweep_finishes_once
):
    response = broker_down(
        manager_client,
        reverse("charter:report_request"),
        {"kind": "quarter", "quarter": Quarter(2026, 2).code, "token": uuid.uuid4()},
    )
    report = BoardReport.objects.get()
    assert response.status_code == 302 and response["Location"] == report.get_absolute_url()
    assert report.status == ReportStatus.PENDING
    sweep_finishes_once(1)  # the "your report is ready" email
    report.refresh_from_db()
    assert report.status == ReportStatus.READY and report.version == 1
    assert BoardReport.objects.count() == 1


def test_survey_invitations_sent_while_redis_is_down_are_emailed_once_each_later(
    officer_client, broker_down, sweep_finishes_once
):
    survey = SurveyFactory()
    QuestionFactory(survey=survey)
    estate = EstateFactory()
    survey.estates.set([estate])
    for address in ("a@example.org", "b@example.org"):
        CustomerFactory(estate=estate, consent_to_contact=True, email=address)
    response = broker_down(officer_client, reverse("surveys:invitations_send", args=[survey.pk]))
    assert response.status_code == 302
    assert Invitation.objects.filter(survey=survey, sent_at__isnull=True).count() == 2
    sweep_finishes_once(2)
    assert sorted(message.to[0] for message in mail.outbox) == ["a@example.org", "b@example.org"]
    assert not Invitation.objects.filter(sent_at__isnull=True).exists()


def test_walk_actions_sent_while_redis_is_down_reach_the_partner_once_later(
    officer_client, officer, broker_down, sweep_finishes_once
):
    walk = EstateWalkFactory(lead_officer=officer, walks_on=timezone.localdate())
    panels_services.walk_issue_add(
        walk=walk,
        description="Fly-tipping",
        location="Garages",
        we_will="Clear it",
        owner=officer,
        due_on=timezone.localdate() + datetime.timedelta(days=14),
        by=officer,
    )
    partner = panels_services.walk_attendee_add(
        walk=walk, kind="partner", name="PC Jones", organisation="Police", email="pc@police.example"
    )
    response = broker_down(officer_client, reverse("panels:walk_send", args=[walk.pk]))
    assert response.status_code == 302 and response["Location"] == walk.get_absolute_url()
    assert WalkAttendee.objects.get(pk=partner.pk).actions_sent_on is not None
    sweep_finishes_once(1)
    assert mail.outbox[0].to == ["pc@police.example"]
