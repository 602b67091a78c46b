"""The portal's one way of sending an Excel workbook (XLSX): the same rows as the CSV, typed for Excel.

- Real dates (an Excel date, `yyyy-mm-dd`; date-times in the portal's time zone, `yyyy-mm-dd hh:mm`,
  since Excel has no time zones), numbers as numbers, yes/no as in the CSV.
- Text that would run as a formula gets the CSV's rule (`csv_export.csv_safe`: a leading `'`), and
  characters XML cannot hold (control characters) are dropped rather than failing the download.
- A bold header row, frozen, and column widths from the header and the first rows.
- openpyxl's write-only workbook: rows go to a temporary file as they come, so a worker's memory stays
  flat however many rows; the finished file is sent from disk in blocks (FileResponse). Unlike the CSV,
  the first byte leaves when the workbook is complete (a ZIP's directory is written last).
"""

from __future__ import annotations

import datetime
import decimal
import itertools
import re
import tempfile
from collections.abc import Iterable, Sequence

from django.http import FileResponse
from django.utils import timezone

from .csv_export import csv_safe

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
WIDTH_SAMPLE_ROWS = 200  # rows read before the first is written, to size the columns
MIN_WIDTH, MAX_WIDTH = 8, 60
SHEET_TITLE_MAX = 31  # Excel's limit
# The control characters XML 1.0 forbids, which Excel refuses to open (openpyxl's own
# ILLEGAL_CHARACTERS_RE): openpyxl itself is imported only when a workbook is written.
ILLEGAL_CHARACTERS_RE = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


def xlsx_value(value):
    """A value as Excel should hold it: dates as dates, numbers as numbers, text neutralised."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float | decimal.Decimal):
        return value
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, datetime.date):
        return value
    return ILLEGAL_CHARACTERS_RE.sub("", csv_safe(value))


def _width(value) -> int:
    if isinstance(value, datetime.datetime):
        return 16
    if isinstance(value, datetime.date):
        return 10
    return len(str(value)) if value is not None else 0


def column_widths(header: Sequence[str], rows: Sequence[Sequence]) -> list[float]:
    widths = [len(str(name)) for name in header]
    for row in rows:
        for i, value in enumerate(row[: len(widths)]):
            widths[i] = max(widths[i], _width(value))
    return [min(MAX_WIDTH, max(MIN_WIDTH, width + 2)) for width in widths]


def write_workbook(target, *, header: Sequence[str], rows: Iterable[Sequence], title: str = "Export") -> int:
    """Write the rows as one sheet into `target` (a path or a binary file); the number of data rows."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=(title or "Export")[:SHEET_TITLE_MAX])
    rows = iter(rows)
    sample = [[xlsx_value(value) for value in row] for row in itertools.islice(rows, WIDTH_SAMPLE_ROWS)]
    for i, width in enumerate(column_widths(header, sample), start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    cells = []
    for name in header:
        cell = WriteOnlyCell(sheet, value=xlsx_value(str(name)))
        cell.font = bold
        cells.append(cell)
    sheet.append(cells)
    count = 0
    for row in itertools.chain(sample, ([xlsx_value(value) for value in row] for row in rows)):
        sheet.append([_typed(sheet, value, WriteOnlyCell) for value in row])
        count += 1
    workbook.save(target)
    return count


def _typed(sheet, value, WriteOnlyCell):
    # openpyxl gives a date-time "yyyy-mm-dd h:mm:ss"; the CSV shows minutes, and so does this.
    if isinstance(value, datetime.datetime):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATETIME_FORMAT
        return cell
    return value


def xlsx_response(*, filename: str, header: Sequence[str], rows: Iterable[Sequence], title: str = "") -> FileResponse:
    """The rows as an XLSX download, written to a temporary file and sent from it in blocks."""
    spool = tempfile.TemporaryFile()
    write_workbook(spool, header=header, rows=rows, title=title or filename.rsplit(".", 1)[0])
    spool.seek(0)
    response = FileResponse(spool, as_attachment=True, filename=filename, content_type=CONTENT_TYPE)
    response["Cache-Control"] = "private, no-store"
    return response
