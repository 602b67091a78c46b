"""The one error summary (GOV.UK pattern): what it says, where its links go, and that it is readable."""

import re
from pathlib import Path

from django import forms
from django.conf import settings
from django.template.loader import render_to_string

CSS = (Path(settings.BASE_DIR) / "static" / "css" / "portal.css").read_text()


class _Form(forms.Form):
    name = forms.CharField(label="Your name")
    rating = forms.ChoiceField(label="Rating", choices=[("good", "Good"), ("poor", "Poor")], widget=forms.RadioSelect)
    topics = forms.MultipleChoiceField(
        label="Topics", choices=[("a", "A"), ("b", "B")], widget=forms.CheckboxSelectMultiple
    )
    agree = forms.BooleanField(label="I agree")
    token = forms.UUIDField(widget=forms.HiddenInput)

    def clean(self):
        raise forms.ValidationError("Something about the whole form.")


def _summary(**context) -> str:
    form = _Form(data={"token": "not-a-uuid"})
    form.is_valid()
    return render_to_string("engagement/_error_summary.html", {"form": form, **context})


def test_the_summary_is_an_alert_with_the_gov_uk_heading_that_takes_focus():
    html = _summary()
    assert 'role="alert"' in html and 'tabindex="-1"' in html and 'id="error-summary"' in html
    assert 'aria-labelledby="error-summary-title"' in html
    assert re.search(r'<h2[^>]*id="error-summary-title"[^>]*>There is a problem</h2>', html)
    script = (Path(settings.BASE_DIR) / "static" / "js" / "portal.js").read_text()
    assert 'getElementById("error-summary")' in script and ".focus()" in script
    assert "js/portal.js" in (Path(settings.BASE_DIR) / "templates" / "base.html").read_text()


def test_each_error_links_to_its_field_or_the_first_option_of_a_group():
    html = _summary()
    assert '<a href="#id_name">Your name: This field is required.</a>' in html
    assert '<a href="#id_rating_0">' in html  # a radio group: its first radio
    assert '<a href="#id_topics_0">' in html  # a checkbox group: its first box
    assert '<a href="#id_agree">' in html  # a single checkbox: itself
    assert "<li>Something about the whole form.</li>" in html
    assert "Enter a valid UUID." in html and 'href="#id_token"' not in html  # hidden: nothing to go to


def test_a_form_whose_messages_name_their_question_links_with_the_message_alone():
    html = _summary(messages_only=True)
    assert '<a href="#id_name">This field is required.</a>' in html


def test_errors_the_page_found_itself_are_listed_and_can_link_somewhere():
    html = _summary(extra_errors=["bins.jpg is not a photo."], extra_errors_anchor="id_photos")
    assert '<a href="#id_photos">bins.jpg is not a photo.</a>' in html


def test_nothing_is_shown_for_a_form_without_errors():
    assert render_to_string("engagement/_error_summary.html", {"form": _Form()}).strip() == ""


def _colour(selector: str, prop: str) -> str:
    rule = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", CSS)
    assert rule, f"{selector} is not styled in portal.css"
    return re.search(rf"(?<![-\w]){prop}\s*:\s*(#[0-9a-fA-F]{{6}})", rule[1])[1]


def _luminance(hex_colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_summarys_text_and_links_pass_wcag_aa_contrast():
    background = _colour(".error-summary", "background")
    for selector in (
        ".error-summary",
        ".error-summary__title",
        ".error-summary__list a",
        ".error-summary__list a:hover",
    ):
        assert _contrast(_colour(selector, "color"), background) >= 4.5, selector


def test_no_template_keeps_its_own_error_summary():
    own = []
    for path in Path(settings.BASE_DIR).glob("**/templates/**/*.html"):
        if ".venv" in path.parts or path.name == "_error_summary.html":
            continue
        if 'id="error-summary"' in path.read_text() or "There is a problem" in path.read_text():
            own.append(str(path.relative_to(settings.BASE_DIR)))
    assert own == []
