"""Reads for feedback: the figures the charter and the manager use (SQL aggregates, a fixed number of
queries whatever the data size), the dashboard summaries and a complaint's timeline."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from engagement.models import ChaseNotice, Estate, StockType
from engagement.registry import DEADLINE_KINDS

from . import deadlines, tsm
from .deadlines import STAGE1_ACK, STAGE1_RESPONSE, STAGE2_ACK, STAGE2_RESPONSE
from .models import (
    UPHELD_OUTCOMES,
    Complaint,
    ComplaintCategory,
    ComplaintExtension,
    ComplaintStatus,
    Compliment,
    LessonsLearned,
    Suggestion,
)

COMPLAINT_KINDS = [kind.key for kind in (STAGE1_ACK, STAGE1_RESPONSE, STAGE2_ACK, STAGE2_RESPONSE)]


def _pct(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def total_homes(stock: str | None = None) -> int:
    """Homes of one stock type (CH01's base: rented homes for LCRA, shared-ownership homes for LCHO),
    or with no stock type every home, leasehold included (the all-complaints view, not a TSM)."""
    column = {StockType.LCRA: "homes_lcra", StockType.LCHO: "homes_lcho", None: "homes"}[stock]
    return Estate.objects.aggregate(homes=Coalesce(Sum(column), 0))["homes"]


@dataclass(frozen=True)
class StageFigures:
    received: int  # stage 1: complaints received; stage 2: escalations requested, in the period
    per_1000_homes: float | None
    responded: int  # responses sent in the period
    on_time: int  # ... on or before the deadline the Code allows (with a valid extension)
    upheld: int  # ... upheld or partly upheld
    working_days: int  # total working days taken by those responses

    @property
    def on_time_pct(self) -> float | None:
        return _pct(self.on_time, self.responded)

    @property
    def upheld_pct(self) -> float | None:
        return _pct(self.upheld, self.responded)

    @property
    def average_working_days(self) -> float | None:
        return round(self.working_days / self.responded, 1) if self.responded else None


@dataclass(frozen=True)
class ComplaintFigures:
    start: datetime.date
    end: datetime.date
    homes: int
    stage1: StageFigures
    stage2: StageFigures
    by_category: list[tuple[str, str, int]] = field(default_factory=list)  # (value, label, count)

    @property
    def responded(self) -> int:
        return self.stage1.responded + self.stage2.responded

    @property
    def on_time(self) -> int:
        return self.stage1.on_time + self.stage2.on_time

    @property
    def on_time_pct(self) -> float | None:
        return _pct(self.on_time, self.responded)

    @property
    def upheld(self) -> int:
        return self.stage1.upheld + self.stage2.upheld

    @property
    def upheld_pct(self) -> float | None:
        return _pct(self.upheld, self.responded)

    @property
    def average_working_days(self) -> float | None:
        total = self.stage1.working_days + self.stage2.working_days
        return round(total / self.responded, 1) if self.responded else None


def _stage_aggregates(stage: int, start: datetime.date, end: datetime.date) -> dict:
    responded = f"stage{stage}_responded_on"
    in_period = Q(**{f"{responded}__range": (start, end)})
    due = Coalesce(f"stage{stage}_extended_due_on", f"stage{stage}_response_due_on")
    received_field = "received_on" if stage == 1 else "stage2_requested_on"
    return {
        f"s{stage}_received": Count("pk", filter=Q(**{f"{received_field}__range": (start, end)})),
        f"s{stage}_responded": Count("pk", filter=in_period),
        f"s{stage}_on_time": Count("pk", filter=in_period & Q(**{f"{responded}__lte": due})),
        f"s{stage}_upheld": Count("pk", filter=in_period & Q(**{f"stage{stage}_outcome__in": UPHELD_OUTCOMES})),
        f"s{stage}_days": Coalesce(Sum(f"stage{stage}_working_days", filter=in_period), 0),
    }


def complaint_figures(*, start: datetime.date, end: datetime.date, stock: str | None = None) -> ComplaintFigures:
    """CH01, CH02, % upheld, average working days to respond and complaints by category, for any
    date range (inclusive): three queries whatever the number of complaints.

    With `stock` ("lcra" or "lcho") these are the TSMs CH01 and CH02 for that stock type, by the
    rules in feedback.tsm: the complaints of that stock type's customers per 1,000 homes of that
    type. Without it: every complaint per 1,000 of all homes (the complaints team's own view,
    not a TSM).
    - CH01: stage 1 complaints received (stage 2: escalations requested) in the period per 1,000 homes.
    - CH02: of the stage 1 (stage 2) responses sent in the period, the share sent on or before the
      Code deadline, which is the last extended date when extensions were agreed (the service only
      accepts extensions the Code allows).
    """
    homes = total_homes(stock)
    complaints = Complaint.objects.all()
    if stock is not None:
        complaints = complaints.alias(stock_type=tsm.complaint_stock_type()).filter(stock_type=stock)
    rows = complaints.aggregate(**_stage_aggregates(1, start, end), **_stage_aggregates(2, start, end))
    stages = {}
    for stage in (1, 2):
        received = rows[f"s{stage}_received"]
        stages[stage] = StageFigures(
            received=received,
            per_1000_homes=round(1000 * received / homes, 2) if homes else None,
            responded=rows[f"s{stage}_responded"],
            on_time=rows[f"s{stage}_on_time"],
            upheld=rows[f"s{stage}_upheld"],
            working_days=rows[f"s{stage}_days"],
        )
    counts = dict(
        complaints.filter(received_on__range=(start, end))
        .values_list("category")
        .annotate(n=Count("pk"))
        .values_list("category", "n")
    )
    by_category = [(value, label, counts.get(value, 0)) for value, label in ComplaintCategory.choices]
    return ComplaintFigures(
        start=start, end=end, homes=homes, stage1=stages[1], stage2=stages[2], by_category=by_category
    )


def complaint_figures_by_stock(*, start: datetime.date, end: datetime.date) -> dict[str, ComplaintFigures]:
    """CH01 and CH02 for LCRA and LCHO apart: {"lcra": ComplaintFigures, "lcho": ComplaintFigures}."""
    return {str(stock): complaint_figures(start=start, end=end, stock=stock) for stock in tsm.STOCK_TYPES}


def complaints_not_attributed(*, start: datetime.date, end: datetime.date) -> dict[str, int]:
    """Complaints in the period in neither CH01 (feedback.tsm): anonymous ones that cannot be placed
    ("stage1", "stage2") and leaseholders' ("leaseholder_stage1", "leaseholder_stage2"). One query."""
    complaints = Complaint.objects.alias(stock_type=tsm.complaint_stock_type())
    stage1, stage2 = Q(received_on__range=(start, end)), Q(stage2_requested_on__range=(start, end))
    return complaints.aggregate(
        stage1=Count("pk", filter=stage1 & Q(stock_type=tsm.NOT_ATTRIBUTED)),
        stage2=Count("pk", filter=stage2 & Q(stock_type=tsm.NOT_ATTRIBUTED)),
        leaseholder_stage1=Count("pk", filter=stage1 & Q(stock_type=tsm.OUTSIDE)),
        leaseholder_stage2=Count("pk", filter=stage2 & Q(stock_type=tsm.OUTSIDE)),
    )


@dataclass(frozen=True)
class OtherFeedbackFigures:
    compliments: int
    compliments_about_staff: int
    suggestions: int
    suggestions_responded: int
    changes_made: int


def other_feedback_figures(*, start: datetime.date, end: datetime.date) -> OtherFeedbackFigures:
    """Compliments and suggestions received in the period; suggestions answered (and those that led
    to a change) by the date of the response. Two queries."""
    compliments = Compliment.objects.aggregate(
        n=Count("pk", filter=Q(received_on__range=(start, end))),
        staff=Count("pk", filter=Q(received_on__range=(start, end), staff_member__isnull=False)),
    )
    suggestions = Suggestion.objects.aggregate(
        n=Count("pk", filter=Q(received_on__range=(start, end))),
        responded=Count("pk", filter=Q(responded_on__range=(start, end))),
        changes=Count("pk", filter=Q(responded_on__range=(start, end), led_to_change=True)),
    )
    return OtherFeedbackFigures(
        compliments=compliments["n"],
        compliments_about_staff=compliments["staff"],
        suggestions=suggestions["n"],
        suggestions_responded=suggestions["responded"],
        changes_made=suggestions["changes"],
    )


# ---------------------------------------------------------------------------------------------- dashboards


def week_bounds(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """Today to the Sunday of this week: what is 'due this week' on the dashboard."""
    return today, today + datetime.timedelta(days=6 - today.weekday())


def officer_complaint_summary(*, officer, today: datetime.date, limit: int = 10) -> dict:
    """Complaints whose current stage the officer handles: to acknowledge or respond to this week, and late."""
    _, week_end = week_bounds(today)
    mine = Complaint.objects.open().handled_by(officer).with_current_deadline()
    due_soon = (
        mine.filter(next_due_on__lte=week_end)
        # What the panel shows (reference, complainant, category, stage, the date due): the handler
        # is the officer, and the rest of three joined rows was most of the panel's time.
        .select_related("customer")
        .only(
            "stage",
            "status",
            "category",
            "customer__title",
            "customer__first_name",
            "customer__last_name",
            *(f"stage{n}_{name}" for n in (1, 2) for name in ("ack_due_on", "response_due_on", "extended_due_on")),
        )
        .order_by("next_due_on", "pk")
    )
    rows = list(due_soon[: limit * 3])
    late = [c for c in rows if c.current_due_on < today]
    to_acknowledge = [c for c in rows if c.current_due_on >= today and c.status == ComplaintStatus.RECEIVED]
    to_respond = [c for c in rows if c.current_due_on >= today and c.status == ComplaintStatus.ACKNOWLEDGED]
    counts = mine.aggregate(
        open=Count("pk"),
        late=Count("pk", filter=Q(next_due_on__lt=today)),
    )
    return {
        "today": today,
        "week_end": week_end,
        "late": late[:limit],
        "to_acknowledge": to_acknowledge[:limit],
        "to_respond": to_respond[:limit],
        "counts": counts,
    }


def manager_complaint_counts(*, today: datetime.date) -> dict:
    """One query: open complaints by stage, due this week, late, and upheld ones waiting for lessons learned."""
    _, week_end = week_bounds(today)
    # Every count is of a complaint not yet closed: reading only those keeps the query off the
    # closed majority as the years add up.
    live = [ComplaintStatus.RECEIVED, ComplaintStatus.ACKNOWLEDGED, ComplaintStatus.RESPONDED]
    qs = Complaint.objects.filter(status__in=live).with_current_deadline()
    open_q = Q(status__in=[ComplaintStatus.RECEIVED, ComplaintStatus.ACKNOWLEDGED])
    return qs.aggregate(
        open_stage1=Count("pk", filter=open_q & Q(stage=1)),
        open_stage2=Count("pk", filter=open_q & Q(stage=2)),
        due_this_week=Count("pk", filter=open_q & Q(next_due_on__gte=today, next_due_on__lte=week_end)),
        late_ack=Count("pk", filter=Q(status=ComplaintStatus.RECEIVED, next_due_on__lt=today)),
        late_response=Count("pk", filter=Q(status=ComplaintStatus.ACKNOWLEDGED, next_due_on__lt=today)),
        awaiting_lessons=Count(
            "pk",
            filter=Q(status=ComplaintStatus.RESPONDED, lessons_learned__isnull=True)
            & (Q(stage1_outcome__in=UPHELD_OUTCOMES) | Q(stage2_outcome__in=UPHELD_OUTCOMES)),
        ),
    )


# ---------------------------------------------------------------------------------------------- timeline


@dataclass
class TimelineEntry:
    day: datetime.date
    title: str
    detail: str = ""
    badge: str = ""  # "ok", "due", "overdue"
    badge_text: str = ""
    kind: str = "step"  # "step", "deadline", "audit", "reminder"
    who: str = ""
    at: datetime.datetime | None = None
    changes: list[tuple[str, str, str]] = field(default_factory=list)
    order: int = 0


def _deadline(
    entries: list,
    *,
    due: datetime.date | None,
    done: datetime.date | None,
    title: str,
    today: datetime.date,
    order: int,
):
    if due is None:
        return
    if done is not None:
        ok = done <= due
        badge, text = ("ok", "Met") if ok else ("overdue", "Missed")
    elif due < today:
        badge, text = "overdue", "Late"
    else:
        badge, text = "due", "Due"
    entries.append(TimelineEntry(day=due, title=title, badge=badge, badge_text=text, kind="deadline", order=order))


def complaint_timeline(*, complaint: Complaint, today: datetime.date) -> list[TimelineEntry]:
    """Every step and deadline of a complaint, the reminders sent and the audit trail (who changed
    what, when), in date order. Four queries: extensions, reminders, audit entries and the lessons learned."""
    c = complaint
    entries: list[TimelineEntry] = []
    extensions = list(ComplaintExtension.objects.filter(complaint=c)) if c.pk else []
    entries.append(
        TimelineEntry(
            day=c.received_on,
            title="Complaint received",
            detail=f"{c.get_channel_display()}; handled at stage 1 by {c.stage1_handler}.",
            order=0,
        )
    )
    for stage in (1, 2):
        start = c.received_on if stage == 1 else c.stage2_requested_on
        if start is None:
            continue
        if stage == 2:
            entries.append(
                TimelineEntry(
                    day=start,
                    title="Escalated to stage 2",
                    detail=f"{c.stage2_reason} Handled by {c.stage2_handler}.",
                    order=10,
                )
            )
        acknowledged = c.stage_field(stage, "acknowledged_on")
        _deadline(
            entries,
            due=c.stage_field(stage, "ack_due_on"),
            done=acknowledged,
            title=f"Stage {stage} acknowledgement due ({deadlines.RULES[stage].acknowledge_within} working days)",
            today=today,
            order=20,
        )
        if acknowledged:
            entries.append(TimelineEntry(day=acknowledged, title=f"Stage {stage} acknowledged", order=15))
        responded = c.stage_field(stage, "responded_on")
        extended = c.stage_field(stage, "extended_due_on")
        original_due = c.stage_field(stage, "response_due_on")
        period = deadlines.RULES[stage].respond_within
        _deadline(
            entries,
            due=original_due,
            done=responded if not extended else None,
            title=f"Stage {stage} response due ({period} working days from acknowledgement)"
            + ("" if acknowledged else ", provisional until acknowledged")
            + (" — extended" if extended else ""),
            today=today if not extended else original_due,
            order=40,
        )
        if extended:
            if entries[-1].kind == "deadline" and entries[-1].day == original_due:
                entries[-1].badge, entries[-1].badge_text = "", "Extended"
            # Each extension agreed (a complaint from before they were kept has only its last one).
            stage_extensions = [e for e in extensions if e.stage == stage] or [
                ComplaintExtension(
                    stage=stage,
                    agreed_on=original_due,
                    previous_due_on=original_due,
                    new_due_on=extended,
                    reason=c.stage_field(stage, "extension_reason"),
                )
            ]
            for number, extension in enumerate(stage_extensions, start=1):
                detail = extension.reason
                if extension.good_reason:
                    detail += f" Good reason for going beyond the Code's limit: {extension.good_reason}"
                note = deadlines.extension_note(
                    stage=stage,
                    response_due_on=original_due,
                    new_due_on=extension.new_due_on,
                    good_reason=extension.good_reason,
                )
                which = f" (extension {number} of {len(stage_extensions)})" if len(stage_extensions) > 1 else ""
                entries.append(
                    TimelineEntry(
                        day=min(extension.agreed_on, extension.previous_due_on),
                        title=f"Stage {stage} extension agreed to {extension.new_due_on:%-d %B %Y}{which}",
                        detail=f"{detail} {note}".strip(),
                        order=30,
                    )
                )
            _deadline(
                entries,
                due=extended,
                done=responded,
                title=f"Stage {stage} extended response due",
                today=today,
                order=40,
            )
        if responded:
            outcome = c.get_stage1_outcome_display() if stage == 1 else c.get_stage2_outcome_display()
            remedy = c.stage_field(stage, "remedy")
            entries.append(
                TimelineEntry(
                    day=responded,
                    title=f"Stage {stage} response sent: {outcome}",
                    detail=f"Remedy: {remedy}" if remedy else "",
                    badge="ok" if c.responded_on_time(stage) else "overdue",
                    badge_text="On time" if c.responded_on_time(stage) else "Late",
                    order=35,
                )
            )
    lessons = LessonsLearned.objects.filter(complaint=c).select_related("owner").first()
    if lessons:
        entries.append(
            TimelineEntry(
                day=lessons.learned_on,
                title="Lessons learned recorded",
                detail=f"Owner: {lessons.owner}. Change: {lessons.what_we_changed}",
                order=50,
            )
        )
    if c.closed_on:
        entries.append(TimelineEntry(day=c.closed_on, title="Complaint closed", order=60))
    labels = {key: kind.label.removeprefix("Complaint: ") for key, kind in DEADLINE_KINDS.items()}
    notices = ChaseNotice.objects.filter(kind__in=COMPLAINT_KINDS, object_id=c.pk).prefetch_related("recipients")
    for notice in notices:
        entries.append(
            TimelineEntry(
                day=timezone.localdate(notice.sent_at),
                title=f"{notice}: {labels.get(notice.kind, notice.kind)} due {notice.due_on:%-d %B %Y}",
                who=", ".join(str(person) for person in notice.recipients.all()),
                kind="reminder",
                at=notice.sent_at,
                order=5,
            )
        )
    entries.extend(_audit_entries(c, lessons))
    entries.sort(key=lambda e: (e.day, e.order, e.at or datetime.datetime.min.replace(tzinfo=datetime.UTC)))
    return entries


def _audit_entries(complaint: Complaint, lessons: LessonsLearned | None) -> list[TimelineEntry]:
    from django.utils import timezone

    query = Q(content_type=ContentType.objects.get_for_model(Complaint), object_id=complaint.pk)
    if lessons is not None:
        query |= Q(content_type=ContentType.objects.get_for_model(LessonsLearned), object_id=lessons.pk)
    entries = []
    for log in LogEntry.objects.filter(query).select_related("actor", "content_type").order_by("timestamp"):
        what = "lessons learned" if log.content_type.model == "lessonslearned" else "complaint"
        verb = {LogEntry.Action.CREATE: "created", LogEntry.Action.UPDATE: "changed"}.get(log.action, "deleted")
        changes = []
        if log.action == LogEntry.Action.UPDATE:
            for name, (old, new) in log.changes_display_dict.items():
                changes.append((name, old, new))
        local = timezone.localtime(log.timestamp)
        entries.append(
            TimelineEntry(
                day=local.date(),
                title=f"Record of the {what} {verb}",
                who=str(log.actor) if log.actor else "the system",
                kind="audit",
                at=log.timestamp,
                changes=changes,
                order=90,
            )
        )
    return entries
