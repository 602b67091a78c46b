"""Estate champion survey pages: the champion's own (customers) and triage (staff)."""

from __future__ import annotations

import uuid
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from engagement.access import access, customer_of
from engagement.files import private_file_response
from engagement.models import Estate
from engagement.views import ExportableListView
from engagement.workdays import add_working_days

from .. import selectors, services
from ..filters import ChampionIssueFilter, ChampionSurveyFilter
from ..forms import RATING_HINTS, ChampionSurveyForm, IssueActionForm, IssueCloseForm
from ..models import ChampionIssue, ChampionPhoto, ChampionSurvey, IssueStatus
from ..tables import ChampionIssueTable, ChampionSurveyTable
from ._pages import _token

DRAFT_KEY = "surveys.champion_draft.{estate_id}"


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
    # The officer told about poor ratings comes with the estate (no second and third query on submit).
    estate = get_object_or_404(
        selectors.champion_estates(customer).select_related("officer", "patch__officer"), pk=estate_id
    )
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
                customer=customer, estate=estate, form_token=form_token, answers=form.answers(), looked_up=True
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
