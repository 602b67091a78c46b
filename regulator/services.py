"""Writes for the regulator app: the manager's manual TSM figures."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError

from engagement.models import User
from engagement.uploads import CheckedUpload, check_upload

from .models import MANUAL_BY_CODE, ManualMeasureValue


def manual_value_enter(
    *,
    year: int,
    code: str,
    stock: str,
    value: Decimal,
    evidence: str,
    entered_by: User,
    numerator: int | None = None,
    denominator: int | None = None,
    note: str = "",
    evidence_file=None,
) -> ManualMeasureValue:
    """Record (or correct) the manager's figure for a TSM this portal does not compute, with its evidence.

    One row per measure, stock type and reporting year; an earlier evidence file is kept unless a
    new one is given.
    """
    measure = MANUAL_BY_CODE.get(code)
    if measure is None:
        raise ValidationError(f"{code} is not a TSM entered by hand.")
    if stock not in measure.stocks:
        raise ValidationError(f"{code} is not reported for this stock type.")
    if not (evidence or "").strip():
        raise ValidationError("Say where the figure comes from (the evidence).")
    defaults = {
        "value": value,
        "numerator": numerator,
        "denominator": denominator,
        "evidence": evidence.strip(),
        "note": (note or "").strip(),
        "entered_by": entered_by,
    }
    if evidence_file:
        checked = evidence_file if isinstance(evidence_file, CheckedUpload) else check_upload(evidence_file)
        defaults["evidence_file"] = checked.file
    row, _ = ManualMeasureValue.objects.update_or_create(year=year, code=code, stock=stock, defaults=defaults)
    return row
