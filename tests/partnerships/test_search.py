"""The guide's search (partnerships/search.py `find`, the search page): in the reader's
language, accents and capitals aside, ranked (a title's hit first), excerpts highlighted and
escaped, drafts never found, a fixed number of queries. Run on SQLite and on PostgreSQL."""

import re

import lxml.html
import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation

from partnerships import search
from tests.partnerships.factories import CaseStudyFactory
from tests.partnerships.public_content import DRAFT_WORD, case_study_publish, publish

pytestmark = pytest.mark.django_db
POSTGRESQL = connection.vendor == "postgresql"


def search_url(language="en") -> str:
    with translation.override(language):
        return reverse("partnerships:search")


def results(client, query, language="en", **params):
    response = client.get(search_url(language), {"q": query, **params})
    assert response.status_code == 200
    body = response.content.decode()
    tree = lxml.html.fromstring(body)
    hits = [
        {
            "title": item.xpath(".//h3/a")[0].text_content(),
            "url": item.xpath(".//h3/a")[0].get("href"),
            "excerpt": lxml.html.tostring(
                item.xpath(".//p[contains(@class, 'search-excerpt')]")[0], encoding=str
            ),
        }
        for item in tree.xpath("//*[@id='search-results']/li")
    ]
    return hits, body


@pytest.fixture
def network(guide, author, publisher):
    """A case study with "network" / "réseau" in its title (the section has it in its text),
    and one whose text holds markup-looking words."""
    case_study_publish(
        author=author,
        publisher=publisher,
        title_en="The counter network of Québec",
        title_fr="Le réseau des comptoirs du Québec",
        slug_en="counter-network",
        slug_fr="reseau-des-comptoirs",
    )
    case_study_publish(
        author=author,
        publisher=publisher,
        title_en="Tricky text",
        title_fr="Texte piégé",
        summary_en="<p>Ferries &amp; buses: &lt;script&gt;alert(1)&lt;/script&gt; schedules.</p>",
        summary_fr="<p>Traversiers &amp; autobus : &lt;b&gt;horaires&lt;/b&gt; communs.</p>",
    )
    return guide


@pytest.mark.parametrize("query", ["reseau", "réseau", "RÉSEAU", "Reseau"])
def test_french_finds_reseau_with_or_without_accents_title_first(client, network, query):
    hits, _ = results(client, query, "fr")
    assert [hit["title"] for hit in hits] == [
        "Le réseau des comptoirs du Québec",
        "Comptoirs partagés",
    ]
    section = hits[1]
    assert section["url"].endswith("#comptoirs-partages")
    assert "<mark>réseau</mark>" in section["excerpt"]


@pytest.mark.parametrize("query", ["network", "NETWORK", "Network"])
def test_english_search_reads_english_entries_title_first(client, network, query):
    hits, _ = results(client, query, "en")
    assert [hit["title"] for hit in hits] == ["The counter network of Québec", "Shared counters"]
    assert "<mark>network</mark>" in hits[1]["excerpt"]
    # French words are not in the English entries.
    assert results(client, "réseau", "en")[0] == []


@pytest.mark.parametrize(("query", "language"), [("quebec", "en"), ("QUÉBEC", "fr")])
def test_accents_of_the_text_do_not_matter(client, network, query, language):
    hits, _ = results(client, query, language)
    assert len(hits) == 1
    assert "Québec" in hits[0]["title"]


def test_every_word_must_match(client, network):
    assert [h["title"] for h in results(client, "comptoirs réseau", "fr")[0]] == [
        "Le réseau des comptoirs du Québec",
        "Comptoirs partagés",
    ]
    assert results(client, "réseau autobus", "fr")[0] == []


def test_excerpts_are_escaped_text_with_only_the_marks_as_markup(client, network):
    hits, body = results(client, "ferries", "en")
    assert len(hits) == 1
    if POSTGRESQL:
        # ts_headline leaves out what its parser reads as tags; the rest is escaped text.
        assert "alert(1)" in hits[0]["excerpt"]
    else:
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<script>alert" not in body
    assert "&amp; buses" in body
    assert re.search(r"<mark>ferries</mark>", hits[0]["excerpt"], re.IGNORECASE)
    hits, body = results(client, "horaires", "fr")
    assert "<b>horaires" not in body
    assert "<mark>horaires</mark>" in hits[0]["excerpt"]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_drafts_are_never_found(client, network, language):
    hits, body = results(client, DRAFT_WORD, language)
    assert hits == []
    assert 'id="search-empty"' in body
    assert search.find(DRAFT_WORD, language=language).count() == 0
    # The published side of an item redrafted since is still found, as it was published.
    titles = [hit["title"] for hit in results(client, "Moncton", language)[0]]
    assert all(DRAFT_WORD not in title for title in titles)
    assert titles


def test_an_empty_query_shows_the_form_only(client, network):
    response = client.get(search_url())
    body = response.content.decode()
    assert response.status_code == 200
    assert 'name="q"' in body
    assert 'id="search-count"' not in body
    assert 'id="search-empty"' not in body


def test_the_excerpt_of_the_simple_search_keeps_the_accents():
    text = "Les partenaires planifient le RÉSEAU de comptoirs, un réseau commun."
    excerpt = search.excerpt(text, search.query_words("reseau"))
    assert excerpt == (
        "Les partenaires planifient le <mark>RÉSEAU</mark> de comptoirs, un "
        "<mark>réseau</mark> commun."
    )
    assert search.excerpt("<b> & é", ["e"]) == "&lt;b&gt; &amp; <mark>é</mark>"


# --- Fixed queries --------------------------------------------------------------------------

# The count and one page of entries (2), the date modified (1).
SEARCH_QUERIES = 3


@pytest.mark.parametrize("count", [5, 40])
def test_search_runs_the_same_queries_however_many_entries_match(
    client, author, publisher, count, django_assert_max_num_queries
):
    for _ in range(count):
        publish(CaseStudyFactory(), author=author, publisher=publisher)
    with django_assert_max_num_queries(SEARCH_QUERIES):
        hits, body = results(client, "counter", "en")
    assert len(hits) == min(count, 10)
    assert f"{count} results for" in body
    if count > 10:
        second, _ = results(client, "counter", "en", page=2)
        assert len(second) == 10
        assert {hit["url"] for hit in second}.isdisjoint(hit["url"] for hit in hits)
