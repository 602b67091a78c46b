"""The overdue board (every open deadline, filterable, with CSV) and the page of chase rules."""

from __future__ import annotations

import datetime

import django_tables2 as tables
from django import forms
from django.shortcuts import render
from django.utils import timezone
from django.utils.html import format_html
from django.views.generic import TemplateView
from django_tables2 import SingleTableMixin
from django_tables2.data import TableData

from engagement.access import AccessMixin, access
from engagement.csv_export import TableCsvMixin
from engagement.freshness import Reading, readings_kept
from engagement.models import Patch, User
from engagement.registry import DEADLINE_KINDS
from engagement.table_cells import DateColumn
from engagement.tables import table_drawn
from engagement.workdays import add_working_days

from .board import OpenDeadlines

SOON_WORKING_DAYS = 5


class DeadlineFilterForm(forms.Form):
    when = forms.ChoiceField(
        label="Due",
        required=False,
        choices=[
            ("", "Any time (every open deadline)"),
            ("overdue", "Overdue"),
            ("soon", f"Overdue or due within {SOON_WORKING_DAYS} working days"),
        ],
    )
    kind = forms.ChoiceField(label="Kind of deadline", required=False)
    owner = forms.ModelChoiceField(label="Owner", queryset=User.objects.none(), required=False, empty_label="Anyone")
    patch = forms.ModelChoiceField(label="Patch", queryset=Patch.objects.all(), required=False, empty_label="Any patch")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "Every kind")] + [(key, kind.label) for key, kind in DEADLINE_KINDS.items()]
        self.fields["owner"].queryset = User.objects.staff().order_by("first_name", "last_name")


class _BoundFilter:
    """What the shared list template reads of a filter: its form."""

    def __init__(self, form):
        self.form = form
        self.is_bound = form.is_bound


def _cell(label: str) -> dict:
    """Cell attributes that let a phone show the row as a card with labelled lines."""
    return {"td": {"data-label": label}}


class DeadlineTable(tables.Table):
    what = tables.Column(
        verbose_name="What is owed",
        linkify=lambda record: record.url,
        orderable=False,
        attrs={"td": {"class": "stack-title"}},
    )
    when = tables.Column(verbose_name="Working days", order_by=("days_left",), attrs=_cell("When"))
    due_on = DateColumn(verbose_name="Due", format="D j M Y", attrs=_cell("Due"))
    # Sorted in SQL by due date only (the board pages in SQL); filters pick a kind, owner or patch.
    kind_label = tables.Column(verbose_name="Kind", orderable=False, attrs=_cell("Kind"))
    owner_name = tables.Column(verbose_name="Owner", orderable=False, attrs=_cell("Owner"))
    place = tables.Column(verbose_name="Where", default="—", orderable=False, attrs=_cell("Where"))

    class Meta:
        order_by = ("due_on",)
        attrs = {"class": "table table-sm align-middle table-stack"}

    def render_when(self, value, record):
        badge = "badge-overdue" if record.is_overdue else "badge-due"
        return format_html('<span class="badge {}">{}</span>', badge, value)

    def value_when(self, value):
        return value


class _BoardData(TableData):
    """The table's view of OpenDeadlines: counted, sorted and paged in SQL (by due date, either
    way: 'Working days' sorts the same), never read whole for a page."""

    def __len__(self) -> int:
        return len(self.data)

    def order_by(self, aliases) -> None:
        self.data.descending = bool(aliases) and str(aliases[0]).startswith("-")


class DeadlineBoardView(AccessMixin, TableCsvMixin, SingleTableMixin, TemplateView):
    """Every open deadline in the portal, on one working-day clock (staff)."""

    access_policy = "staff"
    template_name = "engagement/deadline_board.html"
    table_class = DeadlineTable
    table_pagination = {"per_page": 50}
    export_name = "deadlines"

    def get_form(self):
        if not hasattr(self, "_form"):
            self._form = DeadlineFilterForm(self.request.GET or None)
            self._form.is_valid()
        return self._form

    def get_table_data(self):
        today = timezone.localdate()
        form = self.get_form()
        data = form.cleaned_data if form.is_bound and form.is_valid() else {}
        when = data.get("when") or ""
        due_by = None
        if when == "overdue":
            due_by = today - datetime.timedelta(days=1)
        elif when == "soon":
            due_by = add_working_days(today, SOON_WORKING_DAYS)
        board = OpenDeadlines(
            today=today,
            owner=data.get("owner"),
            patch=data.get("patch"),
            kinds=[data["kind"]] if data.get("kind") else None,
            due_by=due_by,
        )
        board.first_page = self.table_pagination["per_page"]
        self.board = board  # counted when the table pages it (after sorting), with its first page
        return _BoardData(board)

    def get_context_data(self, **kwargs):
        # The same for every member of staff: the counts and the page of rows asked for (the full
        # address: filters, sort and page in its query string) are worked out again only when a
        # table they read has changed, or the day (engagement/freshness.py). The filter form stays live.
        scope = (timezone.localdate().isoformat(), self.request.get_full_path())
        (board_page,) = readings_kept([Reading("engagement/deadline_board", scope, self._board_page)])
        context = TemplateView.get_context_data(self, **kwargs)
        context.update(board_page, title="Deadlines: what is owed, and when", filter=_BoundFilter(self.get_form()))
        return context

    def _board_page(self) -> dict:
        table = self.get_table(**self.get_table_kwargs())
        table_html = table_drawn(table, self.request)
        summary = self.board.summary()
        rows = [row.record for row in table.page.object_list] if hasattr(table, "page") else []
        return {"summary": summary, "result_count": summary["open"], "table_html": table_html, "board_rows": rows}


@access("staff")
def deadline_rules(request):
    """Each kind of deadline: its rule, who owes it and how it is chased."""
    kinds = [{"kind": kind, "schedule": kind.policy.describe()} for kind in DEADLINE_KINDS.values()]
    return render(request, "engagement/deadline_rules.html", {"kinds": kinds})
