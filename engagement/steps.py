"""The shape most write pages share: POST → a service → a message → a redirect, and the form page.

A form page:

    form = forms.MinutesForm(request.POST or None, instance=meeting)
    done = step(request, form=form, run=lambda data: services.meeting_minutes_save(...), success="…", target=meeting)
    return done or form_page(request, form, title=…, cancel_url=…)

A POST-only button:

    return step(request, run=lambda: services.meeting_cancel(meeting=meeting), success="…", target=meeting)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render

from engagement.forms import form_add_service_errors


def step(
    request,
    *,
    run: Callable,
    success: str | Callable[[Any], str],
    target: Any,
    form=None,
    refused: str = "",
    resent: str | Callable[[Any], str] | None = None,
) -> HttpResponse | None:
    """Run one write the way every write page does, and answer it.

    With a `form`: only a valid POST runs `run(form.cleaned_data)`; a rule the service refuses
    (ValidationError) goes onto the form. Returns None whenever the form should be shown (again).
    Without a form (a POST-only button): `run()` runs and a refusal is flashed as an error,
    after `refused` (e.g. "Not yet: "), before redirecting to `target` all the same.

    On success `success` is flashed and the page redirects to `target`; either may be a callable
    of what `run` returned (e.g. the row it created).

    `resent`: the service returns (row, created) and hands back the first row when the same thing
    is sent again (engagement.services.create_once, with the form's one-time token); then `resent`
    is flashed (as info) instead of `success`.
    Where there is no result (a refusal on a button), `target` must be fixed.
    """
    if form is not None and not (request.method == "POST" and form.is_valid()):
        return None
    try:
        result = run() if form is None else run(form.cleaned_data)
    except ValidationError as error:
        if form is not None:
            form_add_service_errors(form, error)
            return None
        messages.error(request, refused + " ".join(error.messages))
        return redirect(target)
    if resent is not None:
        result, created = result
        if not created:
            messages.info(request, _of(resent, result))
            return redirect(_of(target, result))
    messages.success(request, _of(success, result))
    return redirect(_of(target, result))


def unique_save(save: Callable, refusal: str):
    """`save()` in its own transaction; a clash on a unique constraint (the same thing twice, e.g. a
    double submit) becomes a refusal, shown on the form like any rule a service refuses."""
    try:
        with transaction.atomic():
            return save()
    except IntegrityError as error:
        raise ValidationError(refusal) from error


def form_page(
    request,
    form,
    *,
    title: str,
    cancel_url: str = "",
    intro: str = "",
    submit_label: str = "Save",
    extra: dict | None = None,
    status: int = 200,
    template: str = "engagement/form.html",
) -> HttpResponse:
    """The one form page (GOV.UK): title, intro, the shared error summary, the fields, the submit
    button and a cancel link. `extra` adds to the context (e.g. `messages_only` for the error summary);
    a page that needs more passes its own `template`, which extends engagement/form.html."""
    context = {"form": form, "title": title, "cancel_url": cancel_url, "intro": intro, "submit_label": submit_label}
    context.update(extra or {})
    return render(request, template, context, status=status)


def _of(value, result):
    return value(result) if callable(value) else value
