"""A housing system's file (CSV or Excel) read into headings and rows, each row with its line number.

CSV must be UTF-8 (with or without Excel's byte-order mark). A line that is not, say a name typed in
another encoding, is an error on that line ("save the file as CSV UTF-8"); the rest of the file is
still read, so the dry run lists every other problem too. An Excel workbook is read from its first
sheet (values, not formulas); its line numbers are the sheet's row numbers. Nothing here raises on a
bad file: problems come back as (line, message), line 0 meaning the file as a whole.
"""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass, field

import tablib

BOM = b"\xef\xbb\xbf"
NOT_UTF8 = "this line is not UTF-8 text (in Excel, save the file as “CSV UTF-8”)"


@dataclass
class Table:
    headings: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # the file's line of each row
    problems: list[tuple[int, str]] = field(default_factory=list)


def read_table(data: bytes, *, name: str, headings_only: bool = False) -> Table:
    """The file's rows, or only its heading row (`headings_only`: cheap on a 50,000-row file)."""
    if data[:2] == b"PK":  # a zip: an Excel workbook (uploads.check_upload has said it is one)
        return _read_xlsx(data, headings_only=headings_only)
    if headings_only:
        data = data[: data.find(b"\n") + 1 or len(data)]
    return _read_csv(data)


def _read_csv(data: bytes) -> Table:
    table = Table()
    if data.startswith(BOM):
        data = data[len(BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        for number, raw in enumerate(data.splitlines(), start=1):
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError:
                table.problems.append((number, NOT_UTF8))
        text = data.decode("utf-8", errors="replace")
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t|", key=first.count) if first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        table.headings = [heading.strip() for heading in next(reader)]
    except StopIteration:
        table.problems.append((0, "the file is empty"))
        return table
    except csv.Error as error:
        table.problems.append((1, f"the heading row cannot be read ({error})"))
        return table
    line = reader.line_num
    while True:
        start = line + 1
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            table.problems.append((start, f"this line cannot be read as CSV ({error})"))
            line = reader.line_num
            continue
        line = reader.line_num
        if not any(value.strip() for value in values):
            continue  # a blank line, as spreadsheets leave at the end
        table.rows.append([value.strip() for value in values])
        table.lines.append(start)
    return table


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date):
        return value.date().isoformat() if isinstance(value, datetime.datetime) else value.isoformat()
    return str(value).strip()


def _read_xlsx(data: bytes, *, headings_only: bool = False) -> Table:
    from openpyxl import load_workbook

    table = Table()
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds on a damaged workbook; each means the same to a person
        table.problems.append((0, "the file cannot be read as an Excel workbook; it may be damaged"))
        return table
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        headings = next(rows, None)
        if headings is None:
            table.problems.append((0, "the file is empty"))
            return table
        table.headings = [_cell(value) for value in headings]
        while table.headings and not table.headings[-1]:
            table.headings.pop()
        for number, values in enumerate(() if headings_only else rows, start=2):
            cells = [_cell(value) for value in values[: len(table.headings)]]
            if any(cells):
                table.rows.append(cells)
                table.lines.append(number)
    finally:
        workbook.close()
    return table


def mapped_dataset(table: Table, columns: dict[str, str]) -> tablib.Dataset:
    """The rows with the portal's field names as headings (only the fields that are mapped)."""
    index = {heading: position for position, heading in enumerate(table.headings)}
    pairs = [(name, index[heading]) for name, heading in columns.items() if heading and heading in index]
    dataset = tablib.Dataset(headers=[name for name, _ in pairs])
    width = len(table.headings)
    for values in table.rows:
        values = values + [""] * (width - len(values))
        dataset.append([values[position] for _, position in pairs])
    return dataset
