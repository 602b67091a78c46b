from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError

from .models import Action, ActionStatus, Customer, User


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        kwargs.setdefault("format", "%Y-%m-%d")
        super().__init__(**kwargs)


class PortalLoginForm(AuthenticationForm):
    """The standard login form, with autocomplete hints for password managers and phones."""

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].widget.attrs.update({"autocomplete": "username", "autocapitalize": "none"})
        self.fields["password"].widget.attrs.update({"autocomplete": "current-password"})


class ActionForm(forms.ModelForm):
    class Meta:
        model = Action
        fields = ["you_said", "we_will", "owner", "estate", "due_on", "publish"]
        widgets = {
            "you_said": forms.Textarea(attrs={"rows": 3}),
            "we_will": forms.Textarea(attrs={"rows": 3}),
            "due_on": DateInput(),
        }


class ActionProgressForm(forms.ModelForm):
    """What the owner updates as the action moves on."""

    class Meta:
        model = Action
        fields = ["status", "due_on", "done_on", "we_did", "publish"]
        widgets = {"due_on": DateInput(), "done_on": DateInput(), "we_did": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == ActionStatus.DONE:
            if not cleaned.get("done_on"):
                self.add_error("done_on", "Give the date the action was done.")
            if not (cleaned.get("we_did") or "").strip():
                self.add_error("we_did", "Say what we did, so customers can see it.")
        return cleaned


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
