"""Excel workbooks: typed cells that never become formulas, and filterable tables."""

import datetime
import io
import math

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from portal.exports import graphemes
from portal.exports.columns import Column
from portal.exports.safety import is_formula_like, xml_text
from portal.text import bidi_balanced

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXTENSION = "xlsx"
DATE_FORMAT = "yyyy-mm-dd"

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")


# The most a cell holds: Excel counts in UTF-16 code units (an emoji counts twice) and, when it
# opens a file, cuts the rest of a longer text without a word. A longer text is cut here, and
# says so.
CELL_LIMIT = 32_767
# How far back a cut looks for a space, so that it does not fall inside a word.
CUT_AT_SPACE_WITHIN = 200


def _units(text: str) -> int:
    """The text's length as Excel counts it (UTF-16 code units)."""
    return len(text) + sum(1 for character in text if ord(character) > 0xFFFF)


def _within(text: str, units: int) -> str:
    """The longest start of the text that is at most `units` code units long."""
    used = 0
    for at, character in enumerate(text):
        used += 2 if ord(character) > 0xFFFF else 1
        if used > units:
            return text[:at]
    return text


def cell_text(text: str) -> str:
    """The text as a cell holds it: whole when it fits; else cut (at a space when one is near,
    never between a letter and its accents) and ending with a note that says so."""
    if len(text) <= CELL_LIMIT // 2 or _units(text) <= CELL_LIMIT:
        return text
    note = " " + _("… (continued in the portal)")
    room = CELL_LIMIT - _units(note)
    while True:
        kept = _within(text, room)
        space = kept.rfind(" ", len(kept) - CUT_AT_SPACE_WITHIN)
        if space > 0:
            kept = kept[:space]
        kept = kept[: graphemes.cluster_start(text, len(kept))]
        # What the cut left open is closed, which may take a few more characters.
        kept = bidi_balanced(kept.rstrip())
        if _units(kept) <= room:
            return kept + note
        room -= _units(kept) - room


def put(ws, row: int, column: int, value, *, font=None, alignment=None):
    """Write one cell; text is always text (whole, or cut with a note), dates are typed dates."""
    if isinstance(value, str):
        value = cell_text(xml_text(value))
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


# Points per line of the default font (Calibri 11), and how many characters of ordinary text
# a column of width 1 holds (a width counts the digit "0", wider than most letters; bold
# headings are wider still).
LINE_HEIGHT = 15
# The tallest row Excel accepts, in points (a taller one makes it report a damaged file).
MAX_ROW_HEIGHT = 409
CHARACTERS_PER_WIDTH = 1.1
BOLD_CHARACTERS_PER_WIDTH = 0.9


def lines_needed(text: str, width: float, *, per_width: float = CHARACTERS_PER_WIDTH) -> int:
    """How many lines a text takes once wrapped at spaces in a column `width` wide."""
    per_line = max(1, int(width * per_width))
    lines = 0
    for paragraph in text.split("\n"):
        count, used = 1, 0
        for word in paragraph.split():
            if used and used + 1 + len(word) <= per_line:
                used += 1 + len(word)
                continue
            if used:
                count += 1
            # The word starts a line; one longer than a line runs over several.
            full, rest = divmod(len(word), per_line)
            count += full - (1 if full and not rest else 0)
            used = rest or per_line
        lines += count
    return lines


def heading_width(label: str, width: float) -> float:
    """The column's width, widened if a word of its bold heading would not fit on a line."""
    longest = max((len(word) for word in label.split()), default=0)
    return max(width, math.ceil(longest / BOLD_CHARACTERS_PER_WIDTH) + 1)


def fit_row(ws, row: int, texts_and_widths, *, per_width: float = CHARACTERS_PER_WIDTH) -> None:
    """Sets the row's height to its tallest wrapped text: spreadsheets do not compute it when
    they print a file they did not lay out themselves, and wrapped text would overlap."""
    lines = max(
        (lines_needed(text, width, per_width=per_width) for text, width in texts_and_widths),
        default=1,
    )
    if lines > 1:
        ws.row_dimensions[row].height = min(lines * LINE_HEIGHT, MAX_ROW_HEIGHT)


def print_landscape(
    ws, *, title_rows: str | None = None, one_page: bool = False, grid: bool = False
) -> None:
    """Printed landscape, one page wide (and one page tall when `one_page`), with the header
    rows repeated on every page and, for a table, the cells' borders (`grid`)."""
    ws.page_setup.orientation = "landscape"
    ws.print_options.gridLines = grid
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1 if one_page else 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        ws.print_title_rows = title_rows


def _wraps(column: Column) -> bool:
    return column.wraps and not column.date


def table(ws, header_row: int, columns: list[Column], rows, *, frozen_columns: int) -> None:
    """A table from `header_row` down: a header of the columns' labels, then `rows` (lists of
    values in the columns' order; empty ones stay empty cells); filters on, header row and
    first columns frozen."""
    labels = [str(column.label) for column in columns]
    widths = [
        heading_width(label, column.xlsx) for label, column in zip(labels, columns, strict=True)
    ]
    for number, (label, width) in enumerate(zip(labels, widths, strict=True), start=1):
        put(ws, header_row, number, label, font=BOLD, alignment=WRAP)
        ws.column_dimensions[get_column_letter(number)].width = width
    fit_row(ws, header_row, zip(labels, widths, strict=True), per_width=BOLD_CHARACTERS_PER_WIDTH)
    row = header_row
    for values in rows:
        row += 1
        wrapped = []
        for number, (value, column, width) in enumerate(
            zip(values, columns, widths, strict=True), start=1
        ):
            if value in ("", None):
                continue
            put(ws, row, number, value, alignment=WRAP if _wraps(column) else TOP)
            if _wraps(column) and isinstance(value, str):
                wrapped.append((value, width))
        fit_row(ws, row, wrapped)
    last = get_column_letter(len(columns))
    ws.auto_filter.ref = f"A{header_row}:{last}{max(row, header_row + 1)}"
    # What a person reads is printed; the cells meant for other tools come last and are not.
    printed = max(number for number, column in enumerate(columns, start=1) if column.printed)
    ws.print_area = f"A1:{get_column_letter(printed)}{max(row, header_row + 1)}"
    ws.freeze_panes = f"{get_column_letter(frozen_columns + 1)}{header_row + 1}"


def workbook_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
