"""Pages for scrutiny projects: scope, evidence, findings, recommendations, report, response, actions."""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_POST

from engagement.access import access
from engagement.files import private_file_response
from engagement.models import Action, ActionStatus
from engagement.steps import form_page, step
from engagement.views import ExportableListView

from .. import filters, forms, services, tables
from ..models import Evidence, Recommendation, ScrutinyProject, ScrutinyStatus
from ._pages import require_panel_access


class ScrutinyListView(ExportableListView):
    access_policy = "staff"
    template_name = "panels/list.html"
    extra_context = {"new_links": [(reverse_lazy("panels:scrutiny_create"), "Start a scrutiny project")]}
    model = ScrutinyProject
    table_class = tables.ScrutinyTable
    filterset_class = filters.ScrutinyFilter
    title = "Scrutiny projects"
    export_name = "scrutiny-projects"

    def get_queryset(self):
        open_actions = (
            Action.objects.open()
            .filter(source_type=ContentType.objects.get_for_model(ScrutinyProject), source_id=OuterRef("pk"))
            .order_by()
            .values("source_id")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return ScrutinyProject.objects.select_related("panel", "lead_officer").annotate(
            open_actions=Coalesce(Subquery(open_actions, output_field=IntegerField()), 0)
        )


class ScrutinyActionListView(ExportableListView):
    """Every scrutiny action plan item: what the CVG monitors."""

    access_policy = "staff"
    template_name = "panels/list.html"
    extra_context = {"new_links": []}
    model = Action
    table_class = tables.ScrutinyActionTable
    filterset_class = filters.ScrutinyActionFilter
    title = "Scrutiny action plans"
    export_name = "scrutiny-actions"

    def get_queryset(self):
        return (
            Action.objects.filter(source_type=ContentType.objects.get_for_model(ScrutinyProject))
            .exclude(status=ActionStatus.CANCELLED)
            .select_related("owner")
            .prefetch_related("source")
        )


@access("staff")
def scrutiny_create(request):
    form = forms.ScrutinyForm(request.POST or None, initial={"lead_officer": request.user})
    done = step(
        request,
        form=form,
        run=lambda data: form.save(),
        success="Scrutiny project started.",
        target=lambda project: project,
    )
    return done or form_page(
        request, form, title="Start a scrutiny project", cancel_url=reverse("panels:scrutiny_list")
    )


def _project_for(request, pk: int) -> ScrutinyProject:
    project = get_object_or_404(ScrutinyProject.objects.select_related("panel", "lead_officer"), pk=pk)
    require_panel_access(request.user, project.panel)
    return project


@access("authenticated")
def scrutiny_detail(request, pk: int):
    project = _project_for(request, pk)
    staff = request.user.is_engagement_staff
    context = {
        "project": project,
        "staff": staff,
        "evidence": project.evidence.select_related("added_by"),
        "recommendations": project.recommendations.select_related("responded_by"),
        "actions": Action.objects.from_source(project).select_related("owner"),
        "blockers": services.scrutiny_blockers(project),
        "stages": [(value, label) for value, label in ScrutinyStatus.choices],
        "stage_index": list(ScrutinyStatus.values).index(project.status),
        "today": timezone.localdate(),
    }
    return render(request, "panels/scrutiny_detail.html", context)


@access("staff")
def scrutiny_update(request, pk: int):
    project = _project_for(request, pk)
    form = forms.ScrutinyForm(request.POST or None, instance=project)
    done = step(request, form=form, run=lambda data: form.save(), success="Project saved.", target=project)
    return done or form_page(request, form, title=f"Scope: {project}", cancel_url=project.get_absolute_url())


@access("authenticated")
def evidence_add(request, pk: int):
    """Members of the scrutiny group gather evidence themselves, as do officers."""
    project = _project_for(request, pk)
    form = forms.EvidenceForm(
        request.POST or None, request.FILES or None, initial={"gathered_on": timezone.localdate()}
    )
    done = step(
        request,
        form=form,
        run=lambda data: services.evidence_add(project=project, by=request.user, **data),
        success="Evidence added.",
        resent="That evidence was already added; nothing was added twice.",
        target=project,
    )
    return done or form_page(request, form, title=f"Add evidence: {project}", cancel_url=project.get_absolute_url())


@access("authenticated")
def evidence_download(request, pk: int):
    evidence = get_object_or_404(Evidence.objects.select_related("project__panel"), pk=pk)
    require_panel_access(request.user, evidence.project.panel)
    return private_file_response(request, evidence.file)  # a photo of evidence is shown; the rest download


@access("staff")
def scrutiny_findings(request, pk: int):
    project = _project_for(request, pk)
    form = forms.FindingsForm(request.POST or None, instance=project)
    done = step(
        request,
        form=form,
        run=lambda data: services.scrutiny_findings_save(project=project, findings=data["findings"]),
        success="Findings saved.",
        target=project,
    )
    return done or form_page(request, form, title=f"Findings: {project}", cancel_url=project.get_absolute_url())


@access("staff")
def recommendation_add(request, pk: int):
    project = _project_for(request, pk)
    form = forms.RecommendationForm(request.POST or None)
    done = step(
        request,
        form=form,
        run=lambda data: services.recommendation_add(project=project, **data),
        success="Recommendation added.",
        resent="That recommendation was already added; nothing was added twice.",
        target=project,
    )
    return done or form_page(
        request, form, title=f"Add a recommendation: {project}", cancel_url=project.get_absolute_url()
    )


@access("staff")
def scrutiny_report(request, pk: int):
    project = _project_for(request, pk)
    form = forms.ReportForm(
        request.POST or None, request.FILES or None, project=project, initial={"report_text": project.report_text}
    )
    done = step(
        request,
        form=form,
        run=lambda data: services.scrutiny_report_save(
            project=project, report_text=data["report_text"], report_file=data["report_file"]
        ),
        success="Final report saved.",
        target=project,
    )
    return done or form_page(request, form, title=f"Final report: {project}", cancel_url=project.get_absolute_url())


@access("authenticated")
def report_download(request, pk: int):
    project = _project_for(request, pk)
    return private_file_response(request, project.report_file, download=True)


@access("staff")
def recommendation_respond(request, pk: int):
    recommendation = get_object_or_404(Recommendation.objects.select_related("project__panel"), pk=pk)
    form = forms.ResponseForm(request.POST or None, instance=recommendation)
    done = step(
        request,
        form=form,
        run=lambda data: services.recommendation_respond(
            recommendation=recommendation, decision=data["decision"], response=data["response"], by=request.user
        ),
        success="Management response saved.",
        target=recommendation.project,
    )
    return done or form_page(
        request,
        form,
        title=f"Respond to recommendation {recommendation.number}",
        intro=recommendation.text,
        cancel_url=recommendation.project.get_absolute_url(),
    )


@access("staff")
def scrutiny_action_add(request, pk: int):
    project = _project_for(request, pk)
    form = forms.ScrutinyActionForm(
        request.POST or None,
        project=project,
        initial={"owner": request.user, "due_on": timezone.localdate() + datetime.timedelta(days=56)},
    )
    done = step(
        request,
        form=form,
        run=lambda data: services.scrutiny_action_add(project=project, by=request.user, **data),
        success="Action added to the plan.",
        resent="That action was already added; nothing was added twice.",
        target=project,
    )
    return done or form_page(
        request, form, title=f"Add to the action plan: {project}", cancel_url=project.get_absolute_url()
    )


@require_POST
@access("staff")
def scrutiny_advance(request, pk: int):
    project = _project_for(request, pk)
    return step(
        request,
        run=lambda: services.scrutiny_advance(project=project, by=request.user),
        refused="Not yet: ",
        success=lambda moved: f"The project has moved on to {moved.get_status_display().lower()}.",
        target=project,
    )
