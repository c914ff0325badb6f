"""Checks on fixtures/workplan.json, the bilingual data file built from the French work plan.

Plain pytest: no Django, no database. The French text must come verbatim from the shipped
seed (fixtures/seed/workplan-fr.txt, a PDF text extraction). Because the extraction breaks
table cells across lines, both sides are compared with ALL whitespace (and the "\uf0b7"
bullet character) removed; this ignores line joins without guessing at hyphenation.
"""

import json
import re
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
WORKPLAN = FIXTURES / "workplan.json"
SEED = FIXTURES / "seed" / "workplan-fr.txt"

BULLET = "\uf0b7"
FRENCH_ONLY = re.compile(r"[àâçéèêëîïôûùüÿœæÀÂÇÉÈÊËÎÏÔÛÙÜŸŒÆ]")
STATUSES = {"not_started", "in_progress", "ongoing", "completed"}
PRIORITIES = {"high", "medium", "low"}


def squash(text: str) -> str:
    """The words alone: spacing and the typographic apostrophe are not the seed's words."""
    return re.sub(r"\s+", "", text.replace(BULLET, "").replace("\u2019", "'"))


@pytest.fixture(scope="module")
def plan() -> dict:
    with WORKPLAN.open(encoding="utf-8") as fh:
        return json.load(fh)


@pytest.fixture(scope="module")
def seed() -> str:
    return squash(SEED.read_text(encoding="utf-8"))


def bilingual_pairs(plan: dict):
    """Yield (label, fr, en) for every translatable text of the plan itself."""
    wg = plan["working_group"]
    yield "working_group.name", wg["name_fr"], wg["name_en"]
    for act in plan["activities"]:
        a = act["number"]
        yield f"{a}.objective", act["objective_fr"], act["objective_en"]
        for action in act["actions"]:
            n = f"{a}.{action['number']}"
            yield f"{n}.description", action["description_fr"], action["description_en"]
            yield f"{n}.remarks", action["remarks_fr"], action["remarks_en"]
            for field in ("resources", "expected_results"):
                for i, item in enumerate(action[field], 1):
                    yield f"{n}.{field}[{i}]", item["fr"], item["en"]


def test_structure(plan):
    acts = plan["activities"]
    assert [a["number"] for a in acts] == [1, 2, 3, 4]
    assert [len(a["actions"]) for a in acts] == [2, 3, 1, 1]
    assert [a["priority"] for a in acts] == ["high", "high", "high", "medium"]
    for act in acts:
        assert act["priority"] in PRIORITIES
        assert [x["number"] for x in act["actions"]] == list(range(1, len(act["actions"]) + 1))


def test_item_counts(plan):
    counts = [
        (len(x["resources"]), len(x["expected_results"]))
        for a in plan["activities"]
        for x in a["actions"]
    ]
    assert counts == [(1, 5), (2, 3), (3, 2), (2, 5), (3, 1), (4, 1), (2, 1)]


def test_remarks_empty_and_status_valid(plan):
    for act in plan["activities"]:
        for action in act["actions"]:
            assert action["remarks_fr"] == ""
            assert action["remarks_en"] == ""
            assert action["status"] in STATUSES


def test_references_resolve(plan):
    orgs = {o["key"] for o in plan["organizations"]}
    people = {p["key"] for p in plan["people"]}
    assert len(orgs) == len(plan["organizations"])
    for person in plan["people"]:
        assert person["organization"] in orgs
        assert person["language"] in {"en", "fr"}
    for act in plan["activities"]:
        for action in act["actions"]:
            assert action["responsible_organizations"]
            assert set(action["responsible_organizations"]) <= orgs
            assert set(action["responsible_people"]) <= people


def test_french_is_verbatim_from_seed(plan, seed):
    missing = [
        (label, fr) for label, fr, _ in bilingual_pairs(plan) if fr and squash(fr) not in seed
    ]
    assert not missing, missing


def test_dates_are_seed_text(plan, seed):
    for act in plan["activities"]:
        for action in act["actions"]:
            for key in ("start", "due"):
                assert action[key], (act["number"], action["number"], key)
                assert squash(action[key]) in seed, action[key]


def test_english_present_where_french_is(plan):
    for label, fr, en in bilingual_pairs(plan):
        assert bool(fr.strip()) == bool(en.strip()), label


def test_english_has_no_french_only_characters(plan):
    english = [(label, en) for label, _, en in bilingual_pairs(plan)]
    english += [(o["key"], o["name_en"]) for o in plan["organizations"]]
    english += [(p["key"], p["title_en"]) for p in plan["people"]]
    bad = [(label, en) for label, en in english if FRENCH_ONLY.search(en)]
    assert not bad, bad
