"""Pages for expense claims."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from engagement.access import access, customer_of
from engagement.files import private_file_response
from engagement.steps import form_page, step
from engagement.views import ExportableListView

from .. import filters, forms, services, tables
from ..models import ExpenseClaim, ExpenseStatus, Meeting, MeetingStatus, Membership


class ExpenseListView(ExportableListView):
    access_policy = "staff"
    template_name = "panels/list.html"
    extra_context = {"new_links": []}
    model = ExpenseClaim
    table_class = tables.ExpenseTable
    filterset_class = filters.ExpenseFilter
    title = "Expense claims"
    export_name = "expense-claims"

    def get_queryset(self):
        return ExpenseClaim.objects.select_related("customer")


@access("customer")
def expense_create(request):
    customer = customer_of(request.user)
    panel_ids = Membership.objects.current().filter(customer=customer).values("panel")
    meetings = Meeting.objects.filter(panel__in=panel_ids).exclude(status=MeetingStatus.CANCELLED)
    meetings = meetings.select_related("panel").order_by("-meets_on")[:20]
    form = forms.ExpenseForm(
        request.POST or None,
        request.FILES or None,
        meetings=Meeting.objects.filter(pk__in=[m.pk for m in meetings]).select_related("panel"),
        initial={"incurred_on": timezone.localdate()},
    )
    done = step(
        request,
        form=form,
        run=lambda data: services.expense_claim_submit(
            customer=customer,
            kind=data["kind"],
            incurred_on=data["incurred_on"],
            description=data["description"],
            meeting=data["meeting"],
            miles=data["miles"],
            amount=data["amount"],
            receipt=data["receipt"],
            form_token=data["form_token"],
        ),
        success=lambda claim: f"Claim for £{claim.amount} sent. We will let you know our decision.",
        resent="That claim was already sent; nothing was added twice.",
        target=lambda claim: claim,
    )
    return done or form_page(
        request,
        form,
        title="Claim expenses",
        intro=(
            f"We pay mileage at {services.MILEAGE_RATE * 100:.0f}p a mile. Please attach a receipt for anything "
            f"over £{services.RECEIPT_THRESHOLD}."
        ),
        cancel_url=reverse("panels:my_panels"),
        submit_label="Send claim",
    )


def _claim_for(request, pk: int) -> ExpenseClaim:
    claim = get_object_or_404(ExpenseClaim.objects.select_related("customer__user", "meeting__panel"), pk=pk)
    if not request.user.is_engagement_staff and claim.customer.user_id != request.user.pk:
        raise PermissionDenied("You can only see your own claims.")
    return claim


@access("authenticated")
def expense_detail(request, pk: int):
    claim = _claim_for(request, pk)
    return render(request, "panels/expense_detail.html", {"claim": claim, "staff": request.user.is_engagement_staff})


@access("authenticated")
def receipt_download(request, pk: int):
    return private_file_response(request, _claim_for(request, pk).receipt)


@access("staff")
def expense_decide(request, pk: int):
    claim = _claim_for(request, pk)
    if claim.status != ExpenseStatus.SUBMITTED:
        messages.info(request, "This claim has already been decided.")
        return redirect(claim)
    form = forms.ExpenseDecisionForm(request.POST or None)
    done = step(
        request,
        form=form,
        run=lambda data: services.expense_claim_decide(
            claim=claim, approve=data["decision"] == "approve", reason=data["reason"], by=request.user
        ),
        success="Decision saved and sent to the claimant.",
        target=claim,
    )
    return done or form_page(
        request,
        form,
        title=f"Decide {claim.customer.full_name}'s claim",
        intro=f"{claim.get_kind_display()}: £{claim.amount} on {claim.incurred_on:%-d %B %Y} – {claim.description}",
        cancel_url=claim.get_absolute_url(),
    )
