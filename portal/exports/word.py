"""Word documents (.docx): text written as text runs, with its language, and real tables.

What a person wrote never becomes markup; a text in the other official language carries that
language (screen readers and spell checkers read it so) and its note.
"""

from django.utils.translation import gettext as _
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches
from docx.table import _Cell

from portal.exports.safety import xml_text
from portal.languages import Shown

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
EXTENSION = "docx"


def language_tag(language: str) -> str:
    return f"{language}-CA"


def set_run_language(run, language: str) -> None:
    rpr = run._r.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), language_tag(language))
    rpr.append(lang)


def add_shown(paragraph, text: Shown) -> None:
    """The text as a run; in the other language it carries that language and a note."""
    run = paragraph.add_run(xml_text(text.text))
    if text.untranslated:
        set_run_language(run, text.language)
        note = paragraph.add_run(" " + xml_text(text.note))
        note.italic = True


def repeat_header(row) -> None:
    """Mark a table row as a header row that Word repeats at the top of each page."""
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def field_code(paragraph, instruction: str) -> None:
    code = OxmlElement("w:fldSimple")
    code.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    code.append(run)
    paragraph._p.append(code)


def page_numbers(section) -> None:
    """Footer "Page X of Y" (« Page X de Y ») with Word's PAGE and NUMPAGES fields."""
    paragraph = section.footer.paragraphs[0]
    before, _sep, rest = _("Page %(page)s of %(pages)s").partition("%(page)s")
    between, _sep, after = rest.partition("%(pages)s")
    paragraph.add_run(before)
    field_code(paragraph, "PAGE")
    paragraph.add_run(between)
    field_code(paragraph, "NUMPAGES")
    if after:
        paragraph.add_run(after)


def table(document, header: list[str], widths: list[float]):
    """A table with fixed column widths (new rows take them from the grid) and a header row."""
    grid = document.add_table(rows=0, cols=len(header))
    grid.style = "Table Grid"
    grid.autofit = False
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = Inches(width)
    row = grid.add_row()
    repeat_header(row)
    for cell, label in zip(row.cells, header, strict=True):
        cell.paragraphs[0].add_run(label).bold = True
    return grid


def row_cells(table) -> list[_Cell]:
    """A new row's cells. (``row.cells`` recomputes the whole table's grid on every call.)"""
    row = table.add_row()
    return [_Cell(tc, table) for tc in row._tr.tc_lst]


def cell_texts(cell, texts) -> None:
    """One paragraph per text in the cell (the first one reuses the cell's paragraph)."""
    first = True
    for text in texts:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        if isinstance(text, Shown):
            add_shown(paragraph, text)
        else:
            paragraph.add_run(xml_text(text))
