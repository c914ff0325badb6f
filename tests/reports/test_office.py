"""The Word and Excel reports as a co-chair prints them: converted to PDF by LibreOffice.

The real plan's reports, in each language, are opened by a real office suite (headless
LibreOffice, as a person saving them as PDF would) and the PDFs read back with pypdf:
landscape pages, a bounded number of them, and every column heading whole (no word broken
across lines) on the pages of the tables.
"""

import re
import shutil
import subprocess

import pytest
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from portal.exports.columns import columns_in, headings
from reports.columns import REPORT_COLUMNS
from tests.auth import sign_in

SOFFICE = shutil.which("soffice")
pytestmark = [
    pytest.mark.office,
    pytest.mark.django_db,
    pytest.mark.skipif(
        SOFFICE is None,
        reason="LibreOffice is not installed (apt-get install libreoffice-writer-nogui "
        "libreoffice-calc-nogui); .ci/run installs it",
    ),
]
# The most printed pages the real plan's report may take (summary and four activities).
MOST_PAGES = {"docx": 4, "xlsx": 6}


@pytest.fixture(scope="module")
def printed(django_db_setup, django_db_blocker, tmp_path_factory):
    """PDF pages of the real plan's reports, per (format, language), printed by LibreOffice."""
    from django.test import Client

    from tests.directory.factories import UserFactory
    from workplan.seed import plan_load

    folder = tmp_path_factory.mktemp("office")
    with django_db_blocker.unblock():
        from django.db import transaction

        with transaction.atomic():
            plan_load()
            client = Client()
            sign_in(client, UserFactory(username="office-chair", roles=["cochair"]))
            files = []
            for language in ("en", "fr"):
                for fmt in MOST_PAGES:
                    with translation.override(language):
                        url = reverse("reports:report_download", args=[fmt])
                    response = client.get(url, {"language": language})
                    assert response.status_code == 200
                    path = folder / f"report-{language}.{fmt}"
                    path.write_bytes(response.content)
                    files.append(path)
            transaction.set_rollback(True)
    pages = {}
    for fmt in MOST_PAGES:
        out = folder / fmt
        subprocess.run(
            [
                SOFFICE,
                f"-env:UserInstallation=file://{folder}/profile",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out),
                *(str(p) for p in files if p.suffix == f".{fmt}"),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        for language in ("en", "fr"):
            pages[fmt, language] = PdfReader(out / f"report-{language}.pdf").pages
    return pages


CASES = [(fmt, language) for fmt in MOST_PAGES for language in ("en", "fr")]


@pytest.mark.parametrize(("fmt", "language"), CASES)
def test_every_page_is_landscape_and_the_report_stays_short(printed, fmt, language):
    pages = printed[fmt, language]
    assert 1 < len(pages) <= MOST_PAGES[fmt]
    for page in pages:
        assert float(page.mediabox.width) > float(page.mediabox.height)


def words(text: str) -> set[str]:
    return set(re.findall(r"[\w’'./()-]+", text))


@pytest.mark.parametrize(("fmt", "language"), CASES)
def test_column_headings_are_whole_on_every_table_page(printed, fmt, language):
    with translation.override(language):
        labels = headings(columns_in(REPORT_COLUMNS, "docx" if fmt == "docx" else "xlsx"))
    if fmt == "xlsx":  # the printed columns of an activity sheet
        printable = [
            c for c in columns_in(REPORT_COLUMNS, "xlsx") if c.printed and c.key != "activity"
        ]
        with translation.override(language):
            labels = headings(printable)
    table_pages = printed[fmt, language][1:]  # the first page is the summary
    for page in table_pages:
        found = words(page.extract_text(extraction_mode="layout"))
        for label in labels:
            missing = [word for word in re.findall(r"[\w’'./()-]+", label) if word not in found]
            assert not missing, f"{fmt} {language}: heading {label!r} broken: {missing}"
