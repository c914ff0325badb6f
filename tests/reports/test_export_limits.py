"""Every file of the council report downloads, whatever valid text the plan holds."""

import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from tests.reports.conftest import action
from tests.reports.test_downloads import download

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_pdf_with_the_probes_long_word(cochair_client, seed_plan, make_update):
    """The probe's case: a 10,240-character word made the PDF a 500 (Typst's grouping depth)."""
    make_update(action("1.1"), timezone.localdate(), "a" * 10_240)
    response = download(cochair_client, "pdf", "en")
    assert response.status_code == 200
    assert "a" * 1000 in "".join(pdf_text(response.content).split())
