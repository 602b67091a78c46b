from django import forms
from django.core.exceptions import ValidationError

from engagement import dates, uploads
from engagement.dates import DatePartsField
from engagement.forms import OneTimeTokenField, UploadField
from engagement.models import Customer, Estate, User

from .models import (
    AttendanceStatus,
    AttendeeKind,
    Availability,
    EstateWalk,
    EvidenceKind,
    ExpenseClaim,
    ExpenseKind,
    Meeting,
    MeetingPaper,
    MembershipRole,
    Panel,
    PaperKind,
    Recommendation,
    ResponseDecision,
    ScrutinyProject,
    TrainingRecord,
)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        kwargs.setdefault("format", "%H:%M")
        super().__init__(**kwargs)


def _officers():
    return User.objects.officers().order_by("first_name", "last_name")


class CustomerReferenceField(forms.CharField):
    """A customer picked by tenancy reference (a list of every tenant would be unusable)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Tenancy reference")
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("help_text", "As on the customer record, e.g. T0120034.")
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value).strip()
        if not value:
            return None
        try:
            return Customer.objects.select_related("user", "estate").get(reference__iexact=value)
        except Customer.DoesNotExist as error:
            raise ValidationError(f"No customer has the tenancy reference {value}.") from error


class PanelForm(forms.ModelForm):
    cadence_from = DatePartsField(
        dates.TERM,
        label="Cadence from",
        required=False,
        help_text="The date the cadence counts from, usually the first meeting. Set automatically when blank.",
    )

    class Meta:
        model = Panel
        fields = [
            "name",
            "kind",
            "purpose",
            "terms_of_reference",
            "officer",
            "meets_every_months",
            "cadence_from",
            "term_years",
            "estate",
            "recruiting",
            "is_active",
        ]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "terms_of_reference": forms.Textarea(attrs={"rows": 6}),
        }


class MembershipForm(forms.Form):
    customer = CustomerReferenceField()
    role = forms.ChoiceField(choices=MembershipRole.choices, initial=MembershipRole.MEMBER, widget=forms.RadioSelect)
    estates = forms.ModelMultipleChoiceField(
        queryset=Estate.objects.all(),
        required=False,
        help_text="For an estate champion: the estates they look after (hold Ctrl to choose more than one).",
    )
    starts_on = DatePartsField(dates.TERM, label="Start of the term")
    ends_on = DatePartsField(
        dates.TERM,
        label="End of the term",
        required=False,
        hint="Leave blank to use the panel's usual term. For example, 27 3 2028",
    )


class MembershipEndForm(forms.Form):
    ends_on = DatePartsField(dates.TERM, label="Last day of the term")


class EoiForm(forms.Form):
    panel = forms.ModelChoiceField(
        queryset=Panel.objects.filter(is_active=True, recruiting=True),
        label="Which group would you like to join?",
        empty_label="Choose a group",
    )
    availability = forms.MultipleChoiceField(
        choices=Availability.choices,
        widget=forms.CheckboxSelectMultiple,
        label="When are you free?",
        required=True,
    )
    communication_needs = forms.CharField(
        label="Anything that would help you take part?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example large print, a hearing loop, an interpreter, or help with travel.",
    )
    why = forms.CharField(
        label="Why would you like to join? (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class StaffEoiForm(EoiForm):
    """An expression of interest an officer takes by phone or in person."""

    customer = CustomerReferenceField()
    field_order = ["customer", "panel", "availability", "communication_needs", "why"]


class EoiAnswerForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("accept", "Accept: offer a place"), ("decline", "Decline")], widget=forms.RadioSelect, label="Answer"
    )
    role = forms.ChoiceField(choices=MembershipRole.choices, initial=MembershipRole.MEMBER, required=False)
    estates = forms.ModelMultipleChoiceField(
        queryset=Estate.objects.all(), required=False, help_text="Only for estate champions."
    )
    note = forms.CharField(
        label="Note to the customer",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed when you decline: say why.",
    )


class TrainingForm(forms.ModelForm):
    customer = CustomerReferenceField()
    held_on = DatePartsField(dates.MEETING, label="Date")

    class Meta:
        model = TrainingRecord
        fields = ["customer", "course", "title", "provider", "held_on", "completed", "notes"]


class MeetingForm(forms.ModelForm):
    meets_on = DatePartsField(dates.MEETING, label="Date")

    class Meta:
        model = Meeting
        fields = ["meets_on", "starts_at", "venue", "agenda"]
        widgets = {"starts_at": TimeInput(), "agenda": forms.Textarea(attrs={"rows": 8})}


class AttendanceForm(forms.Form):
    """One radio group per current member, plus staff and guests present."""

    staff_present = forms.ModelMultipleChoiceField(
        queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple, required=False, label="Staff present"
    )
    others_present = forms.CharField(
        label="Others present",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Guests and partners.",
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = list(members)
        self.fields["staff_present"].queryset = _officers()
        for membership in self.members:
            self.fields[f"member_{membership.customer_id}"] = forms.ChoiceField(
                label=f"{membership.customer.full_name} ({membership.get_role_display().lower()})",
                choices=AttendanceStatus.choices,
                widget=forms.RadioSelect,
                initial=AttendanceStatus.ABSENT,
            )
        self.order_fields([f"member_{m.customer_id}" for m in self.members] + ["staff_present", "others_present"])

    def statuses(self) -> dict[int, str]:
        return {m.customer_id: self.cleaned_data[f"member_{m.customer_id}"] for m in self.members}


class MinutesForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["minutes"]
        widgets = {"minutes": forms.Textarea(attrs={"rows": 14})}


class ActionItemForm(forms.Form):
    form_token = OneTimeTokenField()
    you_said = forms.CharField(label="You said / we found", widget=forms.Textarea(attrs={"rows": 2}))
    we_will = forms.CharField(label="We will", widget=forms.Textarea(attrs={"rows": 2}))
    owner = forms.ModelChoiceField(queryset=User.objects.none(), label="Owner")
    due_on = DatePartsField(dates.DUE, label="Due date")
    publish = forms.BooleanField(label='Put forward for "You said, we did" once done', required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _officers()


class PaperForm(forms.ModelForm):
    form_token = OneTimeTokenField()
    # Declared rather than taken from the model: it cleans to a CheckedUpload, which the service stores.
    file = UploadField(accept=uploads.DOCUMENTS)

    class Meta:
        model = MeetingPaper
        fields = ["title", "kind"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = PaperKind.choices


class ScrutinyForm(forms.ModelForm):
    started_on = DatePartsField(dates.MEETING, label="Started on")

    class Meta:
        model = ScrutinyProject
        fields = ["panel", "topic", "scope", "lead_officer", "started_on"]
        widgets = {"scope": forms.Textarea(attrs={"rows": 5})}


class EvidenceForm(forms.Form):
    form_token = OneTimeTokenField()
    kind = forms.ChoiceField(choices=EvidenceKind.choices, label="Type of evidence")
    title = forms.CharField(max_length=200)
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 4}))
    file = UploadField(accept=uploads.DOCUMENTS, required=False)
    gathered_on = DatePartsField(dates.HAPPENED, label="Date gathered")


class FindingsForm(forms.ModelForm):
    class Meta:
        model = ScrutinyProject
        fields = ["findings"]
        widgets = {"findings": forms.Textarea(attrs={"rows": 10})}


class RecommendationForm(forms.Form):
    form_token = OneTimeTokenField()
    text = forms.CharField(label="Recommendation", widget=forms.Textarea(attrs={"rows": 3}))


class ReportForm(forms.Form):
    report_text = forms.CharField(label="Final report", required=False, widget=forms.Textarea(attrs={"rows": 14}))
    report_file = UploadField(accept=uploads.PDFS, label="Or upload the report as a PDF", required=False)

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.project = project

    def clean(self):
        cleaned = super().clean()
        if (
            not (cleaned.get("report_text") or "").strip()
            and not cleaned.get("report_file")
            and not self.project.report_file
        ):
            raise ValidationError("Write the report or upload it as a PDF.")
        return cleaned


class ResponseForm(forms.ModelForm):
    decision = forms.ChoiceField(
        choices=ResponseDecision.choices, widget=forms.RadioSelect, label="Management response"
    )

    class Meta:
        model = Recommendation
        fields = ["decision", "response"]
        widgets = {"response": forms.Textarea(attrs={"rows": 3})}
        labels = {"response": "Our response and reasons"}


class ScrutinyActionForm(forms.Form):
    form_token = OneTimeTokenField()
    recommendation = forms.ModelChoiceField(queryset=Recommendation.objects.none(), required=False)
    we_will = forms.CharField(label="We will", widget=forms.Textarea(attrs={"rows": 2}))
    owner = forms.ModelChoiceField(queryset=User.objects.none())
    due_on = DatePartsField(dates.DUE, label="Due date")
    publish = forms.BooleanField(label='Put forward for "You said, we did" once done', required=False)

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _officers()
        self.fields["recommendation"].queryset = project.recommendations.exclude(decision=ResponseDecision.REJECTED)


class WalkForm(forms.ModelForm):
    walks_on = DatePartsField(dates.MEETING, label="Date")

    class Meta:
        model = EstateWalk
        fields = ["kind", "estate", "area", "walks_on", "starts_at", "route", "lead_officer"]
        widgets = {"starts_at": TimeInput(), "route": forms.Textarea(attrs={"rows": 3})}


class AttendeeForm(forms.Form):
    form_token = OneTimeTokenField()
    kind = forms.ChoiceField(choices=AttendeeKind.choices, widget=forms.RadioSelect, label="Who is it?")
    reference = CustomerReferenceField(required=False, help_text="For a customer.")
    user = forms.ModelChoiceField(queryset=User.objects.none(), required=False, label="Officer")
    name = forms.CharField(max_length=120, required=False, help_text="For a partner.")
    organisation = forms.CharField(
        max_length=120, required=False, help_text="For a partner, e.g. West Midlands Police."
    )
    email = forms.EmailField(required=False, help_text="For a partner: we email them the actions.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = _officers()


class IssueForm(forms.Form):
    form_token = OneTimeTokenField()
    description = forms.CharField(label="What we found", widget=forms.Textarea(attrs={"rows": 2}))
    location = forms.CharField(max_length=200, help_text="Where exactly, e.g. 'bin store behind 12–20 Alder Close'.")
    photo = UploadField(
        accept=uploads.PHOTOS, required=False, help_text="A photo of the issue (JPEG, PNG, GIF or WebP)."
    )
    we_will = forms.CharField(label="Action agreed: we will", widget=forms.Textarea(attrs={"rows": 2}))
    owner = forms.ModelChoiceField(queryset=User.objects.none(), label="Owner")
    due_on = DatePartsField(dates.DUE, label="Timescale: done by")
    publish = forms.BooleanField(label='Put forward for "You said, we did" once done', required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _officers()


class ExpenseForm(forms.ModelForm):
    form_token = OneTimeTokenField()
    kind = forms.ChoiceField(choices=ExpenseKind.choices, widget=forms.RadioSelect, label="Type of expense")
    receipt = UploadField(
        accept=uploads.PHOTOS_AND_PDFS,
        required=False,
        help_text="A photo or PDF of the receipt. Needed for claims over £10.",
    )
    incurred_on = DatePartsField(dates.HAPPENED, label="Date of the expense")

    class Meta:
        model = ExpenseClaim
        fields = ["kind", "incurred_on", "description", "meeting", "miles", "amount"]
        labels = {"meeting": "Meeting (if it was for one)", "miles": "Miles (for mileage)"}
        help_texts = {"amount": "Not needed for mileage: we work it out from the miles."}

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings
        self.fields["amount"].required = False


class ExpenseDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", "Approve"), ("reject", "Reject")], widget=forms.RadioSelect, label="Decision"
    )
    reason = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text="Needed when you reject the claim."
    )
