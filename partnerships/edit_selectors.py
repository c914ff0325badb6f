"""Reads for the editors' pages of the guide: each returns what a page shows, preloaded.

The lists (every working item, the translation queue) run a fixed number of queries whatever
the number of items. Only working copies (``.working()``) are ever edited; the public copy
appears only as what a draft would replace.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404

from partnerships.models import CONTENT_MODELS, CaseStudy, Chapter, Content, Section
from partnerships.revisions import compare, revisions_of
from portal.languages import LANGUAGES

AUTHOR = ("last_author__person",)


def model_of(kind: str) -> type[Content]:
    """The model of a kind named in a URL ("chapter", "section", "case-study"), else 404."""
    try:
        return CONTENT_MODELS[kind]
    except KeyError:
        raise Http404("No such kind of item.") from None


def working_item(kind: str, pk) -> Content:
    """A working copy (never a public one: its pk gives 404)."""
    model = model_of(kind)
    related = [*AUTHOR, "public_copy"]
    if model is Section:
        related.append("chapter")
    return get_object_or_404(model.objects.working().select_related(*related), pk=pk)


@dataclass
class GuideContents:
    chapters: list[Chapter]  # each with .working_sections
    case_studies: list[CaseStudy]


def guide_contents() -> GuideContents:
    """Every working item: the chapters with their sections, then the case studies (3 queries)."""
    sections = Section.objects.working().select_related(*AUTHOR).order_by("order", "pk")
    chapters = (
        Chapter.objects.working()
        .select_related(*AUTHOR)
        .prefetch_related(Prefetch("sections", queryset=sections, to_attr="working_sections"))
        .order_by("number", "pk")
    )
    case_studies = CaseStudy.objects.working().select_related(*AUTHOR).order_by("title", "pk")
    return GuideContents(list(chapters), list(case_studies))


@dataclass
class Side:
    """One language's side of an item in the translation queue."""

    language: str
    missing: bool
    stale: bool
    changed: datetime.datetime | None
    changed_by: object | None


@dataclass
class QueueEntry:
    kind: str
    item: Content
    sides: list[Side] = field(default_factory=list)


def translation_queue() -> list[QueueEntry]:
    """Every working item with a side missing or out of date (one query per kind)."""
    changers = [f"text_changed_by_{language}__person" for language in LANGUAGES]
    entries = []
    for kind, model in CONTENT_MODELS.items():
        items = model.objects.needing_translation().select_related(*changers)
        if model is Section:
            items = items.select_related("chapter")
        for item in items.order_by("pk"):
            missing, stale = item.missing_sides(), item.stale_sides()
            entries.append(
                QueueEntry(
                    kind,
                    item,
                    [
                        Side(
                            language,
                            language in missing,
                            language in stale and language not in missing,
                            getattr(item, f"text_changed_{language}"),
                            getattr(item, f"text_changed_by_{language}"),
                        )
                        for language in LANGUAGES
                    ],
                )
            )
    return entries


def review_rows(item: Content):
    """The draft against the published version it would replace (everything new if none)."""
    model = type(item)
    public = item.public_copy if item.public_copy_id else None
    return compare(model, public, item)


@dataclass
class RevisionComparison:
    records: list
    old: object | None
    new: object | None
    rows: list


def revision_comparison(item: Content, *, old_id=None, new_id=None) -> RevisionComparison:
    """The item's revisions (newest first) and two of them compared: those chosen, else the
    latest against the one before it."""
    records = list(revisions_of(item))
    by_id = {record.history_id: record for record in records}
    new = by_id.get(_number(new_id)) or (records[0] if records else None)
    old = by_id.get(_number(old_id))
    if old is None and new is not None:
        older = [record for record in records if record.history_id < new.history_id]
        old = older[0] if older else None
    if old is not None and new is not None and old.history_id > new.history_id:
        old, new = new, old
    rows = compare(type(item), old, new) if new is not None else []
    return RevisionComparison(records, old, new, rows)


def _number(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
