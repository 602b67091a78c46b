"""The equality questions (GOV.UK radios; the ethnic group and religion as grouped selects) and
the manager's weighting choice."""

from __future__ import annotations

from django import forms

from .characteristics import EQUALITY, ETHNICITY, PREFER_NOT, PREFER_NOT_LABEL
from .dimensions import WEIGHTABLE
from .models import WeightingMethod

# A select starts on this; a radio group simply starts with nothing chosen ("Prefer not to say" is an answer).
NOT_ANSWERED = ("", "Choose an answer (optional)")
LONG_LISTS = {"ethnicity", "religion"}


def _ethnicity_choices():
    grouped: dict[str, list] = {}
    for option in ETHNICITY.options:
        grouped.setdefault(option.group, []).append((option.value, option.label))
    return [NOT_ANSWERED, *grouped.items(), (PREFER_NOT, PREFER_NOT_LABEL)]


class EqualityForm(forms.Form):
    """Every question optional. `consent_label` words the consent for who is filling it in."""

    consent = forms.BooleanField(
        required=True,
        error_messages={"required": "Tick the box to say you have read why we ask and agree, or leave this page"},
    )

    def __init__(self, *args, consent_label: str, **kwargs):
        super().__init__(*args, **kwargs)
        for characteristic in EQUALITY:
            if characteristic.key == "ethnicity":
                field = forms.ChoiceField(
                    choices=_ethnicity_choices(), required=False, widget=forms.Select(attrs={"class": "form-select"})
                )
            elif characteristic.key in LONG_LISTS:
                field = forms.ChoiceField(
                    choices=[NOT_ANSWERED, *characteristic.choices()],
                    required=False,
                    widget=forms.Select(attrs={"class": "form-select"}),
                )
            else:
                field = forms.ChoiceField(
                    choices=characteristic.choices(),
                    required=False,
                    widget=forms.RadioSelect,
                )
            field.label = characteristic.question
            field.help_text = characteristic.label
            self.fields[characteristic.key] = field
        consent = self.fields.pop("consent")
        consent.label = consent_label
        self.fields["consent"] = consent

    def answers(self) -> dict[str, str]:
        return {c.key: self.cleaned_data.get(c.key, "") for c in EQUALITY}


class WeightingForm(forms.Form):
    characteristics = forms.MultipleChoiceField(
        label="Weight on these characteristics",
        choices=[(d.key, d.label) for d in WEIGHTABLE],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose none to leave the survey unweighted. Two or three is usually enough: each one adds "
        "to the design effect.",
    )
    method = forms.ChoiceField(
        label="How to weight",
        choices=WeightingMethod.choices,
        initial=WeightingMethod.RAKE,
        widget=forms.RadioSelect,
        help_text="Raking matches each characteristic's totals and copes with small groups; cell weighting "
        "matches every combination but needs respondents in each.",
    )
