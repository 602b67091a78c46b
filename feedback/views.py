"""Views: thin. Forms check input, services apply the Complaint Handling Code, selectors read.

Everything here is for staff only: an involved customer gets 403 on every page, so no customer can
ever see anyone's complaint. Any member of staff may read a complaint; moving it on (acknowledge,
extend, respond, escalate, close, lessons learned, correct details) is for the handler of its
current stage or a manager.
"""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from engagement import dates
from engagement.access import access
from engagement.forms import form_add_service_errors
from engagement.models import Action
from engagement.views import ExportableListView

from . import deadlines, selectors, services
from .deadlines import RULES
from .filters import ComplaintFilter, ComplimentFilter, SuggestionFilter
from .forms import (
    AcknowledgeForm,
    CloseForm,
    ComplaintForm,
    ComplimentForm,
    EscalationForm,
    ExtensionForm,
    LessonsLearnedForm,
    ResponseForm,
    SuggestionForm,
    SuggestionResponseForm,
)
from .models import Complaint, ComplaintStatus, Compliment, LessonsLearned, Suggestion, SuggestionStatus
from .tables import ComplaintTable, ComplimentTable, SuggestionTable, deadline_state


def _can_act(user, complaint: Complaint) -> bool:
    return user.is_manager or complaint.current_handler == user


def _actionable(request, pk: int) -> Complaint:
    complaint = get_object_or_404(Complaint.objects.for_lists(), pk=pk)
    if not _can_act(request.user, complaint):
        raise PermissionDenied("Only the handler of this stage or a manager can change this complaint.")
    return complaint


# ---------------------------------------------------------------------------------------------- lists


class _FeedbackListView(ExportableListView):
    access_policy = "staff"
    template_name = "feedback/list.html"
    create_url_name = ""
    create_label = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["create_url"] = reverse(self.create_url_name) if self.create_url_name else ""
        context["create_label"] = self.create_label
        context["section"] = self.section
        return context


class ComplaintListView(_FeedbackListView):
    model = Complaint
    table_class = ComplaintTable
    filterset_class = ComplaintFilter
    title = "Complaints"
    export_name = "complaints"
    create_url_name = "feedback:complaint_create"
    create_label = "Record a complaint"
    section = "complaints"

    def get_queryset(self):
        return Complaint.objects.for_lists()


class ComplimentListView(_FeedbackListView):
    model = Compliment
    table_class = ComplimentTable
    filterset_class = ComplimentFilter
    title = "Compliments"
    export_name = "compliments"
    create_url_name = "feedback:compliment_create"
    create_label = "Record a compliment"
    section = "compliments"

    def get_queryset(self):
        return Compliment.objects.select_related("staff_member", "customer")


class SuggestionListView(_FeedbackListView):
    model = Suggestion
    table_class = SuggestionTable
    filterset_class = SuggestionFilter
    title = "Suggestions"
    export_name = "suggestions"
    create_url_name = "feedback:suggestion_create"
    create_label = "Record a suggestion"
    section = "suggestions"

    def get_queryset(self):
        return Suggestion.objects.select_related("customer", "estate")


# ---------------------------------------------------------------------------------------------- complaints


def _form_with_search(request, form_class, **kwargs):
    """The submitted form; or, when "Find customer" was pressed, the form shown again with everything
    typed kept and the customer list narrowed to the matches (works without JavaScript)."""
    if request.method == "POST":
        if "find" in request.POST:
            return form_class(initial=request.POST.dict() | dates.typed_dates(form_class, request.POST), **kwargs)
        return form_class(request.POST, **kwargs)
    return form_class(**kwargs)


