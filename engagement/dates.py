"""Dates people type: the GOV.UK "date input" (day, month and year boxes) and a believable range
for each meaning of a date, declared once here and used by every form in the portal.

Why three boxes: the browser's date picker showed mm/dd/yyyy to some officers and turned
"20112026" into 12026-02-01 (issue #14); GOV.UK's pattern is what residents and staff know from
government services: https://design-system.service.gov.uk/components/date-input/ and
https://design-system.service.gov.uk/patterns/dates/ (one message for the date, the boxes in error
highlighted, month names such as "mar" or "March" accepted).

Why ranges: a date from year 1 to 9999 was accepted everywhere; year 0001 stopped the daily chase
(`smallint out of range`) and 9999-12-31 raised OverflowError when a deadline was added (issue #15).
Each meaning says which dates are believable, relative to today.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import capfirst

PARTS = ("day", "month", "year")
EARLIEST_RECORD = datetime.date(2000, 1, 1)  # nothing the team records happened before this
HINT = "For example, 27 3 2026"


def years_from(day: datetime.date, years: int) -> datetime.date:
    """The same day `years` later (or earlier); 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def long_date(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


@dataclass(frozen=True)
class DateRange:
    """The dates believable for one meaning: from `years_back` years ago (or `not_before`,
    whichever is later) to `years_ahead` years from today (0: today at the latest)."""

    meaning: str
    years_back: int | None = None
    years_ahead: int = 0
    not_before: datetime.date | None = None
    hint: str = HINT

    def bounds(self, today: datetime.date | None = None) -> tuple[datetime.date, datetime.date]:
        today = today or timezone.localdate()
        earliest = [d for d in (self.not_before,) if d]
        if self.years_back is not None:
            earliest.append(years_from(today, -self.years_back))
        latest = years_from(today, self.years_ahead)
        return (max(earliest) if earliest else datetime.date(1900, 1, 1)), latest

    def problem(self, value: datetime.date, today: datetime.date | None = None) -> str | None:
        """Why `value` is not believable for this meaning, as the end of a sentence, or None."""
        today = today or timezone.localdate()
        earliest, latest = self.bounds(today)
        if earliest <= value <= latest:
            return None
        if latest == today:
            return "must be today or in the past" if value > latest else f"must be on or after {long_date(earliest)}"
        return f"must be between {long_date(earliest)} and {long_date(latest)}"

    def clamp(self, value: datetime.date, today: datetime.date | None = None) -> datetime.date:
        earliest, latest = self.bounds(today)
        return min(max(value, earliest), latest)


# One range per meaning of a date. A form field names the meaning, never its own numbers.
ACTIVITY = DateRange("activity date", years_back=2, years_ahead=1)
# Something that has happened: a complaint or compliment received, an acknowledgement, a response,
# a visit, an expense, evidence gathered, a survey answered.
HAPPENED = DateRange("date it happened", years_ahead=0, not_before=EARLIEST_RECORD)
# A date something should be done by: actions, extended response dates, changes promised.
DUE = DateRange("due date", years_back=1, years_ahead=5)
# Meetings, walks, training, survey windows, project starts: planned ahead or recorded after.
MEETING = DateRange("meeting date", years_back=2, years_ahead=2)
# Panel terms and cadences run for years.
TERM = DateRange("term date", years_back=10, years_ahead=10)
# Periods asked for in reports and filters: any date the portal could hold.
REPORT_PERIOD = DateRange("report period", years_ahead=2, not_before=EARLIEST_RECORD)

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name} | {
    name.lower(): number for number, name in enumerate(calendar.month_abbr) if name
}
MONTHS["sept"] = 9


class DatePartsError(Exception):
    """What is wrong with the typed parts (a message code) and which boxes to highlight."""

    def __init__(self, code: str, parts: tuple[str, ...], missing: tuple[str, ...] = ()):
        super().__init__(code)
        self.code, self.parts, self.missing = code, parts, missing


def _digits(text: str) -> bool:
    return text.isascii() and text.isdigit()  # not "²" or other Unicode digits int() refuses


def _number(text: str, low: int, high: int) -> int | None:
    return int(text) if _digits(text) and low <= int(text) <= high else None


