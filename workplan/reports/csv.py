"""The report as CSV: one row per action, UTF-8 with a byte-order mark.

The BOM lets Excel read French accents correctly; every cell goes through ``csv_safe`` so
that no text becomes a formula.
"""

import csv
import io

from django.utils import translation

from workplan.reports.content import Report, plain_cells
from workplan.reports.safe import csv_safe

CONTENT_TYPE = "text/csv; charset=utf-8"
EXTENSION = "csv"

# The columns of the report, one row per action.
CSV_COLUMNS = (
    "activity",
    "code",
    "description",
    "responsible",
    "start",
    "due",
    "resources",
    "expected_results",
    "remarks",
    "status",
    "health",
    "changes",
    "progress",
)


def rows_to_csv(header, rows) -> bytes:
    """CSV bytes (UTF-8 with BOM, CRLF line ends) with every cell made formula-safe."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow([csv_safe(cell) for cell in header])
    for row in rows:
        writer.writerow([csv_safe(cell) for cell in row])
    return buffer.getvalue().encode("utf-8-sig")


def render(report: Report) -> bytes:
    with translation.override(report.language):
        header = [report.columns[key] for key in CSV_COLUMNS]
        rows = []
        for activity in report.activities:
            for action in activity.actions:
                cells = plain_cells(activity, action)
                rows.append([cells[key] for key in CSV_COLUMNS])
    return rows_to_csv(header, rows)
