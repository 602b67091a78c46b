"""Pages: the customer profile, representativeness of each survey, TSM year and panel, weighting,
and the three ways equality information is collected (the customer's own page, the last page of a
survey, staff assisting) plus the manager's view of one customer's answers.

Who sees what (and why):
* one customer's answers: the manager (audited) and the customer themself; nobody else, ever;
* the profile and representativeness pages: all staff, in aggregate with small cells suppressed —
  officers run the mail-outs and door-knocks these pages suggest, and a suppressed count reveals
  nobody;
* weighting: the manager, who answers for the figures sent to the Regulator and the board;
* staff assisting a customer record answers but never see the old ones (the form starts empty).
"""

from __future__ import annotations

import datetime

from auditlog.signals import accessed
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from engagement.access import access, customer_of
from engagement.models import Customer
from engagement.quarters import Quarter
from panels.models import Panel
from surveys.models import Invitation, Survey, SurveyKind

from . import selectors, services
from .characteristics import EQUALITY
from .consent import explanation
from .forms import EqualityForm, WeightingForm
from .models import ConsentMethod, EqualityConsent, EqualityProfile
from .weighting import scheme_of, weighted_results

SURVEY_STEP_SALT = "voice.equality-after-survey"
SURVEY_STEP_MAX_AGE = 2 * 60 * 60  # the optional step is offered for two hours after answering


def _page(request, template, context):
    context.setdefault("threshold", selectors.small_cell())
    return render(request, template, context)


# --- Aggregates (staff) ------------------------------------------------------------------------------


@access("staff")
def profile(request):
    return _page(request, "voice/profile.html", {"comparisons": selectors.customer_profile()})


def _representation(request, population, *, back_url, back_label, weighting_url=None):
    return _page(
        request,
        "voice/representation.html",
        {
            "population": population,
            "comparisons": selectors.representativeness(population),
            "back_url": back_url,
            "back_label": back_label,
            "weighting_url": weighting_url,
        },
    )


@access("staff")
def survey_representation(request, pk: int):
    survey = get_object_or_404(Survey, pk=pk)
    weighting_url = reverse("voice:survey_weighting", args=[pk]) if request.user.is_manager else None
    return _representation(
        request,
        selectors.survey_population(survey),
        back_url=survey.get_absolute_url(),
        back_label=f"Back to {survey}",
        weighting_url=weighting_url,
    )


@access("staff")
def tsm_representation(request, year: int):
    if not 2000 <= year <= timezone.localdate().year + 1:
        raise Http404
    return _representation(
        request,
        selectors.tsm_year_population(year),
        back_url=reverse("regulator:tsm_overview") + f"?year={year}",
        back_label="Back to the Tenant Satisfaction Measures",
    )


@access("staff")
def panel_representation(request, pk: int):
    panel = get_object_or_404(Panel, pk=pk)
    return _representation(
        request, selectors.panel_population(panel), back_url=panel.get_absolute_url(), back_label=f"Back to {panel}"
    )


@access("manager")
def survey_weighting(request, pk: int):
    survey = get_object_or_404(Survey, pk=pk)
    scheme = scheme_of(survey)
    initial = {"characteristics": scheme.characteristics, "method": scheme.method} if scheme else {}
    form = WeightingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.weighting_scheme_set(
            survey=survey,
            characteristics=form.cleaned_data["characteristics"],
            method=form.cleaned_data["method"],
            user=request.user,
        )
        messages.success(request, "Weighting saved. The TSM return and the board pack state it.")
        return redirect("voice:survey_weighting", pk=pk)
    keys = (
        form.data.getlist("characteristics")
        if form.is_bound and form.is_valid()
        else (scheme.characteristics if scheme else [])
    )
    method = (form.cleaned_data.get("method") if form.is_bound and form.is_valid() else None) or (
        scheme.method if scheme else "rake"
    )
    result = weighted_results(survey, keys=keys, method=method) if keys else None
    return _page(
        request,
        "voice/weighting.html",
        {"survey": survey, "form": form, "scheme": scheme, "result": result, "is_tsm": survey.kind == SurveyKind.TSM},
    )


# --- Collecting equality information -----------------------------------------------------------------


def _equality_page(request, *, form, title, intro, action_url, customer=None, current=None, extra=None):
    return _page(
        request,
        "voice/equality_form.html",
        {
            "form": form,
            "title": title,
            "intro": intro,
            "explanation": explanation(selectors.small_cell()),
            "action_url": action_url,
            "customer": customer,
            "current": current,
            **(extra or {}),
        },
    )


