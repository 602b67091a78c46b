"""Registry through which each app adds its navigation links, dashboard panels, beat jobs,
charter measures and kinds of deadline.

Apps describe their part of the home page in their own `portal.py` (discovered at start-up),
so the core app never imports them and each app owns one obvious place for it.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from .freshness import tables_note, tables_read


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    policy: str  # an access policy name: who sees the link
    order: int = 50
    more: bool = False  # under the menu's "More": the bar holds the everyday pages only

    @property
    def url(self) -> str:
        return reverse(self.url_name)


@dataclass(frozen=True)
class DashboardPanel:
    """A section of a role's home page: `build(request)` returns the template context or None."""

    template: str
    build: Callable
    roles: frozenset[str]
    order: int = 50


NAV_ITEMS: list[NavItem] = []
DASHBOARD_PANELS: list[DashboardPanel] = []


def register_nav(label: str, url_name: str, policy: str, order: int = 50, *, more: bool = False) -> None:
    NAV_ITEMS.append(NavItem(label, url_name, policy, order, more))
    NAV_ITEMS.sort(key=lambda item: item.order)


def dashboard_panel(template: str, roles, order: int = 50):
    def decorator(build):
        DASHBOARD_PANELS.append(DashboardPanel(template, build, frozenset(roles), order))
        DASHBOARD_PANELS.sort(key=lambda panel: panel.order)
        return build

    return decorator


@dataclass(frozen=True)
class PeriodicJob:
    """A Celery beat job an app needs. Installed into django-celery-beat's tables after
    migrate (only when missing, so a schedule the manager changed in the admin is kept)."""

    name: str
    task: str
    hour: int | str  # a crontab field: 7, or "*"
    minute: int | str = 0  # 30, or "*/10"
    day_of_week: str = "*"
    day_of_month: str = "*"
    month_of_year: str = "*"
    description: str = ""


PERIODIC_JOBS: list[PeriodicJob] = []


def register_periodic(name: str, task: str, *, hour: int | str, minute: int | str = 0, **schedule) -> None:
    PERIODIC_JOBS.append(PeriodicJob(name=name, task=task, hour=hour, minute=minute, **schedule))


def install_periodic_jobs(**kwargs) -> int:
    """post_migrate handler: create any registered beat job that is not in the database yet."""
    from django.conf import settings
    from django_celery_beat.models import CrontabSchedule, PeriodicTask

    created = 0
    for job in PERIODIC_JOBS:
        if PeriodicTask.objects.filter(name=job.name).exists():
            continue
        crontab, _ = CrontabSchedule.objects.get_or_create(
            minute=str(job.minute),
            hour=str(job.hour),
            day_of_week=job.day_of_week,
            day_of_month=job.day_of_month,
            month_of_year=job.month_of_year,
            timezone=settings.TIME_ZONE,
        )
        PeriodicTask.objects.create(name=job.name, task=job.task, crontab=crontab, description=job.description)
        created += 1
    return created


@dataclass(frozen=True)
class MeasureResult:
    """A charter measure's figure for one period, with what it was computed from."""

    value: float | int | None  # None: no data in the period (shown as "no data", never as 0)
    numerator: int | None = None
    denominator: int | None = None
    detail: str = ""  # a short sentence, e.g. "41 of 52 reports filed within 7 days"
    drilldown_url: str = ""  # a staff list filtered to the records behind the figure


@dataclass(frozen=True)
class ComputedMeasure:
    key: str
    label: str
    unit: str  # "%", "count", "per 1,000 homes", "working days"
    compute: Callable  # compute(start: date, end: date) -> MeasureResult, inclusive dates


COMPUTED_MEASURES: dict[str, ComputedMeasure] = {}


_MEASURE_BATCH: contextvars.ContextVar[dict | None] = contextvars.ContextVar("measure_batch", default=None)


@contextlib.contextmanager
def measure_batch():
    """While several measures are computed for the same period (the charter's quarter, a board
    report), an aggregate they share is worked out once: the twelve TSM measures read one
    `tsm_perception_by_stock`, not twelve. Outside a batch nothing is kept; an inner batch shares
    the outer one's."""
    if _MEASURE_BATCH.get() is not None:
        yield
        return
    token = _MEASURE_BATCH.set({})
    try:
        yield
    finally:
        _MEASURE_BATCH.reset(token)


def batch_cached(function: Callable, *args, **kwargs):
    """function(*args, **kwargs), once per batch for the same arguments (dates, stock types)."""
    memo = _MEASURE_BATCH.get()
    if memo is None:
        return function(*args, **kwargs)
    key = (function, args, tuple(sorted(kwargs.items())))
    if key not in memo:
        with tables_read() as read:
            memo[key] = (function(*args, **kwargs), frozenset(read))
    value, read = memo[key]
    # A dashboard panel kept until what it read changes must count what the shared aggregate read.
    tables_note(read)
    return value


def computed_measure(key: str, *, label: str, unit: str):
    """Register a charter measure computed from an app's data (SQL aggregates, a fixed number of
    queries whatever the data size). Apps register theirs in portal.py; the charter looks them
    up by key and falls back to manual entry for a key that no app provides yet."""

    def decorator(compute):
        COMPUTED_MEASURES[key] = ComputedMeasure(key=key, label=label, unit=unit, compute=compute)
        return compute

    return decorator


