"""The GOV.UK date input and the range of each meaning of a date (engagement/dates.py).

Rules from the GOV.UK Design System (components/date-input, patterns/dates): one message for the
date, naming it; "must include a month" when a box is empty; "must be a real date"; the boxes at
fault highlighted, else all three; the error summary links to the first box in error; month names
accepted; what was typed is kept. Ranges from issue #15: "complaint received: not in the future,
not before 2000", "activity date: up to 2 years ago .. 1 year ahead". Worked by hand with today
= 24 November 2026.
"""

import datetime

import pytest
from django import forms
from django.template import Context, Template

from engagement import dates
from engagement.dates import DatePartsField, date_parts_data

TODAY = datetime.date(2026, 11, 24)


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setattr(dates.timezone, "localdate", lambda: TODAY)


class ComplaintDates(forms.Form):
    received_on = DatePartsField(dates.HAPPENED, label="Date received")
    activity_on = DatePartsField(dates.ACTIVITY, label="Date", required=False)


def _errors(data):
    form = ComplaintDates(data)
    form.is_valid()
    return form


def test_three_boxes_make_a_date():
    form = _errors(date_parts_data("received_on", "2026-03-27"))
    assert form.is_valid() and form.cleaned_data["received_on"] == datetime.date(2026, 3, 27)


@pytest.mark.parametrize("month", ["3", "03", "mar", "Mar", "March", "MARCH", "mar."])
def test_month_names_and_numbers_are_accepted(month):
    form = _errors({"received_on_day": "27", "received_on_month": month, "received_on_year": "2026"})
    assert form.cleaned_data["received_on"] == datetime.date(2026, 3, 27)


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("", "", "", "Enter the date received"),
        ("27", "", "2026", "Date received must include a month"),
        ("", "", "2026", "Date received must include a day and month"),
        ("31", "4", "2026", "Date received must be a real date"),
        ("29", "2", "2025", "Date received must be a real date"),
        ("27", "13", "2026", "Date received must be a real date"),
        ("27", "3", "26", "Date received must include a year with 4 numbers, for example 2026"),
        ("20112026", "", "", "Date received must include a month and year"),
        ("25", "11", "2026", "Date received must be today or in the past"),
        ("31", "12", "9999", "Date received must be today or in the past"),
        ("1", "1", "0001", "Date received must be on or after 1 January 2000"),
        ("31", "12", "1999", "Date received must be on or after 1 January 2000"),
    ],
)
def test_one_message_for_the_date(day, month, year, message):
    form = _errors({"received_on_day": day, "received_on_month": month, "received_on_year": year})
    assert form.errors["received_on"] == [message]


@pytest.mark.parametrize(("day", "month", "year"), [("²", "3", "2026"), ("27", "3", "²⁰²⁶"), ("٢٧", "3", "2026")])
def test_digits_that_are_not_plain_numbers_are_an_error_not_a_crash(day, month, year):
    form = _errors({"received_on_day": day, "received_on_month": month, "received_on_year": year})
    assert form.errors["received_on"][0].startswith("Date received must")
    assert 'aria-invalid="true"' in str(form["received_on"])


def test_an_activity_is_believable_from_two_years_ago_to_a_year_ahead():
    ok = _errors(date_parts_data("received_on", "2026-01-01") | date_parts_data("activity_on", "2027-11-24"))
    assert ok.is_valid()
    for value in ("2027-11-25", "2024-11-23", "9999-12-31", "0001-01-01"):
        form = _errors(date_parts_data("received_on", "2026-01-01") | date_parts_data("activity_on", value))
        assert form.errors["activity_on"] == ["Date must be between 24 November 2024 and 24 November 2027"]


def test_what_was_typed_is_kept_and_only_the_box_at_fault_is_highlighted():
    form = _errors({"received_on_day": "27", "received_on_month": "", "received_on_year": "2026"})
    html = str(form["received_on"])
    assert 'name="received_on_day" value="27"' in html and 'name="received_on_year" value="2026"' in html
    assert html.count('aria-invalid="true"') == 1
    assert 'id="id_received_on_month"' in html.split('aria-invalid="true"')[0].rsplit("<input", 1)[1]


def test_a_date_out_of_range_highlights_all_three_boxes():
    html = str(_errors(date_parts_data("received_on", "2030-01-01"))["received_on"])
    assert html.count('aria-invalid="true"') == 3


def test_the_error_summary_links_to_the_first_box_in_error():
    form = _errors({"received_on_day": "27", "received_on_month": "", "received_on_year": ""})
    html = Template('{% include "engagement/_error_summary.html" %}').render(Context({"form": form}))
    assert '<a href="#id_received_on_month">Date received must include a month and year</a>' in html
    whole = _errors({})
    html = Template('{% include "engagement/_error_summary.html" %}').render(Context({"form": whole}))
    assert 'href="#id_received_on_day"' in html


def test_the_boxes_are_labelled_and_described_by_the_hint_in_a_fieldset():
    form = ComplaintDates(initial={"received_on": datetime.date(2026, 3, 27)})
    html = Template("{% load crispy_forms_tags %}{{ form.received_on|as_crispy_field }}").render(
        Context({"form": form})
    )
    assert "<fieldset" in html and "<legend" in html and "Date received" in html
    assert 'id="id_received_on_hint"' in html and "For example, 27 3 2026" in html
    for part, value in (("day", "27"), ("month", "3"), ("year", "2026")):
        assert f'<label class="form-label date-input__label" for="id_received_on_{part}">' in html
        assert f'id="id_received_on_{part}"' in html and f'value="{value}"' in html
    assert 'aria-describedby="id_received_on_hint"' in html


def test_an_error_message_is_shown_under_the_boxes_and_read_with_them():
    form = _errors({"received_on_day": "31", "received_on_month": "4", "received_on_year": "2026"})
    html = Template("{% load crispy_forms_tags %}{{ form.received_on|as_crispy_field }}").render(
        Context({"form": form})
    )
    assert 'aria-describedby="id_received_on_hint id_received_on_error"' in html
    assert 'id="id_received_on_error"' in html and "must be a real date" in html


def test_ranges_clamp_and_survive_29_february():
    assert dates.years_from(datetime.date(2028, 2, 29), -2) == datetime.date(2026, 2, 28)
    assert dates.REPORT_PERIOD.clamp(datetime.date(9999, 12, 31)) == datetime.date(2028, 11, 24)
    assert dates.REPORT_PERIOD.clamp(datetime.date(1, 1, 1)) == datetime.date(2000, 1, 1)


def test_a_hand_written_form_shows_legend_hint_error_then_boxes_in_gov_uk_order():
    form = _errors({"received_on_day": "27", "received_on_month": "", "received_on_year": "2026"})
    html = Template('{% include "engagement/_date_input.html" with field=form.received_on %}').render(
        Context({"form": form})
    )
    order = [html.index(s) for s in ("<legend", 'id="id_received_on_hint"', 'id="id_received_on_error"', "_day")]
    assert order == sorted(order)
    assert 'aria-describedby="id_received_on_hint id_received_on_error"' in html
    assert 'name="received_on_day" value="27"' in html and html.count('aria-invalid="true"') == 1
