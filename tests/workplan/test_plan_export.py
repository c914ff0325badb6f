"""Downloads of the plan as filtered on screen: exactly the filtered actions, formula-safe."""

import csv
import datetime
import io

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from tests.reports.conftest import action
from workplan.filters import ActionFilter
from workplan.models import Action, Activity

pytestmark = pytest.mark.django_db


def export_url(fmt: str, language: str = "en") -> str:
    with translation.override(language):
        return reverse("workplan:plan_export", args=[fmt])


def read_csv(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def filtered_codes(params: dict, user) -> list[str]:
    request = RequestFactory().get("/", params)
    request.user = user
    actions = ActionFilter(request.GET, queryset=Action.objects.with_related(), request=request)
    return [a.code for a in actions.qs]


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"status": "ongoing"},
        {"status": "not_started", "priority": "high"},
        {"due": "overdue"},
        {"activity": "2"},
    ],
)
def test_csv_holds_exactly_the_filtered_actions(member_client, member, seed_plan, params):
    if "activity" in params:
        params = {"activity": Activity.objects.get(number=2).pk}
    response = member_client.get(export_url("csv"), params)
    assert response.status_code == 200
    rows = read_csv(response.content)
    codes = [row[1] for row in rows[1:]]
    assert codes == filtered_codes(params, member)
    assert codes  # each of these filters matches something in the seed plan


def test_csv_columns_file_name_and_safety(member_client, seed_plan):
    target = action("1.2")
    target.remarks_en = '=HYPERLINK("http://x","y")'
    target.save()
    response = member_client.get(export_url("csv"), {"activity": target.activity_id})
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="work-plan-{today}-en.csv"'
    header, *rows = read_csv(response.content)
    assert header[:7] == [
        "Activity",
        "Action",
        "Description / measure",
        "Responsible",
        "Start date",
        "Due date",
        "Resources needed (staff, funding, etc.)",
    ]
    # The dates again for other tools, last: as date cells and in ISO 8601-2 (EDTF).
    assert header[-4:] == [
        "Start (first day)",
        "Start (ISO 8601-2)",
        "Due (last day)",
        "Due (ISO 8601-2)",
    ]
    assert [row[1] for row in rows] == ["1.1", "1.2"]
    remarks = header.index("Remarks")
    assert rows[1][remarks] == '\'=HYPERLINK("http://x","y")'
    assert rows[0][header.index("Start (first day)")] == "2018-04-01"
    assert rows[0][header.index("Start (ISO 8601-2)")] == "2018-04"  # April 2018
    assert rows[0][header.index("Overdue")] == "Yes"


def test_french_csv(member_client, seed_plan):
    response = member_client.get(export_url("csv", "fr"), {"status": "in_progress"})
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="plan-de-travail-{today}-fr.csv"'
    )
    header, *rows = read_csv(response.content)
    assert header[2] == "Description / mesure"
    assert "Résultats escomptés" in header
    assert [row[1] for row in rows] == ["1.1"]
    assert rows[0][2].startswith("Élaborer et mettre en œuvre une Stratégie de mobilisation")
    assert rows[0][0] == "Activité 1"


def test_xlsx_is_filtered_typed_and_safe(member_client, seed_plan):
    target = action("2.1")
    target.remarks_fr = "@SUM(A1)"
    target.save()
    response = member_client.get(export_url("xlsx", "fr"), {"status": "ongoing"})
    assert response.status_code == 200
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="plan-de-travail-{today}-fr.xlsx"'
    )
    ws = load_workbook(io.BytesIO(response.content)).worksheets[0]
    assert ws.title == "Plan de travail"
    assert ws.freeze_panes == "C2"
    assert ws.auto_filter.ref.startswith("A1:")
    header = [cell.value for cell in ws[1]]
    rows = list(ws.iter_rows(min_row=2))
    assert [row[1].value for row in rows] == ["1.2", "2.1", "2.2"]
    start = rows[0][header.index("Début (premier jour)")]
    assert start.is_date
    assert start.value.date() == datetime.date(2018, 6, 1)
    # June 2018 beside its first day, in ISO 8601-2 (EDTF) for the tools that read it.
    assert rows[0][header.index("Début (ISO 8601-2)")].value == "2018-06"
    remark = rows[1][header.index("Remarques")]
    assert remark.value == "@SUM(A1)"
    assert remark.data_type == "s"


def test_unknown_format(member_client, seed_plan):
    # Who may download is in the permission matrix (tests/urlmap.py).
    assert member_client.get(export_url("pdf")).status_code == 404
