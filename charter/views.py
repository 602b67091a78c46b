"""Charter pages (staff may look; the manager enters figures) and board reports (manager only)."""

from __future__ import annotations

import functools

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from engagement.access import access
from engagement.files import private_file_response
from engagement.freshness import Reading, readings_kept
from engagement.quarters import Quarter
from engagement.views import ExportableListView

from . import services
from .filters import BoardReportFilter
from .forms import BoardReportRequestForm, ManualValueForm, NoteForm, QuarterPickForm
from .models import BoardReport, Measure, MeasureValue, ReportStatus
from .selectors import charter_rows, measure_history, rag_summary
from .tables import BoardReportTable


def _render_quarter(request, quarter: Quarter):
    today = timezone.localdate()
    current = Quarter.containing(today)
    pick = QuarterPickForm(initial={"quarter": quarter.code}, today=today)
    # The measures, drawn: the same for every member of staff (a manager also gets the links to
    # enter figures), kept until a table they read changes or the day (engagement/freshness.py).
    scope = (quarter.code, today.isoformat(), request.user.is_manager)
    drawn = functools.partial(_measures_drawn, quarter=quarter, is_manager=request.user.is_manager)
    (measures_drawn,) = readings_kept([Reading("charter/quarter", scope, drawn)])
    return render(
        request,
        "charter/quarter.html",
        {
            "quarter": quarter,
            "in_progress": quarter == current,
            "previous_quarter": quarter.previous(),
            "next_quarter": quarter.next() if quarter < current else None,
            "measures_drawn": measures_drawn,
            "pick": pick,
        },
    )


def _measures_drawn(*, quarter: Quarter, is_manager: bool) -> str:
    rows_by_commitment = charter_rows(quarter=quarter)
    return get_template("charter/_quarter_measures.html").render(
        {
            "quarter": quarter,
            "rows_by_commitment": rows_by_commitment,
            "summary": rag_summary(rows_by_commitment),
            "user": {"is_manager": is_manager},
        }
    )


@access("staff")
def charter_index(request):
    """The last closed quarter (or the one picked in the form)."""
    code = request.GET.get("quarter")
    if code:
        try:
            return redirect("charter:quarter", quarter=Quarter.parse(code))
        except ValueError:
            messages.error(request, "That is not a quarter we report on; showing the last closed quarter.")
    return _render_quarter(request, Quarter.last_closed(timezone.localdate()))


@access("staff")
def charter_quarter(request, quarter: Quarter):
    if quarter > Quarter.containing(timezone.localdate()):
        raise Http404("That quarter has not started yet.")
    return _render_quarter(request, quarter)


@require_POST
@access("manager")
def quarter_recompute(request, quarter: Quarter):
    outcome = services.charter_quarter_compute(quarter=quarter)
    text = f"Recalculated {outcome['stored']} figures for {quarter.label}."
    if outcome["kept_manual"]:
        text += f" {outcome['kept_manual']} entered by hand were kept."
    messages.success(request, text)
    if outcome["failed"]:
        messages.warning(request, f"Could not compute: {', '.join(outcome['failed'])}. The error has been logged.")
    return redirect("charter:quarter", quarter=quarter)


