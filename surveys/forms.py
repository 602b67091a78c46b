import datetime

from django import forms
from django.utils import timezone

from engagement import dates
from engagement.dates import DatePartsField
from engagement.forms import MultipleFileInput, OneTimeTokenField
from engagement.models import Customer, Estate, Tenure, User

from .models import (
    MAX_PHOTOS,
    RATED_TOPICS,
    PopulationBasis,
    Question,
    Rating,
    ResponseChannel,
    Scale,
    Survey,
)


class MultiplePhotoField(forms.FileField):
    """Several photos from one file input; each is checked by the service, not here, so that a
    bad one is reported by name while the good ones are kept."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        return [f for f in files if f]


# --- Estate champion survey ------------------------------------------------------------------

RATING_HINTS = {
    Rating.GOOD: "No problems",
    Rating.OKAY: "Could be better",
    Rating.POOR: "Needs sorting out",
}


class ChampionSurveyForm(forms.Form):
    form_token = OneTimeTokenField()
    visited_on = DatePartsField(
        dates.HAPPENED,
        label="When did you look?",
        name="The date you looked",
        hint="For example, 27 3 2026. Today is filled in for you.",
        error_messages={"required": "Enter the date you looked around the estate."},
    )
    anything_else = forms.CharField(
        label="Anything else you want to tell us?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="For example, something that was fixed well, or a problem not covered above.",
        max_length=4000,
    )
    photos = MultiplePhotoField(
        label="Photos (optional)",
        required=False,
        help_text=f"Up to {MAX_PHOTOS} photos. We remove the location and camera details before saving them.",
    )
    remove_photos = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, pending_photos=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["remove_photos"].choices = [(str(photo.pk), photo.original_name) for photo in pending_photos]
        self.topic_fields = []
        for topic, question in RATED_TOPICS:
            rating_name, comment_name = f"{topic}_rating", f"{topic}_comment"
            self.fields[rating_name] = forms.ChoiceField(
                label=f"{topic.label}: {question}",
                choices=Rating.choices,
                widget=forms.RadioSelect,
                error_messages={"required": f"Choose good, okay or poor for {topic.label.lower()}."},
            )
            self.fields[comment_name] = forms.CharField(
                label=f"Tell us more about {topic.label.lower()} (optional)",
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            self.topic_fields.append((topic, question, rating_name, comment_name))

    def rating_rows(self):
        """(topic label, question, rating field, comment field) for the template."""
        return [
            (topic.label, question, self[rating], self[comment])
            for topic, question, rating, comment in self.topic_fields
        ]

    def clean_visited_on(self):
        visited_on = self.cleaned_data["visited_on"]
        today = timezone.localdate()
        if visited_on < today - datetime.timedelta(days=90):
            raise forms.ValidationError("Tell us about visits in the last 3 months. For older ones, call us.")
        return visited_on

    def answers(self) -> dict:
        data = self.cleaned_data
        answers = {"visited_on": data["visited_on"], "anything_else": data["anything_else"].strip()}
        for _topic, _question, rating, comment in self.topic_fields:
            answers[rating] = data[rating]
            answers[comment] = data[comment].strip()
        return answers


# --- Satisfaction survey questions as form fields -------------------------------------------------


class QuestionFieldsMixin:
    """Adds one field per survey question (q_<id>): radios for closed scales, a box for free text."""

    def add_question_fields(self, questions):
        self.questions = list(questions)
        for question in self.questions:
            name = f"q_{question.pk}"
            label = f"{question.position}. {question.text}" + (" (required)" if question.required else "")
            if question.is_closed:
                self.fields[name] = forms.ChoiceField(
                    label=label,
                    choices=question.options(),
                    widget=forms.RadioSelect,
                    required=question.required,
                    error_messages={"required": f"Question {question.position} needs an answer."},
                )
            else:
                self.fields[name] = forms.CharField(
                    label=label, required=question.required, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
                )

    def question_fields(self):
        return [(question, self[f"q_{question.pk}"]) for question in self.questions]

    def answers(self) -> dict[int, dict]:
        answers = {}
        for question in self.questions:
            raw = self.cleaned_data.get(f"q_{question.pk}") or ""
            answers[question.pk] = {"value": raw} if question.is_closed else {"text": raw}
        return answers


class InvitationAnswerForm(QuestionFieldsMixin, forms.Form):
    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_question_fields(questions)


STAFF_CHANNELS = [
    (value, label) for value, label in ResponseChannel.choices if value not in (ResponseChannel.ONLINE, "imported")
]


class StaffResponseForm(QuestionFieldsMixin, forms.Form):
    form_token = OneTimeTokenField()
    reference = forms.CharField(
        label="Tenancy reference",
        required=False,
        max_length=20,
        help_text="Leave empty for an anonymous paper return, and choose the estate and tenure instead.",
    )
    estate = forms.ModelChoiceField(queryset=Estate.objects.all(), required=False, label="Estate or scheme")
    tenure = forms.ChoiceField(choices=[("", "---------"), *Tenure.choices], required=False)
    responded_on = DatePartsField(dates.HAPPENED, label="Date answered")
    channel = forms.ChoiceField(label="How did they answer?", choices=STAFF_CHANNELS, widget=forms.RadioSelect)
    assisted_by = forms.CharField(
        label="Assisted by",
        required=False,
        max_length=120,
        help_text="If someone helped the customer answer (a support worker, a relative, an interpreter), who.",
    )

    def __init__(self, *args, survey: Survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.survey = survey
        self.add_question_fields(survey.questions.all())

    def clean(self):
        data = super().clean()
        reference = (data.get("reference") or "").strip()
        data["customer"] = None
        if reference:
            customer = Customer.objects.select_related("estate").filter(reference__iexact=reference).first()
            if customer is None:
                self.add_error("reference", f"No customer has tenancy reference {reference}.")
            else:
                data["customer"] = customer
                data["estate"] = customer.estate
                data["tenure"] = customer.tenure
        else:
            if not data.get("estate"):
                self.add_error("estate", "Choose the estate or scheme, or give a tenancy reference.")
            if not data.get("tenure"):
                self.add_error("tenure", "Choose the tenure, or give a tenancy reference.")
        return data


# --- Staff: surveys and questions ---------------------------------------------------------------


class SurveyForm(forms.ModelForm):
    tenures = forms.MultipleChoiceField(
        choices=Tenure.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave all unticked to ask every tenure.",
    )
    opens_on = DatePartsField(dates.MEETING, label="Opens on", name="The opening date")
    closes_on = DatePartsField(dates.MEETING, label="Closes on", name="The closing date")

    class Meta:
        model = Survey
        fields = [
            "title",
            "purpose",
            "estates",
            "tenures",
            "population_basis",
            "population_override",
            "opens_on",
            "closes_on",
        ]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "estates": forms.SelectMultiple(attrs={"size": 10}),
            "population_basis": forms.RadioSelect,
        }

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", "The closing date must be on or after the opening date.")
        if data.get("tenures") and data.get("population_basis") == PopulationBasis.HOMES:
            self.add_error(
                "population_basis",
                "Homes cannot be split by tenure: choose “Customers on our records” when only some tenures are asked.",
            )
        return data


class QuestionForm(forms.ModelForm):
    form_token = OneTimeTokenField()

    class Meta:
        model = Question
        fields = ["position", "code", "text", "scale", "allow_dont_know", "required"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3}), "scale": forms.RadioSelect}

    def __init__(self, *args, survey: Survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.survey = survey
        if self.instance.pk:
            del self.fields["form_token"]  # editing creates nothing

    def clean_code(self):
        code = self.cleaned_data["code"].strip().upper()
        if code and self.survey.questions.filter(code=code).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(f"Another question in this survey already has the code {code}.")
        return code

    def clean(self):
        data = super().clean()
        if data.get("scale") == Scale.FREE_TEXT:
            data["allow_dont_know"] = False
        return data


class ImportForm(forms.Form):
    file = forms.FileField(label="CSV file", help_text="UTF-8 CSV with a heading row.")


class TsmSurveyForm(forms.Form):
    title = forms.CharField(max_length=200, initial="TSM perception survey")
    opens_on = DatePartsField(dates.MEETING, label="Opens on", name="The opening date")
    closes_on = DatePartsField(dates.MEETING, label="Closes on", name="The closing date")

    def clean(self):
        data = super().clean()
        if data.get("opens_on") and data.get("closes_on") and data["closes_on"] < data["opens_on"]:
            self.add_error("closes_on", "The closing date must be on or after the opening date.")
        if data.get("title") and Survey.objects.filter(title=data["title"]).exists():
            self.add_error("title", "A survey with this title already exists.")
        return data


# --- Staff: triage ------------------------------------------------------------------------------


class IssueActionForm(forms.Form):
    we_will = forms.CharField(
        label="We will",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Plain words: the champion will read this.",
        max_length=2000,
    )
    owner = forms.ModelChoiceField(queryset=User.objects.officers(), label="Owner")
    due_on = DatePartsField(dates.DUE, label="Due date")
    publish = forms.BooleanField(label='Put forward for "You said, we did" once done', required=False, initial=True)


class IssueCloseForm(forms.Form):
    reason = forms.CharField(
        label="Why are you closing it without an action?",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The champion will read this, so say it plainly.",
        max_length=2000,
    )
