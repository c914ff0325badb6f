"""The report as a PDF (Typst): landscape, tagged (PDF/UA-1) for screen readers.

The layout is ``templates/reports/report.typ``. It receives the report as JSON data, every
word already in the report's language, and shows each string as text: what members write
never becomes markup. (Typst lays out a 1,000-action report in about two seconds; WeasyPrint
took twenty to thirty on the same report, which is why the PDF is not made from the HTML
preview.)
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from portal.dates import long_date
from portal.exports import typst_pdf
from portal.exports.columns import columns_in, headings
from portal.exports.safety import file_text
from portal.exports.typst_pdf import shown_data, text
from reports.columns import GUIDE_COLUMNS, REPORT_COLUMNS
from reports.entries import ActionEntry, Report
from workplan.columns import STATUS

CONTENT_TYPE = typst_pdf.CONTENT_TYPE
EXTENSION = typst_pdf.EXTENSION
LAYOUT = settings.BASE_DIR / "templates" / "reports" / "report.typ"
TABLE = columns_in(REPORT_COLUMNS, "pdf")
GUIDE_TABLE = columns_in(GUIDE_COLUMNS, "pdf")


def _progress(action: ActionEntry) -> dict:
    notes = (
        (_("Next steps:"), "next_steps"),
        (_("Challenges or decisions needed:"), "challenges"),
    )
    return {
        "changes": [change.plain for change in action.changes],
        "updates": [
            {
                "heading": text(update.heading_label),
                "progress": shown_data(update.progress),
                "notes": [
                    [label, shown_data(getattr(update, name))]
                    for label, name in notes
                    if getattr(update, name)
                ],
            }
            for update in action.updates
        ],
    }


def _cells(action: ActionEntry) -> dict:
    """The action's cells by column key; the layout knows how to show each key."""
    return {
        "code": action.code,
        "description": shown_data(action.description),
        "responsible": text(", ".join(action.responsible)),
        "start": action.start,
        "due": {"text": action.due, "overdue": action.is_overdue},
        "resources": [shown_data(r) for r in action.resources],
        "expected_results": [shown_data(r) for r in action.expected_results],
        "remarks": shown_data(action.remarks),
        "status": {"status": action.status_label, "health": action.health_label},
        "progress": _progress(action),
    }


def _guide(report: Report) -> dict | None:
    """The partnership guide's section, or None when no case study changed in the period."""
    if not report.guide:
        return None
    return {
        "title": report.guide_title,
        "caption": report.guide_total,
        "columns": [
            {"key": column.key, "label": label, "width": column.pdf}
            for column, label in zip(GUIDE_TABLE, headings(GUIDE_TABLE), strict=True)
        ],
        "rows": [
            {
                "case_study": shown_data(entry.title),
                "partners": [text(partner) for partner in entry.partners],
                "case_status": entry.status_label,
                "province": entry.province_label,
                "happened": [event.plain for event in entry.events],
            }
            for entry in report.guide
        ],
    }


def data(report: Report) -> dict:
    """Everything the PDF shows, in the report's language."""
    with translation.override(report.language):
        as_of = long_date(report.as_of)
        return {
            "lang": report.language,
            "title": report.title,
            "document_title": f"{report.title} – {as_of}",
            "subtitle": report.subtitle,
            "period": file_text(report.period),
            "meeting": text(report.meeting_line),
            "footer": f"{report.title} – {as_of}",
            "page_counter": typst_pdf.page_counter(_("Page %(page)s of %(pages)s")),
            "facts": [[label, text(value)] for label, value in report.cover_facts],
            "summary": {
                "caption": _("Summary by status"),
                "header": [str(STATUS.label), _("Actions")],
                "rows": [[count.label, str(count.count)] for count in report.summary],
                "total": [_("Total"), str(report.total)],
            },
            "totals": report.totals,
            "columns": [
                {"key": column.key, "label": label, "width": column.pdf}
                for column, label in zip(TABLE, headings(TABLE), strict=True)
            ],
            "words": {
                "overdue": _("(overdue)"),
                "no_update": _("No update in the period."),
                "no_action": _("No action in this activity on this date."),
            },
            "activities": [
                {
                    "title": activity.title,
                    "objective": shown_data(activity.objective),
                    "priority": _("Priority: %(priority)s") % {"priority": activity.priority_label}
                    if activity.priority_label
                    else "",
                    "caption": _("Actions of %(activity)s as of %(date)s")
                    % {"activity": activity.title, "date": as_of},
                    "actions": [_cells(action) for action in activity.actions],
                }
                for activity in report.activities
            ],
            "guide": _guide(report),
        }


def render(report: Report) -> bytes:
    return typst_pdf.render(LAYOUT, data(report), input_name="report")
