"""Pages for panel meetings: planning, attendance, minutes, the action plan, papers."""

from __future__ import annotations

import datetime

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from engagement.access import access
from engagement.deadlines.board import chase_history
from engagement.files import private_file_response
from engagement.landlord import landlord_current
from engagement.models import Action
from engagement.steps import form_page, step
from engagement.views import ExportableListView

from .. import filters, forms, selectors, services, tables
from ..cadence import add_months
from ..deadlines import MEETING_MINUTES
from ..models import Attendance, Meeting, MeetingPaper, MeetingStatus, Membership, Panel
from ._pages import require_panel_access


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
    form = forms.MeetingForm(
        request.POST or None, initial={"meets_on": proposed, "venue": landlord_current(request).usual_venue}
    )
    done = step(
        request,
        form=form,
        run=lambda data: services.meeting_schedule(panel=panel, by=request.user, **data),
        success="Meeting planned.",
        target=lambda meeting: meeting,
    )
    return done or form_page(
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
        "chase_notices": chase_history(kind=MEETING_MINUTES.key, object_id=meeting.pk) if staff else [],
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
    done = step(
        request,
        form=form,
        run=lambda data: services.meeting_update(meeting=meeting, **data),
        success="Meeting details and agenda saved.",
        target=meeting,
    )
    return done or form_page(
        request, form, title=f"Agenda and details: {meeting}", cancel_url=meeting.get_absolute_url()
    )


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
    done = step(
        request,
        form=form,
        run=lambda data: services.meeting_attendance_record(
            meeting=meeting, statuses=form.statuses(), staff=list(data["staff_present"]), others=data["others_present"]
        ),
        success=lambda held: (
            f"Attendance saved. Minutes and the action plan are due by {held.minutes_due_on:%-d %B %Y}."
        ),
        target=meeting,
    )
    return done or form_page(request, form, title=f"Attendance: {meeting}", cancel_url=meeting.get_absolute_url())


@access("staff")
def meeting_minutes(request, pk: int):
    meeting = get_object_or_404(Meeting.objects.select_related("panel"), pk=pk)
    form = forms.MinutesForm(request.POST or None, instance=meeting)
    done = step(
        request,
        form=form,
        run=lambda data: services.meeting_minutes_save(meeting=meeting, minutes=data["minutes"]),
        success="Minutes saved (not yet published).",
        target=meeting,
    )
    return done or form_page(request, form, title=f"Minutes: {meeting}", cancel_url=meeting.get_absolute_url())


@access("staff")
def meeting_action_add(request, pk: int):
    meeting = get_object_or_404(Meeting.objects.select_related("panel"), pk=pk)
    default_due = services.minutes_due_on(meeting.meets_on) + datetime.timedelta(days=28)
    form = forms.ActionItemForm(request.POST or None, initial={"owner": request.user, "due_on": default_due})
    done = step(
        request,
        form=form,
        run=lambda data: services.meeting_action_add(meeting=meeting, by=request.user, **data),
        success="Action added to the action plan.",
        resent="That action was already added; nothing was added twice.",
        target=meeting,
    )
    return done or form_page(request, form, title=f"Add an action: {meeting}", cancel_url=meeting.get_absolute_url())


@require_POST
@access("staff")
def meeting_publish(request, pk: int):
    meeting = get_object_or_404(Meeting.objects.select_related("panel"), pk=pk)
    return step(
        request,
        run=lambda: services.meeting_minutes_publish(meeting=meeting, by=request.user),
        success=lambda told: f"Minutes and action plan published to {told} member{'s' if told != 1 else ''}.",
        target=meeting,
    )


@require_POST
@access("staff")
def meeting_cancel(request, pk: int):
    meeting = get_object_or_404(Meeting, pk=pk)
    return step(
        request, run=lambda: services.meeting_cancel(meeting=meeting), success="Meeting cancelled.", target=meeting
    )


@access("staff")
def paper_add(request, pk: int):
    meeting = get_object_or_404(Meeting.objects.select_related("panel"), pk=pk)
    form = forms.PaperForm(request.POST or None, request.FILES or None)
    done = step(
        request,
        form=form,
        run=lambda data: services.meeting_paper_add(meeting=meeting, by=request.user, **data),
        success="Paper added.",
        resent="That paper was already added; nothing was added twice.",
        target=meeting,
    )
    return done or form_page(request, form, title=f"Add a paper: {meeting}", cancel_url=meeting.get_absolute_url())


@access("authenticated")
def paper_download(request, pk: int):
    paper = get_object_or_404(MeetingPaper.objects.select_related("meeting__panel"), pk=pk)
    require_panel_access(request.user, paper.meeting.panel)
    return private_file_response(request, paper.file, download=True)  # a paper is kept and printed
