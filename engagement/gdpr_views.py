"""The manager's GDPR pages for one customer: export everything held, and erase (engagement/gdpr.py).

Both are a confirmation page (GET) and a POST: nothing is exported or erased by following a link."""

import json

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from . import gdpr
from .access import access
from .models import Customer


class ExportForm(forms.Form):
    format = forms.ChoiceField(
        label="How do you want it?",
        choices=[("html", "A page to read and print (or save as PDF)"), ("json", "A JSON file (for another system)")],
        widget=forms.RadioSelect,
        initial="html",
    )


class ErasureForm(forms.Form):
    confirm_reference = forms.CharField(
        label="Type the customer's tenancy reference to confirm",
        help_text="Erasure cannot be undone.",
        max_length=20,
        error_messages={"required": "Type the tenancy reference to confirm the erasure."},
    )

    def __init__(self, *args, customer: Customer, **kwargs):
        super().__init__(*args, **kwargs)
        self.customer = customer

    def clean_confirm_reference(self):
        typed = self.cleaned_data["confirm_reference"].strip().upper()
        if typed != self.customer.reference.upper():
            raise forms.ValidationError("Type the tenancy reference exactly as shown above, for example T0010003.")
        return typed


@access("manager")
def customer_data_export(request, pk: int):
    customer = get_object_or_404(Customer.objects.select_related("estate", "user"), pk=pk)
    form = ExportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        export = gdpr.customer_data_export(customer=customer, by=request.user)
        if form.cleaned_data["format"] == "json":
            response = HttpResponse(
                json.dumps(export, indent=2, ensure_ascii=False), content_type="application/json; charset=utf-8"
            )
            filename = f"personal-data-{customer.reference}-{timezone.localdate():%Y-%m-%d}.json"
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
            return response
        return render(request, "engagement/gdpr_export.html", {"customer": customer, "export": export})
    return render(request, "engagement/gdpr_export_confirm.html", {"customer": customer, "form": form})


@access("manager")
def customer_erase(request, pk: int):
    customer = get_object_or_404(Customer.objects.select_related("estate", "user"), pk=pk)
    if customer.erased_at is not None:
        messages.info(request, "This customer's personal data has already been erased.")
        return redirect(customer)
    form = ErasureForm(request.POST or None, customer=customer)
    if request.method == "POST" and form.is_valid():
        gdpr.customer_erase(customer=customer, by=request.user)
        messages.success(request, "The customer's personal data has been erased. Their records still count in reports.")
        return redirect("customer_detail", pk=customer.pk)
    return render(request, "engagement/gdpr_erase_confirm.html", {"customer": customer, "form": form})