def parse_parts(day: str, month: str, year: str) -> datetime.date | None:
    """The date the three boxes mean, None when all are empty; DatePartsError otherwise."""
    raw = {"day": (day or "").strip(), "month": (month or "").strip().rstrip(".").lower(), "year": (year or "").strip()}
    missing = tuple(part for part in PARTS if not raw[part])
    if len(missing) == 3:
        return None
    if missing:
        raise DatePartsError("incomplete", missing, missing)
    number_day = _number(raw["day"], 1, 31) if len(raw["day"]) <= 2 else None
    number_month = MONTHS.get(raw["month"]) or (_number(raw["month"], 1, 12) if len(raw["month"]) <= 2 else None)
    wrong = tuple(part for part, ok in (("day", number_day), ("month", number_month)) if ok is None)
    if wrong:
        raise DatePartsError("invalid", wrong)
    if not (_digits(raw["year"]) and len(raw["year"]) == 4):
        raise DatePartsError("year", ("year",))
    try:
        return datetime.date(int(raw["year"]), number_month, number_day)
    except ValueError:  # 31 April, 29 February in a common year
        raise DatePartsError("invalid", ("day",)) from None


def parts_in_error(value) -> tuple[str, ...]:
    """The boxes to highlight for a field in error: those at fault, else all three (GOV.UK)."""
    if isinstance(value, list | tuple) and len(value) == 3:
        try:
            parse_parts(*value)
        except DatePartsError as error:
            return error.parts
    return PARTS


class DatePartsInput(forms.MultiWidget):
    """Day, month and year boxes with their hint; the field's label is the fieldset's legend.

    Inputs are named `<name>_day`, `<name>_month`, `<name>_year` (ids likewise), keep what was
    typed, and only the boxes at fault are marked invalid."""

    template_name = "engagement/widgets/date_parts.html"
    use_fieldset = True

    def __init__(self, attrs=None, hint: str = HINT):
        self.hint = hint
        box = {"inputmode": "numeric", "autocomplete": "off", "spellcheck": "false"}
        widgets = {
            "day": forms.TextInput(attrs={**box, "class": "form-control date-input__day", "maxlength": "2"}),
            "month": forms.TextInput(attrs={**box, "class": "form-control date-input__month", "maxlength": "9"}),
            "year": forms.TextInput(attrs={**box, "class": "form-control date-input__year", "maxlength": "4"}),
        }
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, str):
            try:
                value = datetime.date.fromisoformat(value)
            except ValueError:
                return [None, None, None]
        if isinstance(value, datetime.date):
            return [str(value.day), str(value.month), str(value.year)]
        return [None, None, None]

    def id_for_label(self, id_):
        return f"{id_}_day" if id_ else id_

    def anchor_for(self, auto_id: str, value) -> str:
        """The error summary links to the first box in error (GOV.UK)."""
        return f"{auto_id}_{parts_in_error(value)[0]}"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        in_error = (attrs or {}).get("aria-invalid") == "true"
        bad = parts_in_error(value if isinstance(value, list | tuple) else None) if in_error else ()
        field_id = (attrs or {}).get("id") or self.attrs.get("id")
        described = [f"{field_id}_hint"] + ([f"{field_id}_error"] if in_error else [])
        for part, subwidget in zip(PARTS, context["widget"]["subwidgets"], strict=True):
            sub = subwidget["attrs"]
            if field_id:
                sub["id"] = f"{field_id}_{part}"
            classes = [c for c in sub.get("class", "").split() if c != "is-invalid"]
            sub.pop("aria-invalid", None)
            sub.pop("required", None)  # the required error is the date's, not a box's
            if part in bad:
                classes.append("is-invalid")
                sub["aria-invalid"] = "true"
            sub["class"] = " ".join(dict.fromkeys(classes))
            sub["aria-describedby"] = " ".join(described)
            subwidget["part"] = part
            subwidget["label"] = capfirst(part)
        context["widget"].update(hint=self.hint, field_id=field_id, in_error=in_error)
        return context


