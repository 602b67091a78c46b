from __future__ import annotations

from django import forms
from django.conf import settings

from engagement.forms import UploadField
from engagement.uploads import SPREADSHEETS

from .models import RecordType
from .records import fields_of


class ImportStartForm(forms.Form):
    record_type = forms.ChoiceField(
        label="What the file holds",
        choices=RecordType.choices,
        widget=forms.RadioSelect,
        help_text="Import patches first, then estates and schemes, then customers: each names the one before.",
    )
    source_system = forms.CharField(
        label="Housing system",
        max_length=60,
        help_text="The system the file comes from. Its column matching is saved under this name and reused.",
    )
    file = UploadField(label="CSV or Excel file", accept=SPREADSHEETS)
    full_extract = forms.BooleanField(
        label="This customers file lists every current customer (a full extract)",
        required=False,
        help_text="Customers from the housing system who are not in it are marked as ended (never deleted).",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source_system"].initial = settings.HOUSING_SYSTEM_NAME
        self.fields["file"].max_mb = settings.HOUSING_SYSTEM_MAX_FILE_MB


class ColumnMappingForm(forms.Form):
    """One select a portal field: which of the file's columns holds it."""

    def __init__(self, *args, record_type: str, headings: list[str], initial_columns: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "Not in this file")] + [(heading, heading) for heading in headings if heading]
        for field in fields_of(record_type):
            self.fields[field.name] = forms.ChoiceField(
                label=field.label,  # the form template marks the optional ones
                choices=choices,
                required=field.required,
                initial=initial_columns.get(field.name, ""),
                help_text=field.hint,
                error_messages={"required": f"Choose the column that holds the {field.label.lower()}"},
            )
