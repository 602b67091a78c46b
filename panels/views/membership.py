"""Pages for panels, their members and recruitment: expressions of interest, induction, training."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_POST

from engagement.access import access, customer_of
from engagement.deadlines.board import chase_history
from engagement.steps import form_page, step, unique_save
from engagement.views import ExportableListView

from .. import filters, forms, selectors, services, tables
from ..deadlines import EOI_ANSWER, EOI_ANSWER_WORKING_DAYS
from ..models import (
    EoiStatus,
    ExpressionOfInterest,
    InductionItem,
    Meeting,
    MeetingStatus,
    Membership,
    MembershipRole,
    Panel,
    PanelKind,
    TrainingRecord,
)
from ._pages import require_panel_access

# --- Panels --------------------------------------------------------------------------------


class PanelListView(ExportableListView):
    access_policy = "staff"
    template_name = "panels/list.html"
    extra_context = {"new_links": [(reverse_lazy("panels:panel_create"), "Set up a panel")]}
    model = Panel
    table_class = tables.PanelTable
    filterset_class = filters.PanelFilter
    title = "Panels and groups"
    export_name = "panels"

    def get_queryset(self):
        today = timezone.localdate()
        current = Membership.objects.current(today).filter(panel=OuterRef("pk"))
        members = current.order_by().values("panel").annotate(n=Count("pk")).values("n")
        return (
            Panel.objects.select_related("officer")
            .annotate(member_count=Coalesce(Subquery(members, output_field=IntegerField()), 0))
            .annotate(last_held_on=Subquery(_last_held()))
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cadence"] = [p for p in selectors.panels_with_cadence() if p.missed_due_on]
        return context


def _last_held():
    return (
        Meeting.objects.filter(panel=OuterRef("pk"), status=MeetingStatus.HELD)
        .order_by("-meets_on")
        .values("meets_on")[:1]
    )


@access("staff")
def panel_create(request):
    form = forms.PanelForm(request.POST or None)
    done = step(
        request,
        form=form,
        run=lambda data: form.save(),
        success=lambda panel: f"{panel} set up.",
        target=lambda panel: panel,
    )
    return done or form_page(request, form, title="Set up a panel", cancel_url=reverse("panels:panel_list"))


@access("staff")
def panel_update(request, pk: int):
    panel = get_object_or_404(Panel, pk=pk)
    form = forms.PanelForm(request.POST or None, instance=panel)
    done = step(request, form=form, run=lambda data: form.save(), success="Panel saved.", target=panel)
    return done or form_page(request, form, title=f"Edit {panel}", cancel_url=panel.get_absolute_url())


@access("authenticated")
def panel_detail(request, pk: int):
    panel = get_object_or_404(Panel.objects.select_related("officer", "estate"), pk=pk)
    require_panel_access(request.user, panel)
    today = timezone.localdate()
    staff = request.user.is_engagement_staff
    (overview,) = selectors.panels_with_cadence(today=today, queryset=Panel.objects.filter(pk=pk))
    meetings = panel.meetings.order_by("-meets_on")
    if not staff:
        meetings = meetings.exclude(status=MeetingStatus.CANCELLED)
    members = (
        Membership.objects.current(today).filter(panel=panel).select_related("customer").prefetch_related("estates")
    )
    context = {
        "panel": panel,
        "overview": overview,
        "meetings": meetings[:24],
        "members": members,
        "staff": staff,
        "projects": panel.scrutiny_projects.select_related("lead_officer"),
    }
    return render(request, "panels/panel_detail.html", context)


# --- Memberships, recruitment and training -------------------------------------------------


class MembershipListView(ExportableListView):
    access_policy = "staff"
    template_name = "panels/list.html"
    extra_context = {"new_links": []}
    model = Membership
    table_class = tables.MembershipTable
    filterset_class = filters.MembershipFilter
    title = "Members of panels"
    export_name = "panel-members"

    def get_queryset(self):
        return Membership.objects.select_related("customer", "panel")


@access("staff")
def membership_create(request, panel_pk: int):
    panel = get_object_or_404(Panel, pk=panel_pk)
    form = forms.MembershipForm(request.POST or None, initial={"starts_on": timezone.localdate()})
    if panel.kind == PanelKind.ESTATE_CHAMPIONS:
        form.fields["role"].initial = MembershipRole.CHAMPION
    done = step(
        request,
        form=form,
        run=lambda data: services.membership_create(
            panel=panel,
            customer=data["customer"],
            role=data["role"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            estates=list(data["estates"]),
        ),
        success=lambda membership: f"{membership.customer.full_name} added to {panel}.",
        target=lambda membership: membership,
    )
    return done or form_page(request, form, title=f"Add a member to {panel}", cancel_url=panel.get_absolute_url())


@access("authenticated")
def membership_detail(request, pk: int):
    membership = get_object_or_404(Membership.objects.select_related("panel", "customer__user"), pk=pk)
    if not request.user.is_engagement_staff and membership.customer.user_id != request.user.pk:
        raise PermissionDenied("You can only see your own membership.")
    context = {
        "membership": membership,
        "induction_items": membership.induction_items.select_related("done_by"),
        "training": TrainingRecord.objects.filter(customer=membership.customer),
        "staff": request.user.is_engagement_staff,
    }
    return render(request, "panels/membership_detail.html", context)


@access("staff")
def membership_end(request, pk: int):
    membership = get_object_or_404(Membership.objects.select_related("panel", "customer"), pk=pk)
    form = forms.MembershipEndForm(request.POST or None, initial={"ends_on": timezone.localdate()})
    done = step(
        request,
        form=form,
        run=lambda data: services.membership_end(membership=membership, ends_on=data["ends_on"]),
        success="Term end saved.",
        target=membership,
    )
    return done or form_page(
        request, form, title=f"End {membership.customer.full_name}'s term", cancel_url=membership.get_absolute_url()
    )


@require_POST
@access("staff")
def induction_item_toggle(request, pk: int):
    item = get_object_or_404(InductionItem.objects.select_related("membership"), pk=pk)
    services.induction_item_mark(item=item, done=request.POST.get("done") == "1", by=request.user)
    return redirect(item.membership)


@access("customer")
def eoi_create(request):
    """An involved customer asks to join a panel."""
    customer = customer_of(request.user)
    form = forms.EoiForm(request.POST or None, initial={"panel": request.GET.get("panel")})
    done = step(
        request,
        form=form,
        run=lambda data: services.eoi_submit(
            panel=data["panel"],
            customer=customer,
            availability=data["availability"],
            communication_needs=data["communication_needs"],
            why=data["why"],
        ),
        success=lambda eoi: f"Thank you. We will answer by {eoi.answer_due_on:%A %-d %B}.",
        resent=lambda eoi: f"You have already asked to join {eoi.panel}; we will answer by then.",
        target=lambda eoi: eoi,
    )
    return done or form_page(
        request,
        form,
        title="Join a panel or group",
        intro=(
            f"Tell us which group you would like to join. We will answer within {EOI_ANSWER_WORKING_DAYS} working days."
        ),
        cancel_url=reverse("panels:my_panels"),
        submit_label="Send",
    )


@access("staff")
def eoi_record(request):
    """An officer records an expression of interest a customer gave by phone or in person."""
    form = forms.StaffEoiForm(request.POST or None)
    done = step(
        request,
        form=form,
        run=lambda data: services.eoi_submit(
            panel=data["panel"],
            customer=data["customer"],
            availability=data["availability"],
            communication_needs=data["communication_needs"],
            why=data["why"],
            recorded_by=request.user,
        ),
        success="Expression of interest recorded.",
        resent="They had already asked to join; nothing was added twice.",
        target=lambda eoi: eoi,
    )
    return done or form_page(
        request, form, title="Record an expression of interest", cancel_url=reverse("panels:eoi_list")
    )


class EoiListView(ExportableListView):
    access_policy = "staff"
    template_name = "panels/list.html"
    extra_context = {"new_links": [(reverse_lazy("panels:eoi_record"), "Record one taken by phone")]}
    model = ExpressionOfInterest
    table_class = tables.EoiTable
    filterset_class = filters.EoiFilter
    title = "Expressions of interest"
    export_name = "expressions-of-interest"

    def get_queryset(self):
        return ExpressionOfInterest.objects.select_related("customer", "panel", "recorded_by")


@access("authenticated")
def eoi_detail(request, pk: int):
    eoi = get_object_or_404(ExpressionOfInterest.objects.select_related("customer__user", "panel", "membership"), pk=pk)
    if not request.user.is_engagement_staff and eoi.customer.user_id != request.user.pk:
        raise PermissionDenied("You can only see your own requests.")
    staff = request.user.is_engagement_staff
    notices = chase_history(kind=EOI_ANSWER.key, object_id=eoi.pk) if staff else []
    return render(
        request, "panels/eoi_detail.html", {"eoi": eoi, "today": timezone.localdate(), "chase_notices": notices}
    )


@access("staff")
def eoi_answer(request, pk: int):
    eoi = get_object_or_404(ExpressionOfInterest.objects.select_related("customer", "panel"), pk=pk)
    if eoi.status != EoiStatus.AWAITING:
        messages.info(request, "This expression of interest has already been answered.")
        return redirect(eoi)
    initial = {"role": MembershipRole.CHAMPION if eoi.panel.kind == PanelKind.ESTATE_CHAMPIONS else "member"}
    form = forms.EoiAnswerForm(request.POST or None, initial=initial)
    done = step(
        request,
        form=form,
        run=lambda data: services.eoi_answer(
            eoi=eoi,
            accept=data["decision"] == "accept",
            by=request.user,
            note=data["note"],
            role=data["role"] or MembershipRole.MEMBER,
            estates=list(data["estates"]),
        ),
        success="Answer saved and sent to the customer.",
        # The service returns the answered request, with the new membership when accepted.
        target=lambda answered: answered.membership or answered,
    )
    return done or form_page(
        request,
        form,
        title=f"Answer {eoi.customer.full_name}",
        intro=f"They would like to join {eoi.panel}. Available: {eoi.get_availability_display() or 'not given'}.",
        cancel_url=eoi.get_absolute_url(),
    )


class TrainingListView(ExportableListView):
    access_policy = "staff"
    template_name = "panels/list.html"
    extra_context = {"new_links": [(reverse_lazy("panels:training_create"), "Record training")]}
    model = TrainingRecord
    table_class = tables.TrainingTable
    filterset_class = filters.TrainingFilter
    title = "Training records"
    export_name = "training"

    def get_queryset(self):
        return TrainingRecord.objects.select_related("customer")


@access("staff")
def training_create(request):
    form = forms.TrainingForm(request.POST or None, initial={"held_on": timezone.localdate()})
    form.instance.recorded_by = request.user  # saved with the record; not a field of the form
    done = step(
        request,
        form=form,
        # The unique record refuses the same course on the same day twice.
        run=lambda data: unique_save(form.save, "This training is already recorded for the customer."),
        success="Training recorded.",
        target="panels:training_list",
    )
    return done or form_page(request, form, title="Record training", cancel_url=reverse("panels:training_list"))


# --- An involved customer's own page --------------------------------------------------------


@access("customer")
def my_panels(request):
    customer = customer_of(request.user)
    involvement = selectors.customer_home(customer)
    context = {
        "involvement": involvement,
        "eois": ExpressionOfInterest.objects.filter(customer=customer).select_related("panel")[:10],
        "recruiting": Panel.objects.filter(is_active=True, recruiting=True).exclude(
            pk__in=[m.panel_id for m in involvement["memberships"]]
        ),
    }
    return render(request, "panels/my_panels.html", context)
