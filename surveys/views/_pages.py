"""Helpers shared by the surveys pages."""

from __future__ import annotations

import uuid

from django.shortcuts import render


def _token(value) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError):
        return None


def _form_page(request, form, title, *, cancel_url, intro=""):
    return render(
        request, "surveys/staff_form.html", {"form": form, "title": title, "cancel_url": cancel_url, "intro": intro}
    )
