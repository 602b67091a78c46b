"""The housing system import pages: upload, match columns once, check (dry run), commit.

Who: the engagement manager (and the admin role), as for every page that changes the portal's
places and people wholesale (`access("manager")`); officers work with the records, they do not
replace them. The file is kept with its run, so the commit saves exactly the file that was checked.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from engagement.access import access

from . import services
from .forms import ColumnMappingForm, ImportStartForm
from .models import ColumnMapping, ImportRun, RunStatus
from .records import fields_of, guess_columns

ERRORS_SHOWN = 1000  # a page lists this many (all are kept on the run and counted)
ERRORS_SUMMARISED = 10  # the error summary names the first few and links to the full list


@access("manager")
def run_list(request):
    form = ImportStartForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        checked = form.cleaned_data["file"]
        checked.file.seek(0)
        run = services.import_run_start(
            record_type=form.cleaned_data["record_type"],
            source_system=form.cleaned_data["source_system"],
            data=checked.file.read(),
            file_name=checked.original_name,
            user=request.user,
            full_extract=form.cleaned_data["full_extract"],
        )
        if run.status == RunStatus.NEEDS_MAPPING:
            return redirect("housing_system:run_columns", run.pk)
        return redirect(run)
    page = Paginator(ImportRun.objects.select_related("started_by", "committed_by"), 25).get_page(
        request.GET.get("page")
    )
    mappings = ColumnMapping.objects.order_by("source_system", "record_type")
    return render(request, "housing_system/run_list.html", {"form": form, "page": page, "mappings": mappings})


@access("manager")
def run_columns(request, pk: int):
    run = get_object_or_404(ImportRun, pk=pk)
    if run.status == RunStatus.COMMITTED:
        return redirect(run)
    headings = services.run_headings(run)
    saved = ColumnMapping.objects.filter(source_system=run.source_system, record_type=run.record_type).first()
    initial = {**guess_columns(run.record_type, headings), **(saved.columns if saved else {})}
    initial = {name: heading for name, heading in initial.items() if heading in headings}
    form = ColumnMappingForm(
        request.POST or None, record_type=run.record_type, headings=headings, initial_columns=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.column_mapping_save(run=run, columns=form.cleaned_data, user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Column matching saved for {run.source_system}: it will be used next time.")
            return redirect(run)
    return render(
        request,
        "housing_system/run_columns.html",
        {"run": run, "form": form, "headings": headings, "fields": fields_of(run.record_type)},
    )


@access("manager")
def run_detail(request, pk: int):
    run = get_object_or_404(ImportRun.objects.select_related("started_by", "committed_by"), pk=pk)
    return render(
        request,
        "housing_system/run_detail.html",
        {
            "run": run,
            "errors": run.errors[:ERRORS_SHOWN],
            "more_errors": max(len(run.errors) - ERRORS_SHOWN, 0),
            "changes": run.changes,
            "extra_errors": _summary(run) if run.status in (RunStatus.INVALID, RunStatus.FAILED) else [],
        },
    )


def _summary(run: ImportRun) -> list[str]:
    lines = [_error_line(error) for error in run.errors[:ERRORS_SUMMARISED]]
    if len(run.errors) > ERRORS_SUMMARISED:
        lines.append(f"And {len(run.errors) - ERRORS_SUMMARISED:,} more problems, listed below")
    return lines


def _error_line(error: dict) -> str:
    where = f"Line {error['line']}" if error["line"] else "The file"
    return f"{where}: {error['message']}"


@require_POST
@access("manager")
def run_commit(request, pk: int):
    run = get_object_or_404(ImportRun, pk=pk)
    try:
        run = services.import_commit_request(run=run, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(run)
    if run.status == RunStatus.COMMITTING:
        messages.success(request, "Saving the file: this page says when it is done.")
    elif run.status == RunStatus.COMMITTED:
        messages.success(request, f"Saved. {run.report}")
    else:
        messages.error(request, "Nothing was saved: the file has errors now (listed below).")
    return redirect(run)
