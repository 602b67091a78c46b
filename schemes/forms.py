"""Forms: recording an obligation met, a leaver and their exit interview, the suggestion box,
a scheme's settings, and informal feedback (phone first: a few taps, one box to type in)."""

from __future__ import annotations

from django import forms
from django.contrib.contenttypes.models import ContentType

from engagement import dates
from engagement.forms import OneTimeTokenField
from engagement.models import Estate, User

from . import services
from .models import SERVICE_AREAS, FeedbackKind, InformalFeedback, ObligationKind, ReviewStatus, SchemeSettings, Service
from .rhythms import FIXED_AGENDA, QUARTERLY_INVITEES

FORMAT_CHOICES = [("in_person", "In person"), ("online", "Online (Teams)")]


def _key(record) -> str:
    return f"{ContentType.objects.get_for_model(record).pk}:{record.pk}"


class ObligationRecordForm(forms.Form):
    """Met on a date, with a note, evidence links and what the obligation's kind asks for."""

    met_on = dates.DatePartsField(dates.HAPPENED, label="Date it was done")
    evidence = forms.MultipleChoiceField(
        label="Evidence",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="The meeting, survey, poster or action plan that shows it was done.",
    )
    note = forms.CharField(label="Note", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, obligation, **kwargs):
        super().__init__(*args, **kwargs)
        self.obligation = obligation
        self.candidates = {_key(record): record for record in services.evidence_candidates(obligation)}
        self.fields["evidence"].choices = [(key, services.evidence_label(r)) for key, r in self.candidates.items()]
        kind = obligation.template.kind
        if kind == ObligationKind.MANAGEMENT_INVITATION:
            self.fields["invited"] = forms.MultipleChoiceField(
                label="Who was invited", choices=QUARTERLY_INVITEES, widget=forms.CheckboxSelectMultiple
            )
        elif kind == ObligationKind.LEASEHOLDER_MEETING:
            self.fields["format"] = forms.ChoiceField(
                label="How it was held", choices=FORMAT_CHOICES, widget=forms.RadioSelect
            )
            self.fields["agenda"] = forms.MultipleChoiceField(
                label="Fixed agenda: items covered", choices=FIXED_AGENDA, widget=forms.CheckboxSelectMultiple
            )
            self.fields["minutes_distributed_on"] = dates.DatePartsField(
                dates.HAPPENED, label="Date the minutes were distributed"
            )
        elif kind == ObligationKind.RESULTS_REPORTED:
            self.fields["note"].label = "How the results were reported to residents"
            self.fields["no_dissatisfaction"] = forms.BooleanField(
                label="No area of dissatisfaction needed an action plan", required=False
            )

        # What the kind asks for comes straight after the date; evidence and the note last.
        self.order_fields(["met_on", "invited", "format", "agenda", "minutes_distributed_on", "no_dissatisfaction"])

    def details(self) -> dict:
        data = self.cleaned_data
        details = {}
        for name in ("invited", "agenda", "format"):
            if data.get(name):
                details[name] = data[name]
        if data.get("minutes_distributed_on"):
            details["minutes_distributed_on"] = data["minutes_distributed_on"].isoformat()
        if data.get("no_dissatisfaction"):
            details["no_dissatisfaction"] = True
        return details

    def evidence_records(self) -> list:
        return [self.candidates[key] for key in self.cleaned_data.get("evidence", []) if key in self.candidates]


class SchemeSettingsForm(forms.ModelForm):
    class Meta:
        model = SchemeSettings
        fields = ["ihmo", "scheme_manager", "meeting_every_months", "sense_check_every_months"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ihmo"].queryset = User.objects.officers()


class LeaverForm(forms.Form):
    form_token = OneTimeTokenField()
    left_on = dates.DatePartsField(dates.MEETING, label="Date they left (or will leave)")
    reference = forms.CharField(
        label="Reference",
        required=False,
        max_length=40,
        help_text="A support or tenancy reference. No names here: the exit interview is anonymous in results.",
    )


class ExitInterviewForm(forms.Form):
    """The year's exit-interview questions, as radios and text boxes."""

    form_token = OneTimeTokenField()
    channel = forms.ChoiceField(label="How it was filled in", choices=services.EXIT_CHANNELS, widget=forms.RadioSelect)
    responded_on = dates.DatePartsField(dates.HAPPENED, label="Date of the interview")
    assisted_by = forms.CharField(label="Helped by", required=False, max_length=120)

    def __init__(self, *args, survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(survey.questions.all())
        for question in self.questions:
            name = f"q{question.pk}"
            if question.is_closed:
                self.fields[name] = forms.ChoiceField(
                    label=question.text,
                    choices=question.options(),
                    widget=forms.RadioSelect,
                    required=question.required,
                )
            else:
                self.fields[name] = forms.CharField(
                    label=question.text, required=False, widget=forms.Textarea(attrs={"rows": 3})
                )

    def answers(self) -> dict[int, dict]:
        result = {}
        for question in self.questions:
            value = self.cleaned_data.get(f"q{question.pk}") or ""
            result[question.pk] = {"value": value} if question.is_closed else {"text": value}
        return result


class BoxSuggestionForm(forms.Form):
    form_token = OneTimeTokenField()
    text = forms.CharField(label="The suggestion, as written", widget=forms.Textarea(attrs={"rows": 3}))
    received_on = dates.DatePartsField(dates.HAPPENED, label="Date taken from the box")


class InformalFeedbackForm(forms.ModelForm):
    """Phone first: what it is, where, which service, and what happened. Today's date by default."""

    form_token = OneTimeTokenField()

    class Meta:
        model = InformalFeedback
        fields = ["kind", "estate", "service", "raised_by", "what_happened"]
        widgets = {
            "kind": forms.RadioSelect,
            "raised_by": forms.RadioSelect,
            "what_happened": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = FeedbackKind.choices
        self.fields["service"].choices = [("", "Choose a service")] + list(Service.choices)
        self.fields["estate"].queryset = Estate.objects.only("pk", "name")
        self.fields["estate"].required = False
        self.fields["estate"].empty_label = "Not about one place"


class ReviewForm(forms.Form):
    status = forms.ChoiceField(
        label="Decision",
        choices=[(ReviewStatus.REVIEWED, ReviewStatus.REVIEWED.label)],
        widget=forms.HiddenInput,
        initial=ReviewStatus.REVIEWED,
    )
    outcome = forms.CharField(label="What the team decided, and why", widget=forms.Textarea(attrs={"rows": 3}))


class FeedbackActionForm(forms.Form):
    form_token = OneTimeTokenField()
    we_will = forms.CharField(label="We will", widget=forms.Textarea(attrs={"rows": 3}))
    owner = forms.ModelChoiceField(label="Owner", queryset=User.objects.officers())
    due_on = dates.DatePartsField(dates.DUE, label="Due date")
    publish = forms.BooleanField(label='Put forward for "You said, we did" once done', required=False)


AREA_CHOICES = [("", "All service areas")] + [(str(a), a.label) for a in SERVICE_AREAS]
