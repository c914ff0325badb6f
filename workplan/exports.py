"""The plan's filtered view as a file (CSV or Excel): the same actions as the page shows.

The view passes the filtered queryset (``ActionFilter(...).qs``); the rows follow the plan's
columns (workplan/columns.py), in the active language, every cell formula-safe. Fuzzy dates
come three ways: in words, as their first or last day, and in ISO 8601-2 (EDTF). Texts that
share a cell (the responsible names, the resources) are joined with ``safety.joined``: an
override one of them left open does not reverse the next.
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook

from portal.exports import csv_file, excel
from portal.exports.columns import columns_in, headings
from portal.exports.safety import joined
from portal.fuzzydates import FuzzyDate
from workplan.columns import PLAN_COLUMNS
from workplan.models import responsible_names


def fuzzy_cells(name: str, value: FuzzyDate | None, *, day: str) -> dict:
    """A fuzzy date's cells: "due" in words, "due_last_day" (or "start_first_day"), "due_edtf".

    `day` says which day of the period the date cell holds: "first" or "last".
    """
    if not isinstance(value, FuzzyDate):
        return {name: "", f"{name}_{day}_day": None, f"{name}_edtf": ""}
    return {
        name: str(value),
        f"{name}_{day}_day": value.start if day == "first" else value.end,
        f"{name}_edtf": value.edtf,
    }


def plan_row(action, *, today: datetime.date) -> dict:
    """One action's cells, keyed like the plan's columns, in the active language."""
    return {
        "activity": _("Activity %(number)s") % {"number": action.activity.number},
        "code": action.code,
        "description": action.description or "",
        "responsible": joined(
            ", ",
            responsible_names(
                action.responsible_organizations.all(), action.responsible_people.all()
            ),
        ),
        **fuzzy_cells("start", action.start, day="first"),
        **fuzzy_cells("due", action.due, day="last"),
        "resources": joined("\n", (r.description or "" for r in action.resources.all())),
        "expected_results": joined(
            "\n", (r.description or "" for r in action.expected_results.all())
        ),
        "remarks": action.remarks or "",
        "status": action.get_status_display(),
        "health": action.get_health_display() if action.health else "",
        "overdue": _("Yes") if action.is_overdue(today) else "",
        "last_updated": timezone.localdate(action.last_updated) if action.last_updated else None,
    }


def render_csv(actions) -> bytes:
    columns = columns_in(PLAN_COLUMNS, "csv")
    today = timezone.localdate()
    rows = (
        [row[column.key] for column in columns]
        for row in (plan_row(action, today=today) for action in actions)
    )
    return csv_file.rows_to_csv(headings(columns), rows)


def render_xlsx(actions) -> bytes:
    columns = columns_in(PLAN_COLUMNS, "xlsx")
    today = timezone.localdate()
    workbook = Workbook()
    ws = workbook.active
    ws.title = excel.sheet_title(pgettext("sheet name", "Work plan"), set())
    rows = (
        [row[column.key] for column in columns]
        for row in (plan_row(action, today=today) for action in actions)
    )
    excel.table(ws, 1, columns, rows, frozen_columns=2)
    excel.print_landscape(ws, title_rows="1:1", grid=True)
    workbook.properties.title = _("Work plan")
    return excel.workbook_bytes(workbook)
