"""The plan's filtered view as a file (CSV or Excel): the same actions, the same columns.

The view passes the filtered queryset (``ActionFilter(...).qs``); the rows follow the plan
table's columns (with the activity, and real dates beside the fuzzy ones), in the active
language, with every cell formula-safe.
"""

import datetime
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy
from openpyxl import Workbook

from workplan.reports import csv as csv_format
from workplan.reports import xlsx as xlsx_format
from workplan.reports.content import COLUMNS as REPORT_COLUMNS
from workplan.reports.content import responsible_names

# The report's column headings (content.COLUMNS), and three of the plan export's own.
HEADINGS = {
    **REPORT_COLUMNS,
    "code": gettext_lazy("Action"),
    "overdue": pgettext_lazy("due date", "Overdue"),
    "last_updated": gettext_lazy("Last updated"),
}
# (key, width in Excel)
COLUMNS = (
    ("activity", 11),
    ("code", 8),
    ("description", 50),
    ("responsible", 24),
    ("start", 14),
    ("start_first_day", 12),
    ("due", 14),
    ("due_last_day", 12),
    ("resources", 30),
    ("expected_results", 32),
    ("remarks", 30),
    ("status", 14),
    ("health", 12),
    ("overdue", 12),
    ("last_updated", 12),
)


def plan_rows(actions) -> list[dict]:
    """One dict of cells per action (keys of COLUMNS), in the active language."""
    today = timezone.localdate()
    rows = []
    for action in actions:
        rows.append(
            {
                "activity": _("Activity %(number)s") % {"number": action.activity.number},
                "code": action.code,
                "description": action.description or "",
                "responsible": ", ".join(
                    responsible_names(
                        action.responsible_organizations.all(), action.responsible_people.all()
                    )
                ),
                "start": str(action.start) if action.start else "",
                "start_first_day": action.start.start if action.start else None,
                "due": str(action.due) if action.due else "",
                "due_last_day": action.due.end if action.due else None,
                "resources": "\n".join(r.description or "" for r in action.resources.all()),
                "expected_results": "\n".join(
                    r.description or "" for r in action.expected_results.all()
                ),
                "remarks": action.remarks or "",
                "status": action.get_status_display(),
                "health": action.get_health_display() if action.health else "",
                "overdue": _("Yes") if action.is_overdue(today) else "",
                "last_updated": (
                    timezone.localdate(action.last_updated) if action.last_updated else None
                ),
            }
        )
    return rows


def _csv_cell(value) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    return "" if value is None else value


def render_csv(actions) -> bytes:
    header = [str(HEADINGS[key]) for key, _width in COLUMNS]
    rows = ([_csv_cell(row[key]) for key, _width in COLUMNS] for row in plan_rows(actions))
    return csv_format.rows_to_csv(header, rows)


def render_xlsx(actions) -> bytes:
    workbook = Workbook()
    ws = workbook.active
    ws.title = xlsx_format.sheet_title(pgettext("sheet name", "Work plan"), set())
    columns = [(str(HEADINGS[key]), width, True) for key, width in COLUMNS]
    rows = ([row[key] for key, _width in COLUMNS] for row in plan_rows(actions))
    xlsx_format.table(ws, 1, columns, rows, frozen_columns=2)
    workbook.properties.title = _("Work plan")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
