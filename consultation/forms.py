from django import forms
from django.core.exceptions import ValidationError

from engagement import dates
from engagement.dates import DatePartsField
from engagement.forms import OneTimeTokenField
from engagement.models import Customer

from .models import Consultation, Service, SurveyWay


class ClubForm(forms.Form):
    """Joining the club, or changing how and about what a member is surveyed."""

    survey_way = forms.ChoiceField(
        choices=SurveyWay.choices, label="How would you like to get surveys?", widget=forms.RadioSelect
    )
    any_service = forms.BooleanField(
        required=False, label="Ask me about any service", help_text="Or choose the services you care about below."
    )
    services = forms.ModelMultipleChoiceField(
        Service.objects.all(), required=False, label="Services you care about", widget=forms.CheckboxSelectMultiple
    )
    consent = forms.BooleanField(
        label="I agree to be contacted with surveys the way I chose",
        error_messages={"required": "Agree to be contacted with surveys, or you cannot be sent any."},
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("any_service") and not cleaned.get("services") and "services" not in self.errors:
            self.add_error("services", "Choose the services you care about, or tick 'Ask me about any service'.")
        return cleaned


class StaffClubForm(ClubForm):
    """An officer signs a customer up on their behalf (on the phone, at an event)."""

    reference = forms.CharField(label="Tenancy reference", max_length=20, help_text="As on the customer record.")
    consent = forms.BooleanField(
        label="The customer agreed to be contacted with surveys the way they chose",
        error_messages={"required": "Confirm the customer agreed to be contacted with surveys."},
    )

    field_order = ["reference", "survey_way", "any_service", "services", "consent"]

    def clean_reference(self):
        value = self.cleaned_data["reference"].strip()
        try:
            return Customer.objects.get(reference__iexact=value, erased_at__isnull=True)
        except Customer.DoesNotExist:
            raise ValidationError(f"No customer has the tenancy reference {value}.") from None


class ConsultationForm(forms.ModelForm):
    opens_on = DatePartsField(dates.DUE, label="Opens on")
    closes_on = DatePartsField(dates.DUE, label="Closes on")
    survey_url = forms.URLField(label="Link to the survey", required=False, assume_scheme="https")
    form_token = OneTimeTokenField()

    class Meta:
        model = Consultation
        fields = ["title", "service", "team", "purpose", "opens_on", "closes_on", "survey_url"]
        widgets = {"purpose": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_on"), cleaned.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", "Closes on must be the same as or after the opening date")
        return cleaned


class TargetForm(forms.Form):
    """Which members get a consultation's survey: by the services they care about and the ways
    they chose."""

    services = forms.ModelMultipleChoiceField(
        Service.objects.all(),
        required=False,
        label="Members who care about",
        help_text="Members happy to answer on any service are included. None ticked: every member.",
        widget=forms.CheckboxSelectMultiple,
    )
    ways = forms.MultipleChoiceField(
        choices=SurveyWay.choices,
        label="Who chose to get surveys",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one way members get surveys."},
    )
    subject = forms.CharField(max_length=150)
    body = forms.CharField(label="Message", widget=forms.Textarea(attrs={"rows": 6}))
    form_token = OneTimeTokenField()


class SampleForm(forms.Form):
    subject = forms.CharField(max_length=150)
    body = forms.CharField(label="Message", widget=forms.Textarea(attrs={"rows": 5}))