@access("customer")
def my_equality(request):
    """The customer's own answers: shown to them, changed or removed by them."""
    customer = customer_of(request.user)
    profile = EqualityProfile.objects.filter(customer=customer).first()
    initial = {c.key: getattr(profile, c.key) for c in EQUALITY} if profile else {}
    form = EqualityForm(
        request.POST or None,
        initial=initial,
        consent_label="I have read why you ask and I agree to you keeping my answers",
    )
    if request.method == "POST" and form.is_valid():
        services.equality_profile_record(customer=customer, answers=form.answers(), method=ConsentMethod.PROFILE)
        messages.success(request, "Thank you. Your answers are saved; you can change or remove them here at any time.")
        return redirect("voice:my_equality")
    return _equality_page(
        request,
        form=form,
        title="About you (optional)",
        intro="Help us check that we hear from all our customers.",
        action_url=reverse("voice:my_equality"),
        current=profile,
        extra={"can_withdraw": profile is not None},
    )


@require_POST
@access("customer")
def my_equality_withdraw(request):
    customer = customer_of(request.user)
    services.equality_profile_withdraw(customer=customer, method=ConsentMethod.PROFILE)
    messages.success(request, "Your answers have been removed.")
    return redirect("voice:my_equality")


def survey_step_token(invitation: Invitation) -> str:
    return signing.dumps(invitation.pk, salt=SURVEY_STEP_SALT)


def survey_step_url(invitation) -> str | None:
    """The optional step on a survey's last page: only just after the invitation was answered."""
    if invitation is None or invitation.used_at is None:
        return None
    if timezone.now() - invitation.used_at > datetime.timedelta(seconds=SURVEY_STEP_MAX_AGE):
        return None
    return reverse("voice:survey_equality", args=[survey_step_token(invitation)])


@access("public")
def survey_equality(request, token: str):
    """After answering a survey through their link: the optional equality step. Write-only (the
    form never shows earlier answers: the link is all that proves who this is) and once only."""
    try:
        invitation_id = signing.loads(token, salt=SURVEY_STEP_SALT, max_age=SURVEY_STEP_MAX_AGE)
    except signing.BadSignature:
        return _page(request, "voice/step_closed.html", {})
    invitation = Invitation.objects.select_related("customer").filter(pk=invitation_id, used_at__isnull=False).first()
    if (
        invitation is None
        or EqualityConsent.objects.filter(
            customer=invitation.customer, method=ConsentMethod.SURVEY, given_at__gte=invitation.used_at
        ).exists()
    ):
        return _page(request, "voice/step_closed.html", {})
    form = EqualityForm(
        request.POST or None, consent_label="I have read why you ask and I agree to you keeping my answers"
    )
    if request.method == "POST" and form.is_valid():
        services.equality_profile_record(
            customer=invitation.customer, answers=form.answers(), method=ConsentMethod.SURVEY
        )
        return _page(request, "voice/step_thanks.html", {})
    return _equality_page(
        request,
        form=form,
        title="One more thing (optional)",
        intro="Your survey answers are saved. If you are happy to, tell us a little about yourself.",
        action_url=request.path,
        extra={"skip": True},
    )


@access("staff")
def customer_record(request, pk: int):
    """Staff assisting a customer record their answers, after reading them the explanation. The form
    starts empty: an officer never sees what the customer said before."""
    customer = get_object_or_404(Customer, pk=pk, erased_at__isnull=True)
    form = EqualityForm(
        request.POST or None,
        consent_label="I have read the customer the explanation above and they agreed to give these answers",
    )
    if request.method == "POST" and form.is_valid():
        services.equality_profile_record(
            customer=customer, answers=form.answers(), method=ConsentMethod.STAFF, recorded_by=request.user
        )
        messages.success(request, "Their answers are saved. Only the manager can see them.")
        return redirect(customer)
    return _equality_page(
        request,
        form=form,
        title=f"Equality questions with {customer.full_name}",
        intro="Read the customer the explanation, ask each question, and record only what they say.",
        action_url=request.path,
        customer=customer,
    )


@access("manager")
def customer_equality(request, pk: int):
    """One customer's answers and consent history: the manager only; each look is audited."""
    if not request.user.is_manager:  # defence in depth: the policy already says so
        raise PermissionDenied
    customer = get_object_or_404(Customer, pk=pk)
    profile = EqualityProfile.objects.filter(customer=customer).first()
    if profile is not None:
        accessed.send(sender=EqualityProfile, instance=profile)
    answers = (
        [(c.label, getattr(profile, f"get_{c.key}_display")() or "Not answered") for c in EQUALITY] if profile else []
    )
    return _page(
        request,
        "voice/customer_equality.html",
        {
            "customer": customer,
            "profile": profile,
            "answers": answers,
            "consents": EqualityConsent.objects.filter(customer=customer).select_related("recorded_by")[:20],
        },
    )


def this_tsm_year() -> int:
    return Quarter.containing(timezone.localdate()).year
