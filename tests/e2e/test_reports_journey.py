"""A co-chair downloads the council report in every format and both official languages,
through the download links of the reports page, and each file opens."""

import csv
import io
from pathlib import Path

import docx
import openpyxl
import pypdf
import pytest
from playwright.sync_api import expect

from directory.models import Person
from portal.roles import Role
from tests.directory.factories import UserFactory
from tests.e2e.conftest import expect_at, sign_in, url
from tests.urlmap import samples_create

pytestmark = pytest.mark.browser

FORMATS = ("pdf", "docx", "xlsx", "csv")
# A word of activity 1's objective that only that language's version has.
WORD = {"en": "Playbook", "fr": "partenariats"}


def text_of(path: Path, fmt: str) -> str:
    """The file's text, read with the library a reader's software would use (fails if the
    file does not open)."""
    if fmt == "pdf":
        reader = pypdf.PdfReader(path)
        assert len(reader.pages) >= 1
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    if fmt == "docx":
        document = docx.Document(str(path))
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        return "\n".join([*(p.text for p in document.paragraphs), *cells])
    if fmt == "xlsx":
        workbook = openpyxl.load_workbook(path, read_only=True)
        values = [
            str(value)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        ]
        workbook.close()
        return "\n".join(values)
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert len(rows) >= 2, "a CSV report has a header row and at least one row of data"
    return "\n".join(",".join(row) for row in rows)


@pytest.fixture
def cochair(organization):
    samples_create()  # the real plan, a status update and a council meeting
    user = UserFactory(username="cheryl", roles=[Role.COCHAIR])
    Person.objects.create(name="Cheryl Meek", user=user, organization=organization)
    return user


def test_a_co_chair_downloads_every_format_in_both_languages(page, cochair, tmp_path):
    sign_in(page, "cheryl")
    page.goto(url("reports:report", "en"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    names = {}
    for language in ("en", "fr"):
        if language == "fr":
            with page.expect_navigation():
                page.locator("header").get_by_role("link", name="Français", exact=True).click()
            expect_at(page, url("reports:report", "fr"))
        for fmt in FORMATS:
            href = url("reports:report_download", language, fmt=fmt)
            link = page.locator(f'main a[href^="{href}"]').first
            expect(link).to_be_visible()
            with page.expect_download() as info:
                link.click()
            download = info.value
            assert download.failure() is None
            name = download.suggested_filename
            assert name.endswith(f".{fmt}"), name
            assert len(name) > len(fmt) + 1, name
            assert "/" not in name, name
            assert "\\" not in name, name
            path = tmp_path / language / name
            download.save_as(path)
            assert path.stat().st_size > 0, f"{name} is empty"
            text = text_of(path, fmt)
            assert WORD[language] in text, f"{name} ({language}) lacks “{WORD[language]}”"
            names[language, fmt] = name
    assert len(set(names.values())) == len(names), f"two downloads share a file name: {names}"
