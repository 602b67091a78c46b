"""Scrutiny projects: the stages, evidence, recommendations, the management response and actions."""

from __future__ import annotations

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from engagement.models import Action, User
from engagement.services import action_create, create_once, notify
from engagement.uploads import DOCUMENTS, PDFS, check_upload

from ..models import (
    SCRUTINY_ORDER,
    Evidence,
    Panel,
    PanelKind,
    Recommendation,
    ResponseDecision,
    ScrutinyProject,
    ScrutinyStatus,
)
from .contact import _staff_for


class ScrutinyRuleError(ValidationError):
    """A scrutiny project cannot move on yet; the message says what is missing."""


def _next_status(status: str) -> str | None:
    index = SCRUTINY_ORDER.index(status)
    return SCRUTINY_ORDER[index + 1] if index + 1 < len(SCRUTINY_ORDER) else None


def scrutiny_blockers(project: ScrutinyProject) -> list[str]:
    """What stops the project moving to its next stage (empty when it may move on)."""
    status = project.status
    problems = []
    if status == ScrutinyStatus.SCOPING and not project.scope.strip():
        problems.append("Agree the scope of the review first.")
    elif status == ScrutinyStatus.EVIDENCE and not project.evidence.exists():
        problems.append("Add at least one piece of evidence.")
    elif status == ScrutinyStatus.REPORTING:
        if not project.has_report:
            problems.append("Write the final report or upload it as a PDF.")
        if not project.recommendations.exists():
            problems.append("Add at least one recommendation.")
    elif status == ScrutinyStatus.RESPONSE:
        if project.recommendations.filter(decision="").exists():
            problems.append("Give a management response to every recommendation.")
        agreed = project.recommendations.filter(decision__in=[ResponseDecision.ACCEPTED, ResponseDecision.PARTLY])
        if agreed.exists() and not Action.objects.from_source(project).exists():
            problems.append("Add the action plan for the accepted recommendations.")
    elif status == ScrutinyStatus.MONITORING and Action.objects.from_source(project).open().exists():
        problems.append("Every action on the plan must be done or cancelled before the project closes.")
    elif status == ScrutinyStatus.CLOSED:
        problems.append("The project is closed.")
    return problems


def scrutiny_advance(*, project: ScrutinyProject, by: User, today: datetime.date | None = None) -> ScrutinyProject:
    """Move the project to its next stage, if the rules allow; one step at a time."""
    today = today or timezone.localdate()
    problems = scrutiny_blockers(project)
    if problems:
        raise ScrutinyRuleError(problems)
    target = _next_status(project.status)
    extra = {}
    if target == ScrutinyStatus.RESPONSE:
        extra["report_delivered_on"] = today
    if target == ScrutinyStatus.CLOSED:
        extra["closed_on"] = today
    with transaction.atomic():
        moved = ScrutinyProject.objects.filter(pk=project.pk, status=project.status).update(status=target, **extra)
        if not moved:
            raise ScrutinyRuleError("Someone else has just moved this project on; reload the page.")
        project.refresh_from_db()
        if target == ScrutinyStatus.RESPONSE:
            for manager in User.objects.managers():
                notify(
                    manager,
                    title=f"Scrutiny report delivered: {project.topic}",
                    body="Please give the management response to each recommendation.",
                    url=project.get_absolute_url(),
                )
        if target == ScrutinyStatus.MONITORING:
            for cvg in Panel.objects.filter(kind=PanelKind.CUSTOMER_VOICE_GROUP, is_active=True):
                for person in _staff_for(cvg):
                    notify(
                        person,
                        title=f"Scrutiny action plan for the CVG to monitor: {project.topic}",
                        url=project.get_absolute_url(),
                    )
    return project


def _require_status(project: ScrutinyProject, allowed: set[str], what: str) -> None:
    if project.status not in allowed:
        stages = " or ".join(ScrutinyStatus(s).label.lower() for s in SCRUTINY_ORDER if s in allowed)
        raise ScrutinyRuleError(f"{what} can be added during {stages} only.")


