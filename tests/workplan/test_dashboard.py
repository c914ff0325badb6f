"""The dashboard: counts, overdue/upcoming/stale lists, recent updates, charts, timeline."""

import datetime

import lxml.html
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from portal.fuzzydates import FuzzyDate
from tests.auth import sign_in
from tests.conftest import FRAGMENT_HIT, FRAGMENT_MISS, SIGNED_IN, main_of
from tests.directory.factories import PersonFactory, UserFactory
from tests.workplan.factories import ActionFactory, ActivityFactory, StatusUpdateFactory
from tests.workplan.html_helpers import codes, page
from workplan import dashboard as selectors
from workplan.models import Action, Activity
from workplan.synthetic import synthetic_plan_create

pytestmark = pytest.mark.django_db

URL_EN = "/en/workplan/dashboard/"
URL_FR = "/fr/plan-de-travail/tableau-de-bord/"


def cells(doc, table_id: str, section: str = "tbody") -> list[list[str]]:
    """Text of every cell (th and td) of each row of a table section."""
    rows = doc.xpath(f'//table[@id="{table_id}"]/{section}/tr')
    return [[" ".join(cell.text_content().split()) for cell in row] for row in rows]


def days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)


@pytest.fixture
def plan(db):
    """Two activities, eight actions with known status, health, due date and last update."""
    today, now = timezone.localdate(), timezone.now()
    first = ActivityFactory(number=1, order=1)
    second = ActivityFactory(number=2, order=2)

    def make(activity, number, status, health, due, last_updated=None):
        return ActionFactory(
            activity=activity,
            number=number,
            status=status,
            health=health,
            due=due,
            last_updated=last_updated,
        )

    return {
        # overdue, never updated (stale)
        "1.1": make(first, 1, "not_started", "", FuzzyDate.from_date(today - days(30))),
        # due in 20 days, updated 10 days ago
        "1.2": make(
            first,
            2,
            "in_progress",
            "at_risk",
            FuzzyDate.from_date(today + days(20)),
            now - days(10),
        ),
        # due in three years, updated 200 days ago (stale)
        "1.3": make(
            first, 3, "delayed", "off_track", FuzzyDate.of_year(today.year + 3), now - days(200)
        ),
        # completed long after its due date: closed, so neither overdue nor stale
        "2.1": make(second, 1, "completed", "on_track", FuzzyDate.from_date(today - days(100))),
        # cancelled, due soon: closed, so not upcoming
        "2.2": make(second, 2, "cancelled", "", FuzzyDate.from_date(today + days(10))),
        "2.3": make(second, 3, "ongoing", "on_track", FuzzyDate.ongoing(), now - days(1)),
        # to be determined, updated 91 days ago (stale)
        "2.4": make(second, 4, "in_progress", "on_track", FuzzyDate.tbd(), now - days(91)),
        # due in 200 days: not within 90
        "2.5": make(
            second, 5, "in_progress", "at_risk", FuzzyDate.from_date(today + days(200)), now
        ),
    }


# --- Access --------------------------------------------------------------------------------


def test_cochair_and_superuser_reach_the_dashboard(client, cochair, superuser):
    for user in (cochair, superuser):
        sign_in(client, user)
        assert client.get(URL_EN).status_code == 200


def test_the_french_path_is_translated():
    with translation.override("fr"):
        assert reverse("workplan:dashboard") == URL_FR
    with translation.override("en"):
        assert reverse("workplan:dashboard") == URL_EN


def test_only_get_is_allowed(member_client):
    assert member_client.post(URL_EN).status_code == 405


# --- Counts --------------------------------------------------------------------------------


def test_counts_by_status_per_activity_and_totals(member_client, plan):
    doc = page(member_client.get(URL_EN))
    head = cells(doc, "status-table", "thead")[0]
    assert head == [
        "Activity",
        "Not started",
        "In progress",
        "Ongoing",
        "Completed",
        "Delayed",
        "On hold",
        "Cancelled",
        "Total",
    ]
    assert cells(doc, "status-table") == [
        ["Activity 1", "1", "1", "0", "0", "1", "0", "0", "3"],
        ["Activity 2", "0", "2", "1", "1", "0", "0", "1", "5"],
    ]
    assert cells(doc, "status-table", "tfoot") == [
        ["All activities", "1", "3", "1", "1", "1", "0", "1", "8"]
    ]


