"""The guide's sitemap (django.contrib.sitemaps): its public pages in both languages, each
with its other-language alternate and its date modified. Public copies only."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from partnerships import selectors
from partnerships.models import CaseStudy, Chapter


class _Bilingual(Sitemap):
    i18n = True  # every page once per language, located in that language
    alternates = True  # with <xhtml:link rel="alternate" hreflang="…"> to the other


class GuidePagesSitemap(_Bilingual):
    """The guide's own pages: its home, the case-study list, the contacts."""

    def items(self):
        return ["partnerships:guide", "partnerships:case_studies", "partnerships:contacts"]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        if not hasattr(self, "_modified"):
            self._modified = selectors.guide_modified()  # once for all the pages
        return self._modified


class ChapterSitemap(_Bilingual):
    def items(self):
        return Chapter.objects.public().order_by("number", "pk")

    def lastmod(self, item):
        return item.modified


class CaseStudySitemap(_Bilingual):
    def items(self):
        return CaseStudy.objects.public().order_by("pk")

    def lastmod(self, item):
        return item.modified


SITEMAPS = {
    "guide": GuidePagesSitemap,
    "chapters": ChapterSitemap,
    "case-studies": CaseStudySitemap,
}