def evidence_add(
    *,
    project: ScrutinyProject,
    kind: str,
    title: str,
    by: User,
    notes: str = "",
    file=None,
    gathered_on: datetime.date | None = None,
    form_token: uuid.UUID | None = None,
) -> tuple[Evidence, bool]:
    """Add evidence to the project. Returns (evidence, created): the same form sent twice (its
    one-time token) returns the evidence the first one added."""
    _require_status(project, {ScrutinyStatus.SCOPING, ScrutinyStatus.EVIDENCE, ScrutinyStatus.REPORTING}, "Evidence")
    if not notes.strip() and not file:
        raise ValidationError({"notes": "Write some notes or attach a file."})
    checked = check_upload(file, accept=DOCUMENTS).file if file else ""
    return create_once(
        Evidence,
        form_token=form_token,
        scope={"project": project},
        build=lambda: Evidence.objects.create(
            project=project,
            kind=kind,
            title=title,
            notes=notes,
            file=checked,
            gathered_on=gathered_on or timezone.localdate(),
            added_by=by,
            form_token=form_token,
        ),
    )


def scrutiny_findings_save(*, project: ScrutinyProject, findings: str) -> ScrutinyProject:
    _require_status(project, {ScrutinyStatus.EVIDENCE, ScrutinyStatus.REPORTING}, "Findings")
    project.findings = findings
    project.save(update_fields=["findings"])
    return project


def recommendation_add(
    *, project: ScrutinyProject, text: str, form_token: uuid.UUID | None = None
) -> tuple[Recommendation, bool]:
    """Add the next numbered recommendation. Returns (recommendation, created): the same form sent
    twice (its one-time token) returns the recommendation the first one added."""
    _require_status(project, {ScrutinyStatus.EVIDENCE, ScrutinyStatus.REPORTING}, "Recommendations")
    for _attempt in range(3):
        number = (project.recommendations.aggregate(n=Max("number"))["n"] or 0) + 1
        try:
            return create_once(
                Recommendation,
                form_token=form_token,
                scope={"project": project},
                build=lambda number=number: Recommendation.objects.create(
                    project=project, number=number, text=text, form_token=form_token
                ),
            )
        except IntegrityError:
            continue  # someone added one at the same moment; take the next number
    raise ValidationError("Could not number the recommendation; please try again.")


def scrutiny_report_save(*, project: ScrutinyProject, report_text: str, report_file=None) -> ScrutinyProject:
    _require_status(project, {ScrutinyStatus.REPORTING}, "The final report")
    project.report_text = report_text
    fields = ["report_text"]
    if report_file:
        project.report_file = check_upload(report_file, accept=PDFS).file
        fields.append("report_file")
    project.save(update_fields=fields)
    return project


def recommendation_respond(
    *, recommendation: Recommendation, decision: str, response: str, by: User, today: datetime.date | None = None
) -> Recommendation:
    """The management response to one recommendation: accepted, partly accepted or rejected, and why."""
    _require_status(recommendation.project, {ScrutinyStatus.RESPONSE}, "Management responses")
    if decision not in ResponseDecision.values:
        raise ValidationError({"decision": "Choose accepted, partly accepted or rejected."})
    if not response.strip():
        raise ValidationError({"response": "Explain the response so the group can see our reasons."})
    recommendation.decision = decision
    recommendation.response = response
    recommendation.responded_on = today or timezone.localdate()
    recommendation.responded_by = by
    recommendation.save(update_fields=["decision", "response", "responded_on", "responded_by"])
    return recommendation


def scrutiny_action_add(
    *,
    project: ScrutinyProject,
    we_will: str,
    owner: User,
    due_on: datetime.date,
    by: User,
    recommendation: Recommendation | None = None,
    publish: bool = False,
    form_token: uuid.UUID | None = None,
) -> tuple[Action, bool]:
    """An item on the project's action plan. Returns (action, created), as meeting_action_add does:
    a resent form (the same one-time token) returns the first action."""
    _require_status(project, {ScrutinyStatus.RESPONSE, ScrutinyStatus.MONITORING}, "Actions")
    if recommendation is not None and recommendation.decision == ResponseDecision.REJECTED:
        raise ValidationError({"recommendation": "That recommendation was rejected; it has no actions."})
    said = f"Scrutiny review of {project.topic}"
    if recommendation is not None:
        said += f", recommendation {recommendation.number}: {recommendation.text}"
    return create_once(
        Action,
        form_token=form_token,
        build=lambda: action_create(
            you_said=said,
            we_will=we_will,
            owner=owner,
            due_on=due_on,
            source=project,
            publish=publish,
            created_by=by,
            form_token=form_token,
        ),
    )
