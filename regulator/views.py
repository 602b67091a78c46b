"""The manager's view of the Tenant Satisfaction Measures for a reporting year or quarter."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone

from engagement.access import access
from engagement.csv_export import csv_response
from engagement.models import StockType
from engagement.quarters import Quarter
from engagement.xlsx_export import xlsx_response

from . import selectors, services
from .forms import ManualValueForm
from .models import MANUAL_BY_CODE, MANUAL_MEASURES, ManualMeasureValue


def reporting_period(*, year: int, quarter: int | None) -> tuple[datetime.date, datetime.date, str]:
    """A reporting year (1 April `year` to 31 March the year after) or one of its quarters."""
    if quarter:
        q = Quarter(year, quarter)
        return q.start, q.end, f"{q.label} ({q.months_label})"
    return datetime.date(year, 4, 1), datetime.date(year + 1, 3, 31), f"{year}/{(year + 1) % 100:02d}"


def _int(text, default=None, *, low=None, high=None):
    try:
        value = int(text)
    except (TypeError, ValueError):
        return default
    if (low is not None and value < low) or (high is not None and value > high):
        return default
    return value


@access("manager")
def tsm_overview(request):
    this_year = Quarter.containing(timezone.localdate()).year
    year = _int(request.GET.get("year"), this_year, low=2000, high=this_year + 1)
    quarter = _int(request.GET.get("quarter"), None, low=1, high=4)
    start, end, label = reporting_period(year=year, quarter=quarter)
    report = selectors.tsm_report(start=start, end=end)
    return render(
        request,
        "regulator/tsm_overview.html",
        {
            "report": report,
            "year": year,
            "quarter": quarter,
            "label": label,
            "years": list(range(this_year, this_year - 5, -1)),
            "stock_types": selectors.STOCK_TYPES,
        },
    )


# --- The annual return -----------------------------------------------------------------------------

RETURN_HEADERS = ["Measure", "Name", "Stock type", "Value", "Unit", "Numerator", "Denominator", "Source"]


@access("manager")
def annual_return(request, year: int):
    context = selectors.annual_return(year=year)
    context["manual_measures"] = MANUAL_MEASURES
    return render(request, "regulator/annual_return.html", context)


EXPORT_FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@access("manager")
def annual_return_export(request, year: int, export_format: str):
    """The annual return as CSV or XLSX (one dataset, the same rows in both)."""
    if export_format not in EXPORT_FORMATS:
        raise Http404("The return downloads as CSV or XLSX.")
    data = selectors.annual_return(year=year)
    import tablib

    dataset = tablib.Dataset(headers=RETURN_HEADERS, title=f"TSM return {data['label']}"[:31].replace("/", "-"))
    for row in data["rows"]:
        dataset.append(
            [
                row.code,
                row.name,
                row.stock.upper(),
                "" if row.value is None else row.value,
                row.unit,
                "" if row.numerator is None else row.numerator,
                "" if row.denominator is None else row.denominator,
                row.source,
            ]  # fmt: skip
        )
    report, survey = data["report"], data["survey"]
    for stock in report.stocks:
        dataset.append(["STOCK", "Relevant homes", stock["key"].upper(), stock["homes"], "homes", "", "", ""])
        dataset.append(
            [
                "SAMPLE",
                "Perception survey responses",
                stock["key"].upper(),
                stock["responses"],
                "responses",
                "",
                "",
                stock["accuracy"].sentence,
            ]  # fmt: skip
        )
    method = "; ".join(f"{label}: {n}" for label, n in survey["channels"]) or "No responses"
    dates = f"{survey['first']} to {survey['last']}" if survey["first"] else ""
    dataset.append(["METHOD", "Survey method (responses by channel)", "", "", "", "", "", method])
    dataset.append(["DATES", "Survey responses received", "", "", "", "", "", dates])
    filename = f"tsm-return-{data['label'].replace('/', '-')}.{export_format}"
    if export_format == "csv":  # the portal's one CSV writer (streamed, formulas neutralised)
        return csv_response(filename=filename, header=dataset.headers, rows=dataset)
    # The portal's one XLSX writer: bold frozen header, numbers as numbers, formulas neutralised.
    return xlsx_response(filename=filename, header=dataset.headers, rows=dataset, title=dataset.title)


@access("manager")
def manual_enter(request, year: int, code: str, stock: str):
    measure = MANUAL_BY_CODE.get(code)
    if measure is None or stock not in measure.stocks:
        raise Http404
    existing = ManualMeasureValue.objects.filter(year=year, code=code, stock=stock).first()
    initial = {}
    if existing:
        initial = {f: getattr(existing, f) for f in ("value", "numerator", "denominator", "evidence", "note")}
    form = ManualValueForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.manual_value_enter(year=year, code=code, stock=stock, entered_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"{code} recorded for {StockType(stock).label}.")
            return redirect("regulator:annual_return", year=year)
    return render(
        request,
        "regulator/manual_form.html",
        {"form": form, "measure": measure, "year": year, "stock_label": StockType(stock).label, "existing": existing},
    )


# --- The summary for tenants -------------------------------------------------------------------------


def _plain(value, unit: str) -> str:
    if value is None:
        return "not available"
    if unit == "%":
        return f"{round(float(value))} in every 100"
    return f"{float(value):.1f} for every 1,000 homes"


def tenant_summary_context(year: int) -> dict:
    data = selectors.annual_return(year=year)
    sections = []
    for stock in data["report"].stocks:
        rows = [row for row in data["rows"] if row.stock == stock["key"]]
        sections.append(
            {
                "label": "Tenants who rent their home from us" if stock["key"] == StockType.LCRA else "Shared owners",
                "stock": stock,
                "rows": [{"row": row, "plain": _plain(row.value, row.unit)} for row in rows],
            }
        )
    return {**data, "sections": sections, "today": timezone.localdate()}


@access("manager")
def tenant_summary(request, year: int):
    return render(request, "regulator/tenant_summary.html", tenant_summary_context(year))


@access("manager")
def tenant_summary_pdf(request, year: int):
    """The same summary as a PDF to publish: one short document, built in the request."""
    from weasyprint import HTML

    context = tenant_summary_context(year)
    html = render_to_string("regulator/tenant_summary_pdf.html", context, request=request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="tsm-summary-{context["label"].replace("/", "-")}.pdf"'
    return response
