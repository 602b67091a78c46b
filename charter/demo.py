"""Demo data for the charter: six quarters of manually entered figures, and every computable figure.

Deterministic (only the given rng) and idempotent: a manual figure is added only where the
measure has none for that quarter, and computing figures again just refreshes them. Board reports
are not built here (a PDF takes seconds); the manager asks for one from the board reports page.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from engagement.quarters import Quarter

from .models import Measure, MeasureValue, Source, Unit
from .services import charter_quarter_compute, rag_for

DEMO_QUARTERS = 6

EVIDENCE = {
    Unit.YES_NO: "Checked on the website: published page and date recorded in the publications log.",
    Unit.PERCENT: "Quarterly return from the housing management system, saved in the performance folder.",
    Unit.COUNT: "Count from the tenancy sustainment team's quarterly log.",
}


def _figure(rng: random.Random, measure: Measure) -> Decimal:
    target = float(measure.target or 0)
    if measure.unit == Unit.YES_NO:
        return Decimal(1 if rng.random() < 0.85 else 0)
    if measure.unit == Unit.PERCENT:
        # Building-safety compliance sits just under 100%; satisfaction moves around its target.
        spread = 1.2 if target >= 100 else 9
        return Decimal(str(round(min(100.0, max(0.0, target - rng.uniform(-spread / 2, spread))), 1)))
    return Decimal(round(target * rng.uniform(0.75, 1.25)))


def seed(rng: random.Random, today: datetime.date, context: dict) -> dict:
    manager = context.get("manager")
    quarters = Quarter.last_closed(today).trailing(DEMO_QUARTERS)
    manual = list(Measure.objects.active().filter(source=Source.MANUAL, mirror_of__isnull=True).order_by("code"))
    existing = set(MeasureValue.objects.filter(measure__in=manual).values_list("measure_id", "year", "quarter"))
    now = timezone.now()
    rows = []
    for quarter in quarters:
        for measure in manual:
            value = _figure(rng, measure)  # drawn even when present, so the stream never shifts
            if (measure.pk, quarter.year, quarter.number) in existing:
                continue
            rows.append(
                MeasureValue(
                    measure=measure,
                    year=quarter.year,
                    quarter=quarter.number,
                    value=value,
                    rag=rag_for(
                        value=value,
                        target=measure.target,
                        direction=measure.direction,
                        amber_tolerance=measure.amber_tolerance,
                    ),
                    source=Source.MANUAL,
                    evidence=EVIDENCE.get(measure.unit, EVIDENCE[Unit.COUNT]),
                    entered_by=manager,
                    entered_at=now,
                )
            )
    MeasureValue.objects.bulk_create(rows)
    for quarter in [*quarters, Quarter.containing(today)]:
        charter_quarter_compute(quarter=quarter)
    return {"charter_quarters": [q.label for q in quarters]}
