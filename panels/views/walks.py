"""Pages for estate walkabouts and the letters to print."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_POST

from engagement.access import access
from engagement.files import private_file_response
from engagement.steps import form_page, step, unique_save
from engagement.views import ExportableListView

from .. import filters, forms, services, tables
from ..models import EstateWalk, Letter, WalkIssue


class WalkListView(ExportableListView):
    access_policy = "staff"
    template_name = "panels/list.html"
    extra_context = {"new_links": [(reverse_lazy("panels:walk_create"), "Plan a walkabout")]}
    model = EstateWalk
    table_class = tables.WalkTable
    filterset_class = filters.WalkFilter
    title = "Estate walkabouts"
    export_name = "estate-walks"

    def get_queryset(self):
        return (
            EstateWalk.objects.select_related("estate", "lead_officer")
            .annotate(issue_count=Count("issues", distinct=True))
            .order_by("-walks_on", "pk")
        )


@access("staff")
def walk_create(request):
    form = forms.WalkForm(request.POST or None, initial={"lead_officer": request.user})
    done = step(
        request,
        form=form,
        # The unique walk refuses the same walk planned twice (e.g. a double submit).
        run=lambda data: unique_save(form.save, "That walk is already planned."),
        success="Walk planned.",
        target=lambda walk: walk,
    )
    return done or form_page(request, form, title="Plan an estate walkabout", cancel_url=reverse("panels:walk_list"))


@access("staff")
def walk_detail(request, pk: int):
    walk = get_object_or_404(EstateWalk.objects.select_related("estate", "lead_officer"), pk=pk)
    context = {
        "walk": walk,
        "attendees": walk.attendees.select_related("customer", "user"),
        "issues": walk.issues.select_related("action__owner"),
        "today": timezone.localdate(),
    }
    return render(request, "panels/walk_detail.html", context)


@access("staff")
def walk_attendee_add(request, pk: int):
    walk = get_object_or_404(EstateWalk.objects.select_related("estate"), pk=pk)
    form = forms.AttendeeForm(request.POST or None)
    done = step(
        request,
        form=form,
        run=lambda data: services.walk_attendee_add(
            walk=walk,
            kind=data["kind"],
            customer=data["reference"],
            user=data["user"],
            name=data["name"],
            organisation=data["organisation"],
            email=data["email"],
            form_token=data["form_token"],
        ),
        success="Attendee added.",
        target=walk,
    )
    return done or form_page(request, form, title=f"Add an attendee: {walk}", cancel_url=walk.get_absolute_url())


@access("staff")
def walk_issue_add(request, pk: int):
    walk = get_object_or_404(EstateWalk.objects.select_related("estate"), pk=pk)
    form = forms.IssueForm(
        request.POST or None,
        request.FILES or None,
        initial={"owner": walk.estate.officer or request.user, "due_on": walk.walks_on + datetime.timedelta(days=28)},
    )
    done = step(
        request,
        form=form,
        run=lambda data: services.walk_issue_add(walk=walk, by=request.user, **data),
        success="Issue and action recorded.",
        resent="That issue was already recorded; nothing was added twice.",
        target=walk,
    )
    return done or form_page(request, form, title=f"Record an issue: {walk}", cancel_url=walk.get_absolute_url())


@require_POST
@access("staff")
def walk_send(request, pk: int):
    walk = get_object_or_404(EstateWalk.objects.select_related("estate"), pk=pk)
    try:
        result = services.walk_actions_send(walk=walk, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if result.total:
            messages.success(
                request,
                f"Actions sent: {result.notified} in the portal or by email, {result.partner_emails} partner "
                f"email{'s' if result.partner_emails != 1 else ''}, {result.letters} "
                f"letter{'s' if result.letters != 1 else ''} to print from Mail-outs.",
            )
        else:
            messages.info(request, "Everyone on the list has already been sent the actions.")
    return redirect(walk)


@access("staff")
def issue_photo(request, pk: int):
    issue = get_object_or_404(WalkIssue, pk=pk)
    return private_file_response(request, issue.photo)


@access("staff")
def letter_list(request):
    """Letters to print and post, for people we cannot reach online. Prints cleanly."""
    show_printed = request.GET.get("printed") == "1"
    letters = Letter.objects.select_related("customer").order_by("created_at", "pk")
    letters = letters.filter(printed_on__isnull=not show_printed)[:200]
    return render(request, "panels/letter_list.html", {"letters": letters, "show_printed": show_printed})


@require_POST
@access("staff")
def letters_printed(request):
    ids = [int(i) for i in request.POST.getlist("letter") if i.isdigit()]
    count = services.letters_mark_printed(letter_ids=ids, by=request.user)
    messages.success(request, f"Marked {count} letter{'s' if count != 1 else ''} as printed.")
    return redirect("panels:letter_list")
