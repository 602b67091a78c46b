"""Pages for panel meetings: planning, attendance, minutes, the action plan, papers."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from engagement.access import access
from engagement.forms import form_add_service_errors
from engagement.models import Action
from engagement.views import ExportableListView

from .. import filters, forms, selectors, services, tables
from ..cadence import add_months
from ..models import Attendance, Meeting, MeetingPaper, MeetingStatus, Membership, Panel
from ._pages import form_page, require_panel_access, save_once, send_file


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
    return form_page(
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
    require_panel_access(request.user, meeting.panel)
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
    return form_page(request, form, title=f"Agenda and details: {meeting}", cancel_url=meeting.get_absolute_url())


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
    return form_page(request, form, title=f"Attendance: {meeting}", cancel_url=meeting.get_absolute_url())


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
    return form_page(request, form, title=f"Minutes: {meeting}", cancel_url=meeting.get_absolute_url())


@access("staff")
def meeting_action_add(request, pk: int):
    meeting = get_object_or_404(Meeting.objects.select_related("panel"), pk=pk)
    default_due = services.minutes_due_on(meeting.meets_on) + datetime.timedelta(days=28)
    form = forms.ActionItemForm(request.POST or None, initial={"owner": request.user, "due_on": default_due})
    if request.method == "POST" and form.is_valid():
        response = save_once(
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
    return form_page(request, form, title=f"Add an action: {meeting}", cancel_url=meeting.get_absolute_url())


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
    return form_page(request, form, title=f"Add a paper: {meeting}", cancel_url=meeting.get_absolute_url())


@access("authenticated")
def paper_download(request, pk: int):
    paper = get_object_or_404(MeetingPaper.objects.select_related("meeting__panel"), pk=pk)
    require_panel_access(request.user, paper.meeting.panel)
    return send_file(paper.file)
