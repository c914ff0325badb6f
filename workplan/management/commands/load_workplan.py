"""``manage.py load_workplan [FILE]``: loads the working group's plan (fixtures/workplan.json by
default); safe to run again.

The file is checked whole before anything is written: its shape, the organizations and people
it names, and every value as the models validate it. A file that fails gets one message
listing where and why, and a non-zero exit; nothing is loaded (the load itself is one
transaction too). Never a traceback for bad input.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from directory.models import Organization, Person
from portal.fuzzydates import parse_fuzzy_date
from workplan.models import Action, Activity, ExpectedResult, Resource
from workplan.seed import WORKPLAN_FIXTURE, plan_load

# The shape of the file: a dict names its required keys, a one-item list a list of such items.
_ITEM = {"en": str, "fr": str}
_ORGANIZATION = {
    "key": str,
    "name_en": str,
    "name_fr": str,
    "acronym_en": str,
    "acronym_fr": str,
    "order": str,
    "province": str,
}
_PERSON = {
    "key": str,
    "name": str,
    "organization": str,
    "title_en": str,
    "title_fr": str,
    "language": str,
}
_ACTION = {
    "number": int,
    "description_en": str,
    "description_fr": str,
    "responsible_organizations": [str],
    "responsible_people": [str],
    "start": str,
    "due": str,
    "resources": [_ITEM],
    "expected_results": [_ITEM],
    "remarks_en": str,
    "remarks_fr": str,
    "status": str,
}
_ACTIVITY = {
    "number": int,
    "priority": str,
    "objective_en": str,
    "objective_fr": str,
    "actions": [_ACTION],
}
PLAN_SHAPE = {"organizations": [_ORGANIZATION], "people": [_PERSON], "activities": [_ACTIVITY]}

_TYPE_NAMES = {str: "a text", int: "a whole number", dict: "an object", list: "a list"}
MAX_PROBLEMS = 20  # listed; the count of the others follows


def _shape(value, spec, where: str, problems: list[str]) -> bool:
    """Appends where `value` does not have the shape `spec`; True when it does."""
    if isinstance(spec, dict):
        if not isinstance(value, dict):
            problems.append(f"{where or 'the file'}: should be {_TYPE_NAMES[dict]}")
            return False
        fine = True
        for key, inner in spec.items():
            if key not in value:
                problems.append(f"{where or 'the file'}: “{key}” is missing")
                fine = False
            else:
                fine &= _shape(value[key], inner, f"{where}.{key}" if where else key, problems)
        return fine
    if isinstance(spec, list):
        if not isinstance(value, list):
            problems.append(f"{where}: should be {_TYPE_NAMES[list]}")
            return False
        fine = True
        for i, item in enumerate(value):  # every item, not up to the first wrong one
            fine &= _shape(item, spec[0], f"{where}[{i}]", problems)
        return fine
    # A JSON true/false is no number, though Python's bool is an int.
    if not isinstance(value, spec) or isinstance(value, bool):
        problems.append(f"{where}: should be {_TYPE_NAMES[spec]}, not {json.dumps(value)[:40]}")
        return False
    return True


def _validated(where: str, obj, problems: list[str], **options) -> None:
    """Appends what the model's own validation says of `obj` (as a form would)."""
    try:
        obj.full_clean(validate_unique=False, **options)
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            for message in messages:
                problems.append(f"{where}.{field}: {message}")


def _fuzzy(where: str, text: str, problems: list[str]):
    try:
        return parse_fuzzy_date(text)
    except ValidationError as error:
        problems.extend(f"{where}: {message}" for message in error.messages)
        return None


def _duplicates(where: str, values, what: str, problems: list[str]) -> None:
    seen = set()
    for value in values:
        if value in seen:
            problems.append(f"{where}: {what} {value!r} appears twice")
        seen.add(value)


