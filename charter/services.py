"""Business rules of the charter: RAG status, quarterly figures, manual entries and board reports."""

from __future__ import annotations

import datetime
import logging
import uuid
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F, Max, Q
from django.template.loader import render_to_string
from django.utils import timezone

from engagement.models import User
from engagement.outbox import enqueue
from engagement.quarters import Period, Quarter
from engagement.registry import COMPUTED_MEASURES, MeasureResult, measure_batch
from engagement.uploads import check_upload

from .models import BoardReport, Direction, Measure, MeasureValue, Rag, ReportKind, ReportStatus, Source, Unit

logger = logging.getLogger(__name__)

# A build renews its lease at every step (each step takes seconds); a lease that ran out means the
# worker died: a redelivered task or the sweep takes the build over, at most MAX_ATTEMPTS times in all.
LEASE = datetime.timedelta(minutes=2)
# A request whose task never started (broker down, message lost) is sent again after this long.
UNSTARTED = datetime.timedelta(minutes=2)
MAX_ATTEMPTS = 3
TWO_PLACES = Decimal("0.01")


def rag_for(
    *, value: Decimal | float | None, target: Decimal | float | None, direction: str, amber_tolerance: Decimal | float
) -> str:
    """Green when the target is met; amber when short of it by no more than the tolerance; red otherwise.

    "Short" respects the direction: for a lower-is-better measure a figure above the target is short.
    No figure (or no target) gives no status, never a colour.
    """
    if value is None or target is None:
        return Rag.NONE
    value, target, tolerance = Decimal(str(value)), Decimal(str(target)), Decimal(str(amber_tolerance or 0))
    shortfall = target - value if direction == Direction.HIGHER else value - target
    if shortfall <= 0:
        return Rag.GREEN
    if shortfall <= tolerance:
        return Rag.AMBER
    return Rag.RED


def format_value(value: Decimal | float | None, unit: str) -> str:
    """A figure as people read it: 87.5%, 42, 3.2 per 1,000 homes, 8.4 working days, Yes."""
    if value is None:
        return "No figure"
    number = Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP).normalize()
    text = f"{number:,f}"
    if unit == Unit.YES_NO:
        return "Yes" if value else "No"
    if unit == Unit.PERCENT:
        return f"{text}%"
    if unit == Unit.PER_1000:
        return f"{text} per 1,000 homes"
    if unit == Unit.WORKING_DAYS:
        return f"{text} working days"
    return text


def unit_suffix(unit: str) -> str:
    return {Unit.PERCENT: "%"}.get(unit, "")


def _decimal(value) -> Decimal | None:
    if value is None:
        return None
    return Decimal(str(value)).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def measure_compute(*, key: str, start: datetime.date, end: datetime.date) -> MeasureResult | None:
    """One registered measure for a period, or None if it failed (logged, never shown as a figure).

    Each runs in a savepoint: an app's broken query must not abort the rest of the report on PostgreSQL.
    """
    registered = COMPUTED_MEASURES.get(key)
    if registered is None:
        return None
    try:
        with transaction.atomic():
            return registered.compute(start, end)
    except Exception:
        logger.exception("Charter measure %s failed for %s to %s", key, start, end)
        return None


def _compute_rows(measures, manual, quarter, now, results, rows, failed) -> None:
    """Each measure's figure for the quarter into `rows` (a key shared by two measures is computed once)."""
    for measure in measures:
        if measure.pk in manual:
            continue
        if measure.computed_key not in results:
            results[measure.computed_key] = measure_compute(
                key=measure.computed_key, start=quarter.start, end=quarter.end
            )
        result = results[measure.computed_key]
        if result is None:
            failed.append(measure.code)
            continue
        value = _decimal(result.value)
        rows.append(
            MeasureValue(
                measure=measure,
                year=quarter.year,
                quarter=quarter.number,
                value=value,
                numerator=result.numerator,
                denominator=result.denominator,
                rag=rag_for(
                    value=value,
                    target=measure.target,
                    direction=measure.direction,
                    amber_tolerance=measure.amber_tolerance,
                ),
                source=Source.COMPUTED,
                detail=(result.detail or "")[:300],
                drilldown_url=(result.drilldown_url or "")[:300],
                computed_at=now,
                updated_at=now,
            )
        )


