"""The report's four files, opened with their own libraries, in both languages."""

import collections
import csv
import datetime
import io
import re
import unicodedata
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.conftest import SEED_CODES
from tests.reports.conftest import action

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://x","y")'
AT_FORMULA = "@SUM(A1)"
MARKUP = "<b>bold</b> & <script>x</script>"
# Typst markup and code, as the PDF's layout language would read them if they were not text.
TYPST = '#set page(fill: red) *bold* _em_ $x^2$ <label> @ref = Heading \\ "quote'
LONG_WORD = "reference-" + "0123456789" * 15
DESCRIPTION_START = {
    "en": "Develop and implement an Engagement Strategy",
    "fr": "Élaborer et mettre en œuvre une Stratégie de mobilisation",
}


@pytest.fixture(scope="module")
def description_starts(plan_json) -> dict[str, dict[str, str]]:
    """The first words of each seed action's description, by language and code."""
    starts = {"en": {}, "fr": {}}
    for activity in plan_json["activities"]:
        for seed in activity["actions"]:
            for language in starts:
                words = seed[f"description_{language}"].split()[:5]
                starts[language][f"{activity['number']}.{seed['number']}"] = " ".join(words)
    return starts


@pytest.fixture
def tricky_plan(seed_plan):
    """Remarks that look like formulas or markup, as a member might type them."""
    target = action("1.2")
    target.remarks_en, target.remarks_fr = FORMULA, AT_FORMULA
    target.save()
    target = action("2.1")
    target.remarks_en = target.remarks_fr = MARKUP
    target.save()
    target = action("3.1")
    target.remarks_en = target.remarks_fr = TYPST
    target.save()
    target = action("4.1")
    target.remarks_en = target.remarks_fr = LONG_WORD
    target.save()


def download(client, fmt: str, language: str, **params):
    with translation.override(language):
        url = reverse("reports:report_download", args=[fmt])
    return client.get(url, {"language": language, **params})


def flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def marked_languages(reader: PdfReader) -> set[str]:
    """The languages the PDF's marked content is tagged with (screen readers read these)."""
    streams = b"".join(page.get_contents().get_data() for page in reader.pages)
    return {tag.decode() for tag in re.findall(rb"/Lang\s*\(([^)]*)\)", streams)}


def structure_tags(reader: PdfReader) -> collections.Counter:
    """How many of each structure element (H1, Table, TH…) the PDF's tag tree holds."""
    counts = collections.Counter()
    pending = [reader.trailer["/Root"]["/StructTreeRoot"]]
    while pending:
        node = pending.pop().get_object()
        if isinstance(node, list):
            pending.extend(node)
        elif isinstance(node, dict):
            if "/S" in node:
                counts[node["/S"]] += 1
            if "/K" in node:
                pending.append(node["/K"])
    return counts


def squeezed(text: str) -> str:
    """Without any space: narrow PDF columns wrap lines anywhere in a remark."""
    return "".join(text.split())


# --- PDF ------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "fr"])
def test_pdf(cochair_client, tricky_plan, description_starts, language):
    response = download(cochair_client, "pdf", language)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert all(page.mediabox.width > page.mediabox.height for page in reader.pages)
    pages = [flat(page.extract_text()) for page in reader.pages]
    total = len(pages)
    cover = pages[0]
    if language == "en":
        assert "Work plan progress report" in cover
        assert "Summary by status" in cover
        assert f"Page 1 of {total}" in cover
        assert f"Page {total} of {total}" in pages[-1]
    else:
        assert "Rapport d’étape sur le plan de travail" in cover
        assert "Sommaire par état" in cover
        assert f"Page 1 de {total}" in cover
    text = " ".join(pages)
    for code, start in description_starts[language].items():
        assert code in text
        assert squeezed(start) in squeezed(text)
    assert DESCRIPTION_START[language] in text
    if language == "fr":
        assert "Élaborer et mettre en œuvre" in text
        assert "Ressources nécessaires" in text
        assert AT_FORMULA in squeezed(text)
    else:
        assert squeezed(FORMULA) in squeezed(text)
    assert squeezed(MARKUP) in squeezed(text)  # shown as typed, never as markup
    assert squeezed(TYPST) in squeezed(text)
    # A word too long for its column wraps onto several lines instead of overflowing.
    assert LONG_WORD in squeezed(text)
    assert LONG_WORD not in text

    # Tagged (PDF/UA-1) with the report's language, so screen readers can read it.
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == f"{language}-CA"
    assert marked_languages(reader) == {f"{language}-CA"}
    assert b"<pdfuaid:part>1</pdfuaid:part>" in response.content
    tags = structure_tags(reader)
    assert tags["/H1"] == 1  # the report's title
    assert tags["/H2"] == 4  # one heading per activity
    # The summary table and one table per activity, each with its caption and header row.
    assert tags["/Table"] == tags["/Caption"] == tags["/THead"] == 5
    assert tags["/TH"] == 2 + 4 * 10
    assert tags["/TR"] == (1 + 7 + 1) + 4 + len(SEED_CODES)  # summary, headers, actions
    title = "Work plan progress report" if language == "en" else "Rapport d’étape sur le plan"
    assert reader.metadata.title.startswith(title)


