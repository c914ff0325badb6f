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
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from workplan.reports import csv as csv_format
from workplan.reports import xlsx as xlsx_format

# (key, heading, width in Excel)
COLUMNS = (
    ("activity", gettext_lazy("Activity"), 11),
    ("code", gettext_lazy("Action"), 8),
    ("description", gettext_lazy("Description / measure"), 50),
    ("responsible", gettext_lazy("Responsible"), 24),
    ("start", gettext_lazy("Start date"), 14),
    ("start_first_day", gettext_lazy("Start (first day)"), 12),
    ("due", gettext_lazy("Due date"), 14),
    ("due_last_day", gettext_lazy("Due (last day)"), 12),
    ("resources", gettext_lazy("Resources needed (staff, funding, etc.)"), 30),
    ("expected_results", gettext_lazy("Expected results"), 32),
    ("remarks", gettext_lazy("Remarks"), 30),
    ("status", gettext_lazy("Status"), 14),
    ("health", gettext_lazy("Health"), 12),
    ("overdue", pgettext_lazy("due date", "Overdue"), 12),
    ("last_updated", gettext_lazy("Last updated"), 12),
)


def _responsible(action) -> str:
    """As the plan table names them: organizations by acronym, people with their organization."""
    names = [o.acronym or o.name for o in action.responsible_organizations.all()]
    names += [f"{p.name} ({p.organization.short_name})" for p in action.responsible_people.all()]
    return ", ".join(names)


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
                "responsible": _responsible(action),
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
    header = [str(heading) for _key, heading, _width in COLUMNS]
    rows = ([_csv_cell(row[key]) for key, _h, _w in COLUMNS] for row in plan_rows(actions))
    return csv_format.rows_to_csv(header, rows)


def render_xlsx(actions) -> bytes:
    rows = plan_rows(actions)
    workbook = Workbook()
    ws = workbook.active
    ws.title = xlsx_format.sheet_title(pgettext("sheet name", "Work plan"), set())
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    for column, (_key, heading, width) in enumerate(COLUMNS, start=1):
        xlsx_format.put(ws, 1, column, str(heading), font=bold, alignment=wrap)
        ws.column_dimensions[get_column_letter(column)].width = width
    for row_number, row in enumerate(rows, start=2):
        for column, (key, _heading, _width) in enumerate(COLUMNS, start=1):
            value = row[key]
            if value in ("", None):
                continue
            xlsx_format.put(ws, row_number, column, value, alignment=wrap)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(len(rows) + 1, 2)}"
    ws.freeze_panes = "C2"
    workbook.properties.title = _("Work plan")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