def test_counts_by_health_per_activity_and_totals(member_client, plan):
    doc = page(member_client.get(URL_EN))
    assert cells(doc, "health-table", "thead")[0] == [
        "Activity",
        "On track",
        "At risk",
        "Off track",
        "Not reported yet",
        "Total",
    ]
    assert cells(doc, "health-table") == [
        ["Activity 1", "0", "1", "1", "1", "3"],
        ["Activity 2", "3", "1", "0", "1", "5"],
    ]
    assert cells(doc, "health-table", "tfoot") == [["All activities", "3", "2", "1", "2", "8"]]


def test_key_figures(member_client, plan):
    doc = page(member_client.get(URL_EN))
    figures = {
        " ".join(div.xpath("dt")[0].text_content().split()): div.xpath("dd")[0].text
        for div in doc.xpath('//dl[@class="dashboard-figures"]/div')
    }
    assert figures == {
        "Actions in the plan": "8",
        "Open actions": "6",
        "Overdue": "1",
        "Due in the next 90 days": "1",
        "No update in 90 days": "3",
    }


def test_an_activity_without_actions_still_has_its_row(member_client, plan):
    ActivityFactory(number=3, order=3)
    doc = page(member_client.get(URL_EN))
    assert cells(doc, "status-table")[2] == ["Activity 3", "0", "0", "0", "0", "0", "0", "0", "0"]


# --- Lists of actions ----------------------------------------------------------------------


def test_overdue_upcoming_and_stale_lists_hold_exactly_the_right_actions(member_client, plan):
    doc = page(member_client.get(URL_EN))
    assert codes(doc, "overdue-list") == ["1.1"]
    assert codes(doc, "upcoming-list") == ["1.2"]
    # Never updated first, then the longest without an update.
    assert codes(doc, "stale-list") == ["1.1", "1.3", "2.4"]
    link = doc.xpath('//table[@id="overdue-list"]/tbody/tr/th/a')[0]
    assert link.get("href") == reverse("workplan:action", args=[plan["1.1"].pk])
    stale_rows = cells(doc, "stale-list")
    assert stale_rows[0][-1] == "Never"


def test_lists_are_capped_with_a_link_to_the_filtered_plan(member_client):
    today = timezone.localdate()
    activity = ActivityFactory(number=1, order=1)
    for number in range(1, 26):
        ActionFactory(
            activity=activity, number=number, due=FuzzyDate.from_date(today - days(number))
        )
    doc = page(member_client.get(URL_EN))
    listed = codes(doc, "overdue-list")
    assert len(listed) == selectors.LIST_LIMIT
    # The longest overdue first: action 1.25 was due 25 days ago.
    assert listed[:2] == ["1.25", "1.24"]
    see_all = doc.xpath('//a[contains(@href, "?due=overdue")]')
    assert see_all[0].get("href") == f"{reverse('workplan:plan')}?due=overdue"
    assert "25" in see_all[0].text_content()
    caption = doc.xpath('//table[@id="overdue-list"]/caption')[0].text_content()
    assert "the first 20 of 25" in caption


def test_empty_lists_say_so(member_client):
    body = member_client.get(URL_EN).content.decode()
    assert "No action is overdue." in body
    assert "No open action comes due in this period." in body
    assert "No status update has been posted yet." in body
    assert "There are no actions to draw." in body


# --- Recent status updates -----------------------------------------------------------------


@pytest.fixture
def updates(plan):
    """Twelve updates on 1.2, one a day; the newest is written in French only."""
    today = timezone.localdate()
    author = UserFactory(first_name="Jean", last_name="Account")
    PersonFactory(name="Jeanne Directory", user=author)
    made = []
    for n in range(12):
        made.append(
            StatusUpdateFactory(
                action=plan["1.2"],
                author=author,
                date=today - days(n + 1),
                progress_en=f"English progress {n}",
            )
        )
    french = StatusUpdateFactory(
        action=plan["2.3"],
        author=UserFactory(first_name="Sam", last_name="Noperson"),
        date=today,
        language="fr",
        status="ongoing",
        health="at_risk",
        progress_en="",
        progress_fr="Le guide a été mis à jour.",
    )
    return {"french": french, "english": made}


