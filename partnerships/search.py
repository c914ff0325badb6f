"""The guide's search: an index of public copies, one entry per item and language.

Publishing writes an item's entries (:func:`index`), unpublishing removes them
(:func:`unindex`): only what is online can be found. The entries hold each item's words
without markup (``text``), and the same in lower case without accents (``folded``) for the
simple search SQLite gets.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass

from django.contrib.postgres.search import (
    CombinedSearchVector,
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.db import connection
from django.db.models import F, Value
from django.db.models.functions import Length, Replace, StrIndex, Substr
from django.utils import translation
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from partnerships.models import (
    CONTENT_MODELS,
    CaseStudy,
    Content,
    SearchEntry,
    kind_of,
)
from portal.languages import LANGUAGES, in_language, reader_language
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


# PostgreSQL's text search configurations, by reader language (migrations/0002).
CONFIGURATIONS = {"en": "guide_english", "fr": "guide_french"}


def index(public: Content) -> None:
    """Writes the search entries of a public copy, in both languages."""
    if not public.is_public:
        raise ValueError("Only public copies are searched.")
    kind = kind_of(public)
    for language in LANGUAGES:
        title = in_language(public, "title", language)
        text = _words(public, language)
        entry, _created = SearchEntry.objects.update_or_create(
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
        if connection.vendor == "postgresql":
            SearchEntry.objects.filter(pk=entry.pk).update(document=document(language))


def document(language: str) -> CombinedSearchVector:
    """An entry's words as PostgreSQL searches them: the title weighted above the text."""
    config = CONFIGURATIONS[language]
    return SearchVector("title", weight="A", config=config) + SearchVector(
        "text", weight="B", config=config
    )


def unindex(public: Content) -> None:
    SearchEntry.objects.filter(kind=kind_of(public), item_id=public.pk).delete()


# --- Finding ---------------------------------------------------------------------------------

# What the excerpts' highlighted words are wrapped in before escaping: characters a search
# entry cannot hold (file text is cleaned of controls), replaced by <mark> after escaping.
START, STOP = "\x02", "\x03"
_MARKED = re.compile(f"{START}(.*?){STOP}", re.DOTALL)
_WORD = re.compile(r"\w+")
MAX_WORDS = 10  # words of a query that count (a longer query is cut)
TITLE_WEIGHT = 4  # a word in the title counts as much as this many in the text
EXCERPT_BEFORE, EXCERPT_AFTER = 80, 220  # characters of the simple search's excerpt


@dataclass(frozen=True)
class Hit:
    """One search result, as the results page shows it."""

    kind: str
    title: str
    url: str
    excerpt: SafeString  # escaped text, the words found in <mark>
    modified: datetime.datetime

    @property
    def kind_label(self) -> str:
        return str(CONTENT_MODELS[self.kind]._meta.verbose_name)


class Results:
    """A query's results, read page by page (django.core.paginator.Paginator takes it): one
    query counts them, one reads a page, whatever the number of entries."""

    def __init__(self, queryset, make_hit):
        self._queryset, self._make_hit = queryset, make_hit

    def count(self) -> int:
        return self._queryset.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._make_hit(entry) for entry in self._queryset[index]]
        return self._make_hit(self._queryset[index])


def query_words(query: str) -> list[str]:
    """The folded words of a query: "Réseau, RÉSEAUX!" → ["reseau", "reseaux"]."""
    return list(dict.fromkeys(_WORD.findall(fold(query))))[:MAX_WORDS]


def find(query: str, *, language: str | None = None) -> Results:
    """The search entries in the reader's language that match `query`, best first.

    PostgreSQL: full-text search (words stemmed and unaccented by the guide's configurations,
    the query read as a web search: "quoted phrases", -excluded, or), ranked with the title
    weighted above the text, excerpts from ts_headline. Elsewhere (SQLite): every word of the
    query must appear, accents and case aside; ranked by hits, a title's counting more;
    excerpts cut around the first hit.
    """
    language = reader_language(language)
    entries = SearchEntry.objects.filter(language=language)
    if connection.vendor == "postgresql":
        return _find_postgresql(entries, query, language)
    return _find_simple(entries, query)


