"""Views: thin — forms check input, services apply the rules, selectors read."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, IntegerField, When
from django.forms.utils import ErrorDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from engagement.access import access
from engagement.deadlines import due_phrase
from engagement.deadlines.board import chase_history
from engagement.files import private_file_response
from engagement.forms import form_add_service_errors
from engagement.models import Action
from engagement.views import ExportableListView

from . import selectors, services
from .deadlines import KIND_KEY
from .filters import ActivityFilter, MyActivityFilter
from .forms import (
    ActivityForm,
    AttachmentForm,
    CancelForm,
    ReportActionFormSet,
    ReportForm,
    ReportNowForm,
    ReturnForm,
)
from .models import ActivityAttachment, ActivityStatus, EngagementActivity
from .tables import ActivityTable, ReportsDueTable, report_state


class _ActivityListView(ExportableListView):
    access_policy = "staff"
    model = EngagementActivity
    table_class = ActivityTable
    template_name = "activities/list.html"
    export_name = "activities"


class MyActivitiesView(_ActivityListView):
    filterset_class = MyActivityFilter
    title = "My activities"
    export_name = "my-activities"

    def get_queryset(self):
        return EngagementActivity.objects.for_lists().led_by(self.request.user)


class MyReportsDueView(_ActivityListView):
    """Reports you owe: returned ones first, then those never filed, soonest due first."""

    filterset_class = MyActivityFilter
    title = "My reports due and overdue"
    export_name = "my-reports-due"
    table_pagination = {"per_page": 50}

    table_class = ReportsDueTable

    def get_queryset(self):
        # Returned reports are owed too, and come first (the dashboard's "returned to you" opens here).
        returned_last = Case(When(status=ActivityStatus.RETURNED, then=0), default=1, output_field=IntegerField())
        return (
            EngagementActivity.objects.for_lists()
            .led_by(self.request.user)
            .reports_owed()
            .annotate(returned_last=returned_last)
        )

    def get_table_kwargs(self):
        return {"order_by": ("report_due_on",)}  # the report column, sorted by the date owed


class AllActivitiesView(_ActivityListView):
    """Everyone's activities. Officers may look at all of them but change only their own."""

    filterset_class = ActivityFilter
    title = "All activities"
    export_name = "all-activities"

    def get_queryset(self):
        return EngagementActivity.objects.for_lists()


@access("staff")
def upcoming(request):
    """The next four weeks, grouped by week and day (a calendar that works on a phone)."""
    mine = request.GET.get("who") != "all"
    today = timezone.localdate()
    weeks = selectors.upcoming_by_week(start=today, days=28, lead_officer=request.user if mine else None)
    return render(request, "activities/upcoming.html", {"weeks": weeks, "mine": mine, "today": today})


def _editable(request, pk: int) -> EngagementActivity:
    activity = get_object_or_404(EngagementActivity.objects.select_related("estate", "lead_officer"), pk=pk)
    if not activity.can_be_edited_by(request.user):
        raise PermissionDenied("Only the lead officer or a manager can change this activity.")
    return activity