def test_recent_updates_newest_first_with_the_french_original_marked(member_client, updates):
    doc = page(member_client.get(URL_EN))
    rows = doc.xpath('//table[@id="updates-list"]/tbody/tr')
    assert len(rows) == selectors.RECENT_UPDATES
    dates = [row.xpath(".//time")[0].get("datetime") for row in rows]
    assert dates == sorted(dates, reverse=True)
    newest = rows[0]
    assert newest.xpath("th/a")[0].text == "2.3"
    assert newest.xpath("th/a")[0].get("href") == reverse(
        "workplan:action", args=[updates["french"].action.pk]
    )
    texts = [" ".join(cell.text_content().split()) for cell in newest]
    assert texts[2] == "Sam Noperson"  # no Person: the account's name
    assert texts[3:5] == ["Ongoing", "At risk"]
    french = newest.xpath('.//span[@lang="fr"]')
    assert [span.text for span in french] == ["Le guide a été mis à jour."]
    # English updates shown in English carry no lang attribute; the author's directory name.
    second = rows[1]
    assert second.xpath(".//*[@lang]") == []
    assert "English progress 0" in second.text_content()
    assert "Jeanne Directory" in second.text_content()
    # The oldest two of the twelve are left out.
    assert "English progress 10" not in doc.text_content()


def test_recent_updates_on_the_french_page_mark_english_text(member_client, updates):
    doc = page(member_client.get(URL_FR))
    rows = doc.xpath('//table[@id="updates-list"]/tbody/tr')
    assert rows[0].xpath(".//*[@lang]") == []  # French text on the French page
    assert [s.text for s in rows[1].xpath('.//span[@lang="en"]')] == ["English progress 0"]
    assert "En cours" in rows[0].text_content()


# --- Charts --------------------------------------------------------------------------------


def test_every_chart_is_an_accessible_image_with_its_data_as_a_table(member_client, plan):
    body = member_client.get(URL_EN).content.decode()
    doc = lxml.html.fromstring(body)
    svgs = doc.xpath("//svg")
    assert len(svgs) == 3  # status, health, timeline
    for svg in svgs:
        assert svg.get("role") == "img"
        title_id, desc_id = svg.get("aria-labelledby").split()
        assert svg.xpath(f'.//title[@id="{title_id}"]')[0].text
        assert svg.xpath(f'.//desc[@id="{desc_id}"]')[0].text
        figure = svg.getparent()
        assert figure.tag == "figure"
        details = figure.xpath("details")[0]
        assert details.xpath("summary")[0].text == "Data for this chart"
        assert details.xpath(".//table/caption")
    # The status chart's description carries its numbers in words.
    desc = doc.xpath('//desc[@id="status-chart-desc"]')[0].text
    assert "Bar chart of the 8 actions of the plan by status." in desc
    assert "In progress: 3" in desc
    # No inline style or script (CSP).
    assert "style=" not in body
    assert "<script>" not in body


def test_status_chart_bars_show_labels_and_values(member_client, plan):
    doc = page(member_client.get(URL_EN))
    svg = doc.xpath('//svg[contains(@class, "chart-bars--status")]')[0]
    labels = [t.text for t in svg.xpath('.//text[@class="chart-label"]')]
    values = [t.text for t in svg.xpath('.//text[@class="chart-value"]')]
    assert dict(zip(labels, values, strict=True))["In progress"] == "3"
    assert len(svg.xpath(".//rect")) == 7


def test_timeline_draws_each_kind_of_due_date(member_client, plan):
    doc = page(member_client.get(URL_EN))
    svg = doc.xpath('//svg[contains(@class, "chart-timeline")]')[0]
    rows = {g.get("data-action"): g for g in svg.xpath('.//g[contains(@class, "tl-row")]')}
    assert sorted(rows) == sorted(plan)
    ongoing = rows["2.3"]
    assert "tl-row--ongoing" in ongoing.get("class")
    assert ongoing.xpath('.//rect[@class="tl-fade"]')
    assert ongoing.xpath('.//text[contains(@class, "tl-due-label")]')[0].text == "Ongoing"
    tbd = rows["2.4"]
    assert tbd.xpath('.//rect[@class="tl-tbd"]')
    assert tbd.xpath('.//text[contains(@class, "tl-due-label")]')[0].text == "To be determined"
    dated = rows["1.3"]
    assert dated.xpath('.//rect[@class="tl-due"]')
    assert svg.xpath('.//line[@class="tl-today"]')
    assert svg.xpath('.//text[@class="tl-today-label"]')[0].text == "Today"
    # The same data as a table.
    assert [row[0] for row in cells(doc, "timeline-data")] == list(plan)


