"""plan_load() puts the working group's real plan (fixtures/workplan.json) in the database."""

import pytest
from django.utils import translation

from directory.models import Organization, Person
from portal.fuzzydates import FuzzyDate
from tests.conftest import SEED_CODES
from workplan.models import Action, Activity, ExpectedResult, Resource
from workplan.seed import plan_load

pytestmark = pytest.mark.django_db


def test_four_activities_and_seven_actions(seed_plan):
    activities = list(Activity.objects.order_by("number"))
    assert [a.number for a in activities] == [1, 2, 3, 4]
    assert [a.actions.count() for a in activities] == [2, 3, 1, 1]
    assert Action.objects.count() == 7
    assert [a.code for a in Action.objects.select_related("activity")] == SEED_CODES
    assert [a.priority for a in activities] == ["high", "high", "high", "medium"]


def test_every_text_in_both_languages_matches_the_file(seed_plan, plan_json):
    for row in plan_json["activities"]:
        activity = Activity.objects.get(number=row["number"])
        assert activity.objective_en == row["objective_en"]
        assert activity.objective_fr == row["objective_fr"]
        for action_row in row["actions"]:
            action = Action.objects.get(activity=activity, number=action_row["number"])
            assert action.description_en == action_row["description_en"]
            assert action.description_fr == action_row["description_fr"]
            assert action.remarks_en == action_row["remarks_en"]
            assert action.remarks_fr == action_row["remarks_fr"]
            assert action.status == action_row["status"]
            resources = Resource.objects.filter(action=action).order_by("order")
            assert [(r.description_en, r.description_fr) for r in resources] == [
                (r["en"], r["fr"]) for r in action_row["resources"]
            ]
            results = ExpectedResult.objects.filter(action=action).order_by("order")
            assert [(r.description_en, r.description_fr) for r in results] == [
                (r["en"], r["fr"]) for r in action_row["expected_results"]
            ]
            assert sorted(o.key for o in action.responsible_organizations.all()) == sorted(
                action_row["responsible_organizations"]
            )


def test_resource_and_result_totals_match_the_file(seed_plan, plan_json):
    actions = [a for row in plan_json["activities"] for a in row["actions"]]
    assert Resource.objects.count() == sum(len(a["resources"]) for a in actions)
    assert ExpectedResult.objects.count() == sum(len(a["expected_results"]) for a in actions)
    assert Organization.objects.count() == len(plan_json["organizations"])
    assert Person.objects.count() == len(plan_json["people"])


def test_french_accents_survive(seed_plan):
    action = Action.objects.get(activity__number=1, number=1)
    assert action.description_fr.startswith(
        "Élaborer et mettre en œuvre une Stratégie de mobilisation"
    )
    with translation.override("fr"):
        assert "Stratégie de mobilisation" in Action.objects.get(pk=action.pk).description
    with translation.override("en"):
        assert "Engagement Strategy" in Action.objects.get(pk=action.pk).description


def test_dates_are_parsed_and_shown_in_each_language(seed_plan):
    first = Action.objects.get(activity__number=1, number=1)
    assert first.start == FuzzyDate.of_month(2018, 4)  # "Avril 2018"
    assert first.due == FuzzyDate.of_month(2019, 2)  # "Févr. 2019"
    assert first.due_end.isoformat() == "2019-02-28"
    undetermined = Action.objects.get(activity__number=2, number=3)
    assert undetermined.due == FuzzyDate.tbd()  # "À DÉTERMINER"
    assert undetermined.due_end is None
    fall = Action.objects.get(activity__number=4, number=1)
    assert fall.start == FuzzyDate.of_season(2018, "fall")  # "automne 2018"
    ongoing = Action.objects.get(activity__number=1, number=2)
    assert ongoing.due == FuzzyDate.ongoing()  # "En cours"
    with translation.override("en"):
        assert str(first.start) == "April 2018"
        assert str(undetermined.due) == "To be determined"
        assert str(fall.start) == "Fall 2018"
    with translation.override("fr"):
        assert str(first.start) == "avril 2018"
        assert str(undetermined.due) == "À déterminer"
        assert str(fall.start) == "automne 2018"


def test_loading_twice_creates_nothing_new(seed_plan):
    counts = [
        model.objects.count()
        for model in (Activity, Action, Resource, ExpectedResult, Organization, Person)
    ]
    plan_load()
    assert [
        model.objects.count()
        for model in (Activity, Action, Resource, ExpectedResult, Organization, Person)
    ] == counts


def test_loading_again_keeps_what_members_edited(seed_plan):
    action = Action.objects.get(activity__number=1, number=1)
    action.remarks_en = "Edited by a co-chair"
    action.save()
    plan_load()
    assert Action.objects.get(pk=action.pk).remarks_en == "Edited by a co-chair"
