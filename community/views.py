"""Pages of the community app: panel budgets, calls for action and awards.

Public pages (funded projects, the call-for-action and nomination forms, the winners) show nothing
personal: groups by name, residents only with their consent, nominees only once consent is recorded.
Public forms are throttled per client address and carry a honeypot and a one-time token.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from engagement.access import access
from engagement.security import client_ip, throttle_hit
from engagement.steps import form_page, step

from . import forms, selectors, services
from .models import (
    AwardRound,
    CallForAction,
    CallStatus,
    CommunityBudget,
    FundingApplication,
    FundingPriority,
    Nomination,
)


def _throttled(request, scope: str) -> bool:
    """True when this client has sent this public form too often in the last hour."""
    key = client_ip(request) or "unknown"
    return not throttle_hit(scope, key, limit=settings.COMMUNITY_PUBLIC_FORMS_PER_HOUR, seconds=3600)


def _too_many(request, title):
    return render(request, "community/too_many.html", {"title": title}, status=429)


def _customer(request):
    return getattr(request.user, "customer", None) if request.user.is_authenticated else None


# --- Staff overview -------------------------------------------------------------------------------


@access("staff")
def index(request):
    return render(
        request,
        "community/index.html",
        {
            "budgets": selectors.budgets_with_totals(),
            "calls_awaiting": CallForAction.objects.awaiting().select_related("panel").order_by("decision_due_on"),
            "rounds": AwardRound.objects.annotate(nominations=Count("categories__nominations")),
            "today": timezone.localdate(),
        },
    )


# --- Budgets --------------------------------------------------------------------------------------


@access("staff")
def budget_detail(request, pk: int):
    budget = get_object_or_404(CommunityBudget.objects.select_related("panel"), pk=pk)
    return render(request, "community/budget_detail.html", selectors.budget_page(budget))


@access("authenticated")
def apply(request):
    """A logged-in customer applies; staff enter an application on a group's behalf."""
    customer = _customer(request)
    year = selectors.current_year()
    priorities = FundingPriority.objects.filter(budget__year=year).select_related("budget__panel")
    initial = {}
    if customer is not None:
        initial = {"contact_name": customer.full_name, "contact_details": customer.email or customer.phone}
    form = forms.FundingApplicationForm(request.POST or None, priorities=priorities, initial=initial)
    is_staff = request.user.is_engagement_staff
    done = step(
        request,
        form=form,
        run=lambda data: services.application_submit(
            budget=data["priority"].budget,
            priority=data["priority"],
            title=data["title"],
            purpose=data["purpose"],
            outcomes=data["outcomes"],
            requested_pence=data["requested"],
            contact_name=data["contact_name"],
            contact_details=data["contact_details"],
            group_name=data["group_name"],
            applicant=customer,
            name_may_be_published=data["name_may_be_published"],
            recorded_by=request.user if is_staff else None,
            form_token=data["form_token"],
        ),
        success="Application sent. The panel will consider it at its next meeting and we will tell you its decision.",
        resent="That application was already sent; nothing was added twice.",
        target=lambda application: application,
    )
    return done or form_page(
        request,
        form,
        title="Apply to a community panel for funding",
        intro="Each community panel has a budget for the year to spend on projects that meet its priorities. "
        "The panel scores every application against them and decides at its meetings, every other month.",
        cancel_url=reverse("home"),
        submit_label="Send application",
    )


def _application_for(request, pk: int) -> FundingApplication:
    application = get_object_or_404(
        FundingApplication.objects.select_related("budget__panel", "priority", "applicant", "decided_at_meeting"), pk=pk
    )
    if not FundingApplication.objects.visible_to(request.user).filter(pk=pk).exists():
        raise PermissionDenied("You can only see your own applications.")
    return application


@access("authenticated")
def application_detail(request, pk: int):
    application = _application_for(request, pk)
    scores = application.scores.select_related("priority")
    return render(
        request,
        "community/application_detail.html",
        {
            "application": application,
            "scores": scores,
            "score_total": sum(s.score for s in scores),
            "payments": application.payments.all(),
            "staff": request.user.is_engagement_staff,
        },
    )


@access("staff")
def application_score(request, pk: int):
    application = _application_for(request, pk)
    priorities = list(application.budget.priorities.all())
    current = dict(application.scores.values_list("priority_id", "score"))
    form = forms.ScoreForm(request.POST or None, priorities=priorities, initial_scores=current)
    done = step(
        request,
        form=form,
        run=lambda data: services.application_score(application=application, scores=form.scores(), by=request.user),
        success=lambda total: f"Scores saved: {total} out of {3 * len(priorities)}.",
        target=application,
    )
    return done or form_page(
        request,
        form,
        title=f"Score against the priorities: {application.title}",
        intro="How well does the application meet each of the panel's priorities? 0 does not meet it, 3 meets it well.",
        cancel_url=application.get_absolute_url(),
    )