@dataclass(frozen=True)
class Deadline:
    """One open deadline, as the overdue board and the chaser see it (whatever app it comes from)."""

    kind: str  # the DeadlineKind's key
    object_id: int
    what: str  # what is owed, in a few words: "Report: Coffee morning, Elm Court, 12 Nov"
    due_on: datetime.date
    owner: Any  # the User who owes it, or None (then the managers answer for it)
    url: str
    place: str = ""


@dataclass(frozen=True)
class DeadlineKind:
    """A kind of deadline an app owns: its rule, its chase policy and how to find open ones.

    - `open_deadlines(*, due_by=None, owner=None, patch=None)` yields the open `Deadline`s
      (due on or before `due_by` when given), filtered in SQL; a fixed number of queries.
    - `lock_open(ids)` returns {id: current due date} for those of `ids` still open, locking their
      rows (select_for_update) so the chase re-checks under lock before it claims a notice.
    - `notice(deadline, step, today)` returns the (title, body) of a notice.
    - `overdue_counts(today)` (optional) returns {owner id or None: how many are overdue}, counted
      in SQL for the manager's dashboard; without it the dashboard counts `open_deadlines`.
    - `open_keys(*, due_by=None, owner=None, patch=None)` (optional) returns a QuerySet of
      `.values(board_id=<pk>, board_due=<due date>)` of the same open deadlines, and
      `deadlines_by_id(ids)` the `Deadline`s of those ids: the overdue board then sorts, counts
      and pages every such kind in SQL (one page's rows read); a kind without them is read whole.
    """

    key: str
    label: str  # "Activity report"
    rule: str  # the deadline rule in words, built from the app's constants, with its source
    policy: Any  # engagement.deadlines.ChasePolicy
    open_deadlines: Callable
    lock_open: Callable
    notice: Callable
    owner_label: str = "owner"  # who owes it: "lead officer", "complaint handler" …
    order: int = 50
    overdue_counts: Callable | None = None
    open_keys: Callable | None = None
    deadlines_by_id: Callable | None = None

    def __reduce__(self):
        # Pickled by its key (a kept dashboard panel holds kinds; their functions do not pickle).
        return (deadline_kind, (self.key,))


DEADLINE_KINDS: dict[str, DeadlineKind] = {}


def deadline_kind(key: str) -> DeadlineKind:
    return DEADLINE_KINDS[key]


def register_deadline_kind(kind: DeadlineKind) -> DeadlineKind:
    """Apps register each kind of deadline from their `deadlines.py` (imported by `portal.py`)."""
    DEADLINE_KINDS[kind.key] = kind
    ordered = sorted(DEADLINE_KINDS.values(), key=lambda k: (k.order, k.key))
    DEADLINE_KINDS.clear()
    DEADLINE_KINDS.update((k.key, k) for k in ordered)
    return kind


@dataclass(frozen=True)
class PersonalData:
    """What an app holds about one customer, for GDPR export and erasure (engagement/gdpr.py).

    - `export(customer)` returns a list of dicts of plain values (str, int, float, bool, None),
      one a record, readable as they are (labels, not codes);
    - `erase(customer)` removes or anonymises the personal parts of those records — names,
      contact details, free text the customer typed, files they uploaded — while keeping the
      rows every report counts (the erased Customer row stays, anonymised, so every foreign key
      and count stays right); returns how many records it changed.
    """

    key: str
    label: str  # "Complaints"
    export: Callable
    erase: Callable
    order: int = 50


PERSONAL_DATA: dict[str, PersonalData] = {}


def register_personal_data(key: str, *, label: str, export: Callable, erase: Callable, order: int = 50) -> None:
    """Apps register what they hold about a customer in their portal.py."""
    PERSONAL_DATA[key] = PersonalData(key=key, label=label, export=export, erase=erase, order=order)


@dataclass(frozen=True)
class PageLink:
    """A link an app adds to another app's page (a survey, a panel, a customer), so the page's
    owner need not know the app: `url(obj)` returns the address, or None to show nothing."""

    page: str  # "survey", "panel", "customer", "tsm", "profile", "survey_thanks"
    label: str
    policy: str  # an access policy name: who sees the link
    url: Callable
    order: int = 50


PAGE_LINKS: list[PageLink] = []


def register_page_link(page: str, *, label: str, policy: str, url: Callable, order: int = 50) -> None:
    PAGE_LINKS.append(PageLink(page, label, policy, url, order))
    PAGE_LINKS.sort(key=lambda link: link.order)


@dataclass(frozen=True)
class ReportSection:
    """A section an app adds to a report another app builds: the TSM return ("tsm_return"), the
    quarterly board pack ("board_pack") or the annual customer voice report ("annual_report").
    `build(report=, start=, end=)` returns the template's context, or None to leave it out."""

    key: str
    reports: frozenset[str]
    template: str
    build: Callable
    order: int = 50


REPORT_SECTIONS: list[ReportSection] = []


def report_section(key: str, *, reports, template: str, order: int = 50):
    def decorator(build):
        REPORT_SECTIONS.append(ReportSection(key, frozenset(reports), template, build, order))
        REPORT_SECTIONS.sort(key=lambda section: section.order)
        return build

    return decorator


def report_sections(report: str, *, start: datetime.date, end: datetime.date) -> list[dict]:
    """[{"key", "template", "context"}] of the sections registered for one report and period."""
    sections = []
    for section in REPORT_SECTIONS:
        if report in section.reports:
            context = section.build(report=report, start=start, end=end)
            if context is not None:
                sections.append({"key": section.key, "template": section.template, "context": context})
    return sections
