"""CH01 and CH02, the two complaint Tenant Satisfaction Measures, and whose complaint counts where.

Source: Regulator of Social Housing, *Tenant Satisfaction Measures: Technical Requirements* (2023),
CH01 and CH02, read with the Housing Ombudsman's Complaint Handling Code (2024).

* Stock types. Both measures are reported separately for low-cost rental accommodation (LCRA) and
  low-cost home ownership (LCHO), each stage apart, never as one mixed figure.
* A complaint's stock type is its customer's tenure (general needs, care & supported, young
  people → LCRA; shared owner → LCHO). A leaseholder's complaint is outside the TSMs.
* An anonymous complaint (no customer record) takes the stock type of its estate when every
  relevant home there is of one type (a scheme or estate with only rented homes → LCRA; only
  shared-ownership homes → LCHO). On an estate with both, or with no estate, it cannot be placed:
  it is counted as "not attributed" beside the figures and in neither measure.
* CH01: stage 1 complaints received in the period (stage 2: escalations requested in the period),
  per 1,000 homes of that stock type (`Estate.homes_lcra` / `homes_lcho`; leasehold homes never
  count).
* CH02: of the stage 1 (stage 2) responses sent in the period, the share sent within the Code's
  timescales: on or before the response date, or the last extended date when extensions were
  agreed as the Code allows (see feedback.deadlines: each within the limit, or beyond it with a
  recorded good reason). A response after that date is late.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Case, Q, Value, When

from engagement.models import StockType, tenures_of

NOT_ATTRIBUTED = "not_attributed"
OUTSIDE = "outside"  # leaseholders' complaints
STOCK_TYPES = [StockType.LCRA, StockType.LCHO]


def complaint_stock_type(prefix: str = "") -> Case:
    """SQL expression: "lcra", "lcho", "outside" (a leaseholder) or "not_attributed" for a complaint."""
    customer, estate = f"{prefix}customer", f"{prefix}estate"
    return Case(
        When(Q(**{f"{customer}__tenure__in": tenures_of(StockType.LCRA)}), then=Value(str(StockType.LCRA))),
        When(Q(**{f"{customer}__tenure__in": tenures_of(StockType.LCHO)}), then=Value(str(StockType.LCHO))),
        When(Q(**{f"{customer}__isnull": False}), then=Value(OUTSIDE)),
        When(
            Q(**{f"{estate}__homes_lcra__gt": 0, f"{estate}__homes_lcho": 0}),
            then=Value(str(StockType.LCRA)),
        ),
        When(
            Q(**{f"{estate}__homes_lcho__gt": 0, f"{estate}__homes_lcra": 0}),
            then=Value(str(StockType.LCHO)),
        ),
        default=Value(NOT_ATTRIBUTED),
        output_field=models.CharField(),
    )