@access("staff")
def complaint_create(request):
    form = _form_with_search(request, ComplaintForm, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            complaint = services.complaint_record(
                created_by=request.user,
                form_token=data.get("form_token"),
                customer=data["customer"],
                estate=data["estate"],
                received_on=data["received_on"],
                channel=data["channel"],
                category=data["category"],
                description=data["description"],
                desired_outcome=data["desired_outcome"],
                stage1_handler=data["stage1_handler"],
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(
                request,
                f"Complaint {complaint.reference} recorded. "
                f"Acknowledge it by {complaint.stage1_ack_due_on:%A %-d %B %Y}.",
            )
            return redirect(complaint)
    return render(
        request,
        "feedback/complaint_form.html",
        {"form": form, "title": "Record a complaint", "cancel_url": reverse("feedback:complaints")},
    )


@access("staff")
def complaint_update(request, pk: int):
    complaint = _actionable(request, pk)
    form = _form_with_search(request, ComplaintForm, user=request.user, instance=complaint)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {
            name: data[name] for name in ("customer", "estate", "channel", "category", "description", "desired_outcome")
        }
        if not form.fields["received_on"].disabled:
            fields["received_on"] = data["received_on"]
        try:
            services.complaint_update_details(complaint=complaint, by=request.user, **fields)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, "Complaint details saved.")
            return redirect(complaint)
    return render(
        request,
        "feedback/complaint_form.html",
        {
            "form": form,
            "title": f"Correct the details of {complaint.reference}",
            "cancel_url": complaint.get_absolute_url(),
        },
    )


@access("staff")
def complaint_detail(request, pk: int):
    complaint = get_object_or_404(Complaint.objects.for_lists(), pk=pk)
    today = timezone.localdate()
    lessons = LessonsLearned.objects.filter(complaint=complaint).select_related("owner").first()
    actions = list(Action.objects.from_source(lessons).select_related("owner")) if lessons else []
    state, badge = deadline_state(complaint, today)
    can_act = _can_act(request.user, complaint)
    stages = []
    for stage in (1, 2) if complaint.stage == 2 else (1,):
        stages.append(
            {
                "number": stage,
                "handler": complaint.handler(stage),
                "ack_due_on": complaint.stage_field(stage, "ack_due_on"),
                "acknowledged_on": complaint.stage_field(stage, "acknowledged_on"),
                "acknowledged_on_time": complaint.acknowledged_on_time(stage),
                "response_due_on": complaint.stage_field(stage, "response_due_on"),
                "extended_due_on": complaint.stage_field(stage, "extended_due_on"),
                "extension_reason": complaint.stage_field(stage, "extension_reason"),
                "responded_on": complaint.stage_field(stage, "responded_on"),
                "responded_on_time": complaint.responded_on_time(stage),
                "outcome": (
                    complaint.get_stage1_outcome_display if stage == 1 else complaint.get_stage2_outcome_display
                )(),
                "remedy": complaint.stage_field(stage, "remedy"),
                "working_days": complaint.stage_field(stage, "working_days"),
                "respond_within": deadlines.RULES[stage].respond_within,
            }
        )
    context = {
        "complaint": complaint,
        "stages": stages,
        "lessons": lessons,
        "actions": actions,
        "timeline": selectors.complaint_timeline(complaint=complaint, today=today),
        "deadline_text": state,
        "deadline_badge": badge,
        "can_act": can_act,
        "needs_lessons": complaint.upheld_at_any_stage and lessons is None,
        "today": today,
    }
    return render(request, "feedback/complaint_detail.html", context)


def _complaint_step(
    request,
    pk: int,
    *,
    form_class,
    allowed: set[str],
    title: str,
    run,
    success: str,
    form_kwargs=None,
    intro: str = "",
    renames: dict[str, str] | None = None,
    stage: int | None = None,
):
    """A form page that moves a complaint on one step: shown only when the step is possible."""
    complaint = _actionable(request, pk)
    if complaint.status not in allowed or (stage is not None and complaint.stage != stage):
        messages.warning(
            request, f"That step is not possible now: the complaint is '{complaint.get_status_display()}'."
        )
        return redirect(complaint)
    kwargs = form_kwargs(complaint) if form_kwargs else {}
    form = form_class(request.POST or None, **kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            run(complaint, form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error, renames)
        else:
            messages.success(request, success)
            return redirect(complaint)
    return render(
        request,
        "feedback/step_form.html",
        {"form": form, "complaint": complaint, "title": f"{title}: {complaint.reference}", "intro": intro},
    )


@access("staff")
def complaint_acknowledge(request, pk: int):
    return _complaint_step(
        request,
        pk,
        form_class=AcknowledgeForm,
        allowed={ComplaintStatus.RECEIVED},
        title="Acknowledge",
        intro=f"The response is due {RULES[1].respond_within} working days (stage 2: {RULES[2].respond_within}) after "
        "the acknowledgement.",
        run=lambda c, d: services.complaint_acknowledge(complaint=c, by=request.user, **d),
        success="Acknowledgement recorded; the response deadline is set.",
    )


@access("staff")
def complaint_extend(request, pk: int):
    def latest(complaint):
        due = complaint.stage_field(complaint.stage, "response_due_on")
        return {"latest": deadlines.latest_extension(stage=complaint.stage, response_due_on=due)}

    return _complaint_step(
        request,
        pk,
        form_class=ExtensionForm,
        allowed={ComplaintStatus.ACKNOWLEDGED},
        title="Extend the response date",
        intro="Agree the extension with the customer before the response is due. The Code says extensions should add "
        f"no more than {RULES[1].max_extension} working days at stage 1 ({RULES[2].max_extension} at stage 2), counted "
        "from the original response date, without good reason; you may agree more than one within that.",
        form_kwargs=latest,
        run=lambda c, d: services.complaint_extend(complaint=c, by=request.user, **d),
        success="Extension recorded.",
    )


@access("staff")
def complaint_respond(request, pk: int):
    return _complaint_step(
        request,
        pk,
        form_class=ResponseForm,
        allowed={ComplaintStatus.ACKNOWLEDGED},
        title="Record the response",
        intro="Whether the response was on time is worked out from the dates.",
        run=lambda c, d: services.complaint_respond(complaint=c, by=request.user, **d),
        success="Response recorded.",
    )


@access("staff")
def complaint_escalate(request, pk: int):
    return _complaint_step(
        request,
        pk,
        form_class=EscalationForm,
        allowed={ComplaintStatus.RESPONDED, ComplaintStatus.CLOSED},
        stage=1,
        title="Escalate to stage 2",
        intro=f"Stage 2 is acknowledged within {RULES[2].acknowledge_within} working days of the request and answered "
        f"within {RULES[2].respond_within} working days of the acknowledgement, by a different person from stage 1.",
        form_kwargs=lambda c: {"complaint": c},
        run=lambda c, d: services.complaint_escalate(complaint=c, by=request.user, **d),
        success="Escalated to stage 2; the stage 2 handler has been told.",
    )


@access("staff")
def complaint_close(request, pk: int):
    return _complaint_step(
        request,
        pk,
        form_class=CloseForm,
        allowed={ComplaintStatus.RESPONDED},
        title="Close the complaint",
        intro="An upheld or partly upheld complaint needs its lessons learned recorded before it can be closed.",
        run=lambda c, d: services.complaint_close(complaint=c, by=request.user, **d),
        success="Complaint closed.",
    )


@access("staff")
def complaint_lessons(request, pk: int):
    complaint = _actionable(request, pk)
    lessons = LessonsLearned.objects.filter(complaint=complaint).first()
    has_action = bool(lessons and Action.objects.from_source(lessons).exists())
    form = LessonsLearnedForm(request.POST or None, instance=lessons, user=request.user, has_action=has_action)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.lessons_learned_save(
            complaint=complaint,
            by=request.user,
            what_went_wrong=data["what_went_wrong"],
            root_cause=data["root_cause"],
            what_we_changed=data["what_we_changed"],
            owner=data["owner"],
            learned_on=data["learned_on"],
            create_action=data.get("create_action", False),
            publish=data.get("publish", False),
            action_due_on=data.get("action_due_on"),
            change_done=data.get("change_done", False),
        )
        messages.success(request, "Lessons learned saved.")
        return redirect(complaint)
    return render(
        request,
        "feedback/step_form.html",
        {
            "form": form,
            "complaint": complaint,
            "title": f"Lessons learned: {complaint.reference}",
            "intro": "What went wrong, why, and what we changed so it does not happen again. "
            "Monitored by the Customer Experience and Customer Engagement managers.",
        },
    )


# ---------------------------------------------------------------------------------------------- compliments


@access("staff")
def compliment_create(request):
    form = _form_with_search(request, ComplimentForm)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("customer_search", None)
        try:
            compliment = services.compliment_record(created_by=request.user, **data)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, f"Compliment recorded and passed on to {compliment.recipient_label}.")
            return redirect(compliment)
    return render(
        request,
        "feedback/feedback_form.html",
        {"form": form, "title": "Record a compliment", "cancel_url": reverse("feedback:compliments")},
    )


@access("staff")
def compliment_detail(request, pk: int):
    compliment = get_object_or_404(Compliment.objects.select_related("staff_member", "customer", "created_by"), pk=pk)
    return render(request, "feedback/compliment_detail.html", {"compliment": compliment})


# ---------------------------------------------------------------------------------------------- suggestions


@access("staff")
def suggestion_create(request):
    form = _form_with_search(request, SuggestionForm)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("customer_search", None)
        try:
            suggestion = services.suggestion_record(created_by=request.user, **data)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, "Suggestion recorded.")
            return redirect(suggestion)
    return render(
        request,
        "feedback/feedback_form.html",
        {"form": form, "title": "Record a suggestion", "cancel_url": reverse("feedback:suggestions")},
    )