@access("manager")
def value_enter(request, quarter: Quarter, measure_id: int):
    """The manager's figure for a manual measure, or a note on a computed one."""
    measure = get_object_or_404(Measure.objects.active().select_related("commitment", "mirror_of"), pk=measure_id)
    if measure.mirror_of_id:
        messages.info(request, f"This measure shows the figure of {measure.mirror_of.code}: enter it there.")
        return redirect("charter:value_enter", quarter=quarter, measure_id=measure.mirror_of_id)
    existing = MeasureValue.objects.filter(measure=measure, year=quarter.year, quarter=quarter.number).first()
    back = reverse("charter:quarter", args=[quarter]) + f"#measure-{measure.code}"
    manual = measure.accepts_manual_entry
    if manual:
        initial = {}
        if existing:
            initial = {
                "value": existing.value,
                "published": str(int(existing.value)) if existing.value is not None else None,
                "numerator": existing.numerator,
                "denominator": existing.denominator,
                "evidence": existing.evidence,
                "note": existing.note,
            }
        form = ManualValueForm(request.POST or None, request.FILES or None, measure=measure, initial=initial)
    else:
        form = NoteForm(request.POST or None, initial={"note": existing.note if existing else ""})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if manual:
            try:
                services.measure_value_enter(
                    measure=measure,
                    quarter=quarter,
                    value=data["value"],
                    numerator=data.get("numerator"),
                    denominator=data.get("denominator"),
                    evidence=data["evidence"],
                    evidence_file=data.get("evidence_file"),
                    note=data["note"],
                    entered_by=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, f"Saved the figure for {measure.code} in {quarter.label}.")
                return redirect(back)
        elif existing is None:
            form.add_error(None, "There is no figure for this quarter yet to add a note to: recalculate first.")
        else:
            services.measure_note_set(measure_value=existing, note=data["note"])
            messages.success(request, f"Saved the note for {measure.code} in {quarter.label}.")
            return redirect(back)
    return render(
        request,
        "charter/value_form.html",
        {"form": form, "measure": measure, "quarter": quarter, "existing": existing, "manual": manual, "back": back},
    )


@access("staff")
def measure_detail(request, pk: int):
    measure = get_object_or_404(Measure.objects.select_related("commitment", "mirror_of"), pk=pk)
    return render(
        request,
        "charter/measure_detail.html",
        {"measure": measure, "history": measure_history(measure=measure)},
    )


@access("staff")
def value_evidence(request, pk: int):
    value = get_object_or_404(MeasureValue, pk=pk)
    return private_file_response(request, value.evidence_file, download=True)


class BoardReportListView(ExportableListView):
    access_policy = "manager"
    model = BoardReport
    table_class = BoardReportTable
    filterset_class = BoardReportFilter
    template_name = "charter/report_list.html"
    title = "Board reports"
    export_name = "board-reports"

    def get_queryset(self):
        return BoardReport.objects.select_related("requested_by")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["request_form"] = BoardReportRequestForm()
        return context


@access("manager")
def report_request(request):
    if request.method != "POST":
        # A bookmarked or refreshed form address: the form lives on the board reports page.
        return redirect("charter:report_list")
    form = BoardReportRequestForm(request.POST)
    if not form.is_valid():
        # Only a tampered or stale form gets here (every field is a choice): say what was wrong.
        problems = "; ".join(str(error) for errors in form.errors.values() for error in errors)
        messages.error(request, f"The report was not requested: {problems}")
        return redirect("charter:report_list")
    report = services.board_report_request(
        period=form.cleaned_data["period"],
        requested_by=request.user,
        request_token=form.cleaned_data["token"],
        foreword=form.cleaned_data.get("foreword") or "",
    )
    messages.success(request, f"Building the {report.get_kind_display().lower()} for {report.period_label}.")
    return redirect(report)


def _report(pk: int) -> BoardReport:
    return get_object_or_404(BoardReport.objects.select_related("requested_by"), pk=pk)


@access("manager")
def report_detail(request, pk: int):
    report = _report(pk)
    versions = BoardReport.objects.filter(kind=report.kind, period_start=report.period_start).select_related(
        "requested_by"
    )
    return render(
        request,
        "charter/report_detail.html",
        {"report": report, "versions": versions, "stuck": services.board_report_stuck_reason(report=report)},
    )


@access("manager")
def report_status(request, pk: int):
    """Progress for the report page's script (the page itself works without it)."""
    report = _report(pk)
    return JsonResponse(
        {
            "status": report.status,
            "status_label": report.get_status_display(),
            "progress": report.progress,
            "finished": report.is_finished,
            "download_url": reverse("charter:report_download", args=[report.pk])
            if report.status == ReportStatus.READY
            else "",
        }
    )


@access("manager")
def report_download(request, pk: int):
    report = _report(pk)
    if report.status != ReportStatus.READY or not report.file:
        raise Http404("This report has not been built.")
    return private_file_response(request, report.file, filename=report.filename, content_type="application/pdf")
