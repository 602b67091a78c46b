"""django-tables2 reads the signature of a column's render/value/linkify function with
`inspect.signature` for every cell it draws: on a 25-row list of ten columns that is hundreds of
signature parses a page, a fifth of a list's time at landlord scale (issue #18). The signature of
a function never changes, so it is read once per function here; `install()` (from
EngagementConfig.ready) puts the remembered version in django_tables2.utils, where
`call_with_appropriate` looks it up."""

from __future__ import annotations

import functools
import inspect

from django_tables2 import utils


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