def charter_quarter_compute(*, quarter: Quarter, now: datetime.datetime | None = None) -> dict:
    """Work out every computable measure for a quarter and store its figure and RAG status.

    The queries are: the measures, the quarter's existing figures, each registered measure's own
    fixed set (one call per distinct key), and one upsert, whatever the amount of data. A figure the
    manager entered by hand is kept, never replaced: it was entered with evidence, maybe for a quarter
    the portal has no records of.
    """
    now = now or timezone.now()
    measures = [
        measure
        for measure in Measure.objects.active().filter(source=Source.COMPUTED, mirror_of__isnull=True)
        if measure.is_computable
    ]
    manual = set(
        MeasureValue.objects.filter(
            year=quarter.year, quarter=quarter.number, source=Source.MANUAL, measure__in=measures
        ).values_list("measure_id", flat=True)
    )
    results: dict[str, MeasureResult | None] = {}
    rows, failed = [], []
    with measure_batch():
        _compute_rows(measures, manual, quarter, now, results, rows, failed)
    if rows:
        MeasureValue.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["measure", "year", "quarter"],
            update_fields=[
                "value",
                "numerator",
                "denominator",
                "rag",
                "source",
                "detail",
                "drilldown_url",
                "computed_at",
                "updated_at",
            ],
        )
    return {"stored": len(rows), "kept_manual": len(manual), "failed": failed}


def measure_value_enter(
    *,
    measure: Measure,
    quarter: Quarter,
    value: Decimal | None,
    entered_by: User,
    evidence: str,
    note: str = "",
    numerator: int | None = None,
    denominator: int | None = None,
    evidence_file=None,
) -> MeasureValue:
    """Record the manager's figure for a measure the portal cannot compute, with its evidence.

    Entering again for the same quarter corrects the figure (one row per measure and quarter);
    an earlier evidence file is kept unless a new one is given.
    """
    if not measure.accepts_manual_entry:
        raise ValidationError(f"{measure.code} is not entered by hand: its figure comes from the portal.")
    if not (evidence or "").strip():
        raise ValidationError("Say where the figure comes from (the evidence).")
    value = _decimal(value)
    defaults = {
        "value": value,
        "numerator": numerator,
        "denominator": denominator,
        "rag": rag_for(
            value=value, target=measure.target, direction=measure.direction, amber_tolerance=measure.amber_tolerance
        ),
        "source": Source.MANUAL,
        "detail": "",
        "drilldown_url": "",
        "note": note,
        "evidence": evidence.strip(),
        "entered_by": entered_by,
        "entered_at": timezone.now(),
        "computed_at": None,
    }
    if evidence_file:
        defaults["evidence_file"] = check_upload(evidence_file).file  # a photo is stored without its EXIF
    measure_value, _created = MeasureValue.objects.update_or_create(
        measure=measure, year=quarter.year, quarter=quarter.number, defaults=defaults
    )
    return measure_value


def measure_note_set(*, measure_value: MeasureValue, note: str) -> MeasureValue:
    """The manager's commentary on a figure (computed or manual), shown on the charter and in the report."""
    MeasureValue.objects.filter(pk=measure_value.pk).update(note=note, updated_at=timezone.now())
    measure_value.note = note
    return measure_value


def _next_version(kind: str, period_start: datetime.date) -> int:
    latest = BoardReport.objects.filter(kind=kind, period_start=period_start).aggregate(latest=Max("version"))
    return (latest["latest"] or 0) + 1


def _queue_build(report: BoardReport) -> None:
    from .tasks import build_board_report

    enqueue(build_board_report, report.pk)  # the outbox: a broker that is down delays the build, never loses it


def board_report_request(
    *, period: Period, requested_by: User, request_token: uuid.UUID | None = None, foreword: str = ""
) -> BoardReport:
    """Ask for a report: a new pending version is stored and its build queued once the request commits.

    The request returns at once; the worker builds the PDF. The same form token twice (a double
    click) gives the one report already asked for. Earlier versions stay as they are.
    """
    for _attempt in range(5):
        try:
            with transaction.atomic():
                report = BoardReport.objects.create(
                    kind=period.kind,
                    period_start=period.start,
                    period_end=period.end,
                    period_label=period.label,
                    version=_next_version(period.kind, period.start),
                    requested_by=requested_by,
                    request_token=request_token,
                    foreword=foreword.strip() if period.kind == ReportKind.ANNUAL else "",
                )
                _queue_build(report)
        except IntegrityError:
            if request_token is not None:
                existing = BoardReport.objects.filter(request_token=request_token).first()
                if existing is not None:
                    return existing
            continue  # another request took this version number: take the next
        return report
    raise RuntimeError("Could not allocate a report version; please try again.")