def _marked(text: str) -> SafeString:
    """Text with the words found between START and STOP: escaped, the words in <mark>."""
    pieces, end = [], 0
    for found in _MARKED.finditer(text):
        pieces.append(escape(_unmarked(text[end : found.start()])))
        pieces.append(format_html("<mark>{}</mark>", _unmarked(found.group(1))))
        end = found.end()
    pieces.append(escape(_unmarked(text[end:])))
    return mark_safe("".join(pieces))  # noqa: S308 (every piece escaped above)


def _unmarked(text: str) -> str:
    return text.replace(START, "").replace(STOP, "")


def _find_postgresql(entries, query: str, language: str) -> Results:
    config = CONFIGURATIONS[language]
    search_query = SearchQuery(query, search_type="websearch", config=config)
    matches = (
        entries.filter(document=search_query)
        .annotate(
            rank=SearchRank(F("document"), search_query),
            headline=SearchHeadline(
                "text",
                search_query,
                config=config,
                start_sel=START,
                stop_sel=STOP,
                min_words=15,
                max_words=40,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
        .order_by("-rank", "title", "pk")
        .only("kind", "title", "url", "modified")
    )

    def hit(entry) -> Hit:
        return Hit(entry.kind, entry.title, entry.url, _marked(entry.headline), entry.modified)

    return Results(matches, hit)


def _occurrences(expression, word: str):
    """How many times `word` occurs in `expression` (SQL: length lost by removing it)."""
    return (Length(expression) - Length(Replace(expression, Value(word), Value("")))) / len(word)


def _find_simple(entries, query: str) -> Results:
    words = query_words(query)
    if not words:
        return Results(entries.none(), None)
    # The folded title is the folded column's first line (index() writes "title\ntext").
    title = Substr("folded", 1, StrIndex("folded", Value("\n")) - 1)
    score = sum(
        (TITLE_WEIGHT - 1) * _occurrences(title, word) + _occurrences(F("folded"), word)
        for word in words
    )
    matches = entries
    for word in words:
        matches = matches.filter(folded__contains=word)
    matches = matches.annotate(score=score).order_by("-score", "title", "pk")

    def hit(entry) -> Hit:
        return Hit(entry.kind, entry.title, entry.url, excerpt(entry.text, words), entry.modified)

    return Results(matches, hit)


def _folded_map(text: str) -> tuple[str, list[int]]:
    """The folded text, and for each of its characters the position of the original one."""
    folded, positions = [], []
    for at, char in enumerate(text):
        for piece in fold(char):
            folded.append(piece)
            positions.append(at)
    return "".join(folded), positions


def excerpt(text: str, words: list[str]) -> SafeString:
    """A piece of `text` around its first hit of one of the folded `words`, every hit in it
    marked, the original accents kept ("réseau" marked for "reseau")."""
    folded, positions = _folded_map(text)
    spans = []
    for word in words:
        start = folded.find(word)
        while start != -1:
            end = start + len(word)
            spans.append((positions[start], positions[end - 1] + 1))
            start = folded.find(word, end)
    if not spans:
        cut = Truncator(text).chars(EXCERPT_BEFORE + EXCERPT_AFTER)
        return escape(cut)
    spans.sort()
    first = spans[0][0]
    begin = max(0, first - EXCERPT_BEFORE)
    if begin:
        space = text.find(" ", begin, first)
        begin = space + 1 if space != -1 else begin
    finish = min(len(text), first + EXCERPT_AFTER)
    if finish < len(text):
        space = text.rfind(" ", first, finish)
        finish = space if space > spans[0][1] else finish
    pieces, end = [], begin
    for start, stop in spans:
        if start < end or stop > finish:
            continue  # overlaps a hit marked already, or runs past the excerpt
        pieces += [escape(text[end:start]), format_html("<mark>{}</mark>", text[start:stop])]
        end = stop
    pieces.append(escape(text[end:finish]))
    body = mark_safe("".join(pieces))  # noqa: S308 (every piece escaped above)
    prefix = "… " if begin else ""
    suffix = " …" if finish < len(text) else ""
    return format_html("{}{}{}", prefix, body, suffix)
