"""Views of the surveys app: thin wrappers over services and selectors.

Customer pages (estate champion survey) check that the estate is one the champion looks after
and that a submission is their own (404 otherwise). Invitation pages are public: the signed
link is the key. Everything else is for staff.
"""

from __future__ import annotations

import csv
import datetime
import uuid
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from engagement.access import access, customer_of
from engagement.files import private_file_response
from engagement.models import Estate, StockType
from engagement.views import ExportableListView
from engagement.workdays import add_working_days

from . import selectors, services, tsm
from .filters import ChampionIssueFilter, ChampionSurveyFilter, ResponseFilter, SurveyFilter
from .forms import (
    RATING_HINTS,
    ChampionSurveyForm,
    ImportForm,
    InvitationAnswerForm,
    IssueActionForm,
    IssueCloseForm,
    QuestionForm,
    StaffResponseForm,
    SurveyForm,
    TsmSurveyForm,
)
from .models import (
    ChampionIssue,
    ChampionPhoto,
    ChampionSurvey,
    Eligibility,
    IssueStatus,
    Question,
    Response,
    Survey,
    SurveyKind,
)
from .statistics import regulator_accuracy, sample_check
from .tables import ChampionIssueTable, ChampionSurveyTable, ResponseTable, SurveyTable

DRAFT_KEY = "surveys.champion_draft.{estate_id}"


def _token(value) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError):
        return None


# --- Estate champion survey (customers) ----------------------------------------------------


def keeps_answers_when_logged_out(view):
    """Customer-only, except that a POST from a session that has expired is not thrown away:
    the answers are kept in the (new, anonymous) session and the customer is sent to log in,
    then shown the form filled in again. Nothing is saved until they are logged in."""
    guarded = access("customer")(view)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "POST" and not request.user.is_authenticated:
            data = {key: request.POST.getlist(key) for key in request.POST if key != "csrfmiddlewaretoken"}
            lost = [upload.name for upload in request.FILES.getlist("photos")]
            request.session[DRAFT_KEY.format(estate_id=kwargs.get("estate_id"))] = {"data": data, "lost_photos": lost}
            return redirect_to_login(request.get_full_path())
        return guarded(request, *args, **kwargs)

    wrapped.access_policy = "customer"
    return wrapped


@access("customer")
def champion_home(request):
    customer = customer_of(request.user)
    estates = list(selectors.champion_estates(customer))
    submissions = (
        ChampionSurvey.objects.of_customer(customer)
        .select_related("estate")
        .with_issue_counts()
        .order_by("-visited_on", "-pk")[:50]
    )
    return render(
        request,
        "surveys/champion_home.html",
        {"estates": estates, "submissions": submissions, "customer": customer},
    )


def _draft_initial(request, estate_id) -> tuple[dict, list[str]]:
    draft = request.session.pop(DRAFT_KEY.format(estate_id=estate_id), None)
    if not draft:
        return {}, []
    data = draft.get("data", {})
    multi = {"remove_photos"}
    initial = {key: (values if key in multi else (values[-1] if values else "")) for key, values in data.items()}
    return initial, draft.get("lost_photos", [])