def test_timeline_is_capped_and_can_show_one_activity(member_client):
    synthetic_plan_create(actions=120, updates=0)
    doc = page(member_client.get(URL_EN))
    svg = doc.xpath('//svg[contains(@class, "chart-timeline")]')[0]
    whole_plan = [g.get("data-action") for g in svg.xpath('.//g[contains(@class, "tl-row")]')]
    assert len(whole_plan) == selectors.TIMELINE_LIMIT
    first_actions = Action.objects.select_related("activity")[: selectors.TIMELINE_LIMIT]
    assert whole_plan == [action.code for action in first_actions]
    note = doc.xpath('//p[@class="timeline-note"]')[0].text_content()
    assert "first 40 of 120 actions" in " ".join(note.split())
    activity = Activity.objects.order_by("number")[3]
    doc = page(member_client.get(URL_EN, {"activity": activity.pk}))
    svg = doc.xpath('//svg[contains(@class, "chart-timeline")]')[0]
    drawn = [g.get("data-action") for g in svg.xpath('.//g[contains(@class, "tl-row")]')]
    expected = Action.objects.filter(activity=activity).select_related("activity")
    assert drawn == [action.code for action in expected]
    assert svg.xpath(".//title")[0].text == f"Timeline of Activity {activity.number}"
    assert not doc.xpath('//p[@class="timeline-note"]')
    # An unknown activity falls back to the whole plan.
    doc = page(member_client.get(URL_EN, {"activity": "999999"}))
    svg = doc.xpath('//svg[contains(@class, "chart-timeline")]')[0]
    drawn = [g.get("data-action") for g in svg.xpath('.//g[contains(@class, "tl-row")]')]
    assert drawn == whole_plan
    assert svg.xpath(".//title")[0].text == "Timeline of the plan"
    note = doc.xpath('//p[@class="timeline-note"]')[0].text_content()
    assert "first 40 of 120 actions" in " ".join(note.split())


# --- French --------------------------------------------------------------------------------


def test_french_page_has_french_labels(member_client, plan):
    response = member_client.get(URL_FR)
    doc = page(response)
    assert doc.get("lang") == "fr"
    assert doc.xpath("//h1")[0].text == "Tableau de bord"
    head = cells(doc, "status-table", "thead")[0]
    assert head[1:4] == ["Non commencée", "En cours de réalisation", "En cours"]
    assert cells(doc, "status-table", "tfoot")[0][0] == "Toutes les activités"
    assert [s.text for s in doc.xpath("//details/summary")] == ["Données de ce graphique"] * 3
    assert doc.xpath('//title[@id="timeline-chart-title"]')[0].text == "Chronologie du plan"
    tbd = doc.xpath('//g[@data-action="2.4"]//text[contains(@class, "tl-due-label")]')[0]
    assert tbd.text == "À déterminer"
    # Coordinates stay in SVG syntax (a decimal point), whatever the language's number format.
    for rect in doc.xpath("//svg//rect"):
        float(rect.get("x"))
        float(rect.get("width"))


# --- Query counts --------------------------------------------------------------------------

# session, user, user's groups (roles); activities; grouped counts; overdue, upcoming, stale
# (each list, plus a count when capped: 6); recent updates with their actions and authors;
# timeline actions (plus a count when capped); the timeline form's activity choices (plus the
# chosen activity when one is asked for). A fixed number, whatever the size of the plan; here the
# timeline's count and the chosen activity never come together (activities of 10 actions).
DASHBOARD_QUERIES = 15


@pytest.mark.parametrize("size", [10, 300])
def test_queries_do_not_grow_with_the_plan(member_client, size, django_assert_max_num_queries):
    synthetic_plan_create(actions=size, updates=size * 2)
    # Give some actions a health and an update time, as posted updates would.
    Action.objects.filter(pk__in=Action.objects.values("pk")[: size // 2]).update(
        health="on_track", last_updated=timezone.now()
    )
    for query in ({}, {"activity": Activity.objects.first().pk}):
        with django_assert_max_num_queries(DASHBOARD_QUERIES + FRAGMENT_MISS):
            first = member_client.get(URL_EN, query)
        assert first.status_code == 200
        # Asked again, from the fragment cache (the timeline form checks the activity asked).
        with django_assert_max_num_queries(SIGNED_IN + 1 + FRAGMENT_HIT):
            again = member_client.get(URL_EN, query)
        assert main_of(again) == main_of(first)
