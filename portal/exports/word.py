"""Word documents (.docx): text written as text runs, with its language, and real tables.

What a person wrote never becomes markup; a text in the other official language carries that
language (screen readers and spell checkers read it so) and its note.
"""

import functools
import re

from django.utils.translation import gettext as _
from docx.oxml import OxmlElement
from docx.oxml.ns import NamespacePrefixedTag, qn
from docx.oxml.parser import oxml_parser
from docx.shared import Inches
from docx.table import _Cell

from portal.exports.safety import xml_text
from portal.languages import Shown

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
EXTENSION = "docx"


def language_tag(language: str) -> str:
    return f"{language}-CA"


# Where a run's text breaks a line or tabs (CR LF, as browsers send a line break, is one).
_BREAKS = re.compile(r"(\r\n|[\r\n\t])")
_SPACE = qn("xml:space")
_VAL = qn("w:val")


@functools.cache
def _tag(name: str) -> tuple[str, dict]:
    tag = NamespacePrefixedTag(name)
    return tag.clark_name, tag.nsmap


def _element(name: str, attrs: dict | None = None):
    """``OxmlElement(name, attrs)``, its tag's names worked out once."""
    clark_name, nsmap = _tag(name)
    return oxml_parser.makeelement(clark_name, attrib=attrs, nsmap=nsmap)


def add_run(paragraph, text: str, *, bold=False, italic=False, language: str | None = None):
    """Appends a run of text (bold, italic, in a language) to the paragraph, as python-docx's
    ``paragraph.add_run(text)`` and its setters write it, in a few element calls: a report of
    thousands of updates has tens of thousands of runs, and the setters were most of its time."""
    run = _element("w:r")
    if bold or italic or language:
        properties = _element("w:rPr")  # its children in the schema's order: b, i, lang
        if bold:
            properties.append(_element("w:b"))
        if italic:
            properties.append(_element("w:i"))
        if language:
            properties.append(_element("w:lang", {_VAL: language_tag(language)}))
        run.append(properties)
    for piece in _BREAKS.split(text):
        if piece == "\t":
            run.append(_element("w:tab"))
        elif piece in ("\r\n", "\r", "\n"):
            run.append(_element("w:br"))
        elif piece:
            element = _element("w:t")
            element.text = piece
            if piece[0].isspace() or piece[-1].isspace():
                element.set(_SPACE, "preserve")
            run.append(element)
    paragraph._p.append(run)


def add_shown(paragraph, text: Shown) -> None:
    """The text as a run; in the other language it carries that language and a note."""
    if text.untranslated:
        add_run(paragraph, xml_text(text.text), language=text.language)
        add_run(paragraph, " " + xml_text(text.note), italic=True)
    else:
        add_run(paragraph, xml_text(text.text))


def _row_property(row, name: str) -> None:
    trpr = row._tr.get_or_add_trPr()
    element = OxmlElement(name)
    element.set(qn("w:val"), "true")
    trpr.append(element)


def repeat_header(row) -> None:
    """Mark a table row as a header row that Word repeats at the top of each page."""
    _row_property(row, "w:tblHeader")


def keep_row_together(row) -> None:
    """A row that fits on a page is not split across two (a taller one still breaks)."""
    _row_property(row, "w:cantSplit")


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


class Table:
    """A Word table with fixed column widths, its header row repeated on every page.

    Every cell carries its column's width too: Word reads the grid, LibreOffice the cells.
    """

    def __init__(self, document, header: list[str], widths: list[float]):
        self.widths = [Inches(width) for width in widths]
        self.grid = document.add_table(rows=0, cols=len(header))
        self.grid.style = "Table Grid"
        self.grid.autofit = False
        for column, width in zip(self.grid.columns, self.widths, strict=True):
            column.width = width
        cells = self.row()
        repeat_header(self.grid.rows[0])
        for cell, label in zip(cells, header, strict=True):
            cell.paragraphs[0].add_run(label).bold = True

    def row(self) -> list[_Cell]:
        """A new row's cells, each with its column's width (``add_row`` copies the grid's).
        (``row.cells`` recomputes the whole table's grid on every call.)"""
        row = self.grid.add_row()
        keep_row_together(row)
        return [_Cell(tc, self.grid) for tc in row._tr.tc_lst]


def cell_texts(cell, texts) -> None:
    """One paragraph per text in the cell (the first one reuses the cell's paragraph)."""
    first = True
    for text in texts:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        if isinstance(text, Shown):
            add_shown(paragraph, text)
        else:
            add_run(paragraph, xml_text(text))
