"""The portal's one way of sending a CSV file: streamed, row by row, with formulas neutralised.

Every CSV download goes through `csv_response` (lists through `table_csv_response`, which reads the
rows a list's django-tables2 table shows, with its filters and sort, without rendering any cell).

- Streamed (StreamingHttpResponse): the first bytes leave at once and a worker's memory stays flat
  however many rows there are; querysets are read with `iterator(chunk_size=...)`, and with
  `values_list` when every column maps to a database field or expression (`Table.csv_columns`
  names expressions for columns that do not), so no model instance is built per row.
- Formula injection (OWASP "CSV Injection"): a text cell starting with `=`, `+`, `-`, `@`, a tab or
  a carriage return is run as a formula by Excel and LibreOffice. Such cells get a leading `'` so
  they open as the text that was typed. Numbers are left alone (-3 is a number, not a formula).
"""

from __future__ import annotations

import csv
import datetime
import decimal
import inspect
from collections.abc import Iterable, Iterator, Sequence

from django.core.paginator import Paginator
from django.db import models
from django.db.models.expressions import BaseExpression, Combinable
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.html import strip_tags
from django_tables2 import RequestConfig

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK_ROWS = 2_000  # rows per database round trip and per piece of the response


def csv_safe(value) -> str | int | float | decimal.Decimal:
    """A cell as written to the file: text that would run as a formula is prefixed with `'`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float | decimal.Decimal):
        return value
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if timezone.is_aware(value) else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = force_str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


class _Line:
    """A file-like object csv.writer writes one line into, handed back as a string."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: Sequence[str], rows: Iterable[Sequence]) -> Iterator[str]:
    """The file as pieces of text: a byte-order mark (so Excel reads UTF-8), the header, the rows."""
    writer = csv.writer(_Line())
    yield "\ufeff" + writer.writerow([csv_safe(cell) for cell in header])
    piece = []
    for row in rows:
        piece.append(writer.writerow([csv_safe(cell) for cell in row]))
        if len(piece) >= CHUNK_ROWS:
            yield "".join(piece)
            piece = []
    if piece:
        yield "".join(piece)


