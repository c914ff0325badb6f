"""The report as an editable Word document (.docx).

Real Word tables whose header row repeats on every page, Heading 1/2 styles for the outline,
landscape pages numbered "Page X of Y", and the document's title and language in its core
properties. Text is written as text runs: what a member wrote never becomes markup.
"""

import io

from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt

from portal.dates import long_date
from portal.exports import word
from portal.exports.columns import columns_in, headings
from portal.exports.safety import xml_text
from reports.columns import GUIDE_COLUMNS, REPORT_COLUMNS
from reports.entries import ActionEntry, Report, labelled
from workplan.columns import STATUS

CONTENT_TYPE = word.CONTENT_TYPE
EXTENSION = word.EXTENSION


def _progress(cell, action: ActionEntry) -> None:
    first = True

    def paragraph():
        nonlocal first
        if first:
            first = False
            return cell.paragraphs[0]
        return cell.add_paragraph()

    for change in action.changes:
        word.add_run(paragraph(), xml_text(change.plain), italic=True)
    for update in action.updates:
        p = paragraph()
        word.add_run(p, xml_text(update.heading_label) + " ", bold=True)
        word.add_shown(p, update.progress)
        for label, text in (
            (_("Next steps:"), update.next_steps),
            (_("Challenges or decisions needed:"), update.challenges),
        ):
            if text:
                p = paragraph()
                word.add_run(p, f"{label} ", italic=True)
                word.add_shown(p, text)
    if first:
        paragraph().add_run(_("No update in the period."))


def _due(cell, action: ActionEntry) -> None:
    word.cell_texts(cell, [action.due, _("(overdue)")] if action.is_overdue else [action.due])


def _status(cell, action: ActionEntry) -> None:
    labels = [action.status_label]
    if action.health_label:
        labels.append(action.health_label)
    word.cell_texts(cell, labels)


# What each column's cell holds, by the column's key (reports/columns.py).
CELLS = {
    "code": lambda cell, action: word.cell_texts(cell, [action.code]),
    "description": lambda cell, action: word.cell_texts(cell, [action.description]),
    "responsible": lambda cell, action: word.cell_texts(cell, action.responsible),
    "start": lambda cell, action: word.cell_texts(cell, [action.start]),
    "due": _due,
    "resources": lambda cell, action: word.cell_texts(cell, action.resources),
    "expected_results": lambda cell, action: word.cell_texts(cell, action.expected_results),
    "remarks": lambda cell, action: word.cell_texts(cell, [action.remarks]),
    "status": _status,
    "progress": _progress,
}
TABLE = columns_in(REPORT_COLUMNS, "docx")
GUIDE_TABLE = columns_in(GUIDE_COLUMNS, "docx")
# What each cell of the guide's table holds, by the column's key.
GUIDE_CELLS = {
    "case_study": lambda entry: [entry.title],
    "partners": lambda entry: entry.partners,
    "case_status": lambda entry: [entry.status_label],
    "province": lambda entry: [entry.province_label],
    "happened": lambda entry: [event.plain for event in entry.events],
}


def _guide(document, report: Report) -> None:
    """The partnership guide's case studies new, updated or featured in the period."""
    document.add_heading(xml_text(report.guide_title), level=1)
    table = word.Table(document, headings(GUIDE_TABLE), [c.docx for c in GUIDE_TABLE])
    for entry in report.guide:
        for cell, column in zip(table.row(), GUIDE_TABLE, strict=True):
            word.cell_texts(cell, GUIDE_CELLS[column.key](entry))


def render(report: Report) -> bytes:
    with translation.override(report.language):
        document = Document()
        section = document.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Inches(11), Inches(8.5)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Inches(0.5))
        word.page_numbers(section)

        normal = document.styles["Normal"]
        # A sans-serif every office suite has (LibreOffice: its metric twin Liberation Sans),
        # small enough for ten columns on a landscape page.
        normal.font.name = "Arial"
        normal.font.size = Pt(8)
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), word.language_tag(report.language))
        normal.element.get_or_add_rPr().append(lang)

        properties = document.core_properties
        properties.title = f"{report.title} – {long_date(report.as_of)}"
        properties.subject = xml_text(report.meeting_title or report.period)
        properties.author = report.subtitle
        properties.language = word.language_tag(report.language)

        document.add_heading(report.title, level=0)
        document.add_paragraph(report.subtitle, style="Subtitle")
        if report.meeting:
            document.add_paragraph(xml_text(report.meeting_line))

        document.add_heading(_("Summary"), level=1)
        document.add_heading(_("About this report"), level=2)
        for label, value in report.cover_facts:
            p = document.add_paragraph()
            p.add_run(labelled(label) + " ").bold = True
            p.add_run(xml_text(value))

        document.add_heading(_("Summary by status"), level=2)
        summary = word.Table(document, [str(STATUS.label), _("Actions")], [3.0, 1.0])
        for count in report.summary:
            cells = summary.row()
            cells[0].text = count.label
            cells[1].text = str(count.count)
        cells = summary.row()
        cells[0].paragraphs[0].add_run(_("Total")).bold = True
        cells[1].paragraphs[0].add_run(str(report.total)).bold = True
        document.add_paragraph(
            _(
                "Overdue actions: %(overdue)s. Status updates in the period: %(updates)s. "
                "Status changes in the period: %(changes)s."
            )
            % {
                "overdue": report.overdue,
                "updates": report.update_count,
                "changes": report.change_count,
            }
        )
        document.add_paragraph(f"{report.guide_total}.")

        header = headings(TABLE)
        widths = [column.docx for column in TABLE]
        for activity in report.activities:
            heading = document.add_heading(level=1)
            heading.add_run(f"{activity.title} – ")
            word.add_shown(heading, activity.objective)
            if activity.priority_label:
                document.add_paragraph(
                    _("Priority: %(priority)s") % {"priority": activity.priority_label}
                )
            if not activity.actions:
                document.add_paragraph(_("No action in this activity on this date."))
                continue
            table = word.Table(document, header, widths)
            for action in activity.actions:
                for cell, column in zip(table.row(), TABLE, strict=True):
                    CELLS[column.key](cell, action)
        if report.guide:
            _guide(document, report)

        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()
