"""Forms of the community app (GOV.UK patterns: one question a label, errors in the shared summary)."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils import timezone

from engagement import dates
from engagement.dates import DatePartsField
from engagement.forms import OneTimeTokenField
from engagement.models import Estate, Patch
from panels.models import Meeting, MeetingStatus

from .models import SCORE_CHOICES, AwardCategory, FundingPriority, NominationStatus
from .money import to_pence


class PoundsField(forms.DecimalField):
    """An amount in pounds and pence, cleaned to whole pence (an int): money never becomes a float."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 10)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("min_value", Decimal("0.01"))
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "class": "form-control w-auto"}))
        super().__init__(**kwargs)

    def clean(self, value):
        if isinstance(value, str):
            value = value.replace("£", "").replace(",", "").strip()
        amount = super().clean(value)
        return None if amount is None else to_pence(amount)


class HoneypotMixin(forms.Form):
    """Public forms: a field people never see (display: none), which spam robots fill in."""

    website = forms.CharField(required=False, label="Leave this empty")

    def is_spam(self) -> bool:
        return bool(self.data.get("website"))


class FundingApplicationForm(forms.Form):
    form_token = OneTimeTokenField()
    priority = forms.ModelChoiceField(
        queryset=FundingPriority.objects.none(),
        label="Which panel and priority it meets",
        help_text="Each community panel funds projects that meet its priorities for the year.",
        empty_label="Choose a priority",
    )
    group_name = forms.CharField(
        label="Group or project name",
        max_length=160,
        required=False,
        help_text="Leave blank if you are applying as a resident.",
    )
    title = forms.CharField(label="Project title", max_length=160)
    purpose = forms.CharField(label="What the money is for", widget=forms.Textarea(attrs={"rows": 4}))
    outcomes = forms.CharField(
        label="What difference it will make",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Who will benefit and how you will know.",
    )
    requested = PoundsField(label="Amount you are asking for (£)")
    contact_name = forms.CharField(label="Contact name", max_length=120)
    contact_details = forms.CharField(label="Contact e-mail or phone number", max_length=200)
    name_may_be_published = forms.BooleanField(
        label="If we fund it and there is no group name, you may publish my name on the list of funded projects",
        required=False,
    )

    def __init__(self, *args, priorities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["priority"].queryset = priorities
        self.fields["priority"].label_from_instance = lambda p: f"{p.budget.panel}: {p.title}"


class ScoreForm(forms.Form):
    """One score a priority (0–3); the fields are built from the panel's priorities."""

    def __init__(self, *args, priorities, initial_scores=None, **kwargs):
        super().__init__(*args, **kwargs)
        initial_scores = initial_scores or {}
        for priority in priorities:
            self.fields[f"priority_{priority.pk}"] = forms.TypedChoiceField(
                label=str(priority),
                choices=SCORE_CHOICES,
                coerce=int,
                initial=initial_scores.get(priority.pk),
                widget=forms.RadioSelect,
            )

    def scores(self) -> dict[int, int]:
        return {int(name.split("_")[1]): value for name, value in self.cleaned_data.items()}


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="The panel's decision",
        choices=[("award", "Fund it"), ("decline", "Do not fund it")],
        widget=forms.RadioSelect,
    )
    amount = PoundsField(
        label="Amount awarded (£)", required=False, help_text="Leave blank to award the full amount asked for."
    )
    meeting = forms.ModelChoiceField(
        queryset=Meeting.objects.none(), label="The meeting that decided it", empty_label="Choose the meeting"
    )
    reason = forms.CharField(
        label="The panel's reasons", widget=forms.Textarea(attrs={"rows": 3}), help_text="The applicant is told these."
    )

    def __init__(self, *args, panel, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = (
            Meeting.objects.filter(panel=panel, meets_on__lte=timezone.localdate())
            .exclude(status=MeetingStatus.CANCELLED)
            .order_by("-meets_on")
        )
        self.fields["meeting"].label_from_instance = lambda m: f"{m.meets_on:%-d %B %Y}"


class PaymentForm(forms.Form):
    form_token = OneTimeTokenField()
    amount = PoundsField(label="Amount paid (£)")
    paid_on = DatePartsField(dates.HAPPENED, label="Date paid")
    reference = forms.CharField(label="Payment reference", max_length=60, required=False)


class OutcomesForm(forms.Form):
    outcomes_achieved = forms.CharField(
        label="What the money achieved",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="As the group reported it back.",
    )


class CallForActionForm(HoneypotMixin):
    form_token = OneTimeTokenField()
    issue = forms.CharField(label="The issue, in a few words", max_length=160)
    details = forms.CharField(
        label="What has happened, and why should the panel look into it?", widget=forms.Textarea(attrs={"rows": 5})
    )
    tried_already = forms.CharField(
        label="What have you tried already?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="For example a complaint you made, and when.",
    )
    name = forms.CharField(label="Your name", max_length=120, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(
        label="Your e-mail address", required=False, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    phone = forms.CharField(
        label="Your phone number",
        max_length=40,
        required=False,
        help_text="Give an e-mail address or a phone number, so the panel can answer you.",
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    estate = forms.ModelChoiceField(
        queryset=Estate.objects.order_by("name"),
        label="Where you live",
        required=False,
        empty_label="Choose your estate",
    )

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not (cleaned.get("email") or cleaned.get("phone") or self.has_login):
            self.add_error("email", "Give an e-mail address or a phone number so the panel can answer you.")
        return cleaned

    def __init__(self, *args, has_login=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_login = has_login


class CallDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="The panel's decision",
        choices=[("accept", "Accept it for scrutiny"), ("decline", "Decline it")],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label="The panel's reasons", widget=forms.Textarea(attrs={"rows": 4}), help_text="The customer is told these."
    )
    told_by_phone = forms.BooleanField(label="I have rung them and told them the decision", required=False)


class NominationForm(HoneypotMixin):
    form_token = OneTimeTokenField()
    category = forms.ModelChoiceField(
        queryset=AwardCategory.objects.none(), label="Award", widget=forms.RadioSelect, empty_label=None
    )
    nominee_name = forms.CharField(label="Their name", max_length=120)
    nominee_area = forms.ModelChoiceField(
        queryset=Patch.objects.order_by("name"),
        label="The area they live in",
        required=False,
        empty_label="Choose an area",
    )
    nominee_contact = forms.CharField(
        label="How we can reach them",
        max_length=200,
        required=False,
        help_text="An address, e-mail or phone number, if you know it.",
    )
    reason = forms.CharField(label="Why are you nominating them?", widget=forms.Textarea(attrs={"rows": 5}))
    nominator_name = forms.CharField(
        label="Your name", max_length=120, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    nominator_contact = forms.CharField(
        label="Your e-mail address or phone number", max_length=200, help_text="So we can tell you what happens next."
    )

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = categories
        self.fields["category"].label_from_instance = lambda c: (
            f"{c.name}{': ' + c.description if c.description else ''}"
        )


class NominationUpdateForm(forms.Form):
    status = forms.ChoiceField(label="Status", choices=NominationStatus.choices, widget=forms.RadioSelect)
    public_citation = forms.CharField(
        label="What the winners page says about them",
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="One or two sentences, naming nobody else. Their name is shown only once their consent is recorded.",
    )


class ConsentForm(forms.Form):
    how = forms.CharField(
        label="How did they give consent?", max_length=200, help_text="For example: signed consent form, 3 May 2026."
    )
    confirm = forms.BooleanField(
        label="They agreed to their name being published on our website and at the awards",
        error_messages={"required": "Confirm they agreed before you record their consent."},
    )
