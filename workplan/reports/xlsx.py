"""The report as an Excel workbook: a summary sheet, then one sheet per activity.

Dates are real date cells (the first day of a fuzzy start, the last day of a fuzzy due date,
the latest update), each activity sheet has a frozen header row and an auto-filter, and text
that looks like a formula is stored as typed text (never as a formula).
"""

import datetime
import io

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from workplan.reports.content import Report, plain_cells
from workplan.reports.safe import is_formula_like, xml_text

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXTENSION = "xlsx"
DATE_FORMAT = "yyyy-mm-dd"

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")

# (column key, width in characters, wraps); "*_day" and "latest_update" are date cells.
ACTIVITY_COLUMNS = (
    ("code", 7, False),
    ("description", 48, True),
    ("responsible", 22, True),
    ("start", 14, True),
    ("start_first_day", 12, False),
    ("due", 14, True),
    ("due_last_day", 12, False),
    ("resources", 28, True),
    ("expected_results", 32, True),
    ("remarks", 28, True),
    ("status", 14, True),
    ("health", 12, True),
    ("changes", 30, True),
    ("progress", 60, True),
    ("latest_update", 12, False),
)


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


def _summary(ws, report: Report) -> None:
    ws.sheet_properties.tabColor = "26374A"
    put(ws, 1, 1, report.title, font=TITLE)
    put(ws, 2, 1, report.subtitle)
    facts = []
    if report.meeting:
        facts.append((_("Meeting"), report.meeting_title))
        facts.append((_("Meeting date"), report.meeting.date))
    facts += [
        (_("As of"), report.as_of),
        (_("Changes since"), report.since or _("the beginning of the plan")),
        (_("Period"), report.period),
        (
            _("Activities"),
            _("All activities")
            if report.all_activities
            else ", ".join(a.title for a in report.activities),
        ),
        (_("Generated"), report.generated.replace(tzinfo=None)),
    ]
    row = 4
    for label, value in facts:
        put(ws, row, 1, label, font=BOLD)
        put(ws, row, 2, value, alignment=Alignment(horizontal="left"))
        row += 1

    row += 1
    put(ws, row, 1, _("Summary by status"), font=BOLD)
    row += 1
    put(ws, row, 1, report.columns["status"], font=BOLD)
    put(ws, row, 2, _("Actions"), font=BOLD)
    for count in report.summary:
        row += 1
        put(ws, row, 1, count.label)
        put(ws, row, 2, count.count)
    row += 1
    put(ws, row, 1, _("Total"), font=BOLD)
    put(ws, row, 2, report.total, font=BOLD)
    row += 2
    for label, value in (
        (_("Overdue actions"), report.overdue),
        (_("Status updates in the period"), report.update_count),
        (_("Status changes in the period"), report.change_count),
    ):
        put(ws, row, 1, label)
        put(ws, row, 2, value)
        row += 1

    row += 1
    put(ws, row, 1, _("Activities"), font=BOLD)
    row += 1
    for column, label in enumerate(
        (report.columns["activity"], _("Objective"), _("Priority"), _("Actions")), start=1
    ):
        put(ws, row, column, label, font=BOLD)
    for activity in report.activities:
        row += 1
        put(ws, row, 1, activity.title, alignment=TOP)
        put(ws, row, 2, activity.objective.plain, alignment=WRAP)
        put(ws, row, 3, activity.priority_label, alignment=TOP)
        put(ws, row, 4, len(activity.actions), alignment=TOP)
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 80
    ws.column_dimensions["C"].width = 12
    ws.column_dimensions["D"].width = 10


def table(ws, header_row: int, columns, rows, *, frozen_columns: int) -> None:
    """A table from `header_row` down: `columns` are (heading, width, wraps), `rows` lists of
    values (empty ones stay empty cells); filters on, header row and first columns frozen."""
    for column, (heading, width, _wraps) in enumerate(columns, start=1):
        put(ws, header_row, column, heading, font=BOLD, alignment=WRAP)
        ws.column_dimensions[get_column_letter(column)].width = width
    row = header_row
    for values in rows:
        row += 1
        for column, (value, (_heading, _width, wraps)) in enumerate(
            zip(values, columns, strict=True), start=1
        ):
            if value not in ("", None):
                put(ws, row, column, value, alignment=WRAP if wraps else TOP)
    last = get_column_letter(len(columns))
    ws.auto_filter.ref = f"A{header_row}:{last}{max(row, header_row + 1)}"
    ws.freeze_panes = f"{get_column_letter(frozen_columns + 1)}{header_row + 1}"


def _activity_rows(activity):
    for action in activity.actions:
        cells = plain_cells(activity, action)
        cells["start_first_day"] = action.start_date
        cells["due_last_day"] = action.due_date
        cells["latest_update"] = action.latest_update
        yield [cells[key] for key, _width, _wraps in ACTIVITY_COLUMNS]


def _activity(ws, report: Report, activity) -> None:
    put(ws, 1, 1, f"{activity.title} – {activity.objective.plain}", font=BOLD)
    columns = [(report.columns[key], width, wraps) for key, width, wraps in ACTIVITY_COLUMNS]
    table(ws, 2, columns, _activity_rows(activity), frozen_columns=1)
    ws.print_title_rows = "2:2"
    ws.page_setup.orientation = "landscape"


def render(report: Report) -> bytes:
    with translation.override(report.language):
        workbook = Workbook()
        taken: set[str] = set()
        summary = workbook.active
        summary.title = sheet_title(_("Summary"), taken)
        _summary(summary, report)
        for activity in report.activities:
            ws = workbook.create_sheet(sheet_title(activity.title, taken))
            _activity(ws, report, activity)
        workbook.properties.title = f"{report.title} – {date_format(report.as_of)}"
        workbook.properties.language = f"{report.language}-CA"
        workbook.properties.creator = report.subtitle
        buffer = io.BytesIO()
        workbook.save(buffer)
    return buffer.getvalue()