def plan_problems(data) -> list[str]:
    """Everything wrong with a plan file's content, each saying where; empty when it loads."""
    problems: list[str] = []
    if not _shape(data, PLAN_SHAPE, "", problems):
        return problems  # the values cannot be read from a file of the wrong shape
    organizations = [row["key"] for row in data["organizations"]]
    people = [row["key"] for row in data["people"]]
    _duplicates("organizations", organizations, "the key", problems)
    _duplicates("people", people, "the key", problems)
    _duplicates("activities", [row["number"] for row in data["activities"]], "number", problems)

    for i, row in enumerate(data["organizations"]):
        organization = Organization(
            key=row["key"],
            name_en=row["name_en"],
            name_fr=row["name_fr"],
            acronym_en=row["acronym_en"],
            acronym_fr=row["acronym_fr"],
            order_of_government=row["order"],
            province=row["province"],
        )
        _validated(f"organizations[{i}]", organization, problems)
    for i, row in enumerate(data["people"]):
        where = f"people[{i}]"
        if row["organization"] not in organizations:
            problems.append(f"{where}.organization: unknown organization “{row['organization']}”")
        person = Person(
            name=row["name"],
            title_en=row["title_en"],
            title_fr=row["title_fr"],
            preferred_language=row["language"],
        )
        _validated(where, person, problems, exclude=["organization", "user"])

    for i, row in enumerate(data["activities"]):
        where = f"activities[{i}]"
        activity = Activity(
            number=row["number"],
            order=row["number"],
            objective_en=row["objective_en"],
            objective_fr=row["objective_fr"],
            priority=row["priority"],
        )
        _validated(where, activity, problems)
        numbers = [action["number"] for action in row["actions"]]
        _duplicates(f"{where}.actions", numbers, "number", problems)
        for j, action_row in enumerate(row["actions"]):
            _action_problems(f"{where}.actions[{j}]", action_row, organizations, people, problems)
    return problems


def _action_problems(where, row, organizations, people, problems) -> None:
    for key in row["responsible_organizations"]:
        if key not in organizations:
            problems.append(f"{where}.responsible_organizations: unknown organization “{key}”")
    for key in row["responsible_people"]:
        if key not in people:
            problems.append(f"{where}.responsible_people: unknown person “{key}”")
    action = Action(
        number=row["number"],
        description_en=row["description_en"],
        description_fr=row["description_fr"],
        start=_fuzzy(f"{where}.start", row["start"], problems),
        due=_fuzzy(f"{where}.due", row["due"], problems),
        remarks_en=row["remarks_en"],
        remarks_fr=row["remarks_fr"],
        status=row["status"],
    )
    _validated(where, action, problems, exclude=["activity", "start", "due"])
    for model, name in ((Resource, "resources"), (ExpectedResult, "expected_results")):
        for k, item in enumerate(row[name]):
            obj = model(description_en=item["en"], description_fr=item["fr"])
            _validated(f"{where}.{name}[{k}]", obj, problems, exclude=["action"])


def read_plan(path: Path):
    """The file's content, or CommandError saying why it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CommandError(f"{path}: no such file.") from None
    except UnicodeDecodeError as error:
        raise CommandError(f"{path}: not UTF-8 text ({error.reason}).") from None
    except OSError as error:
        raise CommandError(f"{path}: cannot be read ({error.strerror or error}).") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise CommandError(
            f"{path}: not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}."
        ) from None


class Command(BaseCommand):
    help = (
        "Load the working group's work plan (fixtures/workplan.json, or FILE); safe to run "
        "again. A file that is not a valid plan is refused whole, saying why."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file",
            nargs="?",
            type=Path,
            default=WORKPLAN_FIXTURE,
            help="The plan's JSON file (default: fixtures/workplan.json).",
        )

    def handle(self, *args, file: Path, **options):
        problems = plan_problems(read_plan(file))
        if problems:
            listed = [f"  - {problem}" for problem in problems[:MAX_PROBLEMS]]
            if len(problems) > MAX_PROBLEMS:
                listed.append(f"  … and {len(problems) - MAX_PROBLEMS} more.")
            raise CommandError(
                f"{file} is not a valid work plan; nothing was loaded:\n" + "\n".join(listed)
            )
        try:
            plan_load(path=file)
        except (ValidationError, DatabaseError) as error:
            # One transaction: nothing of the plan was kept.
            raise CommandError(f"The plan could not be loaded; nothing was kept: {error}") from None
        self.stdout.write(
            f"Work plan: {Activity.objects.count()} activities, {Action.objects.count()} actions."
        )
