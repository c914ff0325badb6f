"""The plan's filters: each one returns exactly the right actions, and lives in the URL."""

import datetime
import re

import pytest
from django.utils import timezone

from portal.fuzzydates import FuzzyDate
from tests.directory.factories import OrganizationFactory, PersonFactory
from tests.workplan.factories import ActionFactory, ActivityFactory
from workplan.filters import ActionFilter
from workplan.models import Action

pytestmark = pytest.mark.django_db

PLAN_EN = "/en/workplan/"
PLAN_FR = "/fr/plan-de-travail/"


def row_ids(body: str) -> set[str]:
    return set(re.findall(r'<tr id="(action-[0-9-]+)"', body))


def row_id(action: Action) -> str:
    return f"action-{action.activity.number}-{action.number}"


def day(offset: int) -> FuzzyDate:
    return FuzzyDate.from_date(timezone.localdate() + datetime.timedelta(days=offset))


def last_month() -> FuzzyDate:
    end_of_last_month = timezone.localdate().replace(day=1) - datetime.timedelta(days=1)
    return FuzzyDate.of_month(end_of_last_month.year, end_of_last_month.month)


@pytest.fixture
def plan(db):
    """Eight actions whose every filtered property is known."""
    high = ActivityFactory(number=1, priority="high")
    low = ActivityFactory(number=2, priority="low")
    snb = OrganizationFactory(key="snb", name_en="Service New Brunswick", acronym_en="SNB")
    esdc = OrganizationFactory(key="esdc", name_en="Employment and Social Development Canada")
    marie = PersonFactory(name="Marie Tremblay", organization=snb)
    raj = PersonFactory(name="Raj Patel", organization=esdc)
    actions = {
        # 5 days late and still open: overdue.
        "late": ActionFactory(activity=high, number=1, due=day(-5), status="in_progress"),
        # Late but completed: never overdue.
        "done": ActionFactory(activity=high, number=2, due=day(-40), status="completed"),
        "soon": ActionFactory(activity=high, number=3, due=day(10), status="not_started"),
        "later": ActionFactory(activity=low, number=1, due=day(60), status="in_progress"),
        "far": ActionFactory(activity=low, number=2, due=day(200), status="ongoing"),
        "tbd": ActionFactory(activity=low, number=3, due=FuzzyDate.tbd(), status="not_started"),
        # Due today: within the next 30 days, not yet overdue.
        "today": ActionFactory(activity=low, number=4, due=day(0), status="delayed"),
        # A month that ended last month is overdue as a whole.
        "month": ActionFactory(activity=high, number=4, due=last_month(), status="on_hold"),
    }
    actions["late"].responsible_organizations.set([snb])
    actions["soon"].responsible_organizations.set([snb, esdc])
    actions["far"].responsible_organizations.set([esdc])
    actions["late"].responsible_people.set([marie])
    actions["later"].responsible_people.set([marie, raj])
    return {
        "actions": actions,
        "high": high,
        "low": low,
        "snb": snb,
        "esdc": esdc,
        "marie": marie,
        "raj": raj,
    }


def expect(plan, *names) -> set[str]:
    return {row_id(plan["actions"][name]) for name in names}


def filtered(params: dict) -> set[str]:
    qs = ActionFilter(params, queryset=Action.objects.with_related()).qs
    return {row_id(action) for action in qs}


def page_rows(client, params: dict, url: str = PLAN_EN) -> set[str]:
    response = client.get(url, params)
    assert response.status_code == 200
    return row_ids(response.content.decode())


def test_no_filter_shows_everything(member_client, plan):
    assert page_rows(member_client, {}) == expect(plan, *plan["actions"])


