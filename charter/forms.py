from __future__ import annotations

import uuid
from decimal import Decimal

from django import forms
from django.utils import timezone

from engagement.forms import UploadField
from engagement.quarters import Period, Quarter, quarters_between

from .models import Measure, ReportKind, Unit

EARLIEST_YEAR = 2020  # the first financial year the portal reports on


class ManualValueForm(forms.Form):
    """The manager's figure for a measure the portal does not compute, with where it came from."""

    value = forms.DecimalField(label="Figure", max_digits=12, decimal_places=2, required=False)
    published = forms.TypedChoiceField(
        label="Done this quarter?",
        choices=[("1", "Yes"), ("0", "No")],
        coerce=lambda v: Decimal(v),
        widget=forms.RadioSelect,
        required=False,
    )
    numerator = forms.IntegerField(label="Number meeting the standard", min_value=0, required=False)
    denominator = forms.IntegerField(label="Out of", min_value=1, required=False)
    evidence = forms.CharField(
        label="Evidence",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Where the figure comes from: the report, system or web page, so the board can check it.",
    )
    evidence_file = UploadField(label="Evidence file (optional)", required=False, help_text="A PDF or a photo.")
    note = forms.CharField(
        label="Note for the board (optional)", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, measure: Measure, **kwargs):
        super().__init__(*args, **kwargs)
        self.measure = measure
        if measure.unit == Unit.YES_NO:
            del self.fields["value"], self.fields["numerator"], self.fields["denominator"]
            self.fields["published"].required = True
            self.fields["published"].label = measure.name
        else:
            del self.fields["published"]
            unit = measure.get_unit_display()
            self.fields["value"].label = f"Figure ({unit})" if measure.unit != Unit.COUNT else "Figure (number)"
            self.fields["value"].help_text = "Leave blank if there is no figure for the quarter; never enter a guess."
            if measure.unit != Unit.PERCENT:
                del self.fields["numerator"], self.fields["denominator"]
            else:
                self.fields["value"].help_text += " For a percentage you may give the two counts instead."

    def clean(self):
        data = super().clean()
        if self.measure.unit == Unit.YES_NO:
            data["value"] = data.get("published")
            return data
        numerator, denominator, value = data.get("numerator"), data.get("denominator"), data.get("value")
        if (numerator is None) != (denominator is None):
            self.add_error("denominator" if denominator is None else "numerator", "Give both counts, or neither.")
        elif numerator is not None:
            if numerator > denominator:
                self.add_error("numerator", "The number meeting the standard cannot be more than the total.")
            else:
                worked_out = (Decimal(100) * numerator / denominator).quantize(Decimal("0.01"))
                if value is not None and abs(value - worked_out) > Decimal("0.1"):
                    self.add_error("value", f"{numerator} out of {denominator} is {worked_out}%, not {value}%.")
                data["value"] = worked_out
        if self.measure.unit == Unit.PERCENT and data.get("value") is not None and not 0 <= data["value"] <= 100:
            self.add_error("value", "A percentage is between 0 and 100.")
        if data.get("value") is not None and data["value"] < 0:
            self.add_error("value", "The figure cannot be negative.")
        return data


class NoteForm(forms.Form):
    note = forms.CharField(label="Note for the board", widget=forms.Textarea(attrs={"rows": 3}), required=False)


def quarter_choices(today) -> list[tuple[str, str]]:
    current = Quarter.containing(today)
    quarters = quarters_between(Quarter(EARLIEST_YEAR, 1), current)
    return [
        (q.code, f"{q.label} ({q.months_label}){' – in progress' if q == current else ''}") for q in reversed(quarters)
    ]


def year_choices(today) -> list[tuple[str, str]]:
    return [
        (str(year), f"{year}{' – in progress' if year == today.year else ''}")
        for year in range(today.year, EARLIEST_YEAR, -1)
    ]


class BoardReportRequestForm(forms.Form):
    kind = forms.ChoiceField(
        label="Report", choices=ReportKind.choices, widget=forms.RadioSelect, initial=ReportKind.QUARTER
    )
    quarter = forms.ChoiceField(label="Quarter (for a quarterly board report)", required=False)
    year = forms.ChoiceField(label="Year (for the annual customer voice report)", required=False)
    foreword = forms.CharField(
        label="Foreword by the Customer Voice Group (annual report, optional)",
        help_text="The group's own words, printed first in the annual report. Leave blank to build without one.",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=6000,
        required=False,
    )
    token = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        today = today or timezone.localdate()
        self.fields["quarter"].choices = quarter_choices(today)
        self.fields["quarter"].initial = Quarter.last_closed(today).code
        self.fields["year"].choices = year_choices(today)
        from .selectors import annual_report_default_year

        self.fields["year"].initial = str(annual_report_default_year(today=today))
        self.fields["token"].initial = uuid.uuid4()

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == ReportKind.QUARTER:
            if not data.get("quarter"):
                self.add_error("quarter", "Choose the quarter.")
            else:
                data["period"] = Period.for_quarter(Quarter.parse(data["quarter"]))
        elif kind == ReportKind.ANNUAL:
            if not data.get("year"):
                self.add_error("year", "Choose the year.")
            else:
                data["period"] = Period.for_year(int(data["year"]))
        return data


class QuarterPickForm(forms.Form):
    quarter = forms.ChoiceField(label="Quarter")

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quarter"].choices = quarter_choices(today or timezone.localdate())
