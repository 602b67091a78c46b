"""What the community pages read: budgets with their totals, the public list of funded projects."""

from __future__ import annotations

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import ApplicationScore, ApplicationStatus, AwardRound, CommunityBudget, FundingApplication, Payment
from .money import pounds

__all__ = ["pounds", "current_year", "budgets_with_totals", "budget_page", "funded_page", "open_round"]


def current_year(today=None) -> int:
    """The financial year (April to March) today falls in, by the year it starts."""
    today = today or timezone.localdate()
    return today.year if today.month >= 4 else today.year - 1


def budgets_with_totals(year: int | None = None):
    """Each budget with what is paid out and how many applications wait, in one query."""
    qs = CommunityBudget.objects.select_related("panel").annotate(
        paid_pence=Sum("applications__payments__amount_pence"),
        waiting=Count("applications", filter=Q(applications__status=ApplicationStatus.SUBMITTED), distinct=True),
    )
    return qs.filter(year=year or current_year()).order_by("panel__name")


def _sum_of(model, field: str):
    """Each application's total of `field` in `model`, as a subquery (two Sums over two joins
    would multiply each other's rows)."""
    rows = model.objects.filter(application=OuterRef("pk")).order_by().values("application")
    return Coalesce(Subquery(rows.annotate(total=Sum(field)).values("total")[:1], output_field=IntegerField()), 0)


def budget_page(budget: CommunityBudget) -> dict:
    applications = (
        budget.applications.select_related("priority", "decided_at_meeting")
        .annotate(score_total=_sum_of(ApplicationScore, "score"), paid=_sum_of(Payment, "amount_pence"))
        .order_by("status", "-submitted_at")
    )
    paid = sum(a.paid or 0 for a in applications)
    return {
        "budget": budget,
        "priorities": budget.priorities.all(),
        "applications": applications,
        "paid_pence": paid,
        "max_score": 3 * budget.priorities.count(),
    }


def funded_page(*, year: str | None = None) -> dict:
    """The public list: every award, by panel, with the budget's totals. Names only as the
    applicant allowed (FundingApplication.public_name); no contact details, no reasons."""
    years = list(CommunityBudget.objects.order_by("-year").values_list("year", flat=True).distinct())
    chosen = int(year) if year and year.isdigit() and int(year) in years else (years[0] if years else None)
    budgets = list(CommunityBudget.objects.filter(year=chosen).select_related("panel").order_by("panel__name"))
    awards = (
        FundingApplication.objects.awarded()
        .filter(budget__in=budgets)
        .select_related("priority", "decided_at_meeting")
        .order_by("-decided_at_meeting__meets_on", "pk")
    )
    by_budget = {budget.pk: [] for budget in budgets}
    for award in awards:
        by_budget[award.budget_id].append(award)
    return {
        "years": years,
        "year": chosen,
        "sections": [(budget, by_budget[budget.pk]) for budget in budgets],
        "total_budget": sum(b.amount_pence for b in budgets),
        "total_awarded": sum(b.awarded_pence for b in budgets),
    }


def open_round(today=None) -> AwardRound | None:
    today = today or timezone.localdate()
    return AwardRound.objects.filter(opens_on__lte=today, closes_on__gte=today).first()
