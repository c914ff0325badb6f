"""A plan of 1,000 actions (2,000 status updates) still gives a complete PDF."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from tests.reports.factories import MeetingFactory
from workplan.synthetic import synthetic_plan_create

pytestmark = pytest.mark.django_db


def test_pdf_of_a_thousand_actions(cochair_client):
    synthetic_plan_create(actions=1000, updates=2000)
    # The council met a month ago: the report holds the whole plan and the month's updates.
    MeetingFactory(date=timezone.localdate() - datetime.timedelta(days=30), kind="council")
    response = cochair_client.get(reverse("reports:report_download", args=["pdf"]))
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert len(pages) > 50  # one hundred activities of ten actions
    cover = pages[0]
    assert f"Page 1 of {len(pages)}" in cover
    assert "1000" in cover  # the summary's total
    # Every page of actions repeats the table's header row.
    assert all("No. Description / measure Responsible" in page for page in pages[1:])
    assert "100.10" in pages[-1]  # the last action of the last activity
    assert "Synthetic action 999" in pages[-1]
