"""Schemes' pages: the compliance view (HTML, print, CSV), an obligation and its record, a
scheme's settings, leavers and exit interviews, the suggestion box, and informal feedback."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from engagement.access import access
from engagement.csv_export import csv_response
from engagement.models import Action, Estate, EstateType
from engagement.views import ExportableListView
from surveys.models import Survey

from . import cadence, forms, selectors, services
from .filters import InformalFeedbackFilter
from .models import SERVICE_AREAS, InformalFeedback, Obligation, ObligationKind, ReviewStatus
from .rhythms import FIXED_AGENDA, QUARTERLY_INVITEES
from .tables import InformalFeedbackTable


def _year(request, today) -> int:
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return cadence.financial_year_of(today)
    return year if 2000 <= year <= today.year + 1 else cadence.financial_year_of(today)


def _apply_errors(form, error: ValidationError) -> None:
    for field, messages_ in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages_)


@access("staff")
def compliance(request):
    """This year's obligations per service area and scheme: done / due / missed, with evidence
    (what a consumer-standards audit asks for). Printable; `?_export=csv` downloads it."""
    today = timezone.localdate()
    year = _year(request, today)
    area = request.GET.get("area", "")
    area = area if area in {str(a) for a in SERVICE_AREAS} else ""
    scheme = None
    if request.GET.get("scheme", "").isdigit():
        scheme = Estate.objects.filter(pk=request.GET["scheme"], estate_type__in=SERVICE_AREAS).first()
    if request.GET.get("_export") == "csv":
        return csv_response(
            filename=f"scheme-obligations-{year}.csv",
            header=selectors.CSV_HEADER,
            rows=selectors.compliance_csv_rows(year=year, today=today, area=area, scheme=scheme),
        )
    schemes = Estate.objects.filter(estate_type__in=SERVICE_AREAS).only("pk", "name", "estate_type")
    return render(
        request,
        "schemes/compliance.html",
        {
            "areas": selectors.compliance(year=year, today=today, area=area, scheme=scheme),
            "year": year,
            "year_label": f"{year}/{str(year + 1)[2:]}",
            "area": area,
            "scheme": scheme,
            "area_choices": forms.AREA_CHOICES,
            "schemes": schemes,
            "today": today,
            "query": request.GET.urlencode(),
        },
    )


@access("staff")
def scheme_detail(request, pk: int):
    scheme = get_object_or_404(Estate.objects.select_related("patch"), pk=pk, estate_type__in=SERVICE_AREAS)
    settings = services.scheme_settings_for(scheme)
    context = {"scheme": scheme, "settings": settings, "is_young": scheme.estate_type == EstateType.YOUNG_PEOPLE}
    if context["is_young"]:
        context["leavers"] = scheme.leavers.select_related("exit_interview_obligation")[:20]
        context["suggestions"] = scheme.suggestions.filter(from_name=services.BOX_SUGGESTION)[:20]
    return render(request, "schemes/scheme_detail.html", context)


@access("manager")
def scheme_settings(request, pk: int):
    scheme = get_object_or_404(Estate, pk=pk, estate_type__in=SERVICE_AREAS)
    form = forms.SchemeSettingsForm(request.POST or None, instance=services.scheme_settings_for(scheme))
    if request.method == "POST" and form.is_valid():
        form.save()
        # A new agreed interval changes the periods still to come.
        services.obligations_propose(year=cadence.financial_year_of(timezone.localdate()), schemes=[scheme])
        messages.success(request, "Scheme settings saved; the year's obligations follow them.")
        return redirect("schemes:scheme_detail", pk=scheme.pk)
    return render(
        request,
        "engagement/form.html",
        {"form": form, "title": f"Settings: {scheme}", "cancel_url": scheme_url(scheme)},
    )


def scheme_url(scheme) -> str:
    from django.urls import reverse

    return reverse("schemes:scheme_detail", args=[scheme.pk])


@access("staff")
def obligation_detail(request, pk: int):
    obligation = get_object_or_404(
        Obligation.objects.select_related("scheme", "template", "owner", "met_by", "leaver"), pk=pk
    )
    form = None
    if obligation.met_on is None and obligation.template.kind != ObligationKind.EXIT_INTERVIEW:
        form = forms.ObligationRecordForm(request.POST or None, obligation=obligation)
        if request.method == "POST" and form.is_valid():
            try:
                services.obligation_record(
                    obligation=obligation,
                    by=request.user,
                    met_on=form.cleaned_data["met_on"],
                    note=form.cleaned_data["note"],
                    details=form.details(),
                    evidence=form.evidence_records(),
                )
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, "Recorded as done.")
                return redirect(obligation)
    elif request.method == "POST":
        return redirect(obligation)
    sense_checks = []
    if obligation.template.kind in (ObligationKind.SENSE_CHECK, ObligationKind.LEASEHOLDER_MEETING):
        # The figures the leaseholders' meeting reports and the Customer Voice Group monitors.
        surveys = list(
            Survey.objects.filter(estates=obligation.scheme, questions__code="SC1").order_by("-opens_on")[:4]
        )
        figures = selectors.sense_check_figures([survey.pk for survey in surveys])
        sense_checks = [(survey, *figures.get(survey.pk, (0, 0))) for survey in surveys]
    return render(
        request,
        "schemes/obligation_detail.html",
        {
            "obligation": obligation,
            "form": form,
            "status": obligation.status(),
            "evidence": obligation.evidence.all(),
            "agenda": FIXED_AGENDA,
            "invitees": dict(QUARTERLY_INVITEES),
            "agenda_labels": dict(FIXED_AGENDA),
            "is_sense_check": obligation.template.kind == ObligationKind.SENSE_CHECK,
            "is_exit_interview": obligation.template.kind == ObligationKind.EXIT_INTERVIEW,
            "sense_checks": sense_checks,
        },
    )


@require_POST
@access("staff")
def sense_check_start(request, pk: int):
    obligation = get_object_or_404(Obligation.objects.select_related("scheme", "template"), pk=pk)
    try:
        survey = services.sense_check_start(obligation=obligation, by=request.user)
    except ValidationError:
        raise Http404("Not a Sense Check obligation") from None
    messages.success(request, "The Sense Check survey is open: record the answers on its page.")
    return redirect(survey)


@access("staff")
def leaver_create(request, pk: int):
    scheme = get_object_or_404(Estate, pk=pk, estate_type=EstateType.YOUNG_PEOPLE)
    form = forms.LeaverForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            leaver = services.leaver_record(
                scheme=scheme,
                left_on=form.cleaned_data["left_on"],
                reference=form.cleaned_data["reference"],
                by=request.user,
                form_token=form.cleaned_data["form_token"],
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, "Leaver recorded: their exit interview is now owed.")
            obligation = getattr(leaver, "exit_interview_obligation", None)
            return redirect(obligation or scheme_url(scheme))
    return render(
        request,
        "engagement/form.html",
        {"form": form, "title": f"A young person is leaving {scheme}", "cancel_url": scheme_url(scheme)},
    )


@access("staff")
def exit_interview(request, pk: int):
    obligation = get_object_or_404(
        Obligation.objects.select_related("scheme", "template", "leaver"),
        pk=pk,
        template__kind=ObligationKind.EXIT_INTERVIEW,
    )
    if obligation.met_on is not None:
        messages.info(request, "This exit interview has already been recorded.")
        return redirect(obligation)
    today = timezone.localdate()
    survey = services.exit_interview_survey_of(obligation.leaver, on=today)
    form = forms.ExitInterviewForm(request.POST or None, survey=survey, initial={"responded_on": today})
    if request.method == "POST" and form.is_valid():
        try:
            services.exit_interview_record(
                obligation=obligation,
                by=request.user,
                answers=form.answers(),
                channel=form.cleaned_data["channel"],
                responded_on=form.cleaned_data["responded_on"],
                assisted_by=form.cleaned_data["assisted_by"],
                form_token=form.cleaned_data["form_token"],
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, "Exit interview recorded. Its answers count in the survey's results.")
            return redirect(obligation)
    return render(request, "schemes/exit_interview.html", {"form": form, "obligation": obligation, "survey": survey})


@access("staff")
def suggestion_box(request, pk: int):
    scheme = get_object_or_404(Estate, pk=pk, estate_type=EstateType.YOUNG_PEOPLE)
    form = forms.BoxSuggestionForm(request.POST or None, initial={"received_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.box_suggestion_log(
                scheme=scheme,
                text=form.cleaned_data["text"],
                received_on=form.cleaned_data["received_on"],
                by=request.user,
                form_token=form.cleaned_data["form_token"],
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, "Suggestion logged. Answer it from the list below.")
            return redirect("schemes:suggestion_box", pk=scheme.pk)
    suggestions = list(scheme.suggestions.filter(from_name=services.BOX_SUGGESTION)[:50])
    actions = {
        a.source_id: a
        for a in Action.objects.filter(
            source_type__model="suggestion",
            source_type__app_label="feedback",
            source_id__in=[s.pk for s in suggestions],
        )
    }
    rows = [(s, actions.get(s.pk)) for s in suggestions]
    return render(request, "schemes/suggestion_box.html", {"scheme": scheme, "form": form, "rows": rows})


# --- Informal and adverse-event feedback ------------------------------------------------------------


@access("staff")
def feedback_create(request):
    form = forms.InformalFeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        token = data.pop("form_token")
        try:
            item = services.informal_feedback_note(by=request.user, form_token=token, **data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, "Thank you: noted for the team to review.")
            return redirect(item)
    return render(request, "schemes/feedback_form.html", {"form": form})


class InformalFeedbackListView(ExportableListView):
    access_policy = "staff"
    model = InformalFeedback
    table_class = InformalFeedbackTable
    filterset_class = InformalFeedbackFilter
    title = "Informal feedback and adverse events"
    export_name = "informal-feedback"
    template_name = "schemes/feedback_list.html"

    def get_queryset(self):
        return InformalFeedback.objects.select_related("estate", "noted_by")


@access("staff")
def feedback_detail(request, pk: int):
    item = get_object_or_404(InformalFeedback.objects.select_related("estate", "noted_by", "reviewed_by"), pk=pk)
    review_form = forms.ReviewForm(request.POST if request.POST.get("step") == "review" else None)
    action_form = forms.FeedbackActionForm(
        request.POST if request.POST.get("step") == "action" else None,
        initial={"owner": request.user, "due_on": timezone.localdate() + datetime.timedelta(days=28)},
    )
    if request.method == "POST":
        form = review_form if request.POST.get("step") == "review" else action_form
        if form.is_valid():
            try:
                if form is review_form:
                    services.informal_feedback_review(
                        item=item, by=request.user, status=ReviewStatus.REVIEWED, outcome=form.cleaned_data["outcome"]
                    )
                    messages.success(request, "Review recorded.")
                else:
                    action = services.informal_feedback_action(
                        item=item,
                        by=request.user,
                        we_will=form.cleaned_data["we_will"],
                        owner=form.cleaned_data["owner"],
                        due_on=form.cleaned_data["due_on"],
                        publish=form.cleaned_data["publish"],
                        form_token=form.cleaned_data["form_token"],
                    )
                    messages.success(request, "Action agreed.")
                    return redirect(action)
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                return redirect(item)
    actions = Action.objects.from_source(item).select_related("owner")
    return render(
        request,
        "schemes/feedback_detail.html",
        {"item": item, "review_form": review_form, "action_form": action_form, "actions": actions},
    )