@keeps_answers_when_logged_out
def champion_new(request, estate_id: int):
    customer = customer_of(request.user)
    estate = get_object_or_404(selectors.champion_estates(customer), pk=estate_id)
    lost_photos: list[str] = []
    photo_problems: list[str] = []
    if request.method == "POST":
        form_token = _token(request.POST.get("form_token")) or uuid.uuid4()
        done = ChampionSurvey.objects.filter(form_token=form_token, customer=customer).first()
        if done is not None:
            messages.info(request, "Your survey was already sent. Here it is.")
            return redirect(done)
        remove = [int(pk) for pk in request.POST.getlist("remove_photos") if pk.isdigit()]
        services.champion_photos_discard(customer=customer, form_token=form_token, photo_ids=remove)
        _kept, photo_problems = services.champion_photos_stash(
            customer=customer, form_token=form_token, uploads=request.FILES.getlist("photos")
        )
        pending = _pending(customer, form_token)
        data = request.POST.copy()
        data.setlist("remove_photos", [])  # already acted on
        form = ChampionSurveyForm(data, pending_photos=pending)
        if form.is_valid() and not photo_problems:
            survey, created = services.champion_survey_submit(
                customer=customer, estate=estate, form_token=form_token, answers=form.answers()
            )
            if created:
                messages.success(request, f"Thank you. Your survey for {estate} has been sent to the team.")
            return redirect(survey)
    else:
        initial, lost_photos = _draft_initial(request, estate.pk)
        form_token = _token(initial.get("form_token")) or uuid.uuid4()
        initial = {"visited_on": timezone.localdate(), **initial, "form_token": form_token}
        pending = _pending(customer, form_token)
        form = ChampionSurveyForm(initial=initial, pending_photos=pending)
        if initial.get("grounds_rating") or lost_photos or len(initial) > 2:
            messages.info(
                request,
                "You were logged out before your survey was sent. We have kept your answers: check them and press "
                "“Send my survey”.",
            )
    return render(
        request,
        "surveys/champion_form.html",
        {
            "form": form,
            "estate": estate,
            "pending_photos": pending,
            "photo_problems": photo_problems,
            "lost_photos": lost_photos,
            "rating_hints": RATING_HINTS,
        },
    )


def _pending(customer, form_token):
    return list(ChampionPhoto.objects.filter(customer=customer, form_token=form_token, survey__isnull=True))


def _issues_with_actions(survey: ChampionSurvey):
    return survey.issues.select_related("action", "action__owner", "triaged_by").order_by("pk")


@access("customer")
def champion_detail(request, pk: int):
    customer = customer_of(request.user)
    # Another customer's submission does not exist as far as this customer is concerned.
    survey = get_object_or_404(ChampionSurvey.objects.select_related("estate"), pk=pk, customer=customer)
    return render(
        request,
        "surveys/champion_detail.html",
        {
            "survey": survey,
            "issues": _issues_with_actions(survey),
            "photos": survey.photos.all(),
            "today": timezone.localdate(),
        },
    )


@access("authenticated")
def photo(request, pk: int):
    photo = get_object_or_404(ChampionPhoto, pk=pk)
    if not request.user.is_engagement_staff:
        customer = getattr(request.user, "customer", None)
        if customer is None or photo.customer_id != customer.pk:
            raise Http404("No such photo.")
    return private_file_response(request, photo.image, content_type=photo.content_type)


# --- Estate champion survey (staff) ----------------------------------------------------------


class SubmissionListView(ExportableListView):
    access_policy = "staff"
    model = ChampionSurvey
    table_class = ChampionSurveyTable
    filterset_class = ChampionSurveyFilter
    title = "Estate champion surveys"
    export_name = "estate-champion-surveys"
    template_name = "surveys/staff_list.html"
    extra_context = {"subnav": "submissions"}

    def get_queryset(self):
        return (
            ChampionSurvey.objects.select_related("estate", "customer")
            .with_issue_counts()
            .annotate(photo_count=Count("photos", distinct=True))
            .order_by("-visited_on", "-pk")
        )


@access("staff")
def submission_detail(request, pk: int):
    survey = get_object_or_404(ChampionSurvey.objects.select_related("estate", "customer"), pk=pk)
    return render(
        request,
        "surveys/submission_detail.html",
        {
            "survey": survey,
            "issues": _issues_with_actions(survey),
            "photos": survey.photos.all(),
            "today": timezone.localdate(),
        },
    )


@access("staff")
def champion_trends(request):
    today = timezone.localdate()
    estate = None
    estate_id = request.GET.get("estate", "")
    if estate_id.isdigit():
        estate = Estate.objects.filter(pk=estate_id).first()
    trends = selectors.champion_trends(estate=estate, today=today)
    since = trends["months"][0]
    return render(
        request,
        "surveys/champion_trends.html",
        {
            "trends": trends,
            "estate": estate,
            "estates": Estate.objects.only("pk", "name"),
            "by_estate": selectors.champion_by_estate(since=since),
            "since": since,
            "subnav": "trends",
        },
    )


