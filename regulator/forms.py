from django import forms

from engagement.forms import UploadField


class ManualValueForm(forms.Form):
    value = forms.DecimalField(max_digits=9, decimal_places=2, label="Figure")
    numerator = forms.IntegerField(min_value=0, required=False)
    denominator = forms.IntegerField(min_value=0, required=False)
    evidence = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), help_text="Where the figure comes from (system, report, date)."
    )
    evidence_file = UploadField(required=False, label="Evidence file (optional)")
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