@access("staff")
def application_decide(request, pk: int):
    application = _application_for(request, pk)
    form = forms.DecisionForm(request.POST or None, panel=application.budget.panel)
    done = step(
        request,
        form=form,
        run=lambda data: services.application_decide(
            application=application,
            award=data["decision"] == "award",
            amount_pence=(data["amount"] or application.requested_pence) if data["decision"] == "award" else 0,
            meeting=data["meeting"],
            reason=data["reason"],
            by=request.user,
        ),
        success=lambda a: f"Decision recorded: {a.get_status_display().lower()}.",
        target=application,
    )
    return done or form_page(
        request,
        form,
        title=f"Record the panel's decision: {application.title}",
        intro=f"Asked for {selectors.pounds(application.requested_pence)}. "
        f"{selectors.pounds(application.budget.remaining_pence)} of {application.budget} is left.",
        submit_label="Record the decision",
        cancel_url=application.get_absolute_url(),
    )


@access("staff")
def payment_add(request, pk: int):
    application = _application_for(request, pk)
    form = forms.PaymentForm(request.POST or None, initial={"paid_on": timezone.localdate()})
    done = step(
        request,
        form=form,
        run=lambda data: services.payment_record(
            application=application,
            amount_pence=data["amount"],
            paid_on=data["paid_on"],
            reference=data["reference"],
            by=request.user,
            form_token=data["form_token"],
        ),
        success="Payment recorded.",
        resent="That payment was already recorded; nothing was added twice.",
        target=application,
    )
    return done or form_page(
        request, form, title=f"Record a payment: {application.title}", cancel_url=application.get_absolute_url()
    )


@access("staff")
def outcomes_record(request, pk: int):
    application = _application_for(request, pk)
    form = forms.OutcomesForm(request.POST or None, initial={"outcomes_achieved": application.outcomes_achieved})
    done = step(
        request,
        form=form,
        run=lambda data: services.application_outcomes_record(application=application, **data),
        success="Outcomes recorded.",
        target=application,
    )
    return done or form_page(
        request, form, title=f"What it achieved: {application.title}", cancel_url=application.get_absolute_url()
    )


@access("public")
def funded(request):
    return render(request, "community/funded.html", selectors.funded_page(year=request.GET.get("year")))


# --- Community Call for Action --------------------------------------------------------------------


@access("public")
def call_new(request):
    panel = services.call_panel()
    if panel is None:
        return render(request, "community/call_closed.html", status=404)
    customer = _customer(request)
    form = forms.CallForActionForm(request.POST or None, has_login=customer is not None)
    title = f"Ask the {panel} to look into an issue"
    if request.method == "POST":
        if _throttled(request, "call-for-action"):
            return _too_many(request, title)
        if form.is_valid() and form.is_spam():
            return redirect("community:call_thanks")  # a robot: say thanks, keep nothing
    done = step(
        request,
        form=form,
        run=lambda data: services.call_submit(
            panel=panel,
            issue=data["issue"],
            details=data["details"],
            tried_already=data["tried_already"],
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
            estate=data["estate"],
            customer=customer,
            recorded_by=request.user if request.user.is_authenticated and request.user.is_engagement_staff else None,
            form_token=data["form_token"],
        ),
        success="Thank you: your call for action has been sent to the panel.",
        resent="Your call for action was already sent; nothing was sent twice.",
        target=reverse("community:call_thanks"),
    )
    return done or form_page(
        request,
        form,
        title=title,
        intro=f"The {panel} is a group of customers who scrutinise our services. If you think something should be "
        "looked into, tell them here. The panel will decide whether to take it on and tell you why.",
        submit_label="Send to the panel",
        template="community/public_form.html",
    )


@access("public")
def call_thanks(request):
    return render(request, "community/thanks.html", {"title": "Your call for action has been sent", "what": "call"})


@access("staff")
def call_list(request):
    calls = CallForAction.objects.select_related("panel", "estate").order_by("status", "decision_due_on")
    return render(request, "community/call_list.html", {"calls": calls, "today": timezone.localdate()})


@access("authenticated")
def call_detail(request, pk: int):
    call = get_object_or_404(
        CallForAction.objects.select_related("panel", "customer", "estate", "scrutiny_project"), pk=pk
    )
    if not request.user.is_engagement_staff and not (call.customer_id and call.customer.user_id == request.user.pk):
        raise PermissionDenied("You can only see the calls for action you sent.")
    return render(request, "community/call_detail.html", {"call": call, "staff": request.user.is_engagement_staff})


