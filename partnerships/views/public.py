"""The guide as the public reads it: no sign-in, public copies only (partnerships/selectors.py).

The table of contents, the chapters, the case studies (filterable), the contacts, the search,
the whole guide as a PDF, and the sitemap. A chapter's or a case study's address ends with
its slug in the page's language; the other language's slug (a shared link, or the language
toggle, which keeps the slug) is sent on to the right address for good (301).
"""

from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_GET
from modeltranslation.utils import get_language

from partnerships import pdf, selectors
from partnerships import search as guide_search
from partnerships.filters import CaseStudyFilter, GuideSearchForm
from partnerships.models import Content
from partnerships.sitemaps import SITEMAPS
from portal import fragments
from portal.access import public
from portal.exports.download import attachment, file_name
from portal.languages import other_language

CASE_STUDIES_PAGE_SIZE = 20
SEARCH_PAGE_SIZE = 10
FILE_STEM = pgettext_lazy("file name", "partnership-guide")


def _with_query(url: str, request) -> str:
    """The address with the request's query string, as the portal's language toggle keeps it."""
    query = request.GET.urlencode()
    return f"{url}?{query}" if query else url


def _in_other_language(item: Content, request) -> str:
    """The item's page in the other official language (its address has the other slug)."""
    with translation.override(other_language(get_language())):
        return _with_query(item.get_absolute_url(), request)


def _misaddressed(item: Content, slug: str) -> bool:
    """Asked for by the other language's slug: the page lives at the reader's language's."""
    return bool(item.slug) and item.slug != slug


@public
@require_GET
def guide(request):
    """The guide's home: its table of contents and the featured case studies."""
    return render(
        request,
        "partnerships/public/guide.html",
        {
            "chapters": selectors.chapters_public(),
            "featured": selectors.case_studies_featured(),
            "search_form": GuideSearchForm(),
            "date_modified": selectors.guide_modified(),
        },
    )


@public
@require_GET
def chapter(request, slug):
    chapter = selectors.chapter_get(slug=slug)
    if _misaddressed(chapter, slug):
        return redirect(_with_query(chapter.get_absolute_url(), request), permanent=True)
    previous, following = selectors.chapter_neighbours(chapter)
    return render(
        request,
        "partnerships/public/chapter.html",
        {
            "chapter": chapter,
            "sections": list(chapter.sections.all()),
            "previous": previous,
            "following": following,
            "other_language_url": _in_other_language(chapter, request),
            "date_modified": max(
                [chapter.modified, *(section.modified for section in chapter.sections.all())]
            ),
        },
    )


@public
@require_GET
def case_studies(request):
    """The case studies, filtered by the query string, a page at a time."""
    filterset = CaseStudyFilter(request.GET, queryset=selectors.case_studies_public())
    page = Paginator(filterset.qs, CASE_STUDIES_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "partnerships/public/case_studies.html",
        {
            "filter": filterset,
            "filtered": filterset.is_filtered,
            "filters_vary": filterset.fragment_vary(),
            "page": page,
            "date_modified": selectors.case_studies_modified(),
        },
    )


@public
@require_GET
def case_study(request, slug):
    case = selectors.case_study_get(slug=slug)
    if _misaddressed(case, slug):
        return redirect(_with_query(case.get_absolute_url(), request), permanent=True)
    return render(
        request,
        "partnerships/public/case_study.html",
        {
            "case": case,
            "other_language_url": _in_other_language(case, request),
            "date_modified": case.modified,
        },
    )


@public
@require_GET
def contacts(request):
    """Whom to reach about the guide, and about each published partnership."""
    guide_contacts, partnership_contacts = selectors.contacts_public()
    return render(
        request,
        "partnerships/public/contacts.html",
        {
            "guide_contacts": guide_contacts,
            "partnership_contacts": partnership_contacts,
            "date_modified": selectors.guide_modified(),
        },
    )


@public
@require_GET
def search(request):
    """The guide's search, in the page's language: a form, then the results a page at a time."""
    form = GuideSearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    page = None
    if query:
        results = guide_search.find(query, language=get_language())
        page = Paginator(results, SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "partnerships/public/search.html",
        {
            "form": form,
            "query": query,
            "page": page,
            "date_modified": selectors.guide_modified(),
        },
    )


def guide_filename(language: str) -> str:
    """partnership-guide-2026-12-04-en.pdf, dated by the guide's latest publication."""
    modified = selectors.guide_modified()
    day = timezone.localdate(modified) if modified else timezone.localdate()
    return file_name(FILE_STEM, day=day, language=language, extension=pdf.EXTENSION)


@public
@require_GET
def guide_pdf(request):
    """The whole public guide as one PDF, in the page's language."""
    language = get_language()

    def guide_file() -> tuple[str, bytes]:
        return guide_filename(language), pdf.render(language)

    # The same file for every reader until the guide changes (portal/fragments.py).
    # Not in the audit trail: the guide is public, and the trail is for security events
    # (an anonymous visitor downloading it again and again must not fill it).
    filename, content = fragments.cached("guide-pdf", [language], guide_file, request=request)
    return attachment(content, content_type=pdf.CONTENT_TYPE, filename=filename)


@public
@require_GET
def sitemap(request):
    return sitemap_view(request, sitemaps=SITEMAPS)