class DatePartsField(forms.Field):
    """A date typed in the GOV.UK date input, believable for its meaning (a DateRange).

    One message for the date, naming it by its label: "Date received must include a month",
    "Date received must be a real date", "Date received must be today or in the past"."""

    widget = DatePartsInput
    names_itself = True  # every message names the date, so the error summary adds no label

    def __init__(self, meaning: DateRange, *, hint: str | None = None, name: str | None = None, **kwargs):
        self.meaning, self.name = meaning, name  # name: how messages call the date, if not its label
        kwargs.setdefault("widget", DatePartsInput(hint=hint or meaning.hint))
        super().__init__(**kwargs)

    def _name(self) -> str:
        return capfirst(str(self.name or self.label or "the date"))

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        if isinstance(value, str):  # an initial value given as text
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                raise ValidationError(f"{self._name()} must be a real date", code="invalid") from None
        try:
            return parse_parts(*value)
        except DatePartsError as error:
            raise ValidationError(self._message(error), code=error.code) from None
        except (TypeError, ValueError):
            raise ValidationError(f"{self._name()} must be a real date", code="invalid") from None

    def _message(self, error: DatePartsError) -> str:
        name = self._name()
        if error.code == "incomplete":
            return f"{name} must include a {' and '.join(error.missing)}"
        if error.code == "year":
            return f"{name} must include a year with 4 numbers, for example 2026"
        return f"{name} must be a real date"

    def validate(self, value):
        if value is None and self.required:
            message = self.error_messages["required"]
            if message == forms.Field.default_error_messages["required"]:
                name = self._name()
                message = f"Enter {'' if name.lower().startswith('the ') else 'the '}{name[:1].lower()}{name[1:]}"
            raise ValidationError(message, code="required")
        if value is not None and (problem := self.meaning.problem(value)):
            raise ValidationError(f"{self._name()} {problem}", code="range")

    def has_changed(self, initial, data):
        try:
            return self.to_python(initial) != self.to_python(data)
        except ValidationError:
            return True


# A filter or report period is one box: these are the ways people write a date in the UK, plus ISO
# (links between pages use ISO). Day first: "03/04/2026" is 3 April.
PERIOD_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d %m %Y", "%d %b %Y", "%d %B %Y"]


class PeriodDateInput(forms.DateInput):
    """A plain text box (never the browser's picker, which showed mm/dd/yyyy to some officers)."""

    input_type = "text"

    def __init__(self, attrs=None):
        super().__init__(attrs={"inputmode": "text", "autocomplete": "off", **(attrs or {})}, format="%d/%m/%Y")


class PeriodDateField(forms.DateField):
    """A date in a filter or a report period: one box, day first or ISO, inside REPORT_PERIOD.
    A date it cannot read, or one outside the range, is an error on the filter form (never a 500)."""

    widget = PeriodDateInput
    input_formats = PERIOD_INPUT_FORMATS
    default_error_messages = {"invalid": "Enter a date, for example 27/3/2026"}

    def to_python(self, value):
        if isinstance(value, str):
            value = " ".join(value.replace(",", " ").split())  # "27  Mar, 2026"
        return super().to_python(value)

    def validate(self, value):
        super().validate(value)
        if value is not None and REPORT_PERIOD.problem(value):
            earliest, latest = REPORT_PERIOD.bounds()
            raise ValidationError(f"Enter a date between {long_date(earliest)} and {long_date(latest)}", code="range")


def period_date(text: str | None) -> datetime.date | None:
    """A date given in a query string (a report period), or None when absent, unreadable or out of range."""
    field = PeriodDateField(required=False)
    try:
        return field.clean(text or "")
    except ValidationError:
        return None


def typed_dates(form_class, data) -> dict[str, list]:
    """The date boxes as typed, as initial values for a form shown again without checking it
    (e.g. after "Find customer"): the widget shows them exactly as they were."""
    typed = {}
    for name, field in form_class.base_fields.items():
        if isinstance(field, DatePartsField):
            value = field.widget.value_from_datadict(data, {}, name)
            if any(value):
                typed[name] = value
    return typed


def date_parts_data(name: str, value: datetime.date | str, prefix: str = "") -> dict[str, str]:
    """The POST data a person sends by typing `value` into the date input `name` (tests, scripts)."""
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value)
    key = f"{prefix}-{name}" if prefix else name
    return {f"{key}_day": str(value.day), f"{key}_month": str(value.month), f"{key}_year": f"{value.year:04d}"}