class IssueListView(ExportableListView):
    access_policy = "staff"
    model = ChampionIssue
    table_class = ChampionIssueTable
    filterset_class = ChampionIssueFilter
    title = "Estate champion issues to triage"
    export_name = "estate-champion-issues"
    template_name = "surveys/staff_list.html"
    extra_context = {"subnav": "issues"}

    def get_queryset(self):
        return ChampionIssue.objects.select_related("estate", "action", "action__owner")


@access("staff")
def issue_detail(request, pk: int):
    issue = get_object_or_404(
        ChampionIssue.objects.select_related("estate__officer", "estate__patch__officer", "survey__customer", "action"),
        pk=pk,
    )
    officer = issue.estate.officer or issue.estate.patch.officer or request.user
    action_form = IssueActionForm(
        initial={"owner": officer, "due_on": add_working_days(timezone.localdate(), 20), "publish": True}
    )
    close_form = IssueCloseForm()
    if request.method == "POST":
        try:
            if "close" in request.POST:
                close_form = IssueCloseForm(request.POST)
                if close_form.is_valid():
                    services.champion_issue_close(
                        issue=issue, reason=close_form.cleaned_data["reason"], user=request.user
                    )
                    messages.success(request, "Closed. The champion can see your reason.")
                    return redirect("surveys:issues")
            else:
                action_form = IssueActionForm(request.POST)
                if action_form.is_valid():
                    action = services.champion_issue_action(issue=issue, user=request.user, **action_form.cleaned_data)
                    messages.success(request, "Action created. The champion will see it on their survey.")
                    return redirect(action)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(issue)
    return render(
        request,
        "surveys/issue_detail.html",
        {
            "issue": issue,
            "action_form": action_form,
            "close_form": close_form,
            "photos": issue.survey.photos.all(),
            "is_new": issue.status == IssueStatus.NEW,
            "today": timezone.localdate(),
        },
    )


# --- Satisfaction surveys (staff) --------------------------------------------------------------


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


def _form_page(request, form, title, *, cancel_url, intro=""):
    return render(
        request, "surveys/staff_form.html", {"form": form, "title": title, "cancel_url": cancel_url, "intro": intro}
    )


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
    return _form_page(request, form, "New satisfaction survey", cancel_url=reverse("surveys:survey_list"))


@access("staff")
def survey_update(request, pk: int):
    survey = get_object_or_404(Survey, pk=pk)
    form = SurveyForm(request.POST or None, instance=survey)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Survey saved.")
        return redirect(survey)
    return _form_page(request, form, f"Edit {survey}", cancel_url=survey.get_absolute_url())


@access("staff")
def tsm_create(request):
    today = timezone.localdate()
    year_start = today.year if today.month >= 4 else today.year - 1
    form = TsmSurveyForm(
        request.POST or None,
        initial={
            "title": f"TSM perception survey {year_start}/{str(year_start + 1)[-2:]}",
            "opens_on": datetime.date(year_start, 4, 1),
            "closes_on": datetime.date(year_start + 1, 3, 31),
        },
    )
    if request.method == "POST" and form.is_valid():
        survey, _ = services.tsm_survey_create(created_by=request.user, **form.cleaned_data)
        messages.success(request, "TSM perception survey created with TP01–TP12 and its screening questions.")
        return redirect(survey)
    return _form_page(
        request,
        form,
        "New TSM perception survey",
        cancel_url=reverse("surveys:survey_list"),
        intro="Creates the regulator's standard questions TP01–TP12, with the screening questions that decide who "
        "counts for repairs (TP02, TP03), complaints (TP09) and communal areas (TP10).",
    )


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
        question = form.save(commit=False)
        question.survey = survey
        question.save()
        messages.success(request, "Question added.")
        return redirect(survey)
    return _form_page(request, form, f"Add a question to {survey}", cancel_url=survey.get_absolute_url())


