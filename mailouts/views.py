"""Pages for mail-outs: write one, check who gets it and how, send it, and see every copy."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_POST

from engagement.access import access
from engagement.files import private_file_response
from engagement.views import ExportableListView

from . import filters, services, tables
from .forms import MailOutForm
from .letters import batch_filename
from .models import Delivery, DeliveryStatus, How, MailOut, PrintBatch

PREVIEW_NAMES = 30  # the preview lists this many recipients; the counts cover everyone


class MailOutListView(ExportableListView):
    access_policy = "staff"
    template_name = "mailouts/list.html"
    extra_context = {"new_links": [(reverse_lazy("mailouts:create"), "Send a mail-out")]}
    model = MailOut
    table_class = tables.MailOutTable
    filterset_class = filters.MailOutFilter
    title = "Mail-outs"
    export_name = "mailouts"

    def get_queryset(self):
        return (
            MailOut.objects.select_related("kind", "created_by")
            .annotate(
                copies=Count("deliveries", filter=~Q(deliveries__status=DeliveryStatus.LEFT_OUT)),
                left_out=Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.LEFT_OUT)),
            )
            .order_by("-created_at", "-pk")
        )


@access("staff")
def mailout_create(request):
    """GET: the form. POST: check the answers (who gets it, how, who is left out) and, once
    confirmed, send. The one-time token carried through the preview makes one mail-out of a
    double submit."""
    form = MailOutForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        audience = form.audience()
        if request.POST.get("confirm") == "send":
            try:
                mailout, _created = services.mailout_create(
                    kind=form.cleaned_data["kind"],
                    subject=form.cleaned_data["subject"],
                    body=form.cleaned_data["body"],
                    by=request.user,
                    audience=audience,
                    form_token=form.cleaned_data.get("form_token"),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, "Mail-out recorded: its copies are being sent now.")
                return redirect(mailout)
        if request.POST.get("confirm") != "change" and not form.errors:
            plan = services.audience_plan(audience)
            return render(
                request,
                "mailouts/preview.html",
                {
                    "form": form,
                    "plan": plan,
                    "audience_words": audience.describe(),
                    "channels": [(How(c).label, n) for c, n in plan.counts.items() if n and c != How.NONE],
                    "listed": plan.deliveries[:PREVIEW_NAMES],
                },
            )
    return render(request, "mailouts/form.html", {"form": form, "title": "Send a mail-out"})


@access("staff")
def mailout_detail(request, pk: int):
    mailout = get_object_or_404(MailOut.objects.select_related("kind", "created_by"), pk=pk)
    batch = PrintBatch.objects.filter(mailout=mailout).first()
    context = {
        "mailout": mailout,
        "summary": services.mailout_summary(mailout),
        "batch": batch,
        "calls": mailout.deliveries.filter(channel=How.PHONE).order_by("name"),
        "problems": mailout.deliveries.filter(status__in=[DeliveryStatus.FAILED, DeliveryStatus.SENDING]).count(),
    }
    return render(request, "mailouts/detail.html", context)


class DeliveryListView(ExportableListView):
    """Who got a mail-out and how: one row a copy, filterable, downloadable."""

    access_policy = "staff"
    template_name = "mailouts/deliveries.html"
    model = Delivery
    table_class = tables.DeliveryTable
    filterset_class = filters.DeliveryFilter
    export_name = "deliveries"

    def get_queryset(self):
        self.mailout = get_object_or_404(MailOut, pk=self.kwargs["pk"])
        return Delivery.objects.filter(mailout=self.mailout).order_by("name", "pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["mailout"] = self.mailout
        context["title"] = f"Who got “{self.mailout.subject}”"
        return context


@access("staff")
def batch_pdf(request, pk: int):
    batch = get_object_or_404(PrintBatch.objects.select_related("mailout"), mailout_id=pk)
    if not batch.pdf:
        raise Http404("The letters are still being put together.")
    return private_file_response(request, batch.pdf, filename=batch_filename(batch.mailout), download=True)


@require_POST
@access("staff")
def batch_posted(request, pk: int):
    batch = get_object_or_404(PrintBatch, mailout_id=pk)
    if services.print_batch_mark_posted(batch=batch, by=request.user):
        messages.success(request, "Marked the letters as posted.")
    return redirect("mailouts:detail", pk=pk)
