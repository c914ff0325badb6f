"""The French catalogue and the plan's French text, as `make check` checks them: complete,
typographically right, and every listed term rendered with its one French term."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def gate():
    spec = importlib.util.spec_from_file_location(
        "check_catalogue", ROOT / "scripts/check_catalogue.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_catalogue_is_complete_and_typographically_right():
    assert gate().problems() == []


def test_the_plans_french_text_is_typographically_right():
    assert gate().fixture_problems() == []


def test_every_listed_term_has_its_one_french_rendering():
    from portal.terminology import terminology_problems, terms_read

    module = gate()
    terms = terms_read(module.TERMS)
    assert {"status update", "health", "co-chair", "acronym"} <= {t.english for t in terms}
    assert terminology_problems(module.catalog_read(), module.TERMS) == []