@access("staff")
def call_decide(request, pk: int):
    call = get_object_or_404(CallForAction.objects.select_related("panel", "customer__user"), pk=pk)
    if call.status != CallStatus.AWAITING:
        messages.info(request, "The panel's decision on this call has already been recorded.")
        return redirect(call)
    form = forms.CallDecisionForm(request.POST or None)
    done = step(
        request,
        form=form,
        run=lambda data: services.call_decide(
            call=call,
            accept=data["decision"] == "accept",
            reason=data["reason"],
            told_by_phone=data["told_by_phone"],
            by=request.user,
        ),
        success="Decision recorded and the customer told.",
        target=call,
    )
    return done or form_page(
        request,
        form,
        submit_label="Record the decision and tell them",
        title=f"The panel's decision: {call.issue}",
        cancel_url=call.get_absolute_url(),
    )


@access("staff")
def call_scrutiny(request, pk: int):
    call = get_object_or_404(CallForAction, pk=pk)
    if request.method != "POST":
        return redirect(call)
    return step(
        request,
        run=lambda: services.call_start_scrutiny(call=call, lead_officer=request.user),
        success="Scrutiny review started.",
        target=call,
    )


# --- Awards ----------------------------------------------------------------------------------------


@access("public")
def nominate(request):
    award_round = selectors.open_round()
    is_staff = request.user.is_authenticated and request.user.is_engagement_staff
    if award_round is None and is_staff:
        award_round = AwardRound.objects.first()  # staff may add one late, on someone's behalf
    if award_round is None:
        return render(request, "community/nominations_closed.html", {"round": AwardRound.objects.first()})
    form = forms.NominationForm(request.POST or None, categories=award_round.categories.all())
    title = f"Nominate someone for {award_round}"
    if request.method == "POST":
        if _throttled(request, "nomination"):
            return _too_many(request, title)
        if form.is_valid() and form.is_spam():
            return redirect("community:nominate_thanks")
    done = step(
        request,
        form=form,
        run=lambda data: services.nomination_submit(
            category=data["category"],
            nominee_name=data["nominee_name"],
            nominee_area=data["nominee_area"],
            nominee_contact=data["nominee_contact"],
            reason=data["reason"],
            nominator_name=data["nominator_name"],
            nominator_contact=data["nominator_contact"],
            recorded_by=request.user if is_staff else None,
            form_token=data["form_token"],
        ),
        success="Thank you for your nomination.",
        resent="Your nomination was already sent; nothing was sent twice.",
        target=reverse("community:nominate_thanks"),
    )
    return done or form_page(
        request,
        form,
        title=title,
        intro="Our awards recognise tenants and leaseholders who give their time to make their neighbourhood a "
        "better place. Tell us who you are nominating and why. We publish a winner's name only with their agreement.",
        submit_label="Send nomination",
        template="community/public_form.html",
    )


@access("public")
def nominate_thanks(request):
    return render(request, "community/thanks.html", {"title": "Thank you for your nomination", "what": "nomination"})


@access("public")
def winners(request):
    rounds = [(r, services.winners_of(r)) for r in AwardRound.objects.filter(winners_announced=True)]
    return render(request, "community/winners.html", {"rounds": rounds})


@access("staff")
def nomination_list(request):
    nominations = Nomination.objects.select_related("category__award_round", "nominee_area")
    award_round = request.GET.get("round")
    if award_round and award_round.isdigit():
        nominations = nominations.filter(category__award_round_id=award_round)
    return render(
        request, "community/nomination_list.html", {"nominations": nominations, "rounds": AwardRound.objects.all()}
    )


@access("staff")
def nomination_detail(request, pk: int):
    nomination = get_object_or_404(Nomination.objects.select_related("category__award_round", "nominee_area"), pk=pk)
    form = forms.NominationUpdateForm(
        request.POST or None, initial={"status": nomination.status, "public_citation": nomination.public_citation}
    )

    def save(data):
        nomination.public_citation = data["public_citation"].strip()
        nomination.save(update_fields=["public_citation"])
        return services.nomination_set_status(nomination=nomination, status=data["status"], by=request.user)

    done = step(request, form=form, run=save, success="Nomination updated.", target=nomination)
    return done or render(request, "community/nomination_detail.html", {"nomination": nomination, "form": form})


@access("staff")
def nomination_consent(request, pk: int):
    nomination = get_object_or_404(Nomination, pk=pk)
    form = forms.ConsentForm(request.POST or None)
    done = step(
        request,
        form=form,
        run=lambda data: services.nomination_consent_record(nomination=nomination, how=data["how"], by=request.user),
        success=f"Consent recorded: {nomination.nominee_name}'s name may now be published.",
        target=nomination,
    )
    return done or form_page(
        request,
        form,
        title=f"Record {nomination.nominee_name}'s consent to be named",
        intro="Until this is recorded the public page says only “A resident of …”.",
        cancel_url=nomination.get_absolute_url(),
    )
