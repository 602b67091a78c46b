"""Pages of the consultation club: members (staff, and each customer for themselves), the
forward programme with targeted surveys, and the quarterly satisfaction sample."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_POST

from engagement.access import access, customer_of
from engagement.quarters import Quarter
from engagement.views import ExportableListView
from mailouts.models import How

from . import forms, sampling, services, tables
from .models import ClubMember, Consultation, SampleRound, SurveyWay


def _form_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class ClubListView(ExportableListView):
    access_policy = "staff"
    template_name = "consultation/club.html"
    extra_context = {"new_links": [(reverse_lazy("consultation:member_add"), "Sign a customer up")]}
    model = ClubMember
    table_class = tables.ClubMemberTable
    title = "Consultation club members"
    export_name = "consultation-club"

    def get_queryset(self):
        return (
            ClubMember.objects.current()
            .select_related("customer__estate", "joined_by")
            .prefetch_related("services")
            .order_by("customer__last_name", "customer__first_name")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        ways = dict(ClubMember.objects.current().values_list("survey_way").annotate(n=Count("pk")))
        context["ways"] = [(label, ways.get(value, 0)) for value, label in SurveyWay.choices]
        return context


@access("staff")
def member_add(request):
    form = forms.StaffClubForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            member, created = services.club_join(
                customer=data["reference"],
                survey_way=data["survey_way"],
                services=list(data["services"]),
                any_service=data["any_service"],
                by=request.user,
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            verb = "joined the club" if created else "had their choices updated"
            messages.success(request, f"{member.customer.full_name} {verb}.")
            return redirect("consultation:club")
    return render(
        request,
        "consultation/form.html",
        {
            "form": form,
            "title": "Sign a customer up to the consultation club",
            "cancel_url": reverse("consultation:club"),
        },
    )


@access("customer")
def join(request):
    """A customer joins the club themselves, or changes their choices."""
    customer = customer_of(request.user)
    member = ClubMember.objects.filter(customer=customer, left_on__isnull=True).first()
    initial = {}
    if member:
        initial = {
            "survey_way": member.survey_way,
            "any_service": member.any_service,
            "services": member.services.all(),
        }
    form = forms.ClubForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.club_join(
                customer=customer,
                survey_way=data["survey_way"],
                services=list(data["services"]),
                any_service=data["any_service"],
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(
                request, "Thank you: your choices are saved." if member else "Welcome to the consultation club."
            )
            return redirect("consultation:join")
    return render(request, "consultation/join.html", {"form": form, "member": member})


@require_POST
@access("customer")
def leave(request):
    member = get_object_or_404(ClubMember, customer=customer_of(request.user), left_on__isnull=True)
    services.club_leave(member=member)
    messages.success(request, "You have left the consultation club. You can join again at any time.")
    return redirect("consultation:join")


class ProgrammeView(ExportableListView):
    access_policy = "staff"
    template_name = "consultation/programme.html"
    extra_context = {"new_links": [(reverse_lazy("consultation:consultation_create"), "Plan a consultation")]}
    model = Consultation
    table_class = tables.ConsultationTable
    title = "Forward programme of consultations"
    export_name = "consultations"

    def get_queryset(self):
        return Consultation.objects.select_related("service").order_by("opens_on", "pk")


@access("staff")
def consultation_create(request):
    form = forms.ConsultationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "form_token"}
        try:
            consultation, _ = services.consultation_plan(
                by=request.user, form_token=form.cleaned_data.get("form_token"), **data
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, "Consultation added to the forward programme.")
            return redirect(consultation)
    return render(
        request,
        "consultation/form.html",
        {"form": form, "title": "Plan a consultation", "cancel_url": reverse("consultation:programme")},
    )


@access("staff")
def consultation_detail(request, pk: int):
    """The consultation, and sending its survey to the members it is for: choose, check the
    numbers by channel, then send (one mail-out, each member the way they chose)."""
    consultation = get_object_or_404(Consultation.objects.select_related("service", "mailout"), pk=pk)
    initial = {
        "services": [consultation.service] if consultation.service else [],
        "ways": SurveyWay.values,
        "subject": f"Have your say: {consultation.title}",
        "body": (consultation.purpose + "\n\n" if consultation.purpose else "")
        + (f"Answer the survey online: {consultation.survey_url}\n\n" if consultation.survey_url else "")
        + f"The survey closes on {consultation.closes_on:%-d %B %Y}.",
    }
    form = forms.TargetForm(request.POST or None, initial=initial)
    plan = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if request.POST.get("confirm") == "send":
            try:
                mailout = services.consultation_survey_send(
                    consultation=consultation,
                    services=list(data["services"]),
                    ways=data["ways"],
                    subject=data["subject"],
                    body=data["body"],
                    by=request.user,
                    form_token=data.get("form_token"),
                )
            except ValidationError as error:
                _form_errors(form, error)
            else:
                messages.success(request, "Survey sent to the members chosen.")
                return redirect(mailout)
        else:
            plan = services.target_plan(services=list(data["services"]), ways=data["ways"])
    channels = [(How(c).label, n) for c, n in plan.counts.items() if n and c != How.NONE] if plan else []
    return render(
        request,
        "consultation/consultation_detail.html",
        {"consultation": consultation, "form": form, "plan": plan, "channels": channels},
    )


@access("staff")
def samples(request):
    today = timezone.localdate()
    quarter = Quarter.containing(today)
    rounds = SampleRound.objects.select_related("mailout").order_by("-quarter")
    drawn = rounds.filter(quarter=quarter.code).first()
    form = forms.SampleForm(
        initial={
            "subject": f"How satisfied are you with our services? ({quarter.label})",
            "body": services.DEFAULT_SURVEY_TEXT,
        }
    )
    context = {
        "quarter": quarter,
        "coverage": services.year_coverage(quarter),
        "rounds": rounds,
        "drawn": drawn,
        "form": form,
        "preview": None if drawn else _next_round(quarter, today),
        "interval_days": _interval(),
        "share_pct": round(100 * _share()),
    }
    return render(request, "consultation/samples.html", context)


def _next_round(quarter: Quarter, today) -> dict:
    wanted = sampling.wanted_this_quarter(
        target=sampling.yearly_target(sampling.population().count()),
        already=sampling.already_this_year(quarter),
        quarter=quarter,
    )
    eligible = len(sampling.eligible_ids(on=today, interval_days=_interval()))
    return {"wanted": wanted, "eligible": eligible, "short": max(0, wanted - eligible)}


def _interval() -> int:
    return settings.CONSULTATION_NO_REPEAT_DAYS


def _share() -> float:
    return settings.CONSULTATION_YEARLY_SHARE


@require_POST
@access("staff")
def sample_draw(request):
    form = forms.SampleForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give the survey's subject and message.")
        return redirect("consultation:samples")
    quarter = Quarter.containing(timezone.localdate())
    try:
        sample = services.sample_draw(
            quarter=quarter, by=request.user, subject=form.cleaned_data["subject"], body=form.cleaned_data["body"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("consultation:samples")
    messages.success(request, f"{sample.sampled} customers chosen at random and sent the survey.")
    return redirect(sample)


@access("staff")
def sample_detail(request, pk: int):
    sample = get_object_or_404(SampleRound.objects.select_related("mailout", "drawn_by"), pk=pk)
    sampled = sample.members.select_related("customer__estate").order_by("customer__last_name", "customer__first_name")
    return render(
        request,
        "consultation/sample_detail.html",
        {"sample": sample, "sampled": sampled[:500], "count": sampled.count()},
    )
