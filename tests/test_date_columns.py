"""List tables write dates as the `date` template filter would (django-tables2's own DateColumn
compiled that filter's template for every cell), and export them in ISO form."""

import datetime
from zoneinfo import ZoneInfo

import django_tables2 as tables
import pytest
from django.template import Context, Template

from activities.models import EngagementActivity
from engagement.table_cells import DateColumn, DateTimeColumn

LONDON = ZoneInfo("Europe/London")


class _Rows(tables.Table):
    day = DateColumn(format="D j M Y")
    moment = DateTimeColumn(format="j M Y, H:i")
    named = DateColumn(short=False)
    missing = DateColumn(format="j M Y", default="Not yet")


def _filtered(value, fmt):
    return Template('{{ value|date:"%s" }}' % fmt).render(Context({"value": value}))  # noqa: UP031


def test_a_date_reads_as_the_date_filter_writes_it():
    day = datetime.date(2026, 11, 24)
    cells = list(_Rows([{"day": day, "moment": None, "named": day, "missing": None}]).rows[0])
    assert cells[0] == _filtered(day, "D j M Y") == "Tue 24 Nov 2026"
    assert cells[2] == _filtered(day, "DATE_FORMAT")
    assert cells[3] == "Not yet"


def test_a_moment_reads_in_the_portals_time_zone():
    """23:30 UTC on 30 June is 00:30 on 1 July in London (BST)."""
    moment = datetime.datetime(2026, 6, 30, 23, 30, tzinfo=datetime.UTC)
    cells = list(_Rows([{"day": None, "moment": moment, "named": None, "missing": None}]).rows[0])
    assert cells[1] == _filtered(moment, "j M Y, H:i") == "1 Jul 2026, 00:30"


def test_exports_carry_iso_dates():
    day = datetime.date(2026, 11, 24)
    moment = datetime.datetime(2026, 11, 24, 9, 5, tzinfo=LONDON)
    table = _Rows([{"day": day, "moment": moment, "named": day, "missing": None}])
    row = list(table.as_values())[1]
    assert row[:3] == ["2026-11-24", "2026-11-24 09:05:00+00:00", "2026-11-24"]


@pytest.mark.parametrize(("field", "column"), [("report_due_on", DateColumn), ("starts_at", DateTimeColumn)])
def test_a_models_date_fields_get_these_columns(field, column):
    class Auto(tables.Table):
        class Meta:
            model = EngagementActivity
            fields = [field]

    assert type(Auto.base_columns[field]) is column