def csv_response(*, filename: str, header: Sequence[str], rows: Iterable[Sequence]) -> StreamingHttpResponse:
    response = StreamingHttpResponse(csv_lines(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


# --- Lists: a django-tables2 table's columns, read straight from the database ---------------------


def _exported_columns(table) -> list:
    return [column for column in table.columns.iterall() if not column.column.exclude_from_export]


def _choices(field) -> dict | None:
    if field is not None and getattr(field, "choices", None):
        return {key: force_str(label) for key, label in field.flatchoices}
    return None


class _Labels:
    """Names of the related rows a column points at (an estate, an officer), loaded in one query
    for the whole download: the few hundred estates and staff, not one lookup a row."""

    def __init__(self, model, path: str):
        self.model, self.path, self.names = model, path, None

    def load(self, queryset) -> None:
        ids = queryset.order_by().values(self.path)
        related = self.model._default_manager.filter(pk__in=ids)
        self.names = {obj.pk: str(obj) for obj in related}

    def __call__(self, pk):
        return "" if pk is None else self.names.get(pk, "")


def _as_values(table, queryset, columns):
    """(values_list arguments, one converter per column, related-name caches) or None when a
    column needs the row object (a value_<name> method, a property) and has no csv_columns entry."""
    model, overrides = queryset.model, getattr(table, "csv_columns", {})
    fields, converters, labels = [], [], []
    for column in columns:
        name = column.name
        if name in overrides:
            fields.append(overrides[name])
            converters.append(None)
            continue
        if hasattr(table, f"value_{name}"):
            return None
        path = column.accessor.replace(".", "__")
        try:
            field = _model_field(model, path)
        except LookupError:
            return None
        if field.is_relation:
            cache = _Labels(field.related_model, path)
            fields.append(path)
            converters.append(cache)
            labels.append(cache)
        else:
            fields.append(path)
            choices = _choices(field)
            converters.append(choices.get if choices else None)
    return fields, converters, labels


def _model_field(model, path: str):
    field = None
    for bit in path.split("__"):
        try:
            field = model._meta.get_field(bit)
        except Exception as error:
            raise LookupError(path) from error
        if not getattr(field, "concrete", False):
            raise LookupError(path)
        if field.is_relation:
            model = field.related_model
    return field


def _value_rows(queryset, fields, converters, labels) -> Iterator[list]:
    expressions = {f"csv_{i}": f for i, f in enumerate(fields) if isinstance(f, BaseExpression | Combinable)}
    names = [f"csv_{i}" if f"csv_{i}" in expressions else f for i, f in enumerate(fields)]
    for cache in labels:
        cache.load(queryset)
    for row in queryset.annotate(**expressions).values_list(*names).iterator(chunk_size=CHUNK_ROWS):
        yield [value if convert is None else convert(value) for value, convert in zip(row, converters, strict=True)]


def _object_rows(table, data, columns) -> Iterator[list]:
    """Rows read from objects (a list of deadlines, or a table whose values need the row)."""
    model = getattr(getattr(data, "model", None), "_meta", None) and data.model
    getters = []
    for column in columns:
        method = getattr(table, f"value_{column.name}", None)
        accessor = column.accessor
        field = accessor.get_field(model) if model is not None else None
        choices = _choices(field) if field is not None and field.name == accessor.split("__")[-1] else None
        if method is not None:
            wanted = set(inspect.signature(method).parameters)  # once per column, not per cell
            getters.append((method, wanted, accessor, None))
        else:
            getters.append((None, (), accessor, choices))
    rows = data.iterator(chunk_size=CHUNK_ROWS) if hasattr(data, "iterator") else data
    for record in rows:
        line = []
        for method, wanted, accessor, choices in getters:
            value = accessor.resolve(record, quiet=True)
            if method is not None:
                available = {"record": record, "value": value, "table": table}
                value = method(**{key: available[key] for key in wanted if key in available})
                value = strip_tags(force_str(value)) if isinstance(value, str) else value
            elif choices is not None:
                value = choices.get(value, value)
            elif isinstance(value, models.Model):
                value = str(value)
            line.append(value)
        yield line


def table_rows(table) -> tuple[list[str], Iterator[list]]:
    """(header, rows) of every row of `table`'s data, filtered and sorted as on screen, not paginated:
    read with values_list where every column allows it, else from the row objects."""
    columns = _exported_columns(table)
    header = [force_str(column.header) for column in columns]
    data = table.data.data
    if isinstance(data, models.QuerySet):
        compiled = _as_values(table, data, columns)
        if compiled is not None:
            return header, _value_rows(data, *compiled)
    return header, _object_rows(table, data, columns)


def table_csv_response(table, *, filename: str) -> StreamingHttpResponse:
    """Every row of `table`'s data (filtered and sorted as on screen, not paginated) as CSV."""
    header, rows = table_rows(table)
    return csv_response(filename=filename, header=header, rows=rows)


# --- Views -----------------------------------------------------------------------------------------

MAX_PER_PAGE = 100  # ?per_page= beyond this is cut to it; below 1, the list's own page size


class BoundedPaginator(Paginator):
    """The paginator every list uses: ?per_page=-1 or 100000 from the address bar cannot ask for
    an empty, a negative or a whole-table page."""

    def __init__(self, object_list, per_page, *args, default: int = 25, **kwargs):
        try:
            per_page = int(per_page)
        except (TypeError, ValueError):
            per_page = default
        per_page = default if per_page < 1 else min(per_page, MAX_PER_PAGE)
        super().__init__(object_list, per_page, *args, **kwargs)


class TableCsvMixin:
    """For a view with a django-tables2 table (SingleTableMixin): `?_export=csv` downloads every
    row of the table, filtered and sorted as on screen, through `table_csv_response`, and
    `?_export=xlsx` the same rows as an Excel workbook (engagement.xlsx_export); the table is
    paginated with `BoundedPaginator`. Replaces django-tables2's ExportMixin, which renders every
    cell in memory before sending a byte."""

    export_trigger_param = "_export"
    export_name = "table"
    export_formats = ("csv", "xlsx")

    def export_format(self) -> str | None:
        wanted = self.request.GET.get(self.export_trigger_param)
        return wanted if wanted in self.export_formats else None

    def get_export_filename(self, export_format: str) -> str:
        return f"{self.export_name}-{timezone.localdate():%Y-%m-%d}.{export_format}"

    def get_table_pagination(self, table):
        paginate = super().get_table_pagination(table)
        if paginate is False:
            return paginate
        paginate = dict(paginate)
        if not issubclass(paginate.get("paginator_class", Paginator), BoundedPaginator):
            paginate["paginator_class"] = BoundedPaginator
        paginate["default"] = paginate.get("per_page") or 25
        return paginate

    def export_response(self):
        """The download asked for (?_export=csv or xlsx): every row, in the sort asked for."""
        from .xlsx_export import xlsx_response  # openpyxl is loaded only when a workbook is asked for

        export_format = self.export_format()
        table = self.get_table_class()(data=self.get_table_data(), **self.get_table_kwargs())
        RequestConfig(self.request, paginate=False).configure(table)  # the sort asked for, every row
        filename = self.get_export_filename(export_format)
        if export_format == "xlsx":
            header, rows = table_rows(table)
            return xlsx_response(filename=filename, header=header, rows=rows, title=self.export_name)
        return table_csv_response(table, filename=filename)

    def get(self, request, *args, **kwargs):
        if self.export_format():
            return self.export_response()
        return super().get(request, *args, **kwargs)
