"""The guide's search: an index of public copies, one entry per item and language.

Publishing writes an item's entries (:func:`index`), unpublishing removes them
(:func:`unindex`): only what is online can be found. The entries hold each item's words
without markup (``text``), and the same in lower case without accents (``folded``) for the
simple search SQLite gets.
"""

from __future__ import annotations

import unicodedata

from django.utils import translation

from partnerships.models import CaseStudy, Chapter, Content, SearchEntry, Section, kind_of
from portal.languages import LANGUAGES, in_language
from portal.richtext import plain_text


def fold(text: str) -> str:
    """Lower case without accents: "Réseau" → "reseau", "Œuvre" → "oeuvre"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(char for char in decomposed if not unicodedata.combining(char))
    return folded.replace("œ", "oe").replace("æ", "ae")


def _words(item: Content, language: str) -> str:
    """Everything a reader reads of the item in `language`, title excepted, as plain text."""
    names = [name for name in item.text_fields() if name not in ("title", "image_alt")]
    parts = [plain_text(in_language(item, name, language)) for name in names]
    if isinstance(item, CaseStudy):
        parts.append(item.place)
    return "\n".join(part for part in parts if part)


def _url(item: Content, language: str) -> str:
    with translation.override(language):
        return item.get_absolute_url()


def index(public: Content) -> None:
    """Writes the search entries of a public copy, in both languages."""
    if not public.is_public:
        raise ValueError("Only public copies are searched.")
    kind = kind_of(public)
    for language in LANGUAGES:
        title = in_language(public, "title", language)
        text = _words(public, language)
        SearchEntry.objects.update_or_create(
            kind=kind,
            item_id=public.pk,
            language=language,
            defaults={
                "title": title,
                "url": _url(public, language),
                "text": text,
                "folded": fold(f"{title}\n{text}"),
                "modified": public.modified,
            },
        )


def unindex(public: Content) -> None:
    SearchEntry.objects.filter(kind=kind_of(public), item_id=public.pk).delete()


def reindex_all() -> int:
    """Rebuilds the whole index from the public copies (after a bulk load); returns a count."""
    SearchEntry.objects.all().delete()
    count = 0
    for model in (Chapter, Section, CaseStudy):
        for public in model.objects.public().select_related():
            index(public)
            count += 1
    return count
