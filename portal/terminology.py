"""The working group's terms: each English term has one French rendering, checked.

``locale/terminology.csv`` lists them (english, french, english_plural, french_plural,
notes). An interface string whose English contains a listed term, as whole words and in any
case, must contain its French term; the plural pair is checked first where it is given.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Term:
    english: str
    french: str
    english_plural: str = ""
    french_plural: str = ""


def _folded(text: str) -> str:
    """Lower case, one apostrophe, one kind of space: the forms a rendering may take."""
    text = text.replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return " ".join(text.lower().split())


def terms_read(path: Path) -> list[Term]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Term(
                row["english"].strip(),
                row["french"].strip(),
                (row.get("english_plural") or "").strip(),
                (row.get("french_plural") or "").strip(),
            )
            for row in csv.DictReader(handle)
            if row["english"].strip()
        ]


def _contains(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(_folded(phrase))}(?!\w)", _folded(text)) is not None


def renders(term: Term, english: str, french: str) -> bool:
    """False when the English uses the term and the French does not use its rendering."""
    if term.english_plural and _contains(english, term.english_plural):
        return _folded(term.french_plural or term.french) in _folded(french)
    if _contains(english, term.english):
        return _folded(term.french) in _folded(french)
    return True


def _is_url_path(msgid: str) -> bool:
    """A URL segment ("meetings/new/"): its French is ASCII with hyphens, not the term."""
    return msgid.endswith("/") and " " not in msgid


def terminology_problems(catalog, path: Path) -> list[str]:
    """Catalogue entries (babel messages) that render a listed term otherwise."""
    if not path.exists():
        return []
    terms = terms_read(path)
    found = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        if _is_url_path(ids[0]):
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for english, french in zip(ids, strings, strict=False):
            for term in terms:
                if french and not renders(term, english, french):
                    found.append(f"terminology: {english!r} → {french!r}: use « {term.french} »")
    return found
