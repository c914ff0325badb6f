"""The guide's sitemap: its public pages in both languages, each with its alternate in the
other language and its date modified; never a draft."""

import lxml.etree
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.partnerships.public_content import DRAFT_WORD

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def absolute(path: str) -> str:
    return f"http://testserver{path}"


def in_language(item, language) -> str:
    with translation.override(language):
        return absolute(item.get_absolute_url())


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_sitemap_lists_every_public_page_in_both_languages(client, guide, language):
    with translation.override(language):
        address = reverse("partnerships:sitemap")
    response = client.get(address)
    assert response.status_code == 200
    assert DRAFT_WORD.lower() not in response.content.decode().lower()
    tree = lxml.etree.fromstring(response.content)
    entries = {
        url.findtext("s:loc", namespaces=NS): {
            "lastmod": url.findtext("s:lastmod", namespaces=NS),
            "alternates": {
                link.get("hreflang"): link.get("href")
                for link in url.findall("x:link", namespaces=NS)
            },
        }
        for url in tree.findall("s:url", namespaces=NS)
    }
    chapters = [guide["chapter"]]
    cases = [guide["moncton"], guide["yukon"]]
    for item in chapters + cases:
        english, french = in_language(item, "en"), in_language(item, "fr")
        assert entries[english]["lastmod"] == timezone.localdate(item.modified).isoformat()
        assert entries[english]["alternates"] == {"en": english, "fr": french}
        assert entries[french]["alternates"] == {"en": english, "fr": french}
    for lang in ("en", "fr"):
        with translation.override(lang):
            assert absolute(reverse("partnerships:guide")) in entries
            assert absolute(reverse("partnerships:case_studies")) in entries
    # Two chapters, two case studies and three pages of the guide, in two languages each.
    assert len(entries) == (2 + 2 + 3) * 2
