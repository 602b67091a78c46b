"""Pages of the panels app. Thin: forms check input, services apply the rules, selectors read.

Who may see what: staff see every panel; an involved customer sees only the panels they are a
current member of (papers, published minutes, action plans, scrutiny work), plus their own
expressions of interest, memberships and expense claims. Anyone else gets 403.
"""

from __future__ import annotations

import datetime
import mimetypes
from pathlib import Path

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_POST

from engagement.access import access, customer_of
from engagement.forms import form_add_service_errors
from engagement.models import Action, ActionStatus
from engagement.views import ExportableListView

from . import filters, forms, selectors, services, tables
from .cadence import add_months
from .models import (
    Attendance,
    EoiStatus,
    EstateWalk,
    Evidence,
    ExpenseClaim,
    ExpenseStatus,
    ExpressionOfInterest,
    InductionItem,
    Letter,
    Meeting,
    MeetingPaper,
    MeetingStatus,
    Membership,
    MembershipRole,
    Panel,
    PanelKind,
    Recommendation,
    ScrutinyProject,
    ScrutinyStatus,
    TrainingRecord,
    WalkIssue,
)

# --- helpers -------------------------------------------------------------------------------


def _require_panel_access(user, panel: Panel) -> None:
    if not selectors.can_see_panel(user, panel):
        raise PermissionDenied("Only members of this panel and staff can see this.")


def _form_page(request, form, *, title, cancel_url, intro="", submit_label="Save", extra=None):
    context = {"form": form, "title": title, "cancel_url": cancel_url, "intro": intro, "submit_label": submit_label}
    context.update(extra or {})
    return render(request, "panels/form.html", context)


