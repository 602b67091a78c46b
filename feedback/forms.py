"""Forms: they check what was typed; the services apply the Code's rules (and their errors are shown
against the right field). Dates default to today, the handler to you."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone

from engagement import dates
from engagement.dates import DatePartsField
from engagement.forms import OneTimeTokenField
from engagement.models import Customer, Estate, User

from .models import Complaint, ComplimentAbout, FeedbackChannel, LessonsLearned, Outcome, Suggestion

CUSTOMER_RESULTS = 30


def _staff():
    return User.objects.officers().order_by("first_name", "last_name")


class CustomerChoiceField(forms.ModelChoiceField):
    """A customer picked from search results. Only the matches are listed (there are thousands of
    customers), but any customer id is accepted, so a choice survives a re-displayed form."""

    def __init__(self, **kwargs):
        super().__init__(queryset=Customer.objects.none(), **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return Customer.objects.select_related("estate").get(pk=value)
        except (ValueError, TypeError, Customer.DoesNotExist):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice") from None


class CustomerSearchMixin:
    """Adds 'find the customer' (Customer.objects.search on name, address, postcode or reference)
    and narrows the customer list to the matches plus whoever is already chosen. Works without
    JavaScript: the Find button re-displays the form (by GET) with everything typed kept."""

    search_help = "Type part of a name, address, postcode or tenancy reference, then choose Find customer."

    def setup_customer_search(self, *, anonymous_label: str) -> None:
        self.fields["customer_search"] = forms.CharField(
            label="Find the customer", required=False, help_text=self.search_help
        )
        self.fields["customer"] = CustomerChoiceField(
            required=False, empty_label=anonymous_label, label="Customer", help_text="Choose from the matches."
        )
        source = self.data if self.is_bound else self.initial
        search = (source.get("customer_search") or "").strip()
        selected = source.get("customer") or (self.instance.customer_id if getattr(self, "instance", None) else None)
        query = Q(pk__in=[]) if not selected else Q(pk=getattr(selected, "pk", selected))
        if search:
            matches = (
                Customer.objects.search(search)
                .order_by("last_name", "first_name")
                .values_list("pk", flat=True)[:CUSTOMER_RESULTS]
            )
            query |= Q(pk__in=list(matches))
        self.customer_search_text = search
        try:
            self.fields["customer"].queryset = Customer.objects.filter(query).select_related("estate")
        except (ValueError, TypeError):
            self.fields["customer"].queryset = Customer.objects.none()
        self.customer_match_count = len(self.fields["customer"].queryset) if search else None


class ComplaintForm(CustomerSearchMixin, forms.ModelForm):
    anonymous = forms.BooleanField(
        label="The complaint is anonymous (no customer is named)",
        required=False,
        help_text="Leave the customer blank and tick this for an anonymous complaint.",
    )
    received_on = DatePartsField(dates.HAPPENED, label="Date received")
    form_token = OneTimeTokenField()

    class Meta:
        model = Complaint
        fields = ["estate", "received_on", "channel", "category", "description", "desired_outcome", "stage1_handler"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "desired_outcome": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.setup_customer_search(anonymous_label="No customer chosen")
        self.fields["estate"].queryset = Estate.objects.order_by("name")
        self.fields["estate"].empty_label = "Not known / from the customer's home"
        self.fields["stage1_handler"].queryset = _staff()
        self.fields["category"].choices = [("", "Choose a category"), *self.fields["category"].choices[1:]]
        self.fields["channel"].choices = [("", "Choose how it was made"), *self.fields["channel"].choices[1:]]
        if self.instance.pk:
            del self.fields["form_token"]
            del self.fields["stage1_handler"]
            self.initial.setdefault("anonymous", self.instance.customer_id is None)
            if self.instance.stage != 1 or self.instance.status != "received":
                self.fields["received_on"].disabled = True
                self.fields["received_on"].help_text = "Fixed once the complaint has been acknowledged."
        else:
            self.initial.setdefault("received_on", timezone.localdate())
            self.initial.setdefault("stage1_handler", user)
        self.order_fields(
            [
                "customer_search",
                "customer",
                "anonymous",
                "estate",
                "received_on",
                "channel",
                "category",
                "description",
                "desired_outcome",
                "stage1_handler",
            ]
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("customer") and cleaned.get("anonymous"):
            self.add_error("anonymous", "Untick 'anonymous' or clear the customer: it cannot be both.")
        elif not cleaned.get("customer") and not cleaned.get("anonymous"):
            self.add_error("customer", "Find and choose the customer, or tick 'anonymous' if no customer is named.")
        return cleaned


class AcknowledgeForm(forms.Form):
    acknowledged_on = DatePartsField(dates.HAPPENED, label="Date acknowledged")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("acknowledged_on", timezone.localdate())


class ExtensionForm(forms.Form):
    new_due_on = DatePartsField(dates.DUE, label="New response date")
    reason = forms.CharField(
        label="Reason for the extension",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="As explained to the customer.",
    )
    agreed_on = DatePartsField(dates.HAPPENED, label="Date agreed with the customer")
    good_reason = forms.CharField(
        label="Good reason for a later date (only if needed)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="The Code allows extensions beyond its limit only with good reason, explained to the customer.",
    )

    def __init__(self, *args, latest=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("agreed_on", timezone.localdate())
        if latest:
            self.fields[
                "new_due_on"
            ].help_text = (
                f"A working day, no later than {latest:%-d %B %Y} under the Code unless you record a good reason."
            )
            self.initial.setdefault("new_due_on", latest)


class ResponseForm(forms.Form):
    outcome = forms.ChoiceField(choices=Outcome.choices, widget=forms.RadioSelect, label="Outcome")
    remedy = forms.CharField(
        label="Remedy: how we are putting things right",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed when the complaint is upheld or partly upheld.",
    )
    responded_on = DatePartsField(dates.HAPPENED, label="Date of the response")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("responded_on", timezone.localdate())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") in ("upheld", "partly_upheld") and not (cleaned.get("remedy") or "").strip():
            self.add_error("remedy", "Say how we are putting things right when the complaint is upheld.")
        return cleaned


class EscalationForm(forms.Form):
    requested_on = DatePartsField(dates.HAPPENED, label="Date the customer asked to escalate")
    reason = forms.CharField(
        label="Why the customer is unhappy with the stage 1 response", widget=forms.Textarea(attrs={"rows": 3})
    )
    handler = forms.ModelChoiceField(
        queryset=User.objects.none(),
        label="Stage 2 handler",
        help_text="Must be someone other than the stage 1 handler.",
    )

    def __init__(self, *args, complaint: Complaint, **kwargs):
        super().__init__(*args, **kwargs)
        self.complaint = complaint
        self.initial.setdefault("requested_on", timezone.localdate())
        self.fields["handler"].queryset = _staff().exclude(pk=complaint.stage1_handler_id)

    def clean_handler(self):
        handler = self.cleaned_data["handler"]
        if handler.pk == self.complaint.stage1_handler_id:
            raise ValidationError("Stage 2 must be handled by someone other than the stage 1 handler.")
        return handler


class CloseForm(forms.Form):
    closed_on = DatePartsField(dates.HAPPENED, label="Date closed")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("closed_on", timezone.localdate())


class LessonsLearnedForm(forms.ModelForm):
    create_action = forms.BooleanField(
        label="Track the change as an action", required=False, help_text="Adds it to the shared actions list."
    )
    publish = forms.BooleanField(
        label='Put forward for "You said, we did" once done',
        required=False,
        help_text="Nothing is public until staff approve short public wording for it, naming nobody.",
    )
    action_due_on = DatePartsField(dates.DUE, label="Change due by", required=False)
    learned_on = DatePartsField(dates.HAPPENED, label="Date")
    change_done = forms.BooleanField(label="The change has already been made", required=False)

    class Meta:
        model = LessonsLearned
        fields = ["what_went_wrong", "root_cause", "what_we_changed", "owner", "learned_on"]
        widgets = {
            "what_went_wrong": forms.Textarea(attrs={"rows": 3}),
            "root_cause": forms.Textarea(attrs={"rows": 3}),
            "what_we_changed": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user: User, has_action: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _staff()
        self.initial.setdefault("owner", user)
        self.initial.setdefault("learned_on", timezone.localdate())
        if has_action:
            for name in ("create_action", "publish", "action_due_on", "change_done"):
                del self.fields[name]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("publish") and not cleaned.get("create_action"):
            cleaned["create_action"] = True
        if cleaned.get("create_action") and not cleaned.get("action_due_on") and not cleaned.get("change_done"):
            self.add_error("action_due_on", "Give the date the change is due, or tick that it has been made.")
        return cleaned


class ComplimentForm(CustomerSearchMixin, forms.Form):
    received_on = DatePartsField(dates.HAPPENED, label="Date received")
    from_name = forms.CharField(
        label="From (if not a customer on record)",
        required=False,
        max_length=120,
        help_text="A relative, friend, partner organisation or other stakeholder.",
    )
    channel = forms.ChoiceField(
        choices=[("", "Choose how it was made"), *FeedbackChannel.choices], label="How it was made"
    )
    about = forms.ChoiceField(
        choices=ComplimentAbout.choices, widget=forms.RadioSelect, label="Who or what it is about"
    )
    staff_member = forms.ModelChoiceField(
        queryset=User.objects.none(), required=False, label="Member of staff", help_text="They will be told."
    )
    team = forms.CharField(label="Team or service", required=False, max_length=120)
    description = forms.CharField(label="What they said", widget=forms.Textarea(attrs={"rows": 4}))
    form_token = OneTimeTokenField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_customer_search(anonymous_label="Not a customer on record")
        self.fields["staff_member"].queryset = User.objects.staff().order_by("first_name", "last_name")
        self.initial.setdefault("received_on", timezone.localdate())
        self.order_fields(["customer_search", "customer", "from_name", "received_on", "channel", "about"])

    def clean(self):
        cleaned = super().clean()
        about = cleaned.get("about")
        if about == ComplimentAbout.PERSON and not cleaned.get("staff_member"):
            self.add_error("staff_member", "Choose the member of staff the compliment is about.")
        if about in (ComplimentAbout.TEAM, ComplimentAbout.SERVICE) and not (cleaned.get("team") or "").strip():
            self.add_error("team", "Name the team or service the compliment is about.")
        return cleaned


class SuggestionForm(CustomerSearchMixin, forms.ModelForm):
    received_on = DatePartsField(dates.HAPPENED, label="Date received")
    form_token = OneTimeTokenField()

    class Meta:
        model = Suggestion
        fields = ["from_name", "estate", "received_on", "channel", "suggestion"]
        widgets = {"suggestion": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_customer_search(anonymous_label="Not a customer on record")
        self.fields["estate"].queryset = Estate.objects.order_by("name")
        self.fields["estate"].empty_label = "Everyone / from the customer's home"
        self.fields["channel"].choices = [("", "Choose how it was made"), *self.fields["channel"].choices[1:]]
        self.initial.setdefault("received_on", timezone.localdate())
        self.order_fields(["customer_search", "customer", "from_name", "estate", "received_on", "channel"])


class SuggestionResponseForm(forms.Form):
    response = forms.CharField(label="Our response", widget=forms.Textarea(attrs={"rows": 4}))
    responded_on = DatePartsField(dates.HAPPENED, label="Date answered")
    led_to_change = forms.BooleanField(label="It led to a change", required=False)
    we_will = forms.CharField(label="What we will change", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    action_owner = forms.ModelChoiceField(queryset=User.objects.none(), required=False, label="Who owns the change")
    action_due_on = DatePartsField(dates.DUE, label="Change due by", required=False)
    publish = forms.BooleanField(label='Put forward for "You said, we did" once done', required=False)

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action_owner"].queryset = _staff()
        self.initial.setdefault("responded_on", timezone.localdate())
        self.initial.setdefault("action_owner", user)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("led_to_change"):
            if not (cleaned.get("we_will") or "").strip():
                self.add_error("we_will", "Say what we will change.")
            if not cleaned.get("action_due_on"):
                self.add_error("action_due_on", "Give the date the change is due.")
        return cleaned
