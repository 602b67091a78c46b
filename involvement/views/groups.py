"""The register of tenants' and residents' associations and forums (staff)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone

from engagement.access import access
from engagement.files import private_file_response
from engagement.steps import form_page, step
from engagement.views import ExportableListView

from .. import filters, forms, services, tables
from ..models import Group


class GroupListView(ExportableListView):
    access_policy = "staff"
    template_name = "involvement/list.html"
    extra_context = {"new_links": [(reverse_lazy("involvement:group_create"), "Add a group")]}
    model = Group
    table_class = tables.GroupTable
    filterset_class = filters.GroupFilter
    title = "Tenants' and residents' associations and forums"
    export_name = "resident-groups"

    def get_queryset(self):
        return Group.objects.select_related("patch", "officer")


@access("staff")
def group_create(request):
    form = forms.GroupForm(request.POST or None)
    done = step(request, form=form, run=lambda data: form.save(), success="Group added.", target=lambda g: g)
    return done or form_page(request, form, title="Add a group", cancel_url=reverse("involvement:group_list"))


@access("staff")
def group_update(request, pk: int):
    group = get_object_or_404(Group, pk=pk)
    form = forms.GroupForm(request.POST or None, instance=group)
    done = step(request, form=form, run=lambda data: form.save(), success="Saved.", target=group)
    return done or form_page(request, form, title=f"Change {group.name}", cancel_url=group.get_absolute_url())


@access("staff")
def group_detail(request, pk: int):
    group = get_object_or_404(
        Group.objects.select_related("patch", "officer").prefetch_related("estates", "officers__customer", "support"),
        pk=pk,
    )
    grants = sum((s.amount or 0) for s in group.support.all() if s.kind == "grant")
    return render(
        request, "involvement/group_detail.html", {"group": group, "grants": grants, "today": timezone.localdate()}
    )


@access("staff")
def group_officer_add(request, pk: int):
    group = get_object_or_404(Group, pk=pk)
    form = forms.OfficerForm(request.POST or None)
    done = step(
        request,
        form=form,
        run=lambda data: services.group_officer_appoint(group=group, **data),
        success="Officer recorded.",
        target=group,
    )
    return done or form_page(
        request,
        form,
        title=f"Chair, secretary or treasurer of {group.name}",
        intro="Whoever held the role until now stands down the day before.",
        cancel_url=group.get_absolute_url(),
    )


@access("staff")
def group_support_add(request, pk: int):
    group = get_object_or_404(Group, pk=pk)
    form = forms.SupportForm(request.POST or None)
    done = step(
        request,
        form=form,
        run=lambda data: services.group_support_record(group=group, by=request.user, **data),
        success="Support recorded.",
        target=group,
    )
    return done or form_page(request, form, title=f"Support given to {group.name}", cancel_url=group.get_absolute_url())


@access("staff")
def group_renew(request, pk: int):
    group = get_object_or_404(Group, pk=pk)
    form = forms.RenewForm(request.POST or None)
    done = step(
        request,
        form=form,
        run=lambda data: services.group_renew(group=group, **data),
        success=lambda g: f"Renewed. The next renewal is due by {g.renewal_due_on:%-d %B %Y}.",
        target=group,
    )
    return done or form_page(request, form, title=f"Renew {group.name}", cancel_url=group.get_absolute_url())


@access("staff")
def group_constitution(request, pk: int):
    group = get_object_or_404(Group, pk=pk)
    form = forms.ConstitutionForm(request.POST or None, request.FILES or None)
    done = step(
        request,
        form=form,
        run=lambda data: services.group_constitution_attach(
            group=group, upload=data["constitution"], adopted_on=data["adopted_on"]
        ),
        success="Constitution saved.",
        target=group,
    )
    return done or form_page(request, form, title=f"Constitution of {group.name}", cancel_url=group.get_absolute_url())


@access("staff")
def constitution_download(request, pk: int):
    group = get_object_or_404(Group, pk=pk)
    return private_file_response(request, group.constitution, content_type=group.constitution_content_type)
