"""The report page, its downloads' permissions, and meetings."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from reports.models import Meeting
from tests.auth import sign_in
from tests.conftest import FRAGMENT_HIT, FRAGMENT_MISS, SEED_CODES, SIGNED_IN_TWO_STEP, main_of
from tests.directory.factories import UserFactory
from tests.reports.conftest import action
from tests.reports.factories import MeetingFactory
from workplan.models import Activity
from workplan.synthetic import synthetic_plan_create

pytestmark = pytest.mark.django_db

REPORT_EN = "/en/reports/"
REPORT_FR = "/fr/rapports/"
FORMATS = ["pdf", "docx", "xlsx", "csv"]


def row_codes(body: str) -> list[str]:
    return re.findall(r'<th scope="row">([0-9]+\.[0-9]+)</th>', body)


def download_url(fmt: str, language: str = "en") -> str:
    with translation.override(language):
        return reverse("reports:report_download", args=[fmt])


# --- Who may do what ------------------------------------------------------------------------


def test_member_reads_the_report_without_download_links(member_client, seed_plan):
    response = member_client.get(REPORT_EN)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="report-form"' in body
    assert 'method="get"' in body
    assert row_codes(body) == SEED_CODES
    assert "report-downloads" not in body
    assert "/en/reports/download/" not in body
    assert reverse("reports:meeting_create") not in body
    assert 'aria-current="page">Reports<' in body


# --- What the page shows --------------------------------------------------------------------


def test_default_report_is_as_of_today_since_the_latest_meeting(member_client, seed_plan):
    today = timezone.localdate()
    MeetingFactory(date=today - datetime.timedelta(days=60), kind="council")
    MeetingFactory(
        date=today - datetime.timedelta(days=20),
        kind="in_person",
        title_en="Fall in-person meeting",
        title_fr="Réunion en personne d’automne",
    )
    body = member_client.get(REPORT_EN).content.decode()
    assert 'id="report-default"' in body
    assert "since the latest meeting of any kind" in body
    assert "(Fall in-person meeting)" in body
    assert '<div class="report-body" lang="en">' in body  # the report in the page's language


def test_french_page(member_client, seed_plan):
    response = member_client.get(REPORT_FR)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Rapports d’étape" in body
    assert row_codes(body) == SEED_CODES
    assert escape("Élaborer et mettre en œuvre une Stratégie de mobilisation") in body
    assert "Sommaire par état" in body


def test_report_in_the_other_language_is_marked(member_client, seed_plan):
    body = member_client.get(REPORT_EN, {"language": "fr"}).content.decode()
    # The report says it is in French; the preview's label stays in the page's language.
    assert '<div class="report-body" lang="fr">' in body
    assert 'id="report-preview" aria-label="Report preview"' in body
    assert escape("Élaborer et mettre en œuvre") in body
    assert "Sommaire par état" in body
    assert "Choose the report" in body  # the page itself stays in English


def test_user_text_is_escaped(member_client, seed_plan):
    target = action("1.1")
    target.remarks_en = "<script>alert(1)</script><b>bold</b>"
    target.save()
    body = member_client.get(REPORT_EN).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;" in body


def test_meeting_report(member_client, seed_plan, council_meetings):
    _first, second = council_meetings
    body = member_client.get(REPORT_EN, {"meeting": second.pk}).content.decode()
    assert "PSSDC summer meeting – June 8, 2026" in body
    assert "(PSSDC spring meeting)" in body
    assert 'id="report-default"' not in body


def test_chosen_dates_and_activities(member_client, seed_plan):
    activity = Activity.objects.get(number=2)
    today = timezone.localdate()
    body = member_client.get(
        REPORT_EN,
        {
            "as_of": today.isoformat(),
            "since": (today - datetime.timedelta(days=10)).isoformat(),
            "activities": [activity.pk],
        },
    ).content.decode()
    assert row_codes(body) == ["2.1", "2.2", "2.3"]


def test_invalid_choices_show_errors_and_no_report(cochair_client, seed_plan, council_meetings):
    _first, second = council_meetings
    params = {"meeting": second.pk, "as_of": "2026-01-01"}
    response = cochair_client.get(REPORT_EN, params)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Choose a meeting or a date, not both." in body
    assert 'id="report-preview"' not in body
    assert 'value="2026-01-01"' in body  # what was typed stays
    response = cochair_client.get(download_url("pdf"), params)
    assert response.status_code == 302
    assert response["Location"].startswith(REPORT_EN)

    body = cochair_client.get(REPORT_EN, {"since": "2099-01-01"}).content.decode()
    assert "The changes must start before the day the report is as of." in body


# --- Meetings -------------------------------------------------------------------------------


def test_member_may_not_add_a_meeting(member_client):
    assert member_client.get("/en/reports/meetings/new/").status_code == 403
    assert member_client.post("/en/reports/meetings/new/", {}).status_code == 403


def test_cochair_adds_a_meeting_and_sees_its_report(cochair_client, seed_plan):
    url = reverse("reports:meeting_create")
    assert cochair_client.get(url).status_code == 200
    response = cochair_client.post(
        url,
        {
            "date": "2026-12-03",
            "title_en": "PSSDC winter meeting",
            "title_fr": "Réunion d’hiver du CPSSP",
            "kind": "council",
        },
    )
    meeting = Meeting.objects.get()
    assert (meeting.title_en, meeting.title_fr) == (
        "PSSDC winter meeting",
        "Réunion d’hiver du CPSSP",
    )
    assert meeting.date == datetime.date(2026, 12, 3)
    assert response.status_code == 302
    assert response["Location"] == f"{REPORT_EN}?meeting={meeting.pk}"
    body = cochair_client.get(response["Location"]).content.decode()
    assert "The meeting was added." in body
    assert "PSSDC winter meeting – December 3, 2026" in body


def test_meeting_form_errors_keep_what_was_typed(cochair_client):
    response = cochair_client.post(
        "/fr/rapports/reunions/nouvelle/",
        {
            "date": "2026-12-03",
            "title_en": "PSSDC winter meeting",
            "title_fr": "",
            "kind": "council",
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert 'value="PSSDC winter meeting"' in body
    assert "Ce champ est obligatoire." in body
    assert not Meeting.objects.exists()


# --- Queries --------------------------------------------------------------------------------


def _plan_of(actions: int) -> None:
    synthetic_plan_create(actions=actions, updates=actions * 2)
    MeetingFactory(date=timezone.localdate() - datetime.timedelta(days=90), kind="council")


@pytest.mark.parametrize("actions", [10, 200])
def test_report_page_queries_do_not_grow(client, django_assert_max_num_queries, actions):
    _plan_of(actions)
    sign_in(client, UserFactory(username="chair", roles=["cochair"]))
    # 15: session, user, roles; the latest meeting (the default "since"); actions,
    # their organizations, people, people's organizations, resources, expected results;
    # activities; status history in the window; status updates in the window; the form's
    # meetings and activities. One more reads the statuses at the window's start when the
    # window holds status changes.
    with django_assert_max_num_queries(16 + FRAGMENT_MISS):
        response = client.get(REPORT_EN)
    assert response.status_code == 200
    assert len(row_codes(response.content.decode())) == actions
    # Asked again, from the fragment cache.
    with django_assert_max_num_queries(SIGNED_IN_TWO_STEP + FRAGMENT_HIT):
        again = client.get(REPORT_EN)
    assert main_of(again) == main_of(response)


@pytest.mark.parametrize("actions", [10, 200])
def test_download_queries_do_not_grow(client, django_assert_max_num_queries, actions):
    _plan_of(actions)
    sign_in(client, UserFactory(username="chair", roles=["cochair"]))
    # The page's queries, without the form's two lists, and the download's audit entry.
    with django_assert_max_num_queries(15 + FRAGMENT_MISS):
        response = client.get(download_url("csv"))
    assert response.status_code == 200
    assert response.content.decode("utf-8-sig").count("Synthetic action") == actions
    # Asked again, the file comes from the cache; the download is recorded all the same.
    with django_assert_max_num_queries(SIGNED_IN_TWO_STEP + FRAGMENT_HIT + 1):
        again = client.get(download_url("csv"))
    assert again.content == response.content


def test_the_page_shows_an_actions_latest_updates_and_the_files_keep_all(
    client, cochair, seed_plan, make_update
):
    today = timezone.localdate()
    for days_ago in range(5, 0, -1):
        make_update(action("1.1"), today - datetime.timedelta(days=days_ago), f"Update {days_ago}")
    sign_in(client, cochair)
    body = client.get(REPORT_EN).content.decode()
    assert [n for n in range(1, 6) if f"Update {n}" in body] == [1, 2]
    assert (
        f'3 earlier status updates of the period are on <a href="/en/workplan/actions/'
        f'{action("1.1").pk}/">the action’s page</a>.'
    ) in body
    french = client.get(REPORT_FR).content.decode()
    assert "3 points de situation antérieurs de la période figurent sur" in french
    csv = client.get(download_url("csv")).content.decode("utf-8-sig")
    assert all(f"Update {n}" in csv for n in range(1, 6))


def test_update_in_the_other_language_carries_its_lang(member_client, seed_plan, make_update):
    make_update(action("1.1"), timezone.localdate(), "Stratégie présentée au CPSSP", language="fr")
    body = member_client.get(REPORT_EN).content.decode()
    assert (
        '<span lang="fr">Stratégie présentée au CPSSP</span> '
        '<span class="untranslated-note">(original French text, no translation yet)</span>'
    ) in body
    body = member_client.get(REPORT_FR).content.decode()
    assert "Stratégie présentée au CPSSP" in body
    assert '<span lang="fr">Stratégie' not in body  # already the page's language


@pytest.mark.parametrize("name", ["as_of", "since"])
def test_a_day_far_outside_the_plans_years_is_a_form_error_not_a_crash(
    cochair_client, seed_plan, name
):
    response = cochair_client.get(REPORT_EN, {name: "9999-12-31"})
    assert response.status_code == 200
    assert "Enter a date between 1900 and 2100." in response.context["form"].errors[name]
    download = cochair_client.get("/en/reports/download/csv/", {name: "9999-12-31"})
    assert download.status_code == 302  # back to the form, which says what to fix
    french = cochair_client.get("/fr/rapports/", {name: "9999-12-31"})
    assert "Entrez une date entre 1900 et 2100." in french.content.decode()


def test_a_meeting_far_outside_the_plans_years_is_refused(cochair_client):
    data = {"date": "9999-12-31", "title_en": "T", "title_fr": "T", "kind": "council"}
    response = cochair_client.post("/en/reports/meetings/new/", data)
    assert response.status_code == 200
    assert "Enter a date between 1900 and 2100." in response.context["form"].errors["date"]
    assert not Meeting.objects.exists()
