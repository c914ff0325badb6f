"""The report as an editable Word document (.docx).

Real Word tables whose header row repeats on every page, Heading 1/2 styles for the outline,
landscape pages numbered "Page X of Y", and the document's title and language in its core
properties. Text is written as text runs: what a member wrote never becomes markup.
"""

import io

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt
from docx.table import _Cell

from workplan.reports.content import TABLE_COLUMNS, Report, Text, labelled
from workplan.reports.safe import xml_text

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
EXTENSION = "docx"

# The widths of the table's columns (content.TABLE_COLUMNS), in inches: 10 in all.
COLUMN_WIDTHS = (0.45, 1.9, 0.9, 0.7, 0.7, 1.0, 1.2, 0.9, 0.75, 1.5)


def _language_tag(language: str) -> str:
    return f"{language}-CA"


def _set_run_language(run, language: str) -> None:
    rpr = run._r.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), _language_tag(language))
    rpr.append(lang)


def _add_text(paragraph, text: Text) -> None:
    """The text as a run; in the other language it carries that language and a note."""
    run = paragraph.add_run(xml_text(text.text))
    if text.foreign:
        _set_run_language(run, text.language)
        note = paragraph.add_run(" " + xml_text(text.note))
        note.italic = True


def _repeat_header(row) -> None:
    """Mark a table row as a header row that Word repeats at the top of each page."""
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def _field(paragraph, instruction: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _page_numbers(section) -> None:
    """Footer "Page X of Y" (« Page X de Y ») with Word's PAGE and NUMPAGES fields."""
    paragraph = section.footer.paragraphs[0]
    before, _sep, rest = _("Page %(page)s of %(pages)s").partition("%(page)s")
    between, _sep, after = rest.partition("%(pages)s")
    paragraph.add_run(before)
    _field(paragraph, "PAGE")
    paragraph.add_run(between)
    _field(paragraph, "NUMPAGES")
    if after:
        paragraph.add_run(after)


def _table(document, header: list[str], widths: list[float]):
    """A table with fixed column widths (new rows take them from the grid) and a header row."""
    table = document.add_table(rows=0, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Inches(width)
    row = table.add_row()
    _repeat_header(row)
    for cell, label in zip(row.cells, header, strict=True):
        cell.paragraphs[0].add_run(label).bold = True
    return table


def _row_cells(table) -> list[_Cell]:
    """A new row's cells. (``row.cells`` recomputes the whole table's grid on every call.)"""
    row = table.add_row()
    return [_Cell(tc, table) for tc in row._tr.tc_lst]


def _cell_texts(cell, texts) -> None:
    """One paragraph per text in the cell (the first one reuses the cell's paragraph)."""
    first = True
    for text in texts:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        if isinstance(text, Text):
            _add_text(paragraph, text)
        else:
            paragraph.add_run(xml_text(text))


def _progress(cell, action) -> None:
    first = True

    def paragraph():
        nonlocal first
        if first:
            first = False
            return cell.paragraphs[0]
        return cell.add_paragraph()

    for change in action.changes:
        paragraph().add_run(xml_text(change.plain)).italic = True
    for update in action.updates:
        p = paragraph()
        p.add_run(xml_text(update.heading_label) + " ").bold = True
        _add_text(p, update.progress)
        for label, text in (
            (_("Next steps:"), update.next_steps),
            (_("Challenges or decisions needed:"), update.challenges),
        ):
            if text:
                p = paragraph()
                p.add_run(f"{label} ").italic = True
                _add_text(p, text)
    if first:
        paragraph().add_run(_("No update in the period."))


def render(report: Report) -> bytes:
    with translation.override(report.language):
        document = Document()
        section = document.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Inches(11), Inches(8.5)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Inches(0.5))
        _page_numbers(section)

        normal = document.styles["Normal"]
        normal.font.size = Pt(9)
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), _language_tag(report.language))
        normal.element.get_or_add_rPr().append(lang)

        properties = document.core_properties
        properties.title = f"{report.title} – {date_format(report.as_of)}"
        properties.subject = report.meeting_title or report.period
        properties.author = report.subtitle
        properties.language = _language_tag(report.language)

        document.add_heading(report.title, level=0)
        document.add_paragraph(report.subtitle, style="Subtitle")
        if report.meeting:
            document.add_paragraph(report.meeting_line)

        document.add_heading(_("Summary"), level=1)
        document.add_heading(_("About this report"), level=2)
        for label, value in report.cover_facts:
            p = document.add_paragraph()
            p.add_run(labelled(label) + " ").bold = True
            p.add_run(xml_text(value))

        document.add_heading(_("Summary by status"), level=2)
        summary = _table(document, [report.columns["status"], _("Actions")], [3.0, 1.0])
        for count in report.summary:
            cells = summary.add_row().cells
            cells[0].text = count.label
            cells[1].text = str(count.count)
        cells = summary.add_row().cells
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

        header = [report.columns[key] for key in TABLE_COLUMNS]
        for activity in report.activities:
            heading = document.add_heading(level=1)
            heading.add_run(f"{activity.title} – ")
            _add_text(heading, activity.objective)
            if activity.priority_label:
                document.add_paragraph(
                    _("Priority: %(priority)s") % {"priority": activity.priority_label}
                )
            if not activity.actions:
                document.add_paragraph(_("No action in this activity on this date."))
                continue
            table = _table(document, header, COLUMN_WIDTHS)
            for action in activity.actions:
                cells = _row_cells(table)
                cells[0].text = action.code
                _cell_texts(cells[1], [action.description])
                _cell_texts(cells[2], action.responsible)
                _cell_texts(cells[3], [action.start])
                due = [action.due]
                if action.is_overdue:
                    due.append(_("(overdue)"))
                _cell_texts(cells[4], due)
                _cell_texts(cells[5], action.resources)
                _cell_texts(cells[6], action.expected_results)
                _cell_texts(cells[7], [action.remarks])
                status = [action.status_label]
                if action.health_label:
                    status.append(action.health_label)
                _cell_texts(cells[8], status)
                _progress(cells[9], action)

        buffer = io.BytesIO()
        document.save(buffer)
    return buffer.getvalue()