def board_report_schedule(*, period: Period, now: datetime.datetime | None = None) -> BoardReport | None:
    """The quarter-end (or January) job's report: built once per period, whoever else asks.

    Claimed with a unique row (one scheduled report per kind and period): a second run, or a
    second beat, does nothing, unless that report failed or its build was lost with its worker
    and has attempts left: then it is queued again (the same row, so still once per period).
    """
    now = now or timezone.now()
    for _attempt in range(5):
        try:
            with transaction.atomic():
                report = BoardReport.objects.create(
                    kind=period.kind,
                    period_start=period.start,
                    period_end=period.end,
                    period_label=period.label,
                    version=_next_version(period.kind, period.start),
                    scheduled=True,
                    foreword=_latest_foreword(period),
                )
                _queue_build(report)
        except IntegrityError:
            existing = BoardReport.objects.filter(kind=period.kind, period_start=period.start, scheduled=True).first()
            if existing is None:
                continue
            return existing if _requeue(existing, now=now, failed_too=True) else None
        return report
    return None


def _latest_foreword(period: Period) -> str:
    """The annual report built by the January job keeps the foreword the group gave an earlier version."""
    if period.kind != ReportKind.ANNUAL:
        return ""
    latest = (
        BoardReport.objects.filter(kind=period.kind, period_start=period.start)
        .exclude(foreword="")
        .order_by("-version")
    ).first()
    return latest.foreword if latest else ""


def _stuck(now: datetime.datetime) -> Q:
    """Waiting for a worker too long (never started, or sent again and still not started), or
    building with a lease its worker stopped renewing."""
    return (
        Q(status=ReportStatus.PENDING, lease_expires_at__isnull=True, created_at__lt=now - UNSTARTED)
        | Q(status=ReportStatus.PENDING, lease_expires_at__lt=now)
        | Q(status=ReportStatus.BUILDING, lease_expires_at__lt=now)
        | Q(status=ReportStatus.BUILDING, lease_expires_at__isnull=True, started_at__lt=now - LEASE)
    )


def board_report_lease_left(*, report_id: int) -> float | None:
    """Seconds until a live build's lease runs out (None when it is not being built): a delivery
    that arrives while another worker holds the build waits that long, then takes over if it died."""
    lease = (
        BoardReport.objects.filter(pk=report_id, status=ReportStatus.BUILDING)
        .values_list("lease_expires_at", flat=True)
        .first()
    )
    if lease is None:
        return None
    return max((lease - timezone.now()).total_seconds(), 0.0)


def _requeue(report: BoardReport, *, now: datetime.datetime, failed_too: bool = False) -> bool:
    """Send a stuck report's build again: one that never started, one whose worker died (lease ran
    out) or, for the quarter-end job, one that failed. A conditional UPDATE claims it, so two sweeps
    queue it once; after MAX_ATTEMPTS it is marked failed with the reason, for the manager to see."""
    stuck = _stuck(now)
    if failed_too:
        stuck |= Q(status=ReportStatus.FAILED)
    rows = BoardReport.objects.filter(stuck, pk=report.pk)
    if report.attempts >= MAX_ATTEMPTS:
        rows.exclude(status=ReportStatus.FAILED).update(
            status=ReportStatus.FAILED,
            lease_expires_at=None,
            error=f"The build stopped {report.attempts} times without finishing; the error has been logged.",
        )
        return False
    # Pending again; a pending report's lease is when a worker should have started it by.
    if not rows.update(status=ReportStatus.PENDING, progress=0, lease_expires_at=now + UNSTARTED):
        return False
    _queue_build(report)
    return True


def board_report_stuck_reason(*, report: BoardReport, now: datetime.datetime | None = None) -> str:
    """What the manager is told while a report is late, in plain words ("" when all is well)."""
    now = now or timezone.now()
    if report.is_finished:
        return ""
    if report.status == ReportStatus.BUILDING and report.lease_expired(now):
        return (
            "The worker building this report stopped before finishing. It will be started again "
            f"automatically within a few minutes (attempt {report.attempts + 1} of {MAX_ATTEMPTS})."
        )
    if report.status == ReportStatus.PENDING:
        waiting_since = report.created_at if report.lease_expires_at is None else report.lease_expires_at - UNSTARTED
        if waiting_since < now - UNSTARTED:
            return (
                "No worker has started this report yet: the background queue may be busy or down. "
                "It is sent again automatically every few minutes; you do not need to ask again."
            )
    return ""


def board_report_sweep(*, now: datetime.datetime | None = None) -> dict:
    """The beat job every few minutes: finish what was lost. A request whose task never reached a
    worker, or a build whose worker died, is queued again (within minutes, not hours)."""
    now = now or timezone.now()
    stuck = BoardReport.objects.filter(_stuck(now))
    requeued, given_up = [], []
    for report in stuck:
        (requeued if _requeue(report, now=now) else given_up).append(report.pk)
    return {"requeued": requeued, "given_up": given_up}


