"""Reads for the guide's public pages: public copies only, already preloaded.

Every query here starts from ``.public()`` (partnerships/models.py): a working copy, whatever
its stage, never reaches a reader. Each selector runs a fixed number of queries, whatever the
number of chapters, sections or case studies.
"""

from __future__ import annotations

import datetime

from django.db.models import Max, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from partnerships.models import CaseStudy, Chapter, Contact, Content, SearchEntry, Section
from portal.languages import LANGUAGES, reader_language

# How many featured case studies the guide's home page and the portal's front page show.
FEATURED_COUNT = 3


def _public_sections() -> Prefetch:
    return Prefetch("sections", queryset=Section.objects.public().order_by("order", "pk"))


def chapters_public() -> list[Chapter]:
    """The table of contents: every public chapter with its public sections (2 queries)."""
    return list(
        Chapter.objects.public().order_by("number", "pk").prefetch_related(_public_sections())
    )


def case_studies_public() -> QuerySet[CaseStudy]:
    """Public case studies with what a list shows of them (1 query, and 3 for the links)."""
    return (
        CaseStudy.objects.public()
        .prefetch_related("organizations", "partnership_models", "services")
        .order_by("title", "pk")
    )


def case_studies_featured(*, count: int = FEATURED_COUNT) -> list[CaseStudy]:
    """The featured public case studies, newest featured first (1 query)."""
    return list(
        CaseStudy.objects.public()
        .filter(featured=True)
        .order_by("-featured_on", "title", "pk")[:count]
    )


def _by_slug(queryset: QuerySet, slug: str, language: str | None = None) -> Content:
    """The public item whose address is `slug` in the reader's language or, failing that, in
    the other language (a link copied from the other language's page, or the language toggle,
    which keeps the slug): the view then sends the reader to the address in their language."""
    language = reader_language(language)
    order = [language, *(other for other in LANGUAGES if other != language)]
    found = list(queryset.filter(Q(slug_en=slug) | Q(slug_fr=slug))[:2])
    for code in order:
        for item in found:
            if getattr(item, f"slug_{code}") == slug:
                return item
    raise Http404(_("No page of the guide has this address."))


def chapter_get(*, slug: str) -> Chapter:
    """A public chapter and its public sections (2 queries)."""
    return _by_slug(Chapter.objects.public().prefetch_related(_public_sections()), slug)


def chapter_neighbours(chapter: Chapter) -> tuple[Chapter | None, Chapter | None]:
    """The public chapters before and after `chapter` (1 query)."""
    chapters = list(Chapter.objects.public().order_by("number", "pk"))
    at = next(index for index, other in enumerate(chapters) if other.pk == chapter.pk)
    before = chapters[at - 1] if at > 0 else None
    after = chapters[at + 1] if at + 1 < len(chapters) else None
    return before, after


def case_study_get(*, slug: str) -> CaseStudy:
    """A public case study with everything its page shows (5 queries)."""
    return _by_slug(
        CaseStudy.objects.public().prefetch_related(
            "organizations",
            "partnership_models",
            "services",
            Prefetch("contacts", queryset=Contact.objects.select_related("organization")),
        ),
        slug,
    )


def contacts_public() -> tuple[list[Contact], list[Contact]]:
    """The guide's own contacts, and the contacts of public case studies, each of these with
    the public case studies it is a contact for (2 queries)."""
    contacts = list(
        Contact.objects.filter(Q(for_guide=True) | Q(case_studies__is_public=True))
        .distinct()
        .select_related("organization")
        .prefetch_related(
            Prefetch(
                "case_studies",
                queryset=CaseStudy.objects.public().order_by("title", "pk"),
                to_attr="public_case_studies",
            )
        )
        .order_by("name", "pk")
    )
    guide = [contact for contact in contacts if contact.for_guide]
    partnerships = [contact for contact in contacts if contact.public_case_studies]
    return guide, partnerships


def guide_modified() -> datetime.datetime | None:
    """When the public guide last changed: its latest publication (1 query). The search
    entries are written from public copies only, each with its copy's date (search.py)."""
    return SearchEntry.objects.aggregate(latest=Max("modified"))["latest"]


def case_studies_modified() -> datetime.datetime | None:
    """When a public case study last changed (1 query)."""
    return CaseStudy.objects.public().aggregate(latest=Max("modified"))["latest"]
