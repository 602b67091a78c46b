"""The TSMs this portal does not own, entered by the manager each reporting year with evidence.

The Regulator collects, beside the perception measures (TP01–TP12) and the complaints measures
(CH01–CH02) computed here, management-information measures whose data live in other systems:
building safety (BS01–BS05), repairs (RP01–RP02) and anti-social behaviour (NM01). As with the
charter's manual measures, the manager enters each figure with where it comes from (and a file if
there is one); the return says which figures were entered and by whom. Source: Regulator of
Social Housing, Tenant Satisfaction Measures: Technical Requirements (2023).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import models

from engagement.models import StockType
from engagement.storage import private_storage


@dataclass(frozen=True)
class ManualMeasure:
    code: str
    name: str
    unit: str  # "%" or "per 1,000 homes"
    stocks: tuple[str, ...]


LCRA_AND_LCHO = (str(StockType.LCRA), str(StockType.LCHO))
LCRA_ONLY = (str(StockType.LCRA),)

# Which stock types each is entered for: check against the technical requirements each year.
MANUAL_MEASURES = [
    ManualMeasure(
        "BS01", "Proportion of homes for which all required gas safety checks have been carried out", "%", LCRA_AND_LCHO
    ),  # fmt: skip
    ManualMeasure(
        "BS02",
        "Proportion of homes for which all required fire risk assessments have been carried out",
        "%",
        LCRA_AND_LCHO,
    ),  # fmt: skip
    ManualMeasure(
        "BS03",
        "Proportion of homes for which all required asbestos management surveys or re-inspections "
        "have been carried out",
        "%",
        LCRA_AND_LCHO,
    ),  # fmt: skip
    ManualMeasure(
        "BS04",
        "Proportion of homes for which all required legionella risk assessments have been carried out",
        "%",
        LCRA_AND_LCHO,
    ),  # fmt: skip
    ManualMeasure(
        "BS05",
        "Proportion of homes for which all required communal passenger lift safety checks have been carried out",
        "%",
        LCRA_AND_LCHO,
    ),  # fmt: skip
    ManualMeasure("RP01", "Proportion of homes that do not meet the Decent Homes Standard", "%", LCRA_ONLY),
    ManualMeasure(
        "RP02",
        "Proportion of non-emergency and emergency responsive repairs completed within the landlord's target timescale",
        "%",
        LCRA_ONLY,
    ),  # fmt: skip
    ManualMeasure(
        "NM01",
        "Anti-social behaviour cases relative to the size of the landlord (per 1,000 homes)",
        "per 1,000 homes",
        LCRA_AND_LCHO,
    ),  # fmt: skip
]
MANUAL_BY_CODE = {measure.code: measure for measure in MANUAL_MEASURES}


class ManualMeasureValue(models.Model):
    """The manager's figure for one manual TSM, one stock type, one reporting year."""

    year = models.PositiveSmallIntegerField(help_text="Year the reporting year starts (2026 for 2026/27).")
    code = models.CharField(max_length=4, choices=[(m.code, m.code) for m in MANUAL_MEASURES])
    stock = models.CharField(max_length=4, choices=StockType.choices)
    value = models.DecimalField(max_digits=9, decimal_places=2)
    numerator = models.PositiveIntegerField(null=True, blank=True)
    denominator = models.PositiveIntegerField(null=True, blank=True)
    evidence = models.TextField(help_text="Where the figure comes from.")
    evidence_file = models.FileField(upload_to="regulator/evidence/%Y/", storage=private_storage, blank=True)
    note = models.TextField(blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    entered_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["year", "code", "stock"]
        constraints = [
            models.UniqueConstraint(fields=["year", "code", "stock"], name="manual_tsm_once_per_year_and_stock"),
            models.CheckConstraint(condition=~models.Q(evidence=""), name="manual_tsm_has_evidence"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.get_stock_display()} {self.year}/{(self.year + 1) % 100:02d}"
