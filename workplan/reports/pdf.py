"""The report as a PDF (Typst): landscape, tagged (PDF/UA-1) for screen readers.

The layout is ``templates/reports/report.typ``. It receives the report as JSON data, every
word already in the report's language, and shows each string as text: what members write
never becomes markup. (Typst lays out a 1,000-action report in about two seconds; WeasyPrint
took twenty to thirty on the same report, which is why the PDF is not made from the HTML
preview.)
"""

import json
import logging

import typst
from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from workplan.reports.content import (
    TABLE_COLUMNS,
    ActionEntry,
    Report,
    Text,
)

CONTENT_TYPE = "application/pdf"
EXTENSION = "pdf"
TEMPLATE = settings.BASE_DIR / "templates" / "reports" / "report.typ"
PAGE_TOKENS = ("%(page)s", "%(pages)s")

logger = logging.getLogger(__name__)


def _text(value: Text) -> str | dict:
    if not value.foreign:
        return value.text
    return {"text": value.text, "lang": value.language, "note": value.note}


def page_counter(pattern: str) -> list[str]:
    """The pattern "Page %(page)s of %(pages)s" as parts, for the template to fill in."""
    parts, rest = [], pattern
    while rest:
        found = [(rest.find(token), token) for token in PAGE_TOKENS if token in rest]
        if not found:
            parts.append(rest)
            break
        at, token = min(found)
        parts += [rest[:at], token] if at else [token]
        rest = rest[at + len(token) :]
    return parts


def _action(action: ActionEntry) -> dict:
    notes = (
        (_("Next steps:"), "next_steps"),
        (_("Challenges or decisions needed:"), "challenges"),
    )
    return {
        "code": action.code,
        "description": _text(action.description),
        "responsible": ", ".join(action.responsible),
        "start": action.start,
        "due": action.due,
        "overdue": action.is_overdue,
        "resources": [_text(r) for r in action.resources],
        "expected_results": [_text(r) for r in action.expected_results],
        "remarks": _text(action.remarks),
        "status": action.status_label,
        "health": action.health_label,
        "changes": [change.plain for change in action.changes],
        "updates": [
            {
                "heading": update.heading_label,
                "progress": _text(update.progress),
                "notes": [
                    [label, _text(getattr(update, name))]
                    for label, name in notes
                    if getattr(update, name)
                ],
            }
            for update in action.updates
        ],
    }


def data(report: Report) -> dict:
    """Everything the PDF shows, in the report's language."""
    with translation.override(report.language):
        as_of = date_format(report.as_of)
        return {
            "lang": report.language,
            "title": report.title,
            "document_title": f"{report.title} – {as_of}",
            "subtitle": report.subtitle,
            "period": report.period,
            "meeting": report.meeting_line,
            "footer": f"{report.title} – {as_of}",
            "page_counter": page_counter(_("Page %(page)s of %(pages)s")),
            "facts": report.cover_facts,
            "summary": {
                "caption": _("Summary by status"),
                "header": [report.columns["status"], _("Actions")],
                "rows": [[count.label, str(count.count)] for count in report.summary],
                "total": [_("Total"), str(report.total)],
            },
            "totals": report.totals,
            "columns": [report.columns[key] for key in TABLE_COLUMNS],
            "words": {
                "overdue": _("(overdue)"),
                "no_update": _("No update in the period."),
                "no_action": _("No action in this activity on this date."),
            },
            "activities": [
                {
                    "title": activity.title,
                    "objective": _text(activity.objective),
                    "priority": _("Priority: %(priority)s") % {"priority": activity.priority_label}
                    if activity.priority_label
                    else "",
                    "caption": _("Actions of %(activity)s as of %(date)s")
                    % {"activity": activity.title, "date": as_of},
                    "actions": [_action(action) for action in activity.actions],
                }
                for activity in report.activities
            ],
        }


def _compile(source: str, **options) -> bytes:
    return typst.compile(
        str(TEMPLATE), root=str(TEMPLATE.parent), sys_inputs={"report": source}, **options
    )


def render(report: Report) -> bytes:
    source = json.dumps(data(report))
    try:
        return _compile(source, pdf_standards="ua-1")
    except typst.TypstError as error:
        # PDF/UA-1 refuses a character that no installed font can show (a member may paste
        # Chinese, say). The co-chair still gets the report, tagged, without the claim.
        logger.warning("Progress report made without PDF/UA-1: %s", error)
        return _compile(source)
