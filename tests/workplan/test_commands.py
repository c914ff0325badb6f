"""load_workplan and generate_plan answer bad input with a clear message and a non-zero exit,
never a traceback, and write nothing: a plan file is loaded whole or not at all."""

import copy
import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from directory.models import Organization, Person
from portal import limits
from workplan.models import Action, Activity, StatusUpdate

pytestmark = pytest.mark.django_db


def nothing_written():
    return not (
        Organization.objects.exists()
        or Person.objects.exists()
        or Activity.objects.exists()
        or Action.objects.exists()
    )


def plan_file(tmp_path, data, name="plan.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def refused(path) -> str:
    with pytest.raises(CommandError) as error:
        call_command("load_workplan", str(path))
    assert nothing_written()
    return str(error.value)


def test_the_plan_loads_and_loads_again_unchanged(tmp_path, plan_json):
    path = plan_file(tmp_path, plan_json)
    call_command("load_workplan", str(path))
    call_command("load_workplan")  # the default file: the same plan
    assert (Activity.objects.count(), Action.objects.count()) == (4, 7)


def test_a_missing_file(tmp_path):
    assert refused(tmp_path / "nowhere.json") == f"{tmp_path / 'nowhere.json'}: no such file."


def test_a_directory(tmp_path):
    assert "cannot be read" in refused(tmp_path)


def test_not_json(tmp_path):
    message = refused(plan_file(tmp_path, '{"organizations": [}'))
    assert message.endswith("not valid JSON: Expecting value at line 1, column 20.")


def test_not_utf8(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes('{"name": "Qu\u00e9bec"}'.encode("latin-1"))
    assert "not UTF-8 text" in refused(path)


def changed(change):
    """The plan as `change` leaves it (it changes the data in place)."""

    def apply(data):
        change(data)
        return data

    return apply


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda d: [d], "the file: should be an object"),
        (changed(lambda d: d.pop("people")), "the file: “people” is missing"),
        (changed(lambda d: d.update(activities={})), "activities: should be a list"),
        (
            changed(lambda d: d["activities"][1]["actions"][0].pop("due")),
            "activities[1].actions[0]: “due” is missing",
        ),
        (
            changed(lambda d: d["activities"][0].update(number="one")),
            'activities[0].number: should be a whole number, not "one"',
        ),
        (
            changed(lambda d: d["activities"][0].update(number=True)),
            "activities[0].number: should be a whole number, not true",
        ),
        (
            changed(lambda d: d["activities"][0]["actions"][1]["resources"].append("Staff")),
            "activities[0].actions[1].resources[2]: should be an object",
        ),
    ],
)
def test_a_file_of_the_wrong_shape(tmp_path, plan_json, make, expected):
    data = make(copy.deepcopy(plan_json))
    message = refused(plan_file(tmp_path, data))
    assert message.startswith(f"{tmp_path / 'plan.json'} is not a valid work plan; nothing was")
    assert f"  - {expected}" in message.splitlines()


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["people"][0].update(organization="nowhere"),
            "people[0].organization: unknown organization “nowhere”",
        ),
        (
            lambda d: d["activities"][3]["actions"][0]["responsible_organizations"].append("xyz"),
            "activities[3].actions[0].responsible_organizations: unknown organization “xyz”",
        ),
        (
            lambda d: d["activities"][0]["actions"][0]["responsible_people"].append("nobody"),
            "activities[0].actions[0].responsible_people: unknown person “nobody”",
        ),
        (
            lambda d: d["activities"][0].update(priority="urgent"),
            "activities[0].priority: Value 'urgent' is not a valid choice.",
        ),
        (
            lambda d: d["activities"][2]["actions"][0].update(status="finished"),
            "activities[2].actions[0].status: Value 'finished' is not a valid choice.",
        ),
        (
            lambda d: d["activities"][2]["actions"][0].update(start="someday"),
            "activities[2].actions[0].start: ",
        ),
        (
            lambda d: d["activities"][1].update(objective_fr="x" * (limits.OBJECTIVE + 1)),
            "activities[1].objective_fr: Ensure this value has at most 1500 characters (it has",
        ),
        (
            lambda d: d["activities"][3]["actions"][0]["expected_results"].append(
                {"en": "", "fr": "Livrable"}
            ),
            "activities[3].actions[0].expected_results[",
        ),
        (
            lambda d: d["activities"][1].update(number=1),
            "activities: number 1 appears twice",
        ),
        (
            lambda d: d["organizations"][0].update(order="galactic"),
            "organizations[0].order_of_government: Value 'galactic' is not a valid choice.",
        ),
    ],
)
def test_unknown_names_and_invalid_values(tmp_path, plan_json, change, expected):
    """The file's first rows are valid: still, nothing of it is written."""
    data = copy.deepcopy(plan_json)
    change(data)
    lines = refused(plan_file(tmp_path, data)).splitlines()
    assert any(line.startswith(f"  - {expected}") for line in lines), lines


def test_a_long_list_of_problems_is_cut(tmp_path, plan_json):
    data = copy.deepcopy(plan_json)
    data["organizations"] = [dict(row, order="galactic") for row in data["organizations"] * 3]
    lines = refused(plan_file(tmp_path, data)).splitlines()
    assert len(lines) == 1 + 20 + 1
    assert lines[-1].startswith("  … and ")


# --- From the command line: an exit code and a message, no traceback ------------------------


@pytest.mark.parametrize(
    "bad",
    [
        lambda tmp_path: "/nonexistent",
        lambda tmp_path: str(plan_file(tmp_path, {"organizations": [], "people": []})),
    ],
    ids=["missing file", "wrong structure"],
)
def test_the_command_line_exits_non_zero_without_a_traceback(tmp_path, bad):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings_test",
        "DEBUG": "true",
        # Never the real database: the check refuses the file before reaching it.
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
    }
    done = subprocess.run(
        [sys.executable, "manage.py", "load_workplan", bad(tmp_path)],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("CommandError: ")
    assert ("no such file" in done.stderr) or ("“activities” is missing" in done.stderr)


# --- generate_plan --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"actions": -1}, "--actions must be between 0 and 100,000, not -1."),
        ({"actions": 10, "updates": 2_000_000}, "--updates must be between 0 and 1,000,000"),
    ],
)
def test_generate_plan_refuses_sizes_out_of_range(options, expected):
    with pytest.raises(CommandError) as error:
        call_command("generate_plan", **options)
    assert str(error.value).startswith(expected)
    assert nothing_written()
    assert not StatusUpdate.objects.exists()


def test_generate_plan_refuses_a_word_for_a_number():
    with pytest.raises(CommandError) as error:
        call_command("generate_plan", "--actions", "many")
    assert "invalid int value: 'many'" in str(error.value)
