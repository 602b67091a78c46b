"""import-export widgets that read a housing system's values and say plainly what is wrong with one.

Each raises ValueError with a message a person can act on ("'Elm Prak' is not an estate in the
portal or in an earlier file"); import-export collects them per row and the dry run lists them with
the row's line. Look-ups (estates, patches) read dictionaries filled once per file, never the
database per row.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from import_export.widgets import Widget

# UK postcodes: outward code (area, district) and inward code (sector, unit), e.g. "M32 0TH";
# "GIR 0AA" is Girobank's. Royal Mail Programmers' Guide: the letters used in each position.
POSTCODE = re.compile(r"^(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-HJKMNPR-Y]? ?[0-9][ABD-HJLNP-UW-Z]{2})$")
YES = {"yes", "y", "true", "1", "x", "t"}
NO = {"no", "n", "false", "0", "", "f"}


class TextWidget(Widget):
    def __init__(self, label: str, *, required: bool = False, max_length: int | None = None, upper=False):
        super().__init__()
        self.label, self.required, self.max_length, self.upper = label, required, max_length, upper

    def clean(self, value, row=None, **kwargs):
        text = " ".join(str(value or "").split())
        if self.upper:
            text = text.upper()
        if self.required and not text:
            raise ValueError(f"the {self.label} is empty")
        if self.max_length and len(text) > self.max_length:
            raise ValueError(f"the {self.label} is longer than {self.max_length} characters")
        return text


class PostcodeWidget(Widget):
    def clean(self, value, row=None, **kwargs):
        text = re.sub(r"\s+", "", str(value or "")).upper()
        if not text:
            return ""
        if not POSTCODE.match(text):
            raise ValueError(f"{value!r} is not a UK postcode")
        return f"{text[:-3]} {text[-3:]}"


class EmailWidget(Widget):
    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip()
        if text:
            try:
                validate_email(text)
            except ValidationError:
                raise ValueError(f"{text!r} is not an email address") from None
        return text


class YesNoWidget(Widget):
    def __init__(self, label: str, *, blank: bool = False):
        super().__init__()
        self.label, self.blank = label, blank

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip().lower()
        if not text:
            return self.blank
        if text in YES:
            return True
        if text in NO:
            return False
        raise ValueError(f"{self.label} must be yes or no (not {value!r})")


class HomesWidget(Widget):
    def __init__(self, label: str):
        super().__init__()
        self.label = label

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip().replace(",", "")
        if not text.isdigit():
            raise ValueError(f"{self.label} must be a whole number of homes, 0 or more (not {value!r})")
        return int(text)


class ChoiceWidget(Widget):
    """A choice given as its value or its label (any case), or one of the usual other names."""

    def __init__(self, label: str, choices, *, aliases=None, default: str | None = None):
        super().__init__()
        self.label, self.default = label, default
        self.lookup = {}
        for value, text in choices:
            self.lookup[str(value).lower()] = value
            self.lookup[str(text).lower()] = value
        for alias, value in (aliases or {}).items():
            self.lookup[alias.lower()] = value
        self.names = ", ".join(str(text) for _, text in choices)

    def clean(self, value, row=None, **kwargs):
        text = " ".join(str(value or "").split()).lower()
        if not text:
            if self.default is not None:
                return self.default
            raise ValueError(f"the {self.label} is empty")
        try:
            return self.lookup[text]
        except KeyError:
            raise ValueError(f"{value!r} is not a {self.label} the portal knows ({self.names})") from None


class LookupWidget(Widget):
    """A foreign key found in a dictionary the resource fills once per file (by id, code or name)."""

    def __init__(self, label: str, lookup: dict):
        super().__init__()
        self.label, self.lookup = label, lookup

    def clean(self, value, row=None, **kwargs):
        text = " ".join(str(value or "").split())
        if not text:
            raise ValueError(f"the {self.label} is empty")
        pk = self.lookup.get(text.lower())
        if pk is None:
            raise ValueError(f"{text!r} is not {self.label_with_article} in the portal")
        return pk

    @property
    def label_with_article(self) -> str:
        return ("an " if self.label[0] in "aeiou" else "a ") + self.label

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)
