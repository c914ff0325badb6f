"""One column specification read by every format (portal/exports/columns.py, workplan/columns.py,
reports/columns.py)."""

import pytest
from django.utils import translation

from portal.exports.columns import Column, columns_in, headings
from reports.columns import REPORT_COLUMNS
from reports.formats import to_word
from workplan.columns import PLAN_COLUMNS


def test_a_column_is_in_the_formats_it_has_a_width_for():
    wide = Column("a", "A", csv=True, xlsx=10)
    page = Column("b", "B", html=True, docx=1.0)
    assert columns_in([wide, page], "csv") == [wide]
    assert columns_in([wide, page], "html") == [page]
    assert columns_in([wide, page], "pdf") == []
    with pytest.raises(ValueError, match="Unknown format"):
        columns_in([wide], "odt")


def test_the_plan_page_shows_the_seed_documents_columns_then_status():
    with translation.override("en"):
        assert headings(columns_in(PLAN_COLUMNS, "html")) == [
            "Action",
            "Description / measure",
            "Responsible",
            "Start date",
            "Due date",
            "Resources needed (staff, funding, etc.)",
            "Expected results",
            "Remarks",
            "Status",
        ]
    with translation.override("fr"):
        assert headings(columns_in(PLAN_COLUMNS, "html"))[1] == "Description / mesure"


def test_the_reports_word_pdf_and_page_tables_have_the_same_columns():
    keys = {fmt: [c.key for c in columns_in(REPORT_COLUMNS, fmt)] for fmt in ("html", "docx")}
    assert keys["html"] == keys["docx"] == [c.key for c in columns_in(REPORT_COLUMNS, "pdf")]
    assert keys["html"][-1] == "progress"


def test_every_word_column_has_a_cell_writer():
    assert set(to_word.CELLS) == {column.key for column in to_word.TABLE}


def test_pdf_widths_fill_the_page_and_word_widths_the_landscape_text_width():
    assert sum(c.pdf for c in columns_in(REPORT_COLUMNS, "pdf")) == pytest.approx(100)
    assert sum(c.docx for c in columns_in(REPORT_COLUMNS, "docx")) == pytest.approx(10)


def test_fuzzy_dates_travel_in_words_days_and_edtf_in_spreadsheets():
    for columns in (PLAN_COLUMNS, REPORT_COLUMNS):
        for fmt in ("csv", "xlsx"):
            keys = [c.key for c in columns_in(columns, fmt)]
            assert {"start", "due"} <= set(keys)
            # Last, after what a person reads, so that a printed sheet leaves them out.
            assert keys[-4:] == ["start_first_day", "start_edtf", "due_last_day", "due_edtf"]


def test_cells_meant_for_other_tools_come_after_every_printed_column():
    for columns in (PLAN_COLUMNS, REPORT_COLUMNS):
        printed = [c.printed for c in columns_in(columns, "xlsx")]
        assert printed == sorted(printed, reverse=True)