def _send_file(field, *, as_attachment=False):
    if not field:
        raise Http404("No file.")
    try:
        handle = field.open("rb")
    except FileNotFoundError as error:
        raise Http404("The file is missing.") from error
    name = Path(field.name).name
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(handle, as_attachment=as_attachment, filename=name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"
    return response


def _duplicate(request, target):
    messages.info(request, "That was already saved; nothing was added twice.")
    return redirect(target)


def _save_once(request, form, *, target, save, success: str):
    """Run `save(cleaned_data)` once per form token (a double submit saves nothing more) and
    redirect to `target`; a rule the service refuses is shown on the form instead (returns None)."""
    data = form.cleaned_data
    try:
        with transaction.atomic():
            services.submission_claim(token=data["form_token"])
            save(data)
    except services.DuplicateSubmission:
        return _duplicate(request, target)
    except ValidationError as error:
        form_add_service_errors(form, error)
        return None
    messages.success(request, success)
    return redirect(target)


# --- Panels --------------------------------------------------------------------------------


class PanelListView(ExportableListView):
    access_policy = "staff"
    template_name = "panels/list.html"
    extra_context = {"new_links": [(reverse_lazy("panels:panel_create"), "Set up a panel")]}
    model = Panel
    table_class = tables.PanelTable
    filterset_class = filters.PanelFilter
    title = "Panels and groups"
    export_name = "panels"

    def get_queryset(self):
        today = timezone.localdate()
        current = Membership.objects.current(today).filter(panel=OuterRef("pk"))
        members = current.order_by().values("panel").annotate(n=Count("pk")).values("n")
        return (
            Panel.objects.select_related("officer")
            .annotate(member_count=Coalesce(Subquery(members, output_field=IntegerField()), 0))
            .annotate(last_held_on=Subquery(_last_held()))
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cadence"] = [p for p in selectors.panels_with_cadence() if p.missed_due_on]
        return context


def _last_held():
    return (
        Meeting.objects.filter(panel=OuterRef("pk"), status=MeetingStatus.HELD)
        .order_by("-meets_on")
        .values("meets_on")[:1]
    )


@access("staff")
def panel_create(request):
    form = forms.PanelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        panel = form.save()
        messages.success(request, f"{panel} set up.")
        return redirect(panel)
    return _form_page(request, form, title="Set up a panel", cancel_url=reverse("panels:panel_list"))


@access("staff")
def panel_update(request, pk: int):
    panel = get_object_or_404(Panel, pk=pk)
    form = forms.PanelForm(request.POST or None, instance=panel)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Panel saved.")
        return redirect(panel)
    return _form_page(request, form, title=f"Edit {panel}", cancel_url=panel.get_absolute_url())


@access("authenticated")
def panel_detail(request, pk: int):
    panel = get_object_or_404(Panel.objects.select_related("officer", "estate"), pk=pk)
    _require_panel_access(request.user, panel)
    today = timezone.localdate()
    staff = request.user.is_engagement_staff
    (overview,) = selectors.panels_with_cadence(today=today, queryset=Panel.objects.filter(pk=pk))
    meetings = panel.meetings.order_by("-meets_on")
    if not staff:
        meetings = meetings.exclude(status=MeetingStatus.CANCELLED)
    members = (
        Membership.objects.current(today).filter(panel=panel).select_related("customer").prefetch_related("estates")
    )
    context = {
        "panel": panel,
        "overview": overview,
        "meetings": meetings[:24],
        "members": members,
        "staff": staff,
        "projects": panel.scrutiny_projects.select_related("lead_officer"),
    }
    return render(request, "panels/panel_detail.html", context)


# --- Memberships, recruitment and training -------------------------------------------------


class MembershipListView(ExportableListView):
    access_policy = "staff"
    template_name = "panels/list.html"
    extra_context = {"new_links": []}
    model = Membership
    table_class = tables.MembershipTable
    filterset_class = filters.MembershipFilter
    title = "Members of panels"
    export_name = "panel-members"

    def get_queryset(self):
        return Membership.objects.select_related("customer", "panel")


@access("staff")
def membership_create(request, panel_pk: int):
    panel = get_object_or_404(Panel, pk=panel_pk)
    form = forms.MembershipForm(request.POST or None, initial={"starts_on": timezone.localdate()})
    if panel.kind == PanelKind.ESTATE_CHAMPIONS:
        form.fields["role"].initial = MembershipRole.CHAMPION
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            membership = services.membership_create(
                panel=panel,
                customer=data["customer"],
                role=data["role"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                estates=list(data["estates"]),
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, f"{membership.customer.full_name} added to {panel}.")
            return redirect(membership)
    return _form_page(request, form, title=f"Add a member to {panel}", cancel_url=panel.get_absolute_url())


@access("authenticated")
def membership_detail(request, pk: int):
    membership = get_object_or_404(Membership.objects.select_related("panel", "customer__user"), pk=pk)
    if not request.user.is_engagement_staff and membership.customer.user_id != request.user.pk:
        raise PermissionDenied("You can only see your own membership.")
    context = {
        "membership": membership,
        "induction_items": membership.induction_items.select_related("done_by"),
        "training": TrainingRecord.objects.filter(customer=membership.customer),
        "staff": request.user.is_engagement_staff,
    }
    return render(request, "panels/membership_detail.html", context)


@access("staff")
def membership_end(request, pk: int):
    membership = get_object_or_404(Membership.objects.select_related("panel", "customer"), pk=pk)
    form = forms.MembershipEndForm(request.POST or None, initial={"ends_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_end(membership=membership, ends_on=form.cleaned_data["ends_on"])
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, "Term end saved.")
            return redirect(membership)
    return _form_page(
        request, form, title=f"End {membership.customer.full_name}'s term", cancel_url=membership.get_absolute_url()
    )


@require_POST
@access("staff")
def induction_item_toggle(request, pk: int):
    item = get_object_or_404(InductionItem.objects.select_related("membership"), pk=pk)
    services.induction_item_mark(item=item, done=request.POST.get("done") == "1", by=request.user)
    return redirect(item.membership)


@access("customer")
def eoi_create(request):
    """An involved customer asks to join a panel."""
    customer = customer_of(request.user)
    form = forms.EoiForm(request.POST or None, initial={"panel": request.GET.get("panel")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            eoi, created = services.eoi_submit(
                panel=data["panel"],
                customer=customer,
                availability=data["availability"],
                communication_needs=data["communication_needs"],
                why=data["why"],
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            if created:
                messages.success(request, f"Thank you. We will answer by {eoi.answer_due_on:%A %-d %B}.")
            else:
                messages.info(request, f"You have already asked to join {eoi.panel}; we will answer by then.")
            return redirect(eoi)
    return _form_page(
        request,
        form,
        title="Join a panel or group",
        intro="Tell us which group you would like to join. We will answer within 2 working days.",
        cancel_url=reverse("panels:my_panels"),
        submit_label="Send",
    )


@access("staff")
def eoi_record(request):
    """An officer records an expression of interest a customer gave by phone or in person."""
    form = forms.StaffEoiForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            eoi, created = services.eoi_submit(
                panel=data["panel"],
                customer=data["customer"],
                availability=data["availability"],
                communication_needs=data["communication_needs"],
                why=data["why"],
                recorded_by=request.user,
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            if created:
                messages.success(request, "Expression of interest recorded.")
            else:
                messages.info(request, "They had already asked to join; nothing was added twice.")
            return redirect(eoi)
    return _form_page(request, form, title="Record an expression of interest", cancel_url=reverse("panels:eoi_list"))


class EoiListView(ExportableListView):
    access_policy = "staff"
    template_name = "panels/list.html"
    extra_context = {"new_links": [(reverse_lazy("panels:eoi_record"), "Record one taken by phone")]}
    model = ExpressionOfInterest
    table_class = tables.EoiTable
    filterset_class = filters.EoiFilter
    title = "Expressions of interest"
    export_name = "expressions-of-interest"

    def get_queryset(self):
        return ExpressionOfInterest.objects.select_related("customer", "panel", "recorded_by")


@access("authenticated")
def eoi_detail(request, pk: int):
    eoi = get_object_or_404(ExpressionOfInterest.objects.select_related("customer__user", "panel", "membership"), pk=pk)
    if not request.user.is_engagement_staff and eoi.customer.user_id != request.user.pk:
        raise PermissionDenied("You can only see your own requests.")
    return render(request, "panels/eoi_detail.html", {"eoi": eoi, "today": timezone.localdate()})


@access("staff")
def eoi_answer(request, pk: int):
    eoi = get_object_or_404(ExpressionOfInterest.objects.select_related("customer", "panel"), pk=pk)
    if eoi.status != EoiStatus.AWAITING:
        messages.info(request, "This expression of interest has already been answered.")
        return redirect(eoi)
    initial = {"role": MembershipRole.CHAMPION if eoi.panel.kind == PanelKind.ESTATE_CHAMPIONS else "member"}
    form = forms.EoiAnswerForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.eoi_answer(
                eoi=eoi,
                accept=data["decision"] == "accept",
                by=request.user,
                note=data["note"],
                role=data["role"] or MembershipRole.MEMBER,
                estates=list(data["estates"]),
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, "Answer saved and sent to the customer.")
            eoi.refresh_from_db()
            return redirect(eoi.membership or eoi)
    return _form_page(
        request,
        form,
        title=f"Answer {eoi.customer.full_name}",
        intro=f"They would like to join {eoi.panel}. Available: {eoi.get_availability_display() or 'not given'}.",
        cancel_url=eoi.get_absolute_url(),
    )


class TrainingListView(ExportableListView):
    access_policy = "staff"
    template_name = "panels/list.html"
    extra_context = {"new_links": [(reverse_lazy("panels:training_create"), "Record training")]}
    model = TrainingRecord
    table_class = tables.TrainingTable
    filterset_class = filters.TrainingFilter
    title = "Training records"
    export_name = "training"

    def get_queryset(self):
        return TrainingRecord.objects.select_related("customer")


@access("staff")
def training_create(request):
    form = forms.TrainingForm(request.POST or None, initial={"held_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        record = form.save(commit=False)
        record.recorded_by = request.user
        try:
            with transaction.atomic():
                record.save()
        except IntegrityError:  # the same course on the same day is already recorded
            form.add_error(None, "This training is already recorded for the customer.")
        else:
            messages.success(request, "Training recorded.")
            return redirect("panels:training_list")
    return _form_page(request, form, title="Record training", cancel_url=reverse("panels:training_list"))


# --- Meetings ------------------------------------------------------------------------------


class MeetingListView(ExportableListView):
    access_policy = "staff"
    template_name = "panels/list.html"
    extra_context = {"new_links": []}
    model = Meeting
    table_class = tables.MeetingTable
    filterset_class = filters.MeetingFilter
    title = "Panel meetings"
    export_name = "panel-meetings"

    def get_queryset(self):
        return Meeting.objects.select_related("panel")


@access("staff")
def meeting_create(request, panel_pk: int):
    panel = get_object_or_404(Panel, pk=panel_pk)
    (overview,) = selectors.panels_with_cadence(queryset=Panel.objects.filter(pk=panel.pk))
    proposed = overview.proposed_dates[0] if overview.proposed_dates else timezone.localdate()
    form = forms.MeetingForm(request.POST or None, initial={"meets_on": proposed, "venue": "Trident House"})
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_schedule(panel=panel, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, "Meeting planned.")
            return redirect(meeting)
    return _form_page(
        request,
        form,
        title=f"Plan a meeting of {panel}",
        intro=(
            "Proposed from the cadence: " + ", ".join(f"{d:%-d %B %Y}" for d in overview.proposed_dates)
            if overview.proposed_dates
            else ""
        ),
        cancel_url=panel.get_absolute_url(),
    )


@access("authenticated")
def meeting_detail(request, pk: int):
    meeting = get_object_or_404(Meeting.objects.select_related("panel__officer", "minutes_published_by"), pk=pk)
    _require_panel_access(request.user, meeting.panel)
    staff = request.user.is_engagement_staff
    if not staff and meeting.status == MeetingStatus.CANCELLED:
        raise Http404("This meeting was cancelled.")
    actions = Action.objects.from_source(meeting).select_related("owner", "estate")
    context = {
        "meeting": meeting,
        "panel": meeting.panel,
        "staff": staff,
        "papers": meeting.papers.all(),
        "attendance": Attendance.objects.filter(meeting=meeting).select_related("customer"),
        "staff_present": meeting.staff_present.all(),
        "show_minutes": staff or meeting.minutes_published,
        "actions": actions if staff or meeting.minutes_published else [],
        "today": timezone.localdate(),
    }
    if meeting.panel.is_cvg:
        # The CVG monitors scrutiny action plans: what is due by its next meeting, or overdue.
        every = meeting.panel.meets_every_months or 2
        context["scrutiny_actions"] = selectors.scrutiny_actions_due(by=add_months(meeting.meets_on, every))
    return render(request, "panels/meeting_detail.html", context)


@access("staff")
def meeting_update(request, pk: int):
    meeting = get_object_or_404(Meeting.objects.select_related("panel"), pk=pk)
    form = forms.MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, "Meeting details and agenda saved.")
            return redirect(meeting)
    return _form_page(request, form, title=f"Agenda and details: {meeting}", cancel_url=meeting.get_absolute_url())


@access("staff")
def meeting_attendance(request, pk: int):
    meeting = get_object_or_404(Meeting.objects.select_related("panel"), pk=pk)
    members = (
        Membership.objects.current(meeting.meets_on)
        .filter(panel=meeting.panel)
        .select_related("customer")
        .order_by("customer__last_name", "customer__first_name")
    )
    recorded = dict(Attendance.objects.filter(meeting=meeting).values_list("customer_id", "status"))
    initial = {f"member_{customer_id}": status for customer_id, status in recorded.items()}
    initial["staff_present"] = list(meeting.staff_present.values_list("pk", flat=True)) or [request.user.pk]
    initial["others_present"] = meeting.others_present
    form = forms.AttendanceForm(request.POST or None, members=members, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_attendance_record(
                meeting=meeting,
                statuses=form.statuses(),
                staff=list(form.cleaned_data["staff_present"]),
                others=form.cleaned_data["others_present"],
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(
                request, f"Attendance saved. Minutes and the action plan are due by {meeting.minutes_due_on:%-d %B %Y}."
            )
            return redirect(meeting)
    return _form_page(request, form, title=f"Attendance: {meeting}", cancel_url=meeting.get_absolute_url())


@access("staff")
def meeting_minutes(request, pk: int):
    meeting = get_object_or_404(Meeting.objects.select_related("panel"), pk=pk)
    form = forms.MinutesForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_minutes_save(meeting=meeting, minutes=form.cleaned_data["minutes"])
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, "Minutes saved (not yet published).")
            return redirect(meeting)
    return _form_page(request, form, title=f"Minutes: {meeting}", cancel_url=meeting.get_absolute_url())


@access("staff")
def meeting_action_add(request, pk: int):
    meeting = get_object_or_404(Meeting.objects.select_related("panel"), pk=pk)
    default_due = services.minutes_due_on(meeting.meets_on) + datetime.timedelta(days=28)
    form = forms.ActionItemForm(request.POST or None, initial={"owner": request.user, "due_on": default_due})
    if request.method == "POST" and form.is_valid():
        response = _save_once(
            request,
            form,
            target=meeting,
            success="Action added to the action plan.",
            save=lambda data: services.meeting_action_add(
                meeting=meeting,
                you_said=data["you_said"],
                we_will=data["we_will"],
                owner=data["owner"],
                due_on=data["due_on"],
                publish=data["publish"],
                by=request.user,
            ),
        )
        if response is not None:
            return response
    return _form_page(request, form, title=f"Add an action: {meeting}", cancel_url=meeting.get_absolute_url())


@require_POST
@access("staff")
def meeting_publish(request, pk: int):
    meeting = get_object_or_404(Meeting.objects.select_related("panel"), pk=pk)
    try:
        told = services.meeting_minutes_publish(meeting=meeting, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Minutes and action plan published to {told} member{'s' if told != 1 else ''}.")
    return redirect(meeting)


@require_POST
@access("staff")
def meeting_cancel(request, pk: int):
    meeting = get_object_or_404(Meeting, pk=pk)
    try:
        services.meeting_cancel(meeting=meeting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Meeting cancelled.")
    return redirect(meeting)


@access("staff")
def paper_add(request, pk: int):
    meeting = get_object_or_404(Meeting.objects.select_related("panel"), pk=pk)
    form = forms.PaperForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_paper_add(meeting=meeting, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, "Paper added.")
            return redirect(meeting)
    return _form_page(request, form, title=f"Add a paper: {meeting}", cancel_url=meeting.get_absolute_url())


@access("authenticated")
def paper_download(request, pk: int):
    paper = get_object_or_404(MeetingPaper.objects.select_related("meeting__panel"), pk=pk)
    _require_panel_access(request.user, paper.meeting.panel)
    return _send_file(paper.file)


# --- Scrutiny ------------------------------------------------------------------------------


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
    if request.method == "POST" and form.is_valid():
        project = form.save()
        messages.success(request, "Scrutiny project started.")
        return redirect(project)
    return _form_page(request, form, title="Start a scrutiny project", cancel_url=reverse("panels:scrutiny_list"))


def _project_for(request, pk: int) -> ScrutinyProject:
    project = get_object_or_404(ScrutinyProject.objects.select_related("panel", "lead_officer"), pk=pk)
    _require_panel_access(request.user, project.panel)
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
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Project saved.")
        return redirect(project)
    return _form_page(request, form, title=f"Scope: {project}", cancel_url=project.get_absolute_url())


@access("authenticated")
def evidence_add(request, pk: int):
    """Members of the scrutiny group gather evidence themselves, as do officers."""
    project = _project_for(request, pk)
    form = forms.EvidenceForm(
        request.POST or None, request.FILES or None, initial={"gathered_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.evidence_add(project=project, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, "Evidence added.")
            return redirect(project)
    return _form_page(request, form, title=f"Add evidence: {project}", cancel_url=project.get_absolute_url())


@access("authenticated")
def evidence_download(request, pk: int):
    evidence = get_object_or_404(Evidence.objects.select_related("project__panel"), pk=pk)
    _require_panel_access(request.user, evidence.project.panel)
    return _send_file(evidence.file)


@access("staff")
def scrutiny_findings(request, pk: int):
    project = _project_for(request, pk)
    form = forms.FindingsForm(request.POST or None, instance=project)
    if request.method == "POST" and form.is_valid():
        try:
            services.scrutiny_findings_save(project=project, findings=form.cleaned_data["findings"])
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, "Findings saved.")
            return redirect(project)
    return _form_page(request, form, title=f"Findings: {project}", cancel_url=project.get_absolute_url())


@access("staff")
def recommendation_add(request, pk: int):
    project = _project_for(request, pk)
    form = forms.RecommendationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.recommendation_add(project=project, text=form.cleaned_data["text"])
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, "Recommendation added.")
            return redirect(project)
    return _form_page(request, form, title=f"Add a recommendation: {project}", cancel_url=project.get_absolute_url())


@access("staff")
def scrutiny_report(request, pk: int):
    project = _project_for(request, pk)
    form = forms.ReportForm(
        request.POST or None, request.FILES or None, project=project, initial={"report_text": project.report_text}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.scrutiny_report_save(
                project=project,
                report_text=form.cleaned_data["report_text"],
                report_file=form.cleaned_data["report_file"],
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, "Final report saved.")
            return redirect(project)
    return _form_page(request, form, title=f"Final report: {project}", cancel_url=project.get_absolute_url())


@access("authenticated")
def report_download(request, pk: int):
    project = _project_for(request, pk)
    return _send_file(project.report_file)


@access("staff")
def recommendation_respond(request, pk: int):
    recommendation = get_object_or_404(Recommendation.objects.select_related("project__panel"), pk=pk)
    form = forms.ResponseForm(request.POST or None, instance=recommendation)
    if request.method == "POST" and form.is_valid():
        try:
            services.recommendation_respond(
                recommendation=recommendation,
                decision=form.cleaned_data["decision"],
                response=form.cleaned_data["response"],
                by=request.user,
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, "Management response saved.")
            return redirect(recommendation.project)
    return _form_page(
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
    if request.method == "POST" and form.is_valid():
        response = _save_once(
            request,
            form,
            target=project,
            success="Action added to the plan.",
            save=lambda data: services.scrutiny_action_add(
                project=project,
                recommendation=data["recommendation"],
                we_will=data["we_will"],
                owner=data["owner"],
                due_on=data["due_on"],
                publish=data["publish"],
                by=request.user,
            ),
        )
        if response is not None:
            return response
    return _form_page(request, form, title=f"Add to the action plan: {project}", cancel_url=project.get_absolute_url())


@require_POST
@access("staff")
def scrutiny_advance(request, pk: int):
    project = _project_for(request, pk)
    try:
        services.scrutiny_advance(project=project, by=request.user)
    except ValidationError as error:
        messages.error(request, "Not yet: " + " ".join(error.messages))
    else:
        messages.success(request, f"The project has moved on to {project.get_status_display().lower()}.")
    return redirect(project)


# --- Estate walks --------------------------------------------------------------------------


class WalkListView(ExportableListView):
    access_policy = "staff"
    template_name = "panels/list.html"
    extra_context = {"new_links": [(reverse_lazy("panels:walk_create"), "Plan a walkabout")]}
    model = EstateWalk
    table_class = tables.WalkTable
    filterset_class = filters.WalkFilter
    title = "Estate walkabouts"
    export_name = "estate-walks"

    def get_queryset(self):
        return (
            EstateWalk.objects.select_related("estate", "lead_officer")
            .annotate(issue_count=Count("issues", distinct=True))
            .order_by("-walks_on", "pk")
        )


@access("staff")
def walk_create(request):
    form = forms.WalkForm(request.POST or None, initial={"lead_officer": request.user})
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                walk = form.save()
        except IntegrityError:  # the same walk is already planned (e.g. a double submit)
            form.add_error(None, "That walk is already planned.")
        else:
            messages.success(request, "Walk planned.")
            return redirect(walk)
    return _form_page(request, form, title="Plan an estate walkabout", cancel_url=reverse("panels:walk_list"))


@access("staff")
def walk_detail(request, pk: int):
    walk = get_object_or_404(EstateWalk.objects.select_related("estate", "lead_officer"), pk=pk)
    context = {
        "walk": walk,
        "attendees": walk.attendees.select_related("customer", "user"),
        "issues": walk.issues.select_related("action__owner"),
        "today": timezone.localdate(),
    }
    return render(request, "panels/walk_detail.html", context)


@access("staff")
def walk_attendee_add(request, pk: int):
    walk = get_object_or_404(EstateWalk.objects.select_related("estate"), pk=pk)
    form = forms.AttendeeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.walk_attendee_add(
                walk=walk,
                kind=data["kind"],
                customer=data["reference"],
                user=data["user"],
                name=data["name"],
                organisation=data["organisation"],
                email=data["email"],
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, "Attendee added.")
            return redirect(walk)
    return _form_page(request, form, title=f"Add an attendee: {walk}", cancel_url=walk.get_absolute_url())


@access("staff")
def walk_issue_add(request, pk: int):
    walk = get_object_or_404(EstateWalk.objects.select_related("estate"), pk=pk)
    form = forms.IssueForm(
        request.POST or None,
        request.FILES or None,
        initial={"owner": walk.estate.officer or request.user, "due_on": walk.walks_on + datetime.timedelta(days=28)},
    )
    if request.method == "POST" and form.is_valid():
        response = _save_once(
            request,
            form,
            target=walk,
            success="Issue and action recorded.",
            save=lambda data: services.walk_issue_add(
                walk=walk,
                description=data["description"],
                location=data["location"],
                photo=data["photo"],
                we_will=data["we_will"],
                owner=data["owner"],
                due_on=data["due_on"],
                publish=data["publish"],
                by=request.user,
            ),
        )
        if response is not None:
            return response
    return _form_page(request, form, title=f"Record an issue: {walk}", cancel_url=walk.get_absolute_url())


@require_POST
@access("staff")
def walk_send(request, pk: int):
    walk = get_object_or_404(EstateWalk.objects.select_related("estate"), pk=pk)
    try:
        result = services.walk_actions_send(walk=walk, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if result.total:
            messages.success(
                request,
                f"Actions sent: {result.notified} in the portal or by email, {result.partner_emails} partner "
                f"email{'s' if result.partner_emails != 1 else ''}, {result.letters} "
                f"letter{'s' if result.letters != 1 else ''} to print.",
            )
        else:
            messages.info(request, "Everyone on the list has already been sent the actions.")
    return redirect(walk)


@access("staff")
def issue_photo(request, pk: int):
    issue = get_object_or_404(WalkIssue, pk=pk)
    return _send_file(issue.photo)


@access("staff")
def letter_list(request):
    """Letters to print and post, for people we cannot reach online. Prints cleanly."""
    show_printed = request.GET.get("printed") == "1"
    letters = Letter.objects.select_related("customer").order_by("created_at", "pk")
    letters = letters.filter(printed_on__isnull=not show_printed)[:200]
    return render(request, "panels/letter_list.html", {"letters": letters, "show_printed": show_printed})


@require_POST
@access("staff")
def letters_printed(request):
    ids = [int(i) for i in request.POST.getlist("letter") if i.isdigit()]
    count = services.letters_mark_printed(letter_ids=ids, by=request.user)
    messages.success(request, f"Marked {count} letter{'s' if count != 1 else ''} as printed.")
    return redirect("panels:letter_list")


# --- Expenses ------------------------------------------------------------------------------


class ExpenseListView(ExportableListView):
    access_policy = "staff"
    template_name = "panels/list.html"
    extra_context = {"new_links": []}
    model = ExpenseClaim
    table_class = tables.ExpenseTable
    filterset_class = filters.ExpenseFilter
    title = "Expense claims"
    export_name = "expense-claims"

    def get_queryset(self):
        return ExpenseClaim.objects.select_related("customer")


@access("customer")
def expense_create(request):
    customer = customer_of(request.user)
    panel_ids = Membership.objects.current().filter(customer=customer).values("panel")
    meetings = Meeting.objects.filter(panel__in=panel_ids).exclude(status=MeetingStatus.CANCELLED)
    meetings = meetings.select_related("panel").order_by("-meets_on")[:20]
    form = forms.ExpenseForm(
        request.POST or None,
        request.FILES or None,
        meetings=Meeting.objects.filter(pk__in=[m.pk for m in meetings]).select_related("panel"),
        initial={"incurred_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            claim, created = services.expense_claim_submit(
                customer=customer,
                kind=data["kind"],
                incurred_on=data["incurred_on"],
                description=data["description"],
                meeting=data["meeting"],
                miles=data["miles"],
                amount=data["amount"],
                receipt=data["receipt"],
                form_token=data["form_token"],
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            if created:
                messages.success(request, f"Claim for £{claim.amount} sent. We will let you know our decision.")
            else:
                messages.info(request, "That claim was already sent; nothing was added twice.")
            return redirect(claim)
    return _form_page(
        request,
        form,
        title="Claim expenses",
        intro=(
            f"We pay mileage at {services.MILEAGE_RATE * 100:.0f}p a mile. Please attach a receipt for anything "
            f"over £{services.RECEIPT_THRESHOLD}."
        ),
        cancel_url=reverse("panels:my_panels"),
        submit_label="Send claim",
    )


def _claim_for(request, pk: int) -> ExpenseClaim:
    claim = get_object_or_404(ExpenseClaim.objects.select_related("customer__user", "meeting__panel"), pk=pk)
    if not request.user.is_engagement_staff and claim.customer.user_id != request.user.pk:
        raise PermissionDenied("You can only see your own claims.")
    return claim


@access("authenticated")
def expense_detail(request, pk: int):
    claim = _claim_for(request, pk)
    return render(request, "panels/expense_detail.html", {"claim": claim, "staff": request.user.is_engagement_staff})


@access("authenticated")
def receipt_download(request, pk: int):
    return _send_file(_claim_for(request, pk).receipt)


@access("staff")
def expense_decide(request, pk: int):
    claim = _claim_for(request, pk)
    if claim.status != ExpenseStatus.SUBMITTED:
        messages.info(request, "This claim has already been decided.")
        return redirect(claim)
    form = forms.ExpenseDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.expense_claim_decide(
                claim=claim,
                approve=form.cleaned_data["decision"] == "approve",
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, "Decision saved and sent to the claimant.")
            return redirect(claim)
    return _form_page(
        request,
        form,
        title=f"Decide {claim.customer.full_name}'s claim",
        intro=f"{claim.get_kind_display()}: £{claim.amount} on {claim.incurred_on:%-d %B %Y} – {claim.description}",
        cancel_url=claim.get_absolute_url(),
    )


# --- An involved customer's own page --------------------------------------------------------


@access("customer")
def my_panels(request):
    customer = customer_of(request.user)
    involvement = selectors.customer_home(customer)
    context = {
        "involvement": involvement,
        "eois": ExpressionOfInterest.objects.filter(customer=customer).select_related("panel")[:10],
        "recruiting": Panel.objects.filter(is_active=True, recruiting=True).exclude(
            pk__in=[m.panel_id for m in involvement["memberships"]]
        ),
    }
    return render(request, "panels/my_panels.html", context)