@access("staff")
def suggestion_detail(request, pk: int):
    suggestion = get_object_or_404(
        Suggestion.objects.select_related("customer", "estate", "responded_by", "created_by"), pk=pk
    )
    actions = Action.objects.from_source(suggestion).select_related("owner")
    return render(request, "feedback/suggestion_detail.html", {"suggestion": suggestion, "actions": actions})


@access("staff")
def suggestion_respond(request, pk: int):
    suggestion = get_object_or_404(Suggestion, pk=pk)
    if suggestion.status != SuggestionStatus.OPEN:
        messages.warning(request, "This suggestion has already been answered.")
        return redirect(suggestion)
    form = SuggestionResponseForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.suggestion_respond(suggestion=suggestion, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, "Response saved.")
            return redirect(suggestion)
    return render(
        request,
        "feedback/feedback_form.html",
        {
            "form": form,
            "title": "Answer the suggestion",
            "intro": suggestion.suggestion,
            "cancel_url": suggestion.get_absolute_url(),
        },
    )


# ---------------------------------------------------------------------------------------------- figures


def _period(request, today: datetime.date) -> tuple[datetime.date, datetime.date, list[str]]:
    """The date range asked for, defaulting to the financial year to date (April to March)."""
    year = today.year if today.month >= 4 else today.year - 1
    start, end, problems = datetime.date(year, 4, 1), today, []
    for name in ("start", "end"):
        value = request.GET.get(name, "")
        if value:
            try:
                parsed = dates.PeriodDateField().clean(value)
            except ValidationError as error:
                problems.append(f"The {name} date: {error.messages[0]}; the default is shown.")
                continue
            if name == "start":
                start = parsed
            else:
                end = parsed
    if start > end:
        problems.append("The start date is after the end date; they have been swapped.")
        start, end = end, start
    return start, end, problems


@access("staff")
def figures(request):
    today = timezone.localdate()
    start, end, problems = _period(request, today)
    context = {
        "start": start,
        "end": end,
        "problems": problems,
        "complaints": selectors.complaint_figures(start=start, end=end),
        "other": selectors.other_feedback_figures(start=start, end=end),
    }
    return render(request, "feedback/figures.html", context)
