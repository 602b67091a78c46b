"""Estates from a CSV file, with their homes by tenure type: all rows or none.

Columns (a header row; names as below, any order): name, patch (the patch's code), type (general
needs estate, care & supported scheme, young people's service, leasehold block — the label or its
value), rented_homes (LCRA), shared_ownership_homes (LCHO), leasehold_homes, communal_areas (yes or
no), address and postcode (optional). An estate whose name exists is updated; a new name is added.
Any problem in any row and nothing is saved; each problem is named with its row number.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django.db import transaction

from .models import Estate, EstateType, Patch

REQUIRED = ["name", "patch", "type", "rented_homes", "shared_ownership_homes", "leasehold_homes", "communal_areas"]
HOMES = {"rented_homes": "homes_lcra", "shared_ownership_homes": "homes_lcho", "leasehold_homes": "homes_leasehold"}


@dataclass
class EstateImport:
    created: int = 0
    updated: int = 0
    errors: list[str] = field(default_factory=list)


def _type(text: str) -> str | None:
    text = text.strip().lower()
    for value, label in EstateType.choices:
        if text in (value, label.lower()):
            return value
    return None


def estates_import(*, text: str) -> EstateImport:
    """Read the CSV `text` and save every estate in it, or none if any row has a problem."""
    result = EstateImport()
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    headers = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [name for name in REQUIRED if name not in headers]
    if missing:
        result.errors.append(f"The header row needs the columns: {', '.join(missing)}.")
        return result
    patches = {patch.code.lower(): patch for patch in Patch.objects.all()}
    rows = []
    for number, raw in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
        problems = []
        if not row["name"]:
            problems.append("the name is empty")
        patch = patches.get(row["patch"].lower())
        if patch is None:
            problems.append(f"there is no patch with the code {row['patch']!r}")
        estate_type = _type(row["type"])
        if estate_type is None:
            problems.append(f"{row['type']!r} is not a type of estate")
        homes = {}
        for column, field_name in HOMES.items():
            if not row[column].isdigit():
                problems.append(f"{column} must be a whole number of homes, 0 or more (not {row[column]!r})")
            else:
                homes[field_name] = int(row[column])
        communal = row["communal_areas"].lower()
        if communal not in ("yes", "no"):
            problems.append("communal_areas must be yes or no")
        if problems:
            result.errors.append(f"Row {number}: " + "; ".join(problems) + ".")
            continue
        rows.append(
            (
                row["name"],
                {
                    "patch": patch,
                    "estate_type": estate_type,
                    "has_communal_areas": communal == "yes",
                    **homes,
                    **({"address": row["address"]} if row.get("address") else {}),
                    **({"postcode": row["postcode"]} if row.get("postcode") else {}),
                },
            )
        )
    if result.errors:
        return result
    with transaction.atomic():
        for name, values in rows:
            _estate, created = Estate.objects.update_or_create(name=name, defaults=values)
            if created:
                result.created += 1
            else:
                result.updated += 1
    return result
