"""The shared export writers (portal/exports/): what every app's files rely on."""

import csv
import datetime
import io

import pytest
from django.utils.translation import pgettext_lazy
from docx.oxml.ns import qn
from openpyxl import Workbook, load_workbook

from portal.exports import csv_file, excel
from portal.exports.columns import Column
from portal.exports.download import attachment, file_name


def test_csv_has_a_bom_crlf_lines_and_no_formula():
    content = csv_file.rows_to_csv(
        ["Nom", "Date"], [["=1+1", datetime.date(2026, 3, 2)], ["é", None]]
    )
    assert content.startswith(b"\xef\xbb\xbf")
    text = content.decode("utf-8-sig")
    assert text.endswith("\r\n")
    assert list(csv.reader(io.StringIO(text))) == [
        ["Nom", "Date"],
        ["'=1+1", "2026-03-02"],
        ["é", ""],
    ]


def test_excel_table_types_dates_keeps_text_text_and_freezes_the_header():
    columns = [Column("name", "Name", xlsx=20), Column("day", "Day", xlsx=12, wraps=False)]
    workbook = Workbook()
    excel.table(
        workbook.active,
        1,
        columns,
        [["@SUM(A1)", datetime.date(2026, 3, 2)], ["", None]],
        frozen_columns=1,
    )
    ws = load_workbook(io.BytesIO(excel.workbook_bytes(workbook))).active
    assert [cell.value for cell in ws[1]] == ["Name", "Day"]
    assert ws["A2"].value == "@SUM(A1)"
    assert ws["A2"].data_type == "s"
    assert ws["B2"].is_date
    assert ws["A3"].value is None  # empty values stay empty cells
    assert ws.freeze_panes == "B2"
    assert ws.auto_filter.ref == "A1:B3"
    assert ws.column_dimensions["A"].width == 20


def test_sheet_titles_are_valid_and_unique():
    taken: set[str] = set()
    assert excel.sheet_title("Plan 2026/2027?", taken) == "Plan 2026 2027"
    assert excel.sheet_title("PLAN 2026/2027", taken) == "PLAN 2026 2027 (2)"  # case-blind
    assert len(excel.sheet_title("x" * 40, taken)) == 31


def test_file_names_are_in_the_files_language():
    stem = pgettext_lazy("file name", "progress-report")
    day = datetime.date(2026, 11, 28)
    assert file_name(stem, day=day, language="en", extension="pdf") == (
        "progress-report-2026-11-28-en.pdf"
    )
    assert file_name(stem, day=day, language="fr", extension="pdf") == (
        "rapport-etape-2026-11-28-fr.pdf"
    )


def test_attachment_names_the_file_for_the_browser():
    response = attachment(b"x", content_type="text/csv", filename="plan-de-travail-fr.csv")
    assert response["Content-Disposition"] == 'attachment; filename="plan-de-travail-fr.csv"'
    assert response.content == b"x"


def test_wrapped_text_gets_a_row_tall_enough_for_it():
    assert excel.lines_needed("one two three", 8) == 2  # "one two" / "three" (8 wide: 8 chars)
    assert excel.lines_needed("a\nb\n\nc", 30) == 4  # every paragraph starts a line
    assert excel.lines_needed("x" * 25, 10) == 3  # a word longer than a line runs over
    assert excel.lines_needed("x" * 22, 10) == 2
    columns = [Column("text", "Text", xlsx=10)]
    workbook = Workbook()
    ws = workbook.active
    excel.table(ws, 1, columns, [["short"], ["a longer text over three lines"]], frozen_columns=0)
    assert ws.row_dimensions[2].height is None  # one line: the default height
    assert ws.row_dimensions[3].height == 3 * excel.LINE_HEIGHT


def test_a_heading_word_never_breaks():
    assert excel.heading_width("Responsables", 5) > 12
    assert excel.heading_width("No.", 7) == 7


def test_printed_landscape_one_page_wide_without_the_cells_for_tools():
    columns = [
        Column("name", "Name", xlsx=20),
        Column("edtf", "EDTF", xlsx=10, printed=False),
    ]
    workbook = Workbook()
    ws = workbook.active
    excel.table(ws, 1, columns, [["a", "2018-23"]], frozen_columns=0)
    excel.print_landscape(ws, title_rows="1:1", grid=True)
    ws = load_workbook(io.BytesIO(excel.workbook_bytes(workbook))).active
    assert ws.page_setup.orientation == "landscape"
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$1:$1"
    assert ws.print_area == "'Sheet'!$A$1:$A$2"
    assert ws.print_options.gridLines


def test_a_cell_text_too_long_for_excel_is_cut_between_words_and_says_so():
    from portal.exports.excel import CELL_LIMIT, _units, cell_text

    fits = "x" * CELL_LIMIT
    assert cell_text(fits) == fits
    long = "mot " * 10_000  # 40,000 characters
    cut = cell_text(long)
    assert _units(cut) <= CELL_LIMIT
    assert cut.endswith(" … (continued in the portal)")
    assert cut.removesuffix(" … (continued in the portal)").endswith("mot")


def test_a_cut_cell_never_splits_an_emoji_nor_leaves_an_override_open():
    from portal.exports.excel import CELL_LIMIT, _units, cell_text

    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # 8 UTF-16 units, one cluster
    cut = cell_text("\u202e" + family * 5_000)
    assert _units(cut) <= CELL_LIMIT
    kept = cut.removesuffix(" … (continued in the portal)")
    assert kept.startswith("\u202e")
    assert kept.endswith(family + "\u202c")
    assert kept[1:-1] == family * ((len(kept) - 2) // len(family))


def test_a_cut_cell_note_is_in_the_files_language():
    from django.utils import translation

    from portal.exports.excel import cell_text

    with translation.override("fr"):
        assert cell_text("mot " * 10_000).endswith(" … (suite dans le portail)")


@pytest.mark.parametrize("text", ["plain", " spaced ", "two\nlines", "a\ttab", "cr\rend", ""])
@pytest.mark.parametrize(
    "style", [{}, {"bold": True}, {"italic": True}, {"bold": True, "italic": True}]
)
def test_a_fast_word_run_is_the_run_python_docx_writes(text, style):
    from docx import Document
    from lxml import etree

    from portal.exports.word import add_run

    document = Document()
    theirs = document.add_paragraph()
    run = theirs.add_run(text)
    for name, value in style.items():
        setattr(run, name, value)
    ours = document.add_paragraph()
    add_run(ours, text, **style)
    assert etree.tostring(ours._p) == etree.tostring(theirs._p)


def test_a_fast_word_run_in_the_other_language_carries_it():
    from docx import Document

    from portal.exports.word import add_run

    paragraph = Document().add_paragraph()
    add_run(paragraph, "Bonjour", italic=True, language="fr")
    run = paragraph.runs[0]
    assert run.text == "Bonjour"
    assert run.italic
    assert run._r.rPr.find(qn("w:lang")).get(qn("w:val")) == "fr-CA"


def test_a_line_break_typed_in_a_browser_is_one_break():
    """Browsers send a text area's line breaks as CR LF: one break (python-docx writes two)."""
    from docx import Document
    from docx.oxml.ns import qn as name

    from portal.exports.word import add_run

    paragraph = Document().add_paragraph()
    add_run(paragraph, "first\r\nsecond")
    assert [child.tag for child in paragraph.runs[0]._r] == [name("w:t"), name("w:br"), name("w:t")]
