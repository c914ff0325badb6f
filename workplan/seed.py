"""Loads the working group's real plan (fixtures/workplan.json) into the database.

Loading twice changes nothing: organizations, people, activities and actions are matched by
their keys and numbers, and an action that already exists is left as members have edited it.
"""

import json
from pathlib import Path

from django.conf import settings
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from directory.models import Organization, Person
from portal import fragments
from portal.fuzzydates import parse_fuzzy_date
from portal.history import CREATION
from workplan.models import Action, Activity, ExpectedResult, Resource

WORKPLAN_FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "workplan.json"


def _organizations(data) -> dict[str, Organization]:
    found = {}
    for row in data["organizations"]:
        organization, _ = Organization.objects.get_or_create(
            key=row["key"],
            defaults={
                "name_en": row["name_en"],
                "name_fr": row["name_fr"],
                "acronym_en": row["acronym_en"],
                "acronym_fr": row["acronym_fr"],
                "order_of_government": row["order"],
                "province": row["province"],
            },
        )
        found[row["key"]] = organization
    return found


def _people(data, organizations) -> dict[str, Person]:
    found = {}
    for row in data["people"]:
        person, _ = Person.objects.get_or_create(
            name=row["name"],
            defaults={
                "organization": organizations[row["organization"]],
                "title_en": row["title_en"],
                "title_fr": row["title_fr"],
                "preferred_language": row["language"],
            },
        )
        found[row["key"]] = person
    return found


def _action(activity, row, organizations, people) -> None:
    action, created = Action.objects.get_or_create(
        activity=activity,
        number=row["number"],
        defaults={
            "description_en": row["description_en"],
            "description_fr": row["description_fr"],
            "start": parse_fuzzy_date(row["start"]),
            "due": parse_fuzzy_date(row["due"]),
            "remarks_en": row["remarks_en"],
            "remarks_fr": row["remarks_fr"],
            "status": row["status"],
        },
    )
    if not created:
        return
    action.full_clean()
    # What follows is part of the action's creation (see portal.history.CREATION): the history
    # records of its responsible parties and items say so, and are not listed as changes.
    action._change_reason = CREATION
    action.responsible_organizations.set(organizations[k] for k in row["responsible_organizations"])
    action.responsible_people.set(people[k] for k in row["responsible_people"])
    # Each item gets its "created" history record, so that later edits show what changed.
    bulk_create_with_history(
        [
            Resource(action=action, order=i, description_en=r["en"], description_fr=r["fr"])
            for i, r in enumerate(row["resources"], start=1)
        ],
        Resource,
        default_change_reason=CREATION,
    )
    bulk_create_with_history(
        [
            ExpectedResult(action=action, order=i, description_en=r["en"], description_fr=r["fr"])
            for i, r in enumerate(row["expected_results"], start=1)
        ],
        ExpectedResult,
        default_change_reason=CREATION,
    )


@transaction.atomic
def plan_load(*, path: Path = WORKPLAN_FIXTURE) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    organizations = _organizations(data)
    people = _people(data, organizations)
    for row in data["activities"]:
        activity, _ = Activity.objects.get_or_create(
            number=row["number"],
            defaults={
                "objective_en": row["objective_en"],
                "objective_fr": row["objective_fr"],
                "priority": row["priority"],
                "order": row["number"],
            },
        )
        for action_row in row["actions"]:
            _action(activity, action_row, organizations, people)
    fragments.changed()  # the resources and results go in with bulk_create, which sends no signal
