"""Satisfaction survey pages (staff): surveys, questions, responses and results."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.db import IntegrityError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from engagement.access import access
from engagement.csv_export import csv_response
from engagement.steps import form_page
from engagement.views import ExportableListView

from .. import selectors, services
from ..filters import ResponseFilter, SurveyFilter
from ..forms import QuestionForm, StaffResponseForm, SurveyForm
from ..models import Question, Response, Survey, SurveyKind
from ..statistics import sample_check
from ..tables import ResponseTable, SurveyTable
from ._pages import MESSAGES_ONLY, _token


class SurveyListView(ExportableListView):
    access_policy = "staff"
    model = Survey
    table_class = SurveyTable
    filterset_class = SurveyFilter
    title = "Satisfaction surveys"
    export_name = "surveys"
    template_name = "surveys/staff_list.html"
    extra_context = {"subnav": "surveys"}

    def get_queryset(self):
        return Survey.objects.with_response_counts().order_by("-opens_on", "title")


class ResponseListView(ExportableListView):
    access_policy = "staff"
    model = Response
    table_class = ResponseTable
    filterset_class = ResponseFilter
    title = "Survey responses"
    export_name = "survey-responses"
    template_name = "surveys/staff_list.html"
    extra_context = {"subnav": "responses"}

    def get_queryset(self):
        return Response.objects.select_related("survey", "customer", "estate")


@access("staff")
def survey_create(request):
    today = timezone.localdate()
    form = SurveyForm(request.POST or None, initial={"opens_on": today, "closes_on": today + datetime.timedelta(28)})
    if request.method == "POST" and form.is_valid():
        survey = form.save(commit=False)
        survey.created_by = request.user
        survey.save()
        form.save_m2m()
        messages.success(request, "Survey created. Now add its questions.")
        return redirect(survey)
    return form_page(
        request, form, title="New satisfaction survey", cancel_url=reverse("surveys:survey_list"), extra=MESSAGES_ONLY
    )


@access("staff")
def survey_update(request, pk: int):
    survey = get_object_or_404(Survey, pk=pk)
    form = SurveyForm(request.POST or None, instance=survey)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Survey saved.")
        return redirect(survey)
    return form_page(request, form, title=f"Edit {survey}", cancel_url=survey.get_absolute_url(), extra=MESSAGES_ONLY)


@access("staff")
def survey_detail(request, pk: int):
    survey = get_object_or_404(Survey.objects.prefetch_related("estates"), pk=pk)
    responses = survey.responses.count()
    population = selectors.survey_population(survey)
    check = sample_check(responses=responses, population=population)
    invitations = survey.invitations.aggregate(
        sent=Count("pk", filter=Q(sent_at__isnull=False)),
        used=Count("pk", filter=Q(used_at__isnull=False)),
        all=Count("pk"),
    )
    return render(
        request,
        "surveys/survey_detail.html",
        {
            "survey": survey,
            "check": check,
            "population_computed": selectors.survey_population_computed(survey),
            "questions": survey.questions.all(),
            "invitations": invitations,
            "bar_pct": min(100, round(100 * responses / check.required)) if check.required else 0,
            "regulator_checks": selectors.survey_regulator_checks(survey) if survey.kind == SurveyKind.TSM else [],
            "subnav": "surveys",
        },
    )


@access("staff")
def question_create(request, pk: int):
    survey = get_object_or_404(Survey, pk=pk)
    next_position = (survey.questions.count() or 0) + 1
    form = QuestionForm(request.POST or None, survey=survey, initial={"position": next_position})
    if request.method == "POST" and form.is_valid():
        _question, created = services.question_add(survey=survey, **form.cleaned_data)
        if created:
            messages.success(request, "Question added.")
        else:
            messages.info(request, "That question was already added; nothing was added twice.")
        return redirect(survey)
    return form_page(
        request, form, title=f"Add a question to {survey}", cancel_url=survey.get_absolute_url(), extra=MESSAGES_ONLY
    )


@access("staff")
def question_update(request, pk: int):
    question = get_object_or_404(Question.objects.select_related("survey"), pk=pk)
    form = QuestionForm(request.POST or None, instance=question, survey=question.survey)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Question saved.")
        return redirect(question.survey)
    return form_page(
        request,
        form,
        title=f"Edit question {question.label}",
        cancel_url=question.survey.get_absolute_url(),
        extra=MESSAGES_ONLY,
    )


@access("staff")
def response_create(request, pk: int):
    survey = get_object_or_404(Survey, pk=pk)
    if request.method == "POST":
        form = StaffResponseForm(request.POST, survey=survey)
        token = _token(request.POST.get("form_token"))
        done = Response.objects.filter(form_token=token).first() if token else None
        if done is not None:
            messages.info(request, "That response was already saved.")
            return redirect(done)
        if form.is_valid():
            data = form.cleaned_data
            try:
                response = services.response_record(
                    survey=survey,
                    customer=data["customer"],
                    estate=data["estate"],
                    tenure=data["tenure"],
                    channel=data["channel"],
                    responded_on=data["responded_on"],
                    assisted_by=data["assisted_by"],
                    entered_by=request.user,
                    answers=form.answers(),
                    form_token=data["form_token"],
                )
            except IntegrityError:
                form.add_error("reference", "This customer has already answered this survey.")
            else:
                messages.success(request, "Response saved. You can enter the next one below.")
                if "another" in request.POST:
                    return redirect("surveys:response_create", pk=survey.pk)
                return redirect(response)
    else:
        form = StaffResponseForm(survey=survey, initial={"responded_on": timezone.localdate()})
    return render(request, "surveys/response_form.html", {"form": form, "survey": survey})


@access("staff")
def response_detail(request, pk: int):
    response = get_object_or_404(Response.objects.select_related("survey", "customer", "estate", "entered_by"), pk=pk)
    answers = response.answers.select_related("question").order_by("question__position")
    return render(request, "surveys/response_detail.html", {"response": response, "answers": answers})


@access("staff")
def results(request, pk: int):
    survey = get_object_or_404(Survey, pk=pk)
    group_by = request.GET.get("by", "")
    group_by = group_by if group_by in selectors.GROUPINGS else ""
    return render(
        request,
        "surveys/results.html",
        {
            "survey": survey,
            "results": selectors.question_results(survey, group_by=group_by or None),
            "comments": selectors.recent_comments(survey),
            "group_by": group_by,
            "group_label": selectors.GROUPINGS[group_by][1] if group_by else "",
            "groupings": [(key, label) for key, (_f, label) in selectors.GROUPINGS.items()],
            "check": selectors.survey_sample_check(survey),
        },
    )


@access("staff")
def results_export(request, pk: int):
    survey = get_object_or_404(Survey, pk=pk)
    group_by = request.GET.get("by", "")
    group_by = group_by if group_by in selectors.GROUPINGS else ""
    header = ["code", "question", "group", "answered (excluding don't know)", "positive", "% positive", "don't know"]
    header += ["option", "count"]
    rows = _result_rows(selectors.question_results(survey, group_by=group_by or None))
    return csv_response(filename=f"survey-{survey.pk}-results.csv", header=header, rows=rows)


def _result_rows(results):
    for item in results:
        question = item["question"]
        if not question.is_closed:
            yield [question.label, question.text, "All", "", "", "", "", "free-text answers", item["text_count"]]
            continue
        yield [
            question.label,
            question.text,
            "All",
            item["answered"],
            item["positive"],
            _fmt(item["pct"]),
            item["dont_know"],
            "",
            "",
        ]
        for option in item["options"]:
            yield [question.label, question.text, "All", "", "", "", "", option["label"], option["count"]]
        for group in item["groups"]:
            yield [
                question.label,
                question.text,
                group.name,
                group.answered,
                group.positive,
                _fmt(group.pct),
                group.dont_know,
                "",
                "",
            ]


def _fmt(value):
    return "" if value is None else f"{value:.1f}"