@access("staff")
def activity_create(request):
    form = ActivityForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            activity = services.activity_create(
                created_by=request.user, form_token=form.cleaned_data["form_token"], **form.activity_fields()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if activity.status == ActivityStatus.PLANNED:
                messages.success(request, "Activity planned. File its report after it has taken place.")
            else:
                messages.success(
                    request, f"Activity logged. Its report is due by {activity.report_due_on:%A %-d %B %Y}."
                )
            return redirect(activity)
    return render(
        request,
        "activities/activity_form.html",
        {"form": form, "title": "Log an activity", "cancel_url": reverse("activities:mine")},
    )


@access("staff")
def activity_update(request, pk: int):
    activity = _editable(request, pk)
    form = ActivityForm(request.POST or None, instance=activity, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_update(activity=activity, user=request.user, **form.activity_fields())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Activity saved.")
            return redirect(activity)
    return render(
        request,
        "activities/activity_form.html",
        {"form": form, "title": f"Change {activity.title}", "cancel_url": activity.get_absolute_url()},
    )


@access("staff")
def activity_detail(request, pk: int):
    activity = get_object_or_404(
        EngagementActivity.objects.select_related(
            "estate", "patch", "lead_officer", "reported_by", "verified_by", "returned_by", "created_by"
        ).prefetch_related("attachments"),
        pk=pk,
    )
    today = timezone.localdate()
    phrase, badge = report_state(activity, today)
    context = {
        "activity": activity,
        "actions": Action.objects.from_source(activity).select_related("owner"),
        "can_edit": activity.can_be_edited_by(request.user),
        "report_phrase": phrase,
        "report_badge": badge,
        "return_form": ReturnForm(),
        "cancel_form": CancelForm(),
        "attachment_form": AttachmentForm(),
        "chase_notices": chase_history(kind=KIND_KEY, object_id=activity.pk),
    }
    return render(request, "activities/activity_detail.html", context)


def _actions_formset(request, *, owner) -> ReportActionFormSet:
    return ReportActionFormSet(request.POST or None, prefix="actions", owner=owner)


def _adding_action(request, formset) -> bool:
    """ "Add another action" without JavaScript: nothing is saved or judged; the page comes back
    with what was typed and one more action block (files cannot be kept, so say so)."""
    if request.method != "POST" or formset.ADD_BUTTON not in request.POST:
        return False
    formset.with_another()
    if request.FILES:
        messages.info(request, "Another action block was added. Please choose your photos and sign-in sheets again.")
    return True


@access("staff")
def report_file(request, pk: int):
    activity = _editable(request, pk)
    if not activity.is_fileable:
        if activity.status in (ActivityStatus.PLANNED, ActivityStatus.HELD):
            messages.info(request, "The report can be filed once the activity has taken place.")
        else:
            messages.info(request, "This report has already been filed.")
        return redirect(activity)
    form = ReportForm(request.POST or None, request.FILES or None, instance=activity)
    formset = _actions_formset(request, owner=activity.lead_officer)
    if _adding_action(request, formset):
        form._errors = ErrorDict()
    elif request.method == "POST" and form.is_valid() and formset.is_valid():
        data = form.cleaned_data
        try:
            filed = services.activity_report_file(
                activity=activity,
                user=request.user,
                outcome=data["outcome"],
                customers_said=data["customers_said"],
                customers_engaged=data["customers_engaged"],
                customers_assisted=data["customers_assisted"],
                feedback_captured=data["feedback_captured"],
                feedback_notes=data["feedback_notes"],
                actions=formset.report_actions(),
                attachments=data["attachments"],
                attachment_kind=data["attachment_kind"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if filed:
                messages.success(request, "Report filed. Thank you – the chase for this report has stopped.")
            else:
                messages.info(request, "This report had already been filed; nothing was changed.")
            return redirect(activity)
    today = timezone.localdate()
    return render(
        request,
        "activities/report_form.html",
        {
            "activity": activity,
            "form": form,
            "formset": formset,
            "owed_by": activity.report_owed_by,
            "owed_phrase": due_phrase(activity.report_owed_by, today),
            "is_late": activity.report_owed_by is not None and activity.report_owed_by < today,
            "title": f"Report on {activity.title}",
        },
    )


@access("staff")
def log_and_report(request):
    """An activity that has already happened, logged and reported on one page (a door knock,
    reported in the street before the next one)."""
    form = ReportNowForm(request.POST or None, request.FILES or None, user=request.user)
    formset = _actions_formset(request, owner=request.user)
    if _adding_action(request, formset):
        form._errors = ErrorDict()
    elif request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            activity = services.activity_log_and_report(
                created_by=request.user,
                form_token=form.cleaned_data["form_token"],
                actions=formset.report_actions(),
                **form.report_fields(),
                **form.activity_fields(),
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        except PermissionDenied:
            form.add_error("lead_officer", "You can file the report only for an activity you lead.")
        else:
            messages.success(request, "Activity logged and its report filed. Thank you.")
            return redirect(activity)
    return render(
        request,
        "activities/log_and_report.html",
        {"form": form, "formset": formset, "title": "Log an activity and file its report"},
    )


@require_POST
@access("manager")
def report_verify(request, pk: int):
    activity = get_object_or_404(EngagementActivity.objects.select_related("lead_officer"), pk=pk)
    if services.activity_report_verify(activity=activity, manager=request.user):
        messages.success(request, "Report verified.")
    else:
        messages.info(request, "Only a filed report waiting for verification can be verified.")
    return redirect(activity)


@access("manager")
def report_return(request, pk: int):
    activity = get_object_or_404(EngagementActivity.objects.select_related("lead_officer"), pk=pk)
    if activity.status != ActivityStatus.REPORTED:
        messages.info(request, "Only a filed report waiting for verification can be returned.")
        return redirect(activity)
    form = ReturnForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.activity_report_return(activity=activity, manager=request.user, comment=form.cleaned_data["comment"])
        messages.success(request, f"Report returned to {activity.lead_officer} with your comment.")
        return redirect(activity)
    return render(request, "activities/return_form.html", {"activity": activity, "form": form})


@require_POST
@access("staff")
def activity_cancel(request, pk: int):
    activity = _editable(request, pk)
    form = CancelForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Say why the activity did not go ahead before cancelling it.")
    elif services.activity_cancel(activity=activity, user=request.user, reason=form.cleaned_data["reason"]):
        messages.success(request, "Activity cancelled. No report is needed.")
    else:
        messages.info(request, "Only a planned activity can be cancelled.")
    return redirect(activity)


@require_POST
@access("staff")
def attachment_add(request, pk: int):
    activity = _editable(request, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        added = services.attachments_add(
            activity=activity, user=request.user, uploads=form.cleaned_data["files"], kind=form.cleaned_data["kind"]
        )
        messages.success(request, f"{len(added)} file{'s' if len(added) != 1 else ''} added.")
    else:
        problems = " ".join(message for errors in form.errors.values() for message in errors)
        messages.error(request, f"Nothing was added. {problems}")
    return redirect(f"{activity.get_absolute_url()}#attachments-h")


@access("staff")
def attachment_download(request, pk: int):
    attachment = get_object_or_404(ActivityAttachment, pk=pk)
    return private_file_response(
        request, attachment.file, filename=attachment.original_name, content_type=attachment.content_type
    )
