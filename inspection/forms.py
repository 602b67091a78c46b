"""Forms of the inspection app."""

from __future__ import annotations

from django import forms

from engagement import dates
from engagement.dates import DatePartsField
from engagement.forms import OneTimeTokenField
from engagement.models import Customer, User
from panels.models import ExpenseKind

from .models import Exercise, ExerciseKind, ExerciseMethod, RecruitmentExercise


def _customers():
    return Customer.objects.filter(user__isnull=False, erased_at__isnull=True).order_by("last_name", "first_name")


class ExerciseForm(forms.ModelForm):
    # Declared, not generated: a model field without a default would offer a blank "---------" radio.
    kind = forms.ChoiceField(choices=ExerciseKind.choices, widget=forms.RadioSelect, label="Kind")
    method = forms.ChoiceField(choices=ExerciseMethod.choices, widget=forms.RadioSelect, label="Method")
    planned_on = DatePartsField(dates.DUE, label="Planned start")

    class Meta:
        model = Exercise
        fields = [
            "title",
            "kind",
            "method",
            "service_tested",
            "scenario",
            "circle",
            "partner_landlords",
            "commissioned_by",
            "lead_officer",
            "planned_on",
        ]
        widgets = {
            "scenario": forms.Textarea(attrs={"rows": 4}),
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("circle") and not (cleaned.get("partner_landlords") or "").strip():
            self.add_error("partner_landlords", "Name the partner landlords taking part in this CIRCLE exercise.")
        return cleaned


class ReportForm(forms.ModelForm):
    class Meta:
        model = Exercise
        fields = ["scenario", "findings", "recommendations", "good_practice"]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in fields}


class ChecklistItemForm(forms.Form):
    question = forms.CharField(
        label="What the customer checks", max_length=300, help_text="e.g. Was the call answered within 30 seconds?"
    )
    standard = forms.CharField(label="The service standard it tests", max_length=200, required=False)
    max_score = forms.IntegerField(label="Highest score", min_value=1, max_value=10, initial=5)


class ParticipantForm(forms.Form):
    customer = forms.ModelChoiceField(queryset=_customers(), label="Customer", empty_label="Choose a customer")
    from_partner = forms.CharField(label="From a partner landlord (CIRCLE only)", max_length=120, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["customer"].queryset = _customers()


class ItemScoresForm(forms.Form):
    """One score and comment per checklist item; the fields are built from the checklist."""

    def __init__(self, *args, items, current=None, **kwargs):
        super().__init__(*args, **kwargs)
        current = current or {}
        for item in items:
            score, comment = current.get(item.pk, (None, ""))
            self.fields[f"score_{item.pk}"] = forms.IntegerField(
                label=f"{item.number}. {item.question} (0 to {item.max_score})",
                min_value=0,
                max_value=item.max_score,
                initial=score,
            )
            self.fields[f"comment_{item.pk}"] = forms.CharField(
                label=f"Comment on item {item.number}", max_length=300, required=False, initial=comment
            )

    def scores(self) -> dict[int, tuple[int, str]]:
        data = self.cleaned_data
        return {
            int(n.split("_")[1]): (v, data.get(f"comment_{n.split('_')[1]}", ""))
            for n, v in data.items()
            if n.startswith("score_")
        }


class ExpensesForm(forms.Form):
    form_token = OneTimeTokenField()
    kind = forms.ChoiceField(label="Type of expense", choices=ExpenseKind.choices, initial=ExpenseKind.CALLS)
    amount = forms.DecimalField(label="Amount (£)", max_digits=8, decimal_places=2, min_value=0.01)
    description = forms.CharField(label="What it was for", max_length=200)
    incurred_on = DatePartsField(dates.HAPPENED, label="Date of the expense")


class ImprovementActionForm(forms.Form):
    form_token = OneTimeTokenField()
    area = forms.CharField(
        label="Area for development (what the exercise found)", widget=forms.Textarea(attrs={"rows": 2})
    )
    action = forms.CharField(label="Action required", widget=forms.Textarea(attrs={"rows": 2}))
    owner = forms.ModelChoiceField(queryset=User.objects.officers(), label="Who owns it")
    due_on = DatePartsField(dates.DUE, label="Timescale: done by")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = User.objects.officers()


class RecruitmentForm(forms.ModelForm):
    interviews_from = DatePartsField(dates.MEETING, label="First interview date")
    interviews_to = DatePartsField(dates.MEETING, label="Last interview date", required=False)

    class Meta:
        model = RecruitmentExercise
        fields = [
            "post",
            "customer_facing",
            "head_of_or_above",
            "hiring_manager",
            "interviews_from",
            "interviews_to",
            "max_score",
            "key_behaviours",
        ]
        widgets = {"key_behaviours": forms.Textarea(attrs={"rows": 3})}


class PanelistForm(forms.Form):
    customer = forms.ModelChoiceField(
        queryset=_customers(), label="Involved customer", required=False, empty_label="Choose a customer"
    )
    staff_name = forms.CharField(label="Or a member of staff (name and role)", max_length=120, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["customer"].queryset = _customers()


class CandidateForm(forms.Form):
    label = forms.CharField(
        label="Candidate", max_length=60, help_text="How the panel refers to them, e.g. Candidate A."
    )
    interviewed_on = DatePartsField(dates.MEETING, label="Interview date", required=False)


class CandidateScoreForm(forms.Form):
    panelist = forms.ModelChoiceField(queryset=None, label="Panel member", empty_label="Choose who scored")
    candidate = forms.ModelChoiceField(queryset=None, label="Candidate", empty_label="Choose the candidate")
    score = forms.IntegerField(label="Score", min_value=0)
    comments = forms.CharField(
        label="Comments",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Fed back into the assessment.",
    )

    def __init__(self, *args, exercise, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["panelist"].queryset = exercise.panelists.select_related("customer")
        self.fields["candidate"].queryset = exercise.candidates.all()
        self.fields["score"].max_value = exercise.max_score
        self.fields["score"].help_text = f"From 0 to {exercise.max_score}."
