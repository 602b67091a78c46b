"""The involvement app's forms (GOV.UK patterns: date boxes, one-time tokens, checked uploads)."""

from __future__ import annotations

from django import forms

from engagement import dates, uploads
from engagement.dates import DatePartsField
from engagement.forms import OneTimeTokenField, UploadField
from engagement.models import Customer, Role, User
from panels.models import Panel

from .models import DocumentKind, Group, OfficerRole, ProgrammeCourse, SupportKind


def _customers():
    return Customer.objects.filter(erased_at__isnull=True).order_by("last_name", "first_name")


class GroupForm(forms.ModelForm):
    renewal_due_on = DatePartsField(
        dates.DUE, label="Next renewal (AGM)", required=False, hint="We remind the supporting officer beforehand."
    )

    class Meta:
        model = Group
        fields = ["name", "kind", "patch", "area", "estates", "officer", "renewal_due_on", "is_active"]
        widgets = {"kind": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = User.objects.filter(role__in=[Role.OFFICER, Role.MANAGER], is_active=True)
        self.fields["estates"].help_text = "Hold Ctrl (or Cmd) to choose more than one."


class OfficerForm(forms.Form):
    role = forms.ChoiceField(choices=OfficerRole.choices, widget=forms.RadioSelect)
    customer = forms.ModelChoiceField(queryset=Customer.objects.none(), required=False, empty_label="Not a customer")
    name = forms.CharField(max_length=120, required=False, label="Name (if not one of our customers)")
    since = DatePartsField(dates.HAPPENED, label="In the role since")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["customer"].queryset = _customers()


class SupportForm(forms.Form):
    kind = forms.ChoiceField(choices=SupportKind.choices, label="Support given")
    given_on = DatePartsField(dates.HAPPENED, label="Date")
    amount = forms.DecimalField(
        max_digits=9, decimal_places=2, min_value=0, required=False, label="Amount in pounds (for a grant)"
    )
    note = forms.CharField(max_length=300, required=False)


class RenewForm(forms.Form):
    renewed_on = DatePartsField(dates.HAPPENED, label="Date of the AGM that renewed it")


class ConstitutionForm(forms.Form):
    constitution = UploadField(accept={uploads.PDF, uploads.OFFICE}, label="Constitution")
    adopted_on = DatePartsField(dates.HAPPENED, label="Adopted on", required=False)


class DocumentForm(forms.Form):
    form_token = OneTimeTokenField()
    title = forms.CharField(max_length=200)
    kind = forms.ChoiceField(choices=DocumentKind.choices, label="What is it?")
    panel = forms.ModelChoiceField(queryset=Panel.objects.filter(is_active=True), label="Reviewing panel")
    file = UploadField(accept={uploads.PDF, uploads.OFFICE}, label="The draft")
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False, label="What should they look at?")


class RevisionForm(forms.Form):
    file = UploadField(accept={uploads.PDF, uploads.OFFICE}, label="The new version")


class CommentForm(forms.Form):
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), label="Your comment", max_length=4000)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", "Approve it as jargon-free"), ("changes", "Ask for changes")],
        widget=forms.RadioSelect,
        label="Decision",
    )
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), required=False, label="What should change (or a note)"
    )


class ProgrammeForm(forms.Form):
    title = forms.CharField(max_length=120, help_text="For example, Skills 4 You: spring and summer 2027")
    starts_on = DatePartsField(dates.DUE, label="Starts on")
    ends_on = DatePartsField(dates.DUE, label="Ends on", hint="At most six months after the start.")
    published = forms.BooleanField(required=False, label="Advertise it to customers now")


class CourseForm(forms.ModelForm):
    held_on = DatePartsField(dates.DUE, label="Date")

    class Meta:
        model = ProgrammeCourse
        fields = ["title", "course", "description", "provider", "held_on", "starts_at", "venue", "capacity"]
        widgets = {"starts_at": forms.TimeInput(attrs={"type": "time"}), "description": forms.Textarea({"rows": 3})}


class BookForForm(forms.Form):
    customer = forms.ModelChoiceField(queryset=Customer.objects.none(), label="Customer")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["customer"].queryset = _customers()


class AttendanceForm(forms.Form):
    attended = forms.TypedChoiceField(choices=[("1", "Attended"), ("0", "Did not attend")], coerce=lambda v: v == "1")
