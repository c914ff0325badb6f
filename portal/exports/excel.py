"""Excel workbooks: typed cells that never become formulas, and filterable tables."""

import datetime
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from portal.exports.columns import Column
from portal.exports.safety import is_formula_like, xml_text

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXTENSION = "xlsx"
DATE_FORMAT = "yyyy-mm-dd"

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")


def put(ws, row: int, column: int, value, *, font=None, alignment=None):
    """Write one cell; text is always text, dates are typed dates."""
    if isinstance(value, str):
        value = xml_text(value)
    cell = ws.cell(row=row, column=column, value=value)
    if isinstance(value, str) and is_formula_like(value):
        # openpyxl reads a leading "=" as a formula: store the text as a string instead, and
        # ask Excel to keep it text if someone edits the cell (quote prefix).
        cell.data_type = "s"
        cell.quotePrefix = True
    elif isinstance(value, datetime.datetime):
        cell.number_format = "yyyy-mm-dd hh:mm"
    elif isinstance(value, datetime.date):
        cell.number_format = DATE_FORMAT
    if font is not None:
        cell.font = font
    if alignment is not None:
        cell.alignment = alignment
    return cell


def sheet_title(text: str, taken: set[str]) -> str:
    """A valid, unique sheet name (31 characters at most, none of []:*?/\\)."""
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in text).strip()[:31] or "Sheet"
    name, n = cleaned, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name = cleaned[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(name.lower())
    return name


def table(ws, header_row: int, columns: list[Column], rows, *, frozen_columns: int) -> None:
    """A table from `header_row` down: a header of the columns' labels, then `rows` (lists of
    values in the columns' order; empty ones stay empty cells); filters on, header row and
    first columns frozen."""
    for number, column in enumerate(columns, start=1):
        put(ws, header_row, number, str(column.label), font=BOLD, alignment=WRAP)
        ws.column_dimensions[get_column_letter(number)].width = column.xlsx
    row = header_row
    for values in rows:
        row += 1
        for number, (value, column) in enumerate(zip(values, columns, strict=True), start=1):
            if value not in ("", None):
                put(ws, row, number, value, alignment=WRAP if column.wraps else TOP)
    last = get_column_letter(len(columns))
    ws.auto_filter.ref = f"A{header_row}:{last}{max(row, header_row + 1)}"
    ws.freeze_panes = f"{get_column_letter(frozen_columns + 1)}{header_row + 1}"


def workbook_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