def test_pdf_with_text_no_font_can_show(cochair_client, seed_plan):
    """PDF/UA-1 refuses characters missing from every installed font (here, a private-use
    character; Chinese on machines with only DejaVu): the PDF is still made, tagged, without
    claiming PDF/UA-1."""
    target = action("1.1")
    target.remarks_en = "Partner office in Richmond \U000f0000"
    target.save()
    response = download(cochair_client, "pdf", "en")
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    assert "Partner office in Richmond" in flat(" ".join(p.extract_text() for p in reader.pages))
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert b"pdfuaid:part" not in response.content


# --- Word -----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "fr"])
def test_docx(cochair_client, tricky_plan, description_starts, language):
    response = download(cochair_client, "docx", language)
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    assert document.core_properties.language == f"{language}-CA"
    title = "Work plan progress report" if language == "en" else "Rapport d’étape"
    assert document.core_properties.title.startswith(title)
    headings = [(p.style.name, p.text) for p in document.paragraphs if "Heading" in p.style.name]
    styles = {style for style, _text in headings}
    assert {"Heading 1", "Heading 2"} <= styles
    activity = "Activity" if language == "en" else "Activité"
    assert [t.split(" –")[0] for s, t in headings if s == "Heading 1" and activity in t] == [
        f"{activity} {n}" for n in (1, 2, 3, 4)
    ]
    section = document.sections[0]
    assert section.page_width > section.page_height

    action_tables = document.tables[1:]
    assert len(action_tables) == 4
    codes = []
    for table in action_tables:
        header = table.rows[0]
        assert header._tr.trPr.find(qn("w:tblHeader")) is not None  # repeats on each page
        assert table.style.name == "Table Grid"  # a named style a co-chair can change
        for row in table.rows:
            # A row that fits on a page stays on one; each cell has its column's width.
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None
            assert [cell.width for cell in row.cells] == [column.width for column in table.columns]
        codes += [row.cells[0].text for row in table.rows[1:]]
    assert codes == SEED_CODES
    cells = [cell.text for table in action_tables for row in table.rows for cell in row.cells]
    descriptions = {row.cells[0].text: row.cells[1].text for t in action_tables for row in t.rows}
    for code, start in description_starts[language].items():
        assert descriptions[code].startswith(start)
    assert DESCRIPTION_START[language] in " ".join(cells)
    assert (FORMULA if language == "en" else AT_FORMULA) in cells
    assert MARKUP in cells


# --- Excel ----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "fr"])
def test_xlsx(cochair_client, tricky_plan, description_starts, language):
    response = download(cochair_client, "xlsx", language)
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    if language == "en":
        assert workbook.sheetnames == ["Summary", *(f"Activity {n}" for n in (1, 2, 3, 4))]
    else:
        assert workbook.sheetnames == ["Sommaire", *(f"Activité {n}" for n in (1, 2, 3, 4))]

    summary = workbook.worksheets[0]
    labels = ("As of", "Date de référence")
    as_of = next(row for row in summary.iter_rows() if row[0].value in labels)
    assert as_of[1].is_date
    assert as_of[1].data_type == "d"

    codes = []
    for ws in workbook.worksheets[1:]:
        assert ws.auto_filter.ref.startswith("A2:")
        assert ws.freeze_panes == "B3"
        for row in ws.iter_rows(min_row=3):
            codes.append(row[0].value)
            assert row[1].value.startswith(description_starts[language][row[0].value])
    assert codes == SEED_CODES

    first = workbook.worksheets[1]
    header = [cell.value for cell in first[2]]
    assert header[1] == ("Description / measure" if language == "en" else "Description / mesure")
    column = {label: number for number, label in enumerate(header, start=1)}
    first_day, last_day = (
        ("Start (first day)", "Due (last day)")
        if language == "en"
        else ("Début (premier jour)", "Échéance (dernier jour)")
    )
    start, due = first.cell(row=3, column=column[first_day]), first.cell(3, column[last_day])
    assert start.is_date
    assert start.value.date() == datetime.date(2018, 4, 1)
    assert due.is_date
    assert due.value.date() == datetime.date(2019, 2, 28)
    assert first.cell(row=3, column=2).value.startswith(DESCRIPTION_START[language])

    remark = first.cell(row=4, column=column["Remarks" if language == "en" else "Remarques"])
    assert remark.value == (FORMULA if language == "en" else AT_FORMULA)
    assert remark.data_type == "s"  # text, not a formula
    markup = workbook.worksheets[2].cell(row=3, column=remark.column)  # action 2.1
    assert markup.value == MARKUP
    assert markup.data_type == "s"


