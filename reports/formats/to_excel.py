"""The report as an Excel workbook: a summary sheet, then one sheet per activity, and one for
the partnership guide's case studies of the period when there are any.

Dates are real date cells (the first day of a fuzzy start, the last day of a fuzzy due date,
the latest update), each activity sheet has a frozen header row and an auto-filter, and text
that looks like a formula is stored as typed text (never as a formula).
"""

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment

from portal.dates import long_date
from portal.exports import excel
from portal.exports.columns import columns_in
from reports.columns import GUIDE_COLUMNS, REPORT_COLUMNS
from reports.entries import Report, guide_rows, plain_rows
from workplan.columns import ACTIVITY, STATUS

CONTENT_TYPE = excel.CONTENT_TYPE
EXTENSION = excel.EXTENSION


def _summary(ws, report: Report) -> None:
    ws.sheet_properties.tabColor = "26374A"
    excel.put(ws, 1, 1, report.title, font=excel.TITLE)
    excel.put(ws, 2, 1, report.subtitle)
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
        excel.put(ws, row, 1, label, font=excel.BOLD)
        excel.put(ws, row, 2, value, alignment=Alignment(horizontal="left"))
        row += 1

    row += 1
    excel.put(ws, row, 1, _("Summary by status"), font=excel.BOLD)
    row += 1
    excel.put(ws, row, 1, str(STATUS.label), font=excel.BOLD)
    excel.put(ws, row, 2, _("Actions"), font=excel.BOLD)
    for count in report.summary:
        row += 1
        excel.put(ws, row, 1, count.label)
        excel.put(ws, row, 2, count.count)
    row += 1
    excel.put(ws, row, 1, _("Total"), font=excel.BOLD)
    excel.put(ws, row, 2, report.total, font=excel.BOLD)
    row += 2
    for label, value in (
        (_("Overdue actions"), report.overdue),
        (_("Status updates in the period"), report.update_count),
        (_("Status changes in the period"), report.change_count),
        (_("Case studies new, updated or featured in the period"), len(report.guide)),
    ):
        excel.put(ws, row, 1, label)
        excel.put(ws, row, 2, value)
        row += 1

    row += 1
    excel.put(ws, row, 1, _("Activities"), font=excel.BOLD)
    row += 1
    for column, label in enumerate(
        (str(ACTIVITY.label), _("Objective"), _("Priority"), _("Actions")), start=1
    ):
        excel.put(ws, row, column, label, font=excel.BOLD)
    for activity in report.activities:
        row += 1
        excel.put(ws, row, 1, activity.title, alignment=excel.TOP)
        excel.put(ws, row, 2, activity.objective.plain, alignment=excel.WRAP)
        excel.fit_row(ws, row, [(activity.objective.plain, SUMMARY_WIDTHS[1])])
        excel.put(ws, row, 3, activity.priority_label, alignment=excel.TOP)
        excel.put(ws, row, 4, len(activity.actions), alignment=excel.TOP)
    for letter, width in zip("ABCD", SUMMARY_WIDTHS, strict=True):
        ws.column_dimensions[letter].width = width
    excel.print_landscape(ws, one_page=True)


# The summary sheet's columns: label, value (or objective), priority, actions.
SUMMARY_WIDTHS = (34, 80, 12, 10)
# One sheet per activity: its name is on the sheet, not in a column.
SHEET_COLUMNS = [c for c in columns_in(REPORT_COLUMNS, "xlsx") if c is not ACTIVITY]


def _activity(ws, activity) -> None:
    excel.put(ws, 1, 1, f"{activity.title} – {activity.objective.plain}", font=excel.BOLD)
    rows = plain_rows(activity, SHEET_COLUMNS)
    excel.table(ws, 2, SHEET_COLUMNS, rows, frozen_columns=1)
    excel.print_landscape(ws, title_rows="2:2", grid=True)


GUIDE_SHEET_COLUMNS = columns_in(GUIDE_COLUMNS, "xlsx")


def _guide(ws, report: Report) -> None:
    """The partnership guide's case studies of the period, as a filterable table."""
    excel.put(ws, 1, 1, report.guide_title, font=excel.BOLD)
    rows = guide_rows(report, GUIDE_SHEET_COLUMNS)
    excel.table(ws, 2, GUIDE_SHEET_COLUMNS, rows, frozen_columns=1)
    excel.print_landscape(ws, title_rows="2:2", grid=True)


def render(report: Report) -> bytes:
    with translation.override(report.language):
        workbook = Workbook()
        taken: set[str] = set()
        summary = workbook.active
        summary.title = excel.sheet_title(_("Summary"), taken)
        _summary(summary, report)
        for activity in report.activities:
            ws = workbook.create_sheet(excel.sheet_title(activity.title, taken))
            _activity(ws, activity)
        if report.guide:
            ws = workbook.create_sheet(excel.sheet_title(_("Partnership guide"), taken))
            _guide(ws, report)
        workbook.properties.title = f"{report.title} – {long_date(report.as_of)}"
        workbook.properties.language = f"{report.language}-CA"
        workbook.properties.creator = report.subtitle
        return excel.workbook_bytes(workbook)
