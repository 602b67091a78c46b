"""Scrutiny projects move scoping → evidence → reporting → response → monitoring → closed,
one step at a time, and only when the work of the stage is done."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from engagement.models import Notification
from engagement.services import action_complete, action_create
from panels import services
from panels.factories import EvidenceFactory, PanelFactory, RecommendationFactory, ScrutinyProjectFactory
from panels.models import PanelKind, ScrutinyStatus

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def project(officer):
    return ScrutinyProjectFactory(lead_officer=officer, scope="")


JUNE_1 = D(2026, 6, 1)


def _advance(project, officer, today=JUNE_1):
    return services.scrutiny_advance(project=project, by=officer, today=today)


def test_a_project_needs_a_scope_before_gathering_evidence(project, officer):
    with pytest.raises(ValidationError, match="scope"):
        _advance(project, officer)
    project.scope = "Repairs appointments"
    project.save()
    assert _advance(project, officer).status == ScrutinyStatus.EVIDENCE


def test_evidence_is_needed_before_reporting(officer):
    project = ScrutinyProjectFactory(lead_officer=officer, status=ScrutinyStatus.EVIDENCE)
    with pytest.raises(ValidationError, match="evidence"):
        _advance(project, officer)
    services.evidence_add(project=project, kind="mystery_shopping", title="Calls", notes="6 of 10", by=officer)
    assert _advance(project, officer).status == ScrutinyStatus.REPORTING


def test_management_response_needs_a_report_and_at_least_one_recommendation(officer, manager):
    project = ScrutinyProjectFactory(lead_officer=officer, status=ScrutinyStatus.REPORTING)
    with pytest.raises(ValidationError) as problem:
        _advance(project, officer)
    assert problem.value.messages == [
        "Write the final report or upload it as a PDF.",
        "Add at least one recommendation.",
    ]
    services.scrutiny_report_save(project=project, report_text="Our findings…")
    with pytest.raises(ValidationError, match="recommendation"):
        _advance(project, officer)
    services.recommendation_add(project=project, text="Text the day before")
    moved = _advance(project, officer, today=D(2026, 6, 3))
    assert moved.status == ScrutinyStatus.RESPONSE and moved.report_delivered_on == D(2026, 6, 3)
    assert Notification.objects.filter(user=manager, title__startswith="Scrutiny report delivered").exists()


def test_monitoring_needs_a_response_to_every_recommendation_and_a_plan_for_accepted_ones(officer):
    project = ScrutinyProjectFactory(lead_officer=officer, status=ScrutinyStatus.REPORTING, report_text="Report")
    first, _ = services.recommendation_add(project=project, text="One")
    second, _ = services.recommendation_add(project=project, text="Two")
    assert (first.number, second.number) == (1, 2)
    _advance(project, officer)
    services.recommendation_respond(recommendation=first, decision="accepted", response="Yes", by=officer)
    with pytest.raises(ValidationError, match="every recommendation"):
        _advance(project, officer)
    services.recommendation_respond(recommendation=second, decision="rejected", response="Cost", by=officer)
    with pytest.raises(ValidationError, match="action plan"):
        _advance(project, officer)
    with pytest.raises(ValidationError, match="rejected"):
        services.scrutiny_action_add(
            project=project, recommendation=second, we_will="x", owner=officer, due_on=D(2026, 9, 1), by=officer
        )
    services.scrutiny_action_add(
        project=project, recommendation=first, we_will="Send texts", owner=officer, due_on=D(2026, 9, 1), by=officer
    )
    assert _advance(project, officer).status == ScrutinyStatus.MONITORING


def test_a_response_needs_reasons(officer):
    project = ScrutinyProjectFactory(lead_officer=officer, status=ScrutinyStatus.RESPONSE)
    recommendation = RecommendationFactory(project=project)
    with pytest.raises(ValidationError, match="Explain"):
        services.recommendation_respond(recommendation=recommendation, decision="partly", response=" ", by=officer)


def test_a_project_cannot_close_with_open_actions(officer):
    project = ScrutinyProjectFactory(lead_officer=officer, status=ScrutinyStatus.MONITORING)
    action = action_create(
        you_said="s", we_will="w", owner=officer, due_on=D(2026, 9, 1), source=project, created_by=officer
    )
    with pytest.raises(ValidationError, match="done or cancelled"):
        _advance(project, officer)
    action_complete(action=action, we_did="Done", done_on=D(2026, 8, 1))
    closed = _advance(project, officer, today=D(2026, 8, 2))
    assert closed.status == ScrutinyStatus.CLOSED and closed.closed_on == D(2026, 8, 2)
    with pytest.raises(ValidationError, match="closed"):
        _advance(closed, officer)


def test_moving_to_monitoring_tells_the_cvg_officer(officer, other_officer):
    PanelFactory(name="Customer Voice Group", kind=PanelKind.CUSTOMER_VOICE_GROUP, officer=other_officer)
    project = ScrutinyProjectFactory(lead_officer=officer, status=ScrutinyStatus.RESPONSE)
    _advance(project, officer)
    assert Notification.objects.filter(user=other_officer, title__contains="for the CVG to monitor").exists()


def test_work_belongs_to_its_stage(officer):
    project = ScrutinyProjectFactory(lead_officer=officer, status=ScrutinyStatus.MONITORING)
    with pytest.raises(ValidationError, match="Evidence can be added during scoping"):
        services.evidence_add(project=project, kind="note", title="Late", notes="x", by=officer)
    with pytest.raises(ValidationError, match="reporting only"):
        services.scrutiny_report_save(project=project, report_text="x")
    EvidenceFactory(project=project)  # the factory itself is not bound by the rules


def test_a_stale_page_cannot_move_a_project_twice(officer):
    project = ScrutinyProjectFactory(lead_officer=officer)
    stale = type(project).objects.get(pk=project.pk)
    _advance(project, officer)
    with pytest.raises(ValidationError, match="Someone else"):
        _advance(stale, officer)
