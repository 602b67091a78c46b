"""What the involvement pages share: the form page (the write itself goes through panels' `step`)."""

from django.shortcuts import render


def form_page(request, form, *, title, cancel_url, intro="", submit_label="Save"):
    context = {"form": form, "title": title, "cancel_url": cancel_url, "intro": intro, "submit_label": submit_label}
    return render(request, "involvement/form.html", context)
