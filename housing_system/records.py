"""The portal's fields a housing management system's file can fill, per kind of record.

Each field has the label a person matches a file's column to, whether a file must have it, and the
headings it is guessed from on a first upload (the person confirms the guess once; it is saved as the
`ColumnMapping` and reused). `source_reference` is the housing system's own id for the record: the
key that makes importing the same file twice change nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .models import RecordType


@dataclass(frozen=True)
class PortalField:
    name: str
    label: str
    required: bool = False
    guesses: tuple[str, ...] = ()
    hint: str = ""


def _simplify(heading: str) -> str:
    return re.sub(r"[^a-z0-9]", "", (heading or "").lower())


PATCH_FIELDS = (
    PortalField("source_reference", "Housing system's patch id", True, ("patch id", "patch ref", "area id", "id")),
    PortalField("code", "Patch code", True, ("patch code", "code", "area code")),
    PortalField("name", "Patch name", True, ("patch name", "name", "area name", "area")),
)

ESTATE_FIELDS = (
    PortalField(
        "source_reference",
        "Housing system's estate or scheme id",
        True,
        ("estate id", "scheme id", "scheme no", "estate no", "id"),
    ),
    PortalField("name", "Estate or scheme name", True, ("estate name", "scheme name", "name", "estate")),
    PortalField("patch", "Patch (its code or id)", True, ("patch", "patch code", "patch id", "area")),
    PortalField(
        "estate_type", "Type", True, ("type", "estate type", "scheme type"), "General needs estate, care & supported …"
    ),
    PortalField("homes_lcra", "Rented homes (LCRA)", True, ("rented homes", "lcra", "rented", "general needs homes")),
    PortalField("homes_lcho", "Shared-ownership homes (LCHO)", True, ("shared ownership homes", "lcho")),
    PortalField("homes_leasehold", "Leasehold homes", True, ("leasehold homes", "leasehold")),
    PortalField("has_communal_areas", "Communal areas (yes or no)", False, ("communal areas", "communal")),
    PortalField("address", "Address", False, ("address",)),
    PortalField("postcode", "Postcode", False, ("postcode", "post code")),
)

CUSTOMER_FIELDS = (
    PortalField(
        "source_reference",
        "Housing system's person id",
        True,
        ("person id", "customer id", "contact id", "person ref", "tenancy ref", "tenancy reference", "reference"),
        "If the system has none, choose the tenancy reference column.",
    ),
    PortalField("reference", "Tenancy reference", True, ("tenancy reference", "tenancy ref", "reference", "tenancy")),
    PortalField("title", "Title", False, ("title",)),
    PortalField("first_name", "First name", True, ("first name", "forename", "given name", "first names")),
    PortalField("last_name", "Last name", True, ("last name", "surname", "family name")),
    PortalField("address", "Address", True, ("address", "address line 1", "property address")),
    PortalField("postcode", "Postcode", False, ("postcode", "post code")),
    PortalField("estate", "Estate or scheme (its name or id)", True, ("estate", "scheme", "estate id", "estate name")),
    PortalField("tenure", "Tenure", True, ("tenure", "tenure type", "tenancy type")),
    PortalField("email", "Email", False, ("email", "email address", "e-mail")),
    PortalField("phone", "Phone", False, ("phone", "telephone", "mobile", "phone number")),
    PortalField("preferred_channel", "Preferred channel", False, ("preferred channel", "contact method", "channel")),
    PortalField("language", "Preferred language", False, ("language", "preferred language")),
    PortalField("large_print", "Large print (yes or no)", False, ("large print",)),
    PortalField("braille", "Braille (yes or no)", False, ("braille",)),
    PortalField("easy_read", "Easy read (yes or no)", False, ("easy read",)),
    PortalField("consent_to_contact", "Consent to contact (yes or no)", False, ("consent to contact", "consent")),
)

FIELDS = {RecordType.PATCHES: PATCH_FIELDS, RecordType.ESTATES: ESTATE_FIELDS, RecordType.CUSTOMERS: CUSTOMER_FIELDS}


def fields_of(record_type: str) -> tuple[PortalField, ...]:
    return FIELDS[RecordType(record_type)]


def guess_columns(record_type: str, headings: list[str]) -> dict[str, str]:
    """A first guess at {portal field: file heading}, by the field's name or its usual headings."""
    simple = {_simplify(heading): heading for heading in headings if heading}
    guess = {}
    for field in fields_of(record_type):
        for candidate in (field.name, *field.guesses):
            if _simplify(candidate) in simple:
                guess[field.name] = simple[_simplify(candidate)]
                break
    return guess


def mapping_fits(record_type: str, columns: dict[str, str], headings: list[str]) -> bool:
    """True when every required field is mapped and every mapped heading is in the file."""
    present = set(headings)
    required = {field.name for field in fields_of(record_type) if field.required}
    return required <= {name for name, heading in columns.items() if heading} and all(
        heading in present for heading in columns.values() if heading
    )
