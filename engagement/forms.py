import uuid

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError

from . import dates, uploads
from .dates import DatePartsField
from .models import PUBLIC_WORDING_MAX, Action, ActionStatus, Customer, PosterVersion, User


class OneTimeTokenField(forms.UUIDField):
    """The hidden one-time token of a form that creates something (see services.create_once).

    Each rendered form carries a fresh token; the row it creates stores it in a unique
    `form_token` column, so a double tap, a resent POST or a retry after a lost connection
    finds the first row instead of adding another. Remove the field from a form that edits.
    Not required: a form sent without one (an old page, a script) still saves, unguarded,
    rather than failing on a field the person cannot see.
    """

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("initial", uuid.uuid4)  # called once per rendered form
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)


class PortalLoginForm(AuthenticationForm):
    """The standard login form, with autocomplete hints for password managers and phones."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "Your username and password did not match. Please try again. "
        "After 5 failed attempts the account is locked for 15 minutes.",
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].widget.attrs.update({"autocomplete": "username", "autocapitalize": "none"})
        self.fields["password"].widget.attrs.update({"autocomplete": "current-password"})


class ActionForm(forms.ModelForm):
    due_on = DatePartsField(dates.DUE, label="Due date")
    form_token = OneTimeTokenField()

    class Meta:
        model = Action
        fields = ["you_said", "we_will", "owner", "estate", "due_on", "publish"]
        widgets = {
            "you_said": forms.Textarea(attrs={"rows": 3}),
            "we_will": forms.Textarea(attrs={"rows": 3}),
        }


class ActionProgressForm(forms.ModelForm):
    """What the owner updates as the action moves on."""

    due_on = DatePartsField(dates.DUE, label="Due date")
    done_on = DatePartsField(dates.HAPPENED, label="Done on", name="The date it was done", required=False)

    class Meta:
        model = Action
        fields = ["status", "due_on", "done_on", "we_did", "publish"]
        widgets = {"we_did": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == ActionStatus.DONE:
            if not cleaned.get("done_on"):
                self.add_error("done_on", "Give the date the action was done.")
            if not (cleaned.get("we_did") or "").strip():
                self.add_error("we_did", "Say what we did, so customers can see it.")
        return cleaned


class PublicWordingForm(forms.Form):
    """The public wording of a done action: the only words about it customers ever see."""

    public_you_said = forms.CharField(
        label="You said",
        max_length=PUBLIC_WORDING_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="What customers told us, in their terms. No names, flat numbers or contact details.",
    )
    public_we_did = forms.CharField(
        label="We did",
        max_length=PUBLIC_WORDING_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What we did about it, in the past tense, and what it means for customers.",
    )
    confirm = forms.BooleanField(
        label="I have checked this wording: it names nobody, it is true and it says what we did",
        error_messages={"required": "Confirm you have checked the wording before you publish it."},
    )


class PosterForm(forms.Form):
    form_token = OneTimeTokenField()
    version = forms.ChoiceField(
        label="Version",
        choices=PosterVersion.choices,
        initial=PosterVersion.STANDARD,
        widget=forms.RadioSelect,
        help_text="Large print uses 20 pt text, so it holds fewer changes.",
    )


class CustomerPreferencesForm(forms.ModelForm):
    """What an involved customer can change about how we contact them."""

    class Meta:
        model = Customer
        fields = [
            "email",
            "phone",
            "preferred_channel",
            "language",
            "large_print",
            "braille",
            "easy_read",
            "digitally_excluded",
            "needs_assistance",
            "assistance_notes",
            "consent_to_contact",
        ]
        labels = {
            "consent_to_contact": "I am happy for the Customer Engagement Team to contact me",
            "needs_assistance": "I need some help to take part or give feedback",
            "digitally_excluded": "I do not use the internet",
        }


class StaffProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "email", "job_title", "phone"]


def form_add_service_errors(form, error: ValidationError, renames: dict[str, str] | None = None) -> None:
    """Show a rule the service refused next to the form field it is about (or above the form).

    `renames` maps a model field named by the service to the form field that shows it."""
    renames = renames or {}
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            target = renames.get(name, name)
            form.add_error(target if target in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


# The file picker's hint (phones offer the camera for image/*); the real check is on the bytes.
ACCEPT_ATTR = {
    uploads.IMAGE: "image/*",
    uploads.PDF: "application/pdf",
    uploads.OFFICE: ".doc,.docx,.xls,.xlsx,.ppt,.pptx",
    uploads.CSV: ".csv,text/csv",
    uploads.XLSX: ".xlsx",
}


class UploadField(forms.FileField):
    """One file checked by engagement.uploads: cleans to a CheckedUpload (store its `.file`)."""

    def __init__(
        self, *, accept=uploads.PHOTOS_AND_PDFS, max_side: int | None = None, max_mb: int | None = None, **kwargs
    ):
        self.accept, self.max_side, self.max_mb = frozenset(accept), max_side, max_mb
        kwargs.setdefault("widget", self.widget(attrs={"accept": ",".join(ACCEPT_ATTR[k] for k in sorted(accept))}))
        kinds = uploads.describe(accept)
        kwargs.setdefault("help_text", f"{kinds[:1].upper()}{kinds[1:]}.")
        super().__init__(**kwargs)

    def check(self, upload):
        return uploads.check_upload(upload, accept=self.accept, max_side=self.max_side, max_mb=self.max_mb)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload or upload is initial or not hasattr(upload, "read"):
            return upload  # nothing chosen, or the file a model form already has
        return self.check(upload)


class MultipleUploadField(UploadField):
    """Several files from one input; every one is checked and each problem is named.

    Cleans to a list of CheckedUpload. A form error means choosing the files again (browsers
    never refill a file input), which the error summary says."""

    widget = MultipleFileInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        if self.required and not files:
            raise ValidationError(f"Choose at least one file: {uploads.describe(self.accept)}.", code="required")
        checked, errors = [], []
        for upload in files:
            try:
                checked.append(self.check(forms.FileField.clean(self, upload, initial)))
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return checked