def _progress(report_id: int, percent: int) -> None:
    """Progress for the page, and the heartbeat: each step renews the build's lease."""
    BoardReport.objects.filter(pk=report_id, status=ReportStatus.BUILDING).update(
        progress=percent, lease_expires_at=timezone.now() + LEASE
    )


def board_report_render(*, report: BoardReport) -> tuple[bytes, int]:
    """The report's PDF and its page count (WeasyPrint, from the HTML template)."""
    from weasyprint import HTML

    from .pack import board_pack_context

    # WeasyPrint narrates every layout step at INFO; a worker's log only needs its warnings.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    context = board_pack_context(report=report)
    _progress(report.pk, 50)
    html = render_to_string("charter/pdf/board_report.html", context)
    document = HTML(string=html).render()
    _progress(report.pk, 85)
    return document.write_pdf(), len(document.pages)


def board_report_build(*, report_id: int) -> bool:
    """Build one report's PDF, at most once: claimed with a conditional UPDATE from pending, or
    from "building" when the lease of the worker that had it ran out (it died: a redelivered task
    takes over at once). A disk error hands the report back to pending for the task's retry; any
    other error marks it failed with the reason, and the manager can ask again (a new version).
    """
    now = timezone.now()
    claimed = (
        BoardReport.objects.filter(pk=report_id)
        .filter(Q(status=ReportStatus.PENDING) | Q(status=ReportStatus.BUILDING, lease_expires_at__lt=now))
        .update(
            status=ReportStatus.BUILDING,
            started_at=now,
            progress=5,
            error="",
            lease_expires_at=now + LEASE,
            attempts=F("attempts") + 1,
        )
    )
    if not claimed:
        return False
    report = BoardReport.objects.get(pk=report_id)
    try:
        with measure_batch():  # the quarter's figures and the pack's sections share their aggregates
            for index, quarter in enumerate(_quarters_to_refresh(report, now=now), start=1):
                charter_quarter_compute(quarter=quarter)
                _progress(report_id, 5 + 8 * index)
            pdf, pages = board_report_render(report=report)
        name = report.file.storage.save(
            f"charter/board-reports/{report.period_start:%Y}/{report.filename}", ContentFile(pdf)
        )
    except OSError:
        BoardReport.objects.filter(pk=report_id).update(status=ReportStatus.PENDING, progress=0)
        raise
    except Exception as error:
        logger.exception("Board report %s failed", report_id)
        BoardReport.objects.filter(pk=report_id).update(status=ReportStatus.FAILED, error=str(error)[:2000])
        return False
    BoardReport.objects.filter(pk=report_id).update(
        status=ReportStatus.READY,
        progress=100,
        file=name,
        page_count=pages,
        built_at=timezone.now(),
        lease_expires_at=None,
    )
    _tell_ready(report)
    return True


def _quarters_to_refresh(report: BoardReport, *, now: datetime.datetime) -> list[Quarter]:
    """The quarters whose figures the build works out again. A quarterly report: its quarter, always
    (the freshest data). The annual report: only a quarter whose figures were never worked out after
    it closed (the daily job keeps the others; recomputing a whole year took most of the build)."""
    quarters = list(report.period.quarters)
    if report.kind == ReportKind.QUARTER:
        return quarters
    settled = set(
        MeasureValue.objects.filter(source=Source.COMPUTED, computed_at__isnull=False)
        .filter(Q(*[Q(year=q.year, quarter=q.number, computed_at__date__gt=q.end) for q in quarters], _connector=Q.OR))
        .values_list("year", "quarter")
        .distinct()
    )
    return [q for q in quarters if (q.year, q.number) not in settled]


def _tell_ready(report: BoardReport) -> None:
    from engagement.services import notify

    people = [report.requested_by] if report.requested_by else list(User.objects.managers())
    for person in people:
        notify(
            person,
            title=f"{report.get_kind_display()} for {report.period_label} is ready",
            body="The PDF can be downloaded from the board reports page.",
            url=report.get_absolute_url(),
        )


def charter_daily(*, today: datetime.date) -> dict:
    """The daily job: refresh this and last quarter's computed figures, and build the report of a
    quarter that has just closed (and, in January, the annual customer voice report) once."""
    current = Quarter.containing(today)
    closed = current.previous()
    for quarter in (closed, current):
        charter_quarter_compute(quarter=quarter)
    scheduled = []
    if board_report_schedule(period=Period.for_quarter(closed)):
        scheduled.append(closed.label)
    if today.month == 1 and board_report_schedule(period=Period.for_year(today.year - 1)):
        scheduled.append(str(today.year - 1))
    return {"refreshed": [closed.label, current.label], "scheduled": scheduled}


def report_kind_label(kind: str) -> str:
    return ReportKind(kind).label