def test_xlsx_never_stores_a_formula(cochair_client, tricky_plan):
    """Read the sheet's XML itself: no <f> element (formula) anywhere."""
    response = download(cochair_client, "xlsx", "en")
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/")]
        assert sheets
        for name in sheets:
            assert b"<f>" not in archive.read(name)
            assert b"<f " not in archive.read(name)


# --- CSV ------------------------------------------------------------------------------------


def read_csv(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("language", ["en", "fr"])
def test_csv(cochair_client, tricky_plan, description_starts, language):
    response = download(cochair_client, "csv", language)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the accents
    rows = read_csv(response.content)
    header, body = rows[0], rows[1:]
    assert [row[1] for row in body] == SEED_CODES  # one row per action
    column = dict(zip(header, range(len(header)), strict=True))
    if language == "en":
        description, due, remarks, status = "Description / measure", "Due date", "Remarks", "Status"
        assert body[0][0] == "Activity 1"
        assert body[0][column[due]] == "February 2019"
        expected = ["In progress", "Ongoing", "Ongoing", "Ongoing", *["Not started"] * 3]
    else:
        description, due, remarks, status = (
            "Description / mesure",
            "Date d’échéance",
            "Remarques",
            "État",
        )
        assert body[0][0] == "Activité 1"
        assert body[0][column[due]] == "février 2019"
        expected = ["En cours de réalisation", "En cours", "En cours", "En cours"]
        expected += ["Non commencée"] * 3
    for row in body:
        assert row[column[description]].startswith(description_starts[language][row[1]])
    assert body[0][column[description]].startswith(DESCRIPTION_START[language])
    assert body[1][column[remarks]] == "'" + (FORMULA if language == "en" else AT_FORMULA)
    assert body[2][column[remarks]] == MARKUP
    assert [row[column[status]] for row in body] == expected
    # Fuzzy dates also in ISO 8601-2 (EDTF): fall 2018 is "2018-23", "To be determined" none.
    start_edtf, due_edtf = (label for label in header if label.endswith("(ISO 8601-2)"))
    assert body[6][column[start_edtf]] == "2018-23"
    assert body[6][column[due_edtf]] == ""
    assert body[0][column[due_edtf]] == "2019-02"


def test_csv_of_a_meeting_has_only_the_updates_since_the_previous_one(
    cochair_client, past_plan, council_meetings, make_update
):
    _first, second = council_meetings
    target = action("2.2")
    make_update(target, datetime.date(2026, 2, 10), "Avant la première réunion", language="fr")
    make_update(target, datetime.date(2026, 4, 10), "Entre les réunions", language="fr")
    make_update(target, datetime.date(2026, 7, 1), "Après la deuxième réunion", language="fr")
    for language in ("en", "fr"):
        response = download(cochair_client, "csv", language, meeting=second.pk)
        text = response.content.decode("utf-8-sig")
        assert "Entre les réunions" in text
        assert "Avant la première réunion" not in text
        assert "Après la deuxième réunion" not in text
        note = "(original French text, no translation yet)"
        assert ("Entre les réunions " + note in text) == (language == "en")


# --- File names -----------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "stem"), [("en", "progress-report"), ("fr", "rapport-etape")])
@pytest.mark.parametrize("fmt", ["pdf", "docx", "xlsx", "csv"])
def test_file_names_carry_the_date_and_language(
    cochair_client, seed_plan, council_meetings, language, stem, fmt
):
    _first, second = council_meetings
    response = download(cochair_client, fmt, language, meeting=second.pk)
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="{stem}-2026-06-08-{language}.{fmt}"'
    )


def test_files_mark_text_in_the_other_language(cochair_client, seed_plan, make_update):
    make_update(action("1.1"), timezone.localdate(), "Stratégie présentée au CPSSP", language="fr")
    text = download(cochair_client, "csv", "en").content.decode("utf-8-sig")
    assert "Stratégie présentée au CPSSP (original French text, no translation yet)" in text

    document = Document(io.BytesIO(download(cochair_client, "docx", "en").content))
    runs = [
        run
        for table in document.tables
        for row in table.rows
        for cell in row.cells
        for paragraph in cell.paragraphs
        for run in paragraph.runs
    ]
    french = next(run for run in runs if run.text == "Stratégie présentée au CPSSP")
    assert french._r.rPr.find(qn("w:lang")).get(qn("w:val")) == "fr-CA"
    assert any(run.text == " (original French text, no translation yet)" for run in runs)

    reader = PdfReader(io.BytesIO(download(cochair_client, "pdf", "en").content))
    text = flat(" ".join(page.extract_text() for page in reader.pages))
    assert "Stratégie présentée au CPSSP (original French text, no translation yet)" in text
    assert marked_languages(reader) == {"en-CA", "fr-CA"}