@access("staff")
def question_update(request, pk: int):
    question = get_object_or_404(Question.objects.select_related("survey"), pk=pk)
    form = QuestionForm(request.POST or None, instance=question, survey=question.survey)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Question saved.")
        return redirect(question.survey)
    return _form_page(request, form, f"Edit question {question.label}", cancel_url=question.survey.get_absolute_url())


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
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="survey-{survey.pk}-results.csv"'
    response.write("\ufeff")  # so Excel opens it as UTF-8
    writer = csv.writer(response)
    writer.writerow(
        ["code", "question", "group", "answered (excluding don't know)", "positive", "% positive", "don't know"]
        + ["option", "count"]
    )
    for item in selectors.question_results(survey, group_by=group_by or None):
        question = item["question"]
        if not question.is_closed:
            writer.writerow(
                [question.label, question.text, "All", "", "", "", "", "free-text answers", item["text_count"]]
            )
            continue
        writer.writerow(
            [
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
        )
        for option in item["options"]:
            writer.writerow([question.label, question.text, "All", "", "", "", "", option["label"], option["count"]])
        for group in item["groups"]:
            writer.writerow(
                [
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
            )
    return response


def _fmt(value):
    return "" if value is None else f"{value:.1f}"


@access("staff")
def response_import(request, pk: int):
    survey = get_object_or_404(Survey, pk=pk)
    result = None
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        result = services.responses_import(survey=survey, upload=form.cleaned_data["file"], user=request.user)
        if result.ok:
            messages.success(request, f"Imported {result.created} responses.")
            return redirect(survey)
    return render(
        request,
        "surveys/import.html",
        {"survey": survey, "form": form, "result": result, "columns": services.import_columns(survey)},
    )


@access("staff")
def import_template(request, pk: int):
    survey = get_object_or_404(Survey, pk=pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="survey-{survey.pk}-import-template.csv"'
    csv.writer(response).writerow(services.import_columns(survey))
    return response


@require_POST
@access("staff")
def invitations_send(request, pk: int):
    survey = get_object_or_404(Survey, pk=pk)
    if not survey.is_open():
        messages.error(request, "The survey is not open, so no invitations were sent.")
        return redirect(survey)
    count = services.invitations_send(survey=survey, user=request.user)
    messages.success(request, f"{count} customer{'s' if count != 1 else ''} invited by email.")
    return redirect(survey)


@access("staff")
def tsm_measures(request):
    today = timezone.localdate()
    start = _date(request.GET.get("start")) or today - datetime.timedelta(days=364)
    end = _date(request.GET.get("end")) or today
    if end < start:
        start, end = end, start
    by_stock = selectors.tsm_perception_by_stock(start, end)
    responses = selectors.tsm_response_counts(start, end)
    homes = selectors.relevant_homes()
    drilldown = (
        f"{reverse('surveys:responses')}?survey__kind={SurveyKind.TSM}"
        f"&responded_after={start.isoformat()}&responded_before={end.isoformat()}"
    )
    rows = [
        {
            "code": item.code,
            "label": item.short,
            "rule": Eligibility(item.eligibility).label,
            "cells": [by_stock[stock].get(item.code) for stock in tsm.STOCK_TYPES],
        }
        for item in tsm.PERCEPTION
    ]
    stocks = [
        {
            "label": StockType(stock).label,
            "homes": homes[stock],
            "responses": responses[stock],
            "accuracy": regulator_accuracy(responses=responses[stock], homes=homes[stock]),
        }
        for stock in tsm.STOCK_TYPES
    ]
    return render(
        request,
        "surveys/tsm.html",
        {"rows": rows, "stocks": stocks, "start": start, "end": end, "drilldown": drilldown, "subnav": "tsm"},
    )


def _date(text):
    try:
        return datetime.date.fromisoformat(text or "")
    except ValueError:
        return None


# --- Invitation links (public) ----------------------------------------------------------------


@access("public")
def invitation(request, token: str):
    try:
        invite = services.invitation_resolve(token)
    except services.InvitationProblem as problem:
        return render(request, "surveys/invitation_problem.html", {"problem": problem}, status=problem.status)
    survey = invite.survey
    questions = survey.questions.all()
    form = InvitationAnswerForm(request.POST or None, questions=questions)
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_answer(invitation=invite, answers=form.answers())
        except services.InvitationProblem as problem:
            return render(request, "surveys/invitation_problem.html", {"problem": problem}, status=problem.status)
        return redirect("surveys:invitation_thanks")
    return render(request, "surveys/invitation_form.html", {"form": form, "survey": survey, "invitation": invite})


@access("public")
def invitation_thanks(request):
    return render(request, "surveys/invitation_thanks.html")
