"""TSM pages (staff): creating the TSM perception survey and the TSM figures by stock type."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from engagement import dates
from engagement.access import access
from engagement.models import StockType
from engagement.steps import form_page

from .. import selectors, services, tsm
from ..forms import TsmSurveyForm
from ..models import Eligibility, SurveyKind
from ..statistics import regulator_accuracy
from ._pages import MESSAGES_ONLY


@access("staff")
def tsm_create(request):
    today = timezone.localdate()
    year_start = today.year if today.month >= 4 else today.year - 1
    form = TsmSurveyForm(
        request.POST or None,
        initial={
            "title": f"TSM perception survey {year_start}/{str(year_start + 1)[-2:]}",
            "opens_on": datetime.date(year_start, 4, 1),
            "closes_on": datetime.date(year_start + 1, 3, 31),
        },
    )
    if request.method == "POST" and form.is_valid():
        survey, _ = services.tsm_survey_create(created_by=request.user, **form.cleaned_data)
        messages.success(request, "TSM perception survey created with TP01–TP12 and its screening questions.")
        return redirect(survey)
    return form_page(
        request,
        form,
        title="New TSM perception survey",
        cancel_url=reverse("surveys:survey_list"),
        extra=MESSAGES_ONLY,
        intro="Creates the regulator's standard questions TP01–TP12, with the screening questions that decide who "
        "counts for repairs (TP02, TP03), complaints (TP09) and communal areas (TP10).",
    )


@access("staff")
def tsm_measures(request):
    today = timezone.localdate()
    start = dates.period_date(request.GET.get("start")) or today - datetime.timedelta(days=364)
    end = dates.period_date(request.GET.get("end")) or today
    if end < start:
        start, end = end, start
    by_stock = selectors.tsm_perception_by_stock(start, end)
    responses = selectors.tsm_response_counts(start, end)
    homes = selectors.relevant_homes()
    drilldown = (
        f"{reverse('surveys:responses')}?survey__kind={SurveyKind.TSM}"
        f"&responded_after={start.isoformat()}&responded_before={end.isoformat()}"
    )
    rows = [
        {
            "code": item.code,
            "label": item.short,
            "rule": Eligibility(item.eligibility).label,
            "cells": [by_stock[stock].get(item.code) for stock in tsm.STOCK_TYPES],
        }
        for item in tsm.PERCEPTION
    ]
    stocks = [
        {
            "label": StockType(stock).label,
            "homes": homes[stock],
            "responses": responses[stock],
            "accuracy": regulator_accuracy(responses=responses[stock], homes=homes[stock]),
        }
        for stock in tsm.STOCK_TYPES
    ]
    return render(
        request,
        "surveys/tsm.html",
        {"rows": rows, "stocks": stocks, "start": start, "end": end, "drilldown": drilldown, "subnav": "tsm"},
    )
