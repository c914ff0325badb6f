"""Fail when the French catalogue has an untranslated or fuzzy entry, when a French string of
the catalogue or of the plan's fixture breaks French typography (portal/typography.py), or
when a listed term is not rendered with its listed French term (locale/terminology.csv)."""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from babel.messages.pofile import read_po  # noqa: E402

from portal.terminology import terminology_problems  # noqa: E402
from portal.typography import french_problems  # noqa: E402

PO = ROOT / "locale" / "fr" / "LC_MESSAGES" / "django.po"
TERMS = ROOT / "locale" / "terminology.csv"
FIXTURE = ROOT / "fixtures" / "workplan.json"


def catalog_read(po_path: Path = PO):
    with po_path.open("rb") as handle:
        return read_po(handle, locale="fr")


def _strings(message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


def _label(message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def problems(po_path: Path = PO) -> list[str]:
    """Untranslated or fuzzy entries, and French strings with faulty typography."""
    found = []
    for message in catalog_read(po_path):
        if not message.id:
            continue
        label = _label(message)
        if message.fuzzy:
            found.append(f"fuzzy: {label!r}")
        strings = _strings(message)
        if not all(strings):
            found.append(f"untranslated: {label!r}")
        for string in strings:
            found += [f"typography: {string!r}: {issue}" for issue in french_problems(string)]
    return found


def fixture_french(value, key: str = "") -> list[str]:
    """The French texts of the plan's fixture (fields ending in _fr, and "fr" items)."""
    if isinstance(value, dict):
        return [text for k, v in value.items() for text in fixture_french(v, k)]
    if isinstance(value, list):
        return [text for item in value for text in fixture_french(item, key)]
    french = key.endswith("_fr") or key == "fr"
    return [value] if french and isinstance(value, str) and value else []


def fixture_problems(path: Path = FIXTURE) -> list[str]:
    texts = fixture_french(json.loads(path.read_text(encoding="utf-8")))
    return [
        f"fixture typography: {text[:60]!r}: {issue}"
        for text in texts
        for issue in french_problems(text)
    ]


def main() -> None:
    catalog = catalog_read()
    found = problems() + fixture_problems() + terminology_problems(catalog, TERMS)
    for line in found:
        print(line)
    if found:
        sys.exit(f"{len(found)} problems in the French catalogue, its terms or the fixture.")
    print("French catalogue complete; typography and terminology checked.")


if __name__ == "__main__":
    main()