@pytest.mark.parametrize(
    ("params", "names"),
    [
        ({"status": "in_progress"}, ["late", "later"]),
        ({"status": "completed"}, ["done"]),
        ({"priority": "high"}, ["late", "done", "soon", "month"]),
        ({"priority": "low"}, ["later", "far", "tbd", "today"]),
        ({"due": "overdue"}, ["late", "month"]),
        ({"due": "30"}, ["soon", "today"]),
        ({"due": "90"}, ["soon", "today", "later"]),
        ({"priority": "low", "due": "90"}, ["later", "today"]),
        ({"status": "in_progress", "due": "overdue"}, ["late"]),
    ],
)
def test_value_filters(member_client, plan, params, names):
    assert page_rows(member_client, params) == expect(plan, *names)
    assert page_rows(member_client, params, PLAN_FR) == expect(plan, *names)
    assert filtered(params) == expect(plan, *names)


def test_activity_filter(member_client, plan):
    params = {"activity": plan["low"].pk}
    assert page_rows(member_client, params) == expect(plan, "later", "far", "tbd", "today")
    body = member_client.get(PLAN_EN, params).content.decode()
    assert 'id="activity-1"' not in body  # an activity with no matching action is left out


def test_organization_filter(member_client, plan):
    assert page_rows(member_client, {"organization": plan["snb"].pk}) == expect(
        plan, "late", "soon"
    )
    assert page_rows(member_client, {"organization": plan["esdc"].pk}) == expect(
        plan, "soon", "far"
    )


def test_person_filter(member_client, plan):
    assert page_rows(member_client, {"person": plan["marie"].pk}) == expect(plan, "late", "later")
    assert page_rows(member_client, {"person": plan["raj"].pk}) == expect(plan, "later")


def test_an_action_naming_two_matches_once(member_client, plan):
    body = member_client.get(PLAN_EN, {"organization": plan["snb"].pk}).content.decode()
    assert body.count(f'id="{row_id(plan["actions"]["soon"])}"') == 1


def test_query_string_round_trips_into_the_form(member_client, plan):
    params = {
        "activity": plan["high"].pk,
        "status": "in_progress",
        "priority": "high",
        "organization": plan["snb"].pk,
        "person": plan["marie"].pk,
        "due": "overdue",
    }
    response = member_client.get(PLAN_EN, params)
    body = response.content.decode()
    assert row_ids(body) == expect(plan, "late")
    form = body.split('id="plan-filters"')[1].split("</form>")[0]
    assert 'method="get"' in body.split('id="plan-filters"')[0].rsplit("<form", 1)[1]
    for name, value in params.items():
        assert re.search(
            rf'<select name="{name}"[^>]*>.*?<option value="{value}" selected>',
            form,
            re.DOTALL,
        ), name
    # The same query string in French gives the same view, labelled in French.
    body_fr = member_client.get(PLAN_FR, params).content.decode()
    assert row_ids(body_fr) == expect(plan, "late")
    late_row = body_fr.split(f'id="{row_id(plan["actions"]["late"])}"')[1].split("</tr>")[0]
    assert '<strong class="overdue-marker">Échéance dépassée</strong>' in late_row
    assert '<option value="in_progress" selected>En cours de réalisation</option>' in body_fr


def test_empty_result_says_so(member_client, plan):
    body = member_client.get(PLAN_EN, {"status": "cancelled"}).content.decode()
    assert row_ids(body) == set()
    assert "No action matches these filters." in body
    assert "Clear filters" in body
    body_fr = member_client.get(PLAN_FR, {"status": "cancelled"}).content.decode()
    assert "Aucune mesure ne correspond à ces filtres." in body_fr


def test_count_says_how_many_match(member_client, plan):
    body = member_client.get(PLAN_EN, {"due": "30"}).content.decode()
    assert "2 actions match these filters." in body
    body_fr = member_client.get(PLAN_FR, {"due": "30"}).content.decode()
    assert "2 mesures correspondent à ces filtres." in body_fr


def test_unknown_value_is_reported_not_a_crash(member_client, plan):
    response = member_client.get(PLAN_EN, {"status": "bogus"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
