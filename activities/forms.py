"""Forms: the one-minute activity log on a phone, the report with its actions, and the manager's return."""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.forms.formsets import TOTAL_FORM_COUNT
from django.forms.utils import ErrorDict
from django.utils import timezone

from engagement import dates
from engagement.dates import DatePartsField
from engagement.forms import MultipleUploadField, OneTimeTokenField
from engagement.models import Estate, User

from . import services
from .models import ActivityType, AttachmentKind, EngagementActivity, engagement_rule_check


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        kwargs.setdefault("format", "%H:%M")
        super().__init__(**kwargs)


RULE_HELP = (
    "A coffee morning, breakfast club, informal chat or other social activity counts as engagement only when "
    "customers' feedback on our services was captured and noted."
)


def _officers():
    return User.objects.officers().order_by("first_name", "last_name")


class ActivityForm(forms.ModelForm):
    """Fast to fill in on a phone: today's date, the current hour, you as lead, your estates first
    and the type and estate you used last are filled in (services.activity_defaults)."""

    date = DatePartsField(dates.ACTIVITY, label="Date")
    start_time = forms.TimeField(label="Start time", widget=TimeInput())
    end_time = forms.TimeField(label="End time", required=False, widget=TimeInput())
    form_token = OneTimeTokenField()

    class Meta:
        model = EngagementActivity
        fields = [
            "activity_type",
            "title",
            "estate",
            "location",
            "purpose",
            "lead_officer",
            "partners_present",
            "customers_engaged",
            "customers_assisted",
            "feedback_captured",
            "feedback_notes",
        ]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 2}),
            "feedback_notes": forms.Textarea(attrs={"rows": 3}),
            "customers_engaged": forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
            "customers_assisted": forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
        }
        help_texts = {"feedback_notes": RULE_HELP}

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["estate"].queryset = Estate.objects.select_related("patch").order_by("name")
        self.fields["estate"].empty_label = "Not on an estate (give the location)"
        self.fields["lead_officer"].queryset = _officers()
        self.fields["activity_type"].help_text = "Planning ahead? Enter a future date and file the report afterwards."
        # Left blank, the title is made from the type and the place ("Door knock at Oak Estate").
        self.fields["title"].required = False
        self.fields["title"].help_text = "Leave blank to call it by its type and place."
        mine = _estate_choices(self.fields["estate"], user)
        if self.instance.pk:
            del self.fields["form_token"]
            local = timezone.localtime(self.instance.starts_at)
            self.initial.setdefault("date", local.date())
            self.initial.setdefault("start_time", local.time().replace(second=0, microsecond=0))
            if self.instance.ends_at:
                self.initial.setdefault("end_time", timezone.localtime(self.instance.ends_at).time())
        else:
            now = timezone.localtime()
            self.initial.setdefault("date", now.date())
            self.initial.setdefault("start_time", now.time().replace(minute=0, second=0, microsecond=0))
            self.initial.setdefault("lead_officer", user)
            for name, value in services.activity_defaults(user=user, my_estates=mine).items():
                self.initial.setdefault(name, value)
        self.order_fields(["activity_type", "title", "date", "start_time", "end_time", "estate", "location", "purpose"])

    def clean(self):
        cleaned = super().clean()
        day, start, end = cleaned.get("date"), cleaned.get("start_time"), cleaned.get("end_time")
        if day and start:
            cleaned["starts_at"] = timezone.make_aware(datetime.datetime.combine(day, start))
            cleaned["ends_at"] = None
            if end:
                if end <= start:
                    self.add_error("end_time", "The end time must be after the start time.")
                else:
                    cleaned["ends_at"] = timezone.make_aware(datetime.datetime.combine(day, end))
        if not cleaned.get("estate") and not (cleaned.get("location") or "").strip():
            self.add_error("location", "Choose the estate or scheme, or say where the activity took place.")
        if not (cleaned.get("title") or "").strip() and cleaned.get("activity_type"):
            place = cleaned.get("estate") or (cleaned.get("location") or "").strip()
            label = ActivityType(cleaned["activity_type"]).label
            cleaned["title"] = f"{label} at {place}"[:160] if place else label
        engaged, assisted = cleaned.get("customers_engaged"), cleaned.get("customers_assisted")
        if engaged is not None and assisted is not None and assisted > engaged:
            self.add_error("customers_assisted", "Customers assisted cannot be more than customers engaged.")
        # The seed's rule applies once the activity has happened; a planned one is only warned.
        starts_at = cleaned.get("starts_at")
        if starts_at and starts_at <= timezone.now() and cleaned.get("activity_type"):
            try:
                engagement_rule_check(
                    activity_type=cleaned["activity_type"],
                    feedback_captured=cleaned.get("feedback_captured", False),
                    feedback_notes=cleaned.get("feedback_notes", ""),
                )
            except ValidationError as error:
                self.add_error(None, error)
        return cleaned

    def activity_fields(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["starts_at"] = self.cleaned_data["starts_at"]
        data["ends_at"] = self.cleaned_data["ends_at"]
        # "My patch": an activity away from our estates is filed under the lead officer's patch.
        data["patch"] = data["estate"].patch if data["estate"] else services.officer_patch(data["lead_officer"])
        return data


def _estate_choices(field, user: User) -> list[Estate]:
    """The officer's own estates first, under their own heading, then every other estate."""
    estates = list(field.queryset)
    mine = [estate for estate in estates if estate.officer_id == user.pk or estate.patch.officer_id == user.pk]
    if mine:
        others = [estate for estate in estates if estate not in mine]
        field.choices = [
            ("", field.empty_label),
            ("Your estates", [(estate.pk, str(estate)) for estate in mine]),
            ("Other estates", [(estate.pk, str(estate)) for estate in others]),
        ]
    return mine


class ReportNowForm(ActivityForm):
    """ "Log and file the report now": an activity that has already happened, logged and reported
    on one page (a door knock done in the street, reported before the next one)."""

    outcome = forms.CharField(
        label="Outcome",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What came of it: what we learned and what was agreed.",
    )
    customers_said = forms.CharField(label="What customers said", widget=forms.Textarea(attrs={"rows": 3}))
    attachments = MultipleUploadField(
        label="Photos and sign-in sheets",
        help_text="Images (JPEG, PNG, GIF, WebP) or PDFs. If the form shows an error, choose the files again.",
    )
    attachment_kind = forms.ChoiceField(
        label="The files are", choices=AttachmentKind.choices, initial=AttachmentKind.PHOTO, widget=forms.RadioSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity_type"].help_text = ""

    def clean(self):
        cleaned = super().clean()
        starts_at = cleaned.get("starts_at")
        if starts_at and starts_at > timezone.now():
            self.add_error(
                "date", "This page is for an activity that has already happened. To plan one, use Log an activity."
            )
        lead = cleaned.get("lead_officer")
        if lead and lead != self.user and not self.user.is_manager:
            self.add_error("lead_officer", "You can file the report only for an activity you lead.")
        return cleaned

    def report_fields(self) -> dict:
        return {
            "outcome": self.cleaned_data["outcome"],
            "customers_said": self.cleaned_data["customers_said"],
            "attachments": self.cleaned_data["attachments"],
            "attachment_kind": self.cleaned_data["attachment_kind"],
        }


class ReportForm(forms.ModelForm):
    attachments = MultipleUploadField(
        label="Photos and sign-in sheets",
        help_text="Images (JPEG, PNG, GIF, WebP) or PDFs. If the form shows an error, choose the files again.",
    )
    attachment_kind = forms.ChoiceField(
        label="The files are", choices=AttachmentKind.choices, initial=AttachmentKind.PHOTO, widget=forms.RadioSelect
    )

    class Meta:
        model = EngagementActivity
        fields = [
            "outcome",
            "customers_said",
            "customers_engaged",
            "customers_assisted",
            "feedback_captured",
            "feedback_notes",
        ]
        widgets = {
            "outcome": forms.Textarea(attrs={"rows": 3}),
            "customers_said": forms.Textarea(attrs={"rows": 4}),
            "feedback_notes": forms.Textarea(attrs={"rows": 3}),
            "customers_engaged": forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
            "customers_assisted": forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
        }
        help_texts = {"outcome": "What came of it: what we learned and what was agreed.", "feedback_notes": RULE_HELP}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].required = True
        self.fields["customers_said"].required = True

    def clean(self):
        cleaned = super().clean()
        engaged, assisted = cleaned.get("customers_engaged"), cleaned.get("customers_assisted")
        if engaged is not None and assisted is not None and assisted > engaged:
            self.add_error("customers_assisted", "Customers assisted cannot be more than customers engaged.")
        try:
            engagement_rule_check(
                activity_type=self.instance.activity_type,
                feedback_captured=cleaned.get("feedback_captured", False),
                feedback_notes=cleaned.get("feedback_notes", ""),
            )
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned

    def _post_clean(self):
        # The model's full check runs in the service once the status moves on; skip the partial one here.
        pass


class ReportActionForm(forms.Form):
    """One action row; a row left blank is ignored."""

    you_said = forms.CharField(label="You said / we found", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    we_will = forms.CharField(label="We will", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    owner = forms.ModelChoiceField(queryset=User.objects.none(), required=False, label="Owner")
    due_on = DatePartsField(dates.DUE, label="Due date", required=False)
    publish = forms.BooleanField(label='Put forward for "You said, we did" once done', required=False)

    def __init__(self, *args, owners=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners if owners is not None else _officers()
        for field in self.fields.values():
            field.optional_implied = True  # the block as a whole is optional; once started, all is needed

    def clean(self):
        cleaned = super().clean()
        said, will = (cleaned.get("you_said") or "").strip(), (cleaned.get("we_will") or "").strip()
        if not said and not will:
            cleaned["blank"] = True
            return cleaned
        if not said:
            self.add_error("you_said", "Say what customers told us.")
        if not will:
            self.add_error("we_will", "Say what we will do about it.")
        if not cleaned.get("owner"):
            self.add_error("owner", "Choose who owns this action.")
        if not cleaned.get("due_on"):
            self.add_error("due_on", "Give a due date.")
        return cleaned


class BaseReportActionFormSet(forms.BaseFormSet):
    """The report's actions: one block shown, and "Add another action" for each more.

    Without JavaScript, "Add another action" is a submit button named `add_action`: the page comes
    back with everything typed and one more block (`with_another`). With JavaScript
    (static/activities/report_actions.js) the block is copied from the formset's empty form."""

    ADD_BUTTON = "add_action"

    def __init__(self, *args, owner=None, **kwargs):
        # One query for the owner choices, shared by every row; new rows start owned by the lead
        # officer and due in four weeks (also the JavaScript copy, the formset's empty form).
        form_kwargs = kwargs.setdefault("form_kwargs", {})
        form_kwargs["owners"] = _officers()
        form_kwargs["initial"] = {
            "owner": owner.pk if owner else None,
            "due_on": timezone.localdate() + datetime.timedelta(days=28),
        }
        super().__init__(*args, **kwargs)

    @property
    def can_add(self) -> bool:
        return self.total_form_count() < self.max_num

    def with_another(self) -> BaseReportActionFormSet:
        """The same rows as typed, not judged yet (no errors shown), plus one new empty block."""
        count = self.total_form_count()
        if count < self.max_num:
            new = self.form(
                prefix=self.add_prefix(count),
                empty_permitted=True,
                use_required_attribute=False,
                renderer=self.renderer,
                **self.get_form_kwargs(count),
            )
            self.forms.append(new)
            self.data = self.data.copy()
            self.data[self.management_form.add_prefix(TOTAL_FORM_COUNT)] = str(count + 1)
            self.__dict__.pop("management_form", None)
        for form in self.forms:
            if form.is_bound:
                form._errors = ErrorDict()
        self._errors, self._non_form_errors = [], self.error_class()
        return self

    def report_actions(self) -> list[services.ReportAction]:
        return [
            services.ReportAction(
                you_said=form.cleaned_data["you_said"].strip(),
                we_will=form.cleaned_data["we_will"].strip(),
                owner=form.cleaned_data["owner"],
                due_on=form.cleaned_data["due_on"],
                publish=form.cleaned_data.get("publish", False),
            )
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("blank")
        ]


ReportActionFormSet = forms.formset_factory(ReportActionForm, formset=BaseReportActionFormSet, extra=1, max_num=20)


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label="What needs changing",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The officer sees this comment and is notified.",
    )


class CancelForm(forms.Form):
    reason = forms.CharField(label="Why it did not go ahead", max_length=250)


class AttachmentForm(forms.Form):
    files = MultipleUploadField(label="Photos and sign-in sheets", required=True)
    kind = forms.ChoiceField(
        label="The files are", choices=AttachmentKind.choices, initial=AttachmentKind.PHOTO, widget=forms.RadioSelect
    )
