"""Faster table cells for django-tables2 at landlord scale (issue #18).

Signatures: django-tables2 reads the signature of a column's render/value/linkify function with
`inspect.signature` for every cell it draws: on a 25-row list of ten columns that is hundreds of
signature parses a page, a fifth of a list's time at landlord scale (issue #18). The signature of
a function never changes, so it is read once per function here; `install()` (from
EngagementConfig.ready) puts the remembered version in django_tables2.utils, where
`call_with_appropriate` looks it up.

Dates: its DateColumn and DateTimeColumn are TemplateColumns that compile the template
`{{ value|date:"…" }}` from its source for every cell they draw (a deadline board page of 50 rows:
a tenth of its time). DateColumn and DateTimeColumn here give the same text, formatted in Python,
and are registered so a model's date fields get them too."""

from __future__ import annotations

import datetime
import functools
import inspect

import django_tables2 as tables
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django_tables2 import utils
from django_tables2.columns import library


@functools.lru_cache(maxsize=4096)
def _parameters(function, bound: bool) -> tuple[tuple[str, ...], str | None]:
    parameters = list(inspect.signature(function, **utils.SIGNATURE_KWARGS).parameters.values())
    if bound and parameters:
        parameters = parameters[1:]  # self, as inspect.signature drops it for a bound method
    args, keywords = [], None
    for parameter in parameters:
        if parameter.kind == parameter.VAR_KEYWORD:
            keywords = parameter.name
        elif parameter.kind != parameter.VAR_POSITIONAL:
            args.append(parameter.name)
    return tuple(args), keywords


def signature(fn):
    """django_tables2.utils.signature, remembered per function (bound methods by their function)."""
    function = getattr(fn, "__func__", None)
    if function is not None and inspect.isfunction(function):
        return _parameters(function, True)
    if inspect.isfunction(fn):
        return _parameters(fn, False)
    return _original(fn)  # anything else (a callable object, a partial) as before


_original = utils.signature


def install() -> None:
    utils.signature = signature


@library.register
class DateColumn(tables.Column):
    """A date as the `date` template filter would write it (`format`: a format string or the name
    of a format setting), its ISO form in exports."""

    def __init__(self, format=None, *args, short=True, **kwargs):
        self.format = format or ("SHORT_DATE_FORMAT" if short else "DATE_FORMAT")
        super().__init__(*args, **kwargs)

    @classmethod
    def from_field(cls, field, **kwargs):
        if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
            return cls(**kwargs)
        return None

    def render(self, value):
        return date_format(value, self.format)

    def value(self, value):
        return value.isoformat() if isinstance(value, datetime.date) else value


@library.register
class DateTimeColumn(DateColumn):
    """A moment in the portal's time zone, as the `date` filter writes it; ISO with a space in exports."""

    def __init__(self, format=None, *args, short=True, **kwargs):
        super().__init__(format or ("SHORT_DATETIME_FORMAT" if short else "DATETIME_FORMAT"), *args, **kwargs)

    @classmethod
    def from_field(cls, field, **kwargs):
        return cls(**kwargs) if isinstance(field, models.DateTimeField) else None

    def render(self, value):
        if isinstance(value, datetime.datetime) and timezone.is_aware(value):
            value = timezone.localtime(value)
        return date_format(value, self.format)

    def value(self, value):
        return value.isoformat(sep=" ") if isinstance(value, datetime.datetime) else value
