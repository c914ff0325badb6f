"""The report as CSV: one row per action, the report's CSV columns (reports/columns.py).

When case studies of the partnership guide are new, updated or featured in the period, they
follow the actions after an empty row: the section's title, its header, a row per case study.
"""

from django.utils import translation

from portal.exports import csv_file
from portal.exports.columns import columns_in, headings
from reports.columns import GUIDE_COLUMNS, REPORT_COLUMNS
from reports.entries import Report, guide_rows, plain_rows

CONTENT_TYPE = csv_file.CONTENT_TYPE
EXTENSION = csv_file.EXTENSION


def render(report: Report) -> bytes:
    columns = columns_in(REPORT_COLUMNS, "csv")
    with translation.override(report.language):
        rows = [row for activity in report.activities for row in plain_rows(activity, columns)]
        if report.guide:
            guide = columns_in(GUIDE_COLUMNS, "csv")
            rows += [[], [report.guide_title], headings(guide), *guide_rows(report, guide)]
        return csv_file.rows_to_csv(headings(columns), rows)
