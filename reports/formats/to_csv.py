"""The report as CSV: one row per action, the report's CSV columns (reports/columns.py)."""

from django.utils import translation

from portal.exports import csv_file
from portal.exports.columns import columns_in, headings
from reports.columns import REPORT_COLUMNS
from reports.entries import Report, plain_rows

CONTENT_TYPE = csv_file.CONTENT_TYPE
EXTENSION = csv_file.EXTENSION


def render(report: Report) -> bytes:
    columns = columns_in(REPORT_COLUMNS, "csv")
    with translation.override(report.language):
        rows = [row for activity in report.activities for row in plain_rows(activity, columns)]
        return csv_file.rows_to_csv(headings(columns), rows)
