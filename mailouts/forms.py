from django import forms

from engagement.forms import OneTimeTokenField
from engagement.models import Estate, Patch, Tenure

from .audiences import GROUPS, Audience
from .models import Kind


class MailOutForm(forms.Form):
    """What to send and to whom. The audience's choices combine: within one sort they add up,
    across sorts they narrow (see audiences.py)."""

    kind = forms.ModelChoiceField(Kind.objects.all(), label="What is it?", empty_label="Choose the kind")
    subject = forms.CharField(max_length=150, label="Subject", help_text="The e-mail subject and the letter's heading.")
    body = forms.CharField(
        label="Message",
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Plain words. Leave a blank line between paragraphs. Texts send the first 600 characters.",
    )
    estates = forms.ModelMultipleChoiceField(
        Estate.objects.all(), required=False, label="Estates and schemes", widget=forms.CheckboxSelectMultiple
    )
    patches = forms.ModelMultipleChoiceField(
        Patch.objects.all(), required=False, label="Patches", widget=forms.CheckboxSelectMultiple
    )
    tenures = forms.MultipleChoiceField(
        choices=Tenure.choices, required=False, label="Tenures", widget=forms.CheckboxSelectMultiple
    )
    form_token = OneTimeTokenField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One set of boxes per group other apps offer (a panel's members, the consultation club).
        for key, group in GROUPS.items():
            self.fields[f"group_{key}"] = forms.TypedMultipleChoiceField(
                choices=group.choices(),
                coerce=int,
                required=False,
                label=group.label,
                widget=forms.CheckboxSelectMultiple,
            )
        order = ["kind", "subject", "body", *(f"group_{key}" for key in GROUPS), "estates", "patches", "tenures"]
        self.order_fields(order)

    def audience(self) -> Audience:
        data = self.cleaned_data
        return Audience(
            estates=[estate.pk for estate in data.get("estates") or []],
            patches=[patch.pk for patch in data.get("patches") or []],
            tenures=list(data.get("tenures") or []),
            groups={key: list(data.get(f"group_{key}") or []) for key in GROUPS},
        )

    def clean(self):
        cleaned = super().clean()
        if self.audience().is_empty:
            raise forms.ValidationError(
                "Choose who it goes to: a group, an estate or scheme, a patch or a tenure.", code="no_audience"
            )
        return cleaned
