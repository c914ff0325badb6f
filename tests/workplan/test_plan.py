"""The plan page: every seed action in both languages, role-dependent links, fixed queries."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from tests.auth import sign_in
from tests.conftest import FRAGMENT_HIT, FRAGMENT_MISS, SEED_CODES, SIGNED_IN, main_of
from tests.directory.factories import UserFactory
from tests.workplan.factories import ActivityFactory
from workplan.models import Action
from workplan.synthetic import synthetic_plan_create

pytestmark = pytest.mark.django_db

PLAN_EN = "/en/workplan/"
PLAN_FR = "/fr/plan-de-travail/"
SEED_ROWS = [f"action-{code.replace('.', '-')}" for code in SEED_CODES]


def row_ids(body: str) -> list[str]:
    return re.findall(r'<tr id="(action-[0-9-]+)"', body)


def test_all_seven_seed_actions_in_english(member_client, seed_plan, plan_json):
    response = member_client.get(PLAN_EN)
    assert response.status_code == 200
    body = response.content.decode()
    assert row_ids(body) == SEED_ROWS
    for row in plan_json["activities"]:
        assert escape(row["objective_en"]) in body
        for action in row["actions"]:
            assert escape(action["description_en"]) in body
            assert escape(action["description_fr"]) not in body
            for item in action["resources"] + action["expected_results"]:
                assert escape(item["en"]) in body
    for heading in ("Description / measure", "Responsible", "Start date", "Due date"):
        assert f'<th scope="col">{heading}</th>' in body
    assert "Resources needed (staff, funding, etc.)" in body
    assert "<caption" in body
    assert "April 2018" in body  # action 1.1 starts "Avril 2018"
    assert "To be determined" in body


def test_all_seven_seed_actions_in_french(member_client, seed_plan, plan_json):
    response = member_client.get(PLAN_FR)
    assert response.status_code == 200
    body = response.content.decode()
    assert row_ids(body) == SEED_ROWS
    for row in plan_json["activities"]:
        assert escape(row["objective_fr"]) in body
        for action in row["actions"]:
            assert escape(action["description_fr"]) in body
            for item in action["resources"] + action["expected_results"]:
                assert escape(item["fr"]) in body
    assert "Élaborer et mettre en œuvre une Stratégie de mobilisation" in body
    assert '<th scope="col">Description / mesure</th>' in body
    assert "Résultats escomptés" in body
    assert "Ressources nécessaires (personnel, financement, etc.)" in body
    assert "Remarques" in body
    assert "avril 2018" in body
    assert "À déterminer" in body
    assert "Priorité\xa0:" in body


def test_each_row_links_to_its_action_page(member_client, seed_plan):
    body = member_client.get(PLAN_EN).content.decode()
    for action in Action.objects.select_related("activity"):
        assert f'href="/en/workplan/actions/{action.pk}/"' in body


def test_status_and_overdue_are_written_out(member_client, seed_plan):
    action = Action.objects.get(activity__number=1, number=1)  # due February 2019, in progress
    action.health = "at_risk"
    action.save()
    body = member_client.get(PLAN_EN).content.decode()
    row = body.split('id="action-1-1"')[1].split("</tr>")[0]
    assert "In progress" in row
    assert "Health: At risk" in row
    assert '<strong class="overdue-marker">Overdue</strong>' in row
    ongoing_row = body.split('id="action-1-2"')[1].split("</tr>")[0]
    assert "Overdue" not in ongoing_row  # due "Ongoing": never overdue
    body_fr = member_client.get(PLAN_FR).content.decode()
    row_fr = body_fr.split('id="action-1-1"')[1].split("</tr>")[0]
    assert "Échéance dépassée" in row_fr
    assert "Santé\xa0: À risque" in row_fr


def test_cochair_sees_editing_links(cochair_client, seed_plan):
    body = cochair_client.get(PLAN_EN).content.decode()
    assert "Add an activity" in body
    assert body.count("/actions/new/") == 4  # "Add an action" under each activity
    assert len(re.findall(r"/activities/\d+/edit/", body)) == 4  # "Edit" each activity
    body_fr = cochair_client.get(PLAN_FR).content.decode()
    assert "Ajouter une activité" in body_fr
    assert "Ajouter une mesure" in body_fr


def test_member_sees_no_editing_links(member_client, seed_plan):
    response = member_client.get(PLAN_EN)
    assert response.status_code == 200
    body = response.content.decode()
    assert row_ids(body) == SEED_ROWS  # the plan itself is there
    assert "Add an activity" not in body
    assert "/actions/new/" not in body
    assert "/edit/" not in body


def test_superuser_reads_the_plan(client, superuser, seed_plan):
    sign_in(client, superuser)
    assert client.get(PLAN_EN).status_code == 200


def test_download_links_carry_the_filters(member_client, seed_plan):
    body = member_client.get(PLAN_EN + "?status=ongoing&priority=high").content.decode()
    assert 'href="/en/workplan/export/csv/?status=ongoing&amp;priority=high"' in body
    assert 'href="/en/workplan/export/xlsx/?status=ongoing&amp;priority=high"' in body
    body_fr = member_client.get(PLAN_FR + "?status=ongoing").content.decode()
    with translation.override("fr"):
        export_fr = reverse("workplan:plan_export", args=["xlsx"])
    assert export_fr.startswith("/fr/plan-de-travail/")
    assert f'href="{export_fr}?status=ongoing"' in body_fr


def test_an_activity_without_actions_is_listed(cochair_client, seed_plan):
    activity = ActivityFactory(number=9, objective_en="A new objective")
    body = cochair_client.get(PLAN_EN).content.decode()
    assert f'id="activity-{activity.number}"' in body
    assert "No actions in this activity yet." in body


@pytest.mark.parametrize("size", [10, 200])
def test_query_count_does_not_grow_with_the_plan(client, django_assert_max_num_queries, size):
    # 1 session, 2 user, 3 groups (roles); 4 activities; 5 actions with their activity;
    # prefetches: 6 organizations, 7 people, 8 people's organizations, 9 resources,
    # 10 expected results; the filter form's choices: 11 activities, 12 organizations,
    # 13 people; 14 the paginator's count; and the fragment cache's own. The same bound holds
    # for 10 and for 200 actions. Asked again, the page comes from the cache.
    user = UserFactory(username="reader", roles=["member"])
    sign_in(client, user)
    synthetic_plan_create(actions=size, updates=0)
    assert Action.objects.count() == size
    for path in (PLAN_EN, PLAN_EN + "?status=ongoing&due=90"):
        with django_assert_max_num_queries(14 + FRAGMENT_MISS):
            first = client.get(path)
        with django_assert_max_num_queries(SIGNED_IN + FRAGMENT_HIT):
            again = client.get(path)
        assert main_of(again) == main_of(first)
    assert len(row_ids(first.content.decode())) <= min(size, 100)
    assert len(row_ids(client.get(PLAN_EN).content.decode())) == min(size, 100)


def test_same_number_of_queries_for_10_and_200_actions(client, django_assert_max_num_queries):
    user = UserFactory(username="reader", roles=["member"])
    sign_in(client, user)
    synthetic_plan_create(actions=10, updates=0)
    with django_assert_max_num_queries(14 + FRAGMENT_MISS) as small:
        response = client.get(PLAN_FR)
    assert response.status_code == 200
    synthetic_plan_create(actions=190, updates=0)
    assert Action.objects.count() == 200
    with django_assert_max_num_queries(14 + FRAGMENT_MISS) as large:
        response = client.get(PLAN_FR)
    assert response.status_code == 200
    assert len(small) == len(large)


def test_a_large_plan_comes_a_hundred_actions_at_a_time(member_client):
    synthetic_plan_create(actions=150, updates=0)
    first = member_client.get(PLAN_EN, {"priority": ""}).content.decode()
    assert len(row_ids(first)) == 100
    assert "150 actions in the plan." in first
    assert "Actions 1 to 100 of 150." in first
    assert 'href="?priority=&amp;page=2"' in first
    second = member_client.get(PLAN_EN, {"priority": "", "page": 2}).content.decode()
    assert len(row_ids(second)) == 50
    assert set(row_ids(first)).isdisjoint(row_ids(second))
    # The downloads cover the whole filtered view, not the page on screen.
    assert 'export/csv/?priority="' in second


def test_pages_are_numbered_in_french(member_client):
    synthetic_plan_create(actions=120, updates=0)
    body = member_client.get(PLAN_FR, {"page": 2}).content.decode()
    assert "Mesures 101 à 120 sur 120." in body
    assert 'aria-label="Pages du plan"' in body
