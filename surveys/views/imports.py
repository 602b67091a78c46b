"""Importing survey responses from a CSV (staff)."""

from __future__ import annotations

import csv

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from engagement.access import access

from .. import services
from ..forms import ImportForm
from ..models import Survey
from ..services.imports import MAX_ROWS


@access("staff")
def response_import(request, pk: int):
    survey = get_object_or_404(Survey, pk=pk)
    result = None
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        result = services.responses_import(survey=survey, upload=form.cleaned_data["file"], user=request.user)
        if result.ok:
            messages.success(request, f"Imported {result.created} responses.")
            return redirect(survey)
    return render(
        request,
        "surveys/import.html",
        {
            "survey": survey,
            "form": form,
            "result": result,
            "columns": services.import_columns(survey),
            "max_rows": MAX_ROWS,
            "max_mb": settings.MAX_UPLOAD_MB,
        },
    )


@access("staff")
def import_template(request, pk: int):
    survey = get_object_or_404(Survey, pk=pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="survey-{survey.pk}-import-template.csv"'
    csv.writer(response).writerow(services.import_columns(survey))
    return response
