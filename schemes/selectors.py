"""Reads for the compliance view and the manager's dashboard."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q

from engagement.models import Estate

from .models import SERVICE_AREAS, Obligation, ObligationEvidence, ObligationStatus

DONE_STATUSES = {ObligationStatus.DONE, ObligationStatus.DONE_LATE}


@dataclass
class Tally:
    done: int = 0
    late: int = 0
    due: int = 0
    missed: int = 0
    upcoming: int = 0

    def add(self, status: str) -> None:
        if status == ObligationStatus.DONE:
            self.done += 1
        elif status == ObligationStatus.DONE_LATE:
            self.late += 1
        elif status == ObligationStatus.MISSED:
            self.missed += 1
        elif status == ObligationStatus.DUE:
            self.due += 1
        else:
            self.upcoming += 1

    @property
    def owed_so_far(self) -> int:
        return self.done + self.late + self.missed

    @property
    def kept_percent(self) -> int | None:
        return round(100 * (self.done + self.late) / self.owed_so_far) if self.owed_so_far else None


@dataclass
class SchemeCompliance:
    scheme: Estate
    rows: list = field(default_factory=list)  # (obligation, status)
    tally: Tally = field(default_factory=Tally)


def compliance(*, year: int, today: datetime.date, area: str = "", scheme: Estate | None = None):
    """This year's obligations grouped by service area and scheme, each with its status and
    evidence, and the done / due / missed tallies (two queries)."""
    qs = (
        Obligation.objects.in_year(year)
        .select_related("scheme", "template", "owner", "leaver")
        .prefetch_related(Prefetch("evidence", queryset=ObligationEvidence.objects.order_by("added_at", "pk")))
        .order_by("scheme__estate_type", "scheme__name", "template__order", "due_on", "pk")
    )
    if area:
        qs = qs.filter(scheme__estate_type=area)
    if scheme is not None:
        qs = qs.filter(scheme=scheme)
    areas: dict[str, dict] = {}
    for obligation in qs:
        status = obligation.status(today)
        estate = obligation.scheme
        block = areas.setdefault(estate.estate_type, {"tally": Tally(), "schemes": {}})
        entry = block["schemes"].setdefault(estate.pk, SchemeCompliance(scheme=estate))
        entry.rows.append((obligation, status))
        entry.tally.add(status)
        block["tally"].add(status)
    _attach_sense_check_figures(
        [
            o
            for block in areas.values()
            for e in block["schemes"].values()
            for o, _ in e.rows
            if o.template.kind == "sense_check"
        ]
    )
    ordered = []
    for value in SERVICE_AREAS:
        if value in areas:
            ordered.append((value.label, areas[value]["tally"], list(areas[value]["schemes"].values())))
    return ordered


def sense_check_figures(survey_ids) -> dict[int, tuple[int, int]]:
    """{survey id: (satisfied, answered)} for the Sense Check's general satisfaction question
    (SC1; "don't know" left out), the figure reported at the leaseholders' meeting and to the
    Customer Voice Group (strategy section 2.4). One query."""
    from surveys.models import Answer

    rows = (
        Answer.objects.filter(question__code="SC1", question__survey_id__in=list(survey_ids))
        .values("question__survey_id")
        .annotate(
            satisfied=Count("pk", filter=Q(positive=True)), answered=Count("pk", filter=Q(positive__isnull=False))
        )
    )
    return {row["question__survey_id"]: (row["satisfied"], row["answered"]) for row in rows}


def _attach_sense_check_figures(obligations) -> None:
    from django.contrib.contenttypes.models import ContentType

    from surveys.models import Survey

    survey_type = ContentType.objects.get_for_model(Survey).pk
    surveys = {o.pk: [e.record_id for e in o.evidence.all() if e.record_type_id == survey_type] for o in obligations}
    figures = sense_check_figures({pk for ids in surveys.values() for pk in ids}) if obligations else {}
    for obligation in obligations:
        found = [figures[pk] for pk in surveys[obligation.pk] if pk in figures]
        satisfied, answered = sum(f[0] for f in found), sum(f[1] for f in found)
        obligation.figures = (
            f"Satisfied: {satisfied} of {answered} ({round(100 * satisfied / answered)}%)" if answered else ""
        )


def compliance_csv_rows(*, year: int, today: datetime.date, area: str = "", scheme: Estate | None = None):
    for area_label, _, schemes in compliance(year=year, today=today, area=area, scheme=scheme):
        for entry in schemes:
            for obligation, status in entry.rows:
                yield [
                    area_label,
                    entry.scheme.name,
                    obligation.template.title,
                    obligation.period_label,
                    obligation.due_on,
                    ObligationStatus(status).label,
                    obligation.met_on,
                    str(obligation.owner or ""),
                    obligation.details_summary,
                    obligation.note,
                    " | ".join(f"{e.label} {e.url}".strip() for e in obligation.evidence.all()),
                    getattr(obligation, "figures", ""),
                ]


CSV_HEADER = [
    "Service area",
    "Scheme",
    "Obligation",
    "Period",
    "Due",
    "Status",
    "Done on",
    "Owner",
    "Recorded",
    "Note",
    "Evidence",
    "Figures",
]


def dashboard_counts(*, today: datetime.date, year: int, owner=None) -> dict:
    """Missed, due now and done this year (of one owner's obligations when given), in one query."""
    open_ = Q(met_on__isnull=True)
    qs = Obligation.objects.in_year(year)
    if owner is not None:
        qs = qs.filter(owner=owner)
    return qs.aggregate(
        missed=Count("pk", filter=open_ & Q(due_on__lt=today)),
        due=Count("pk", filter=open_ & Q(period_start__lte=today, due_on__gte=today)),
        done=Count("pk", filter=Q(met_on__isnull=False)),
        owed=Count("pk", filter=Q(due_on__lt=today) | Q(met_on__isnull=False)),
    )


def status_counts(rows) -> Counter:
    return Counter(status for _, status in rows)
