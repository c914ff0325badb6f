"""The guide as the public reads it (partnerships/views/public.py): published content only,
in both languages, each page with its date modified; the case-study filters; slugs of the
other language sent on; fixed query counts as the guide grows."""

import lxml.html
import pytest
from django.core.cache import cache
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation

from partnerships import workflow
from partnerships.models import CaseStudy
from tests.caches import shared_cache  # noqa: F401 (a fixture)
from tests.conftest import FRAGMENT_HIT, FRAGMENT_MISS, main_of
from tests.partnerships.factories import CaseStudyFactory
from tests.partnerships.public_content import DRAFT_WORD, publish

pytestmark = pytest.mark.django_db


def url(name, language="en", **kwargs) -> str:
    with translation.override(language):
        return reverse(f"partnerships:{name}", kwargs=kwargs or None)


def page(client, address, **params):
    response = client.get(address, params)
    assert response.status_code == 200, address
    return response.content.decode()


def date_modified(body: str) -> str:
    return (
        lxml.html.fromstring(body)
        .xpath("//dl[contains(@class, 'date-modified')]//time")[0]
        .get("datetime")
    )


def case_titles(body: str) -> list[str]:
    tree = lxml.html.fromstring(body)
    return [a.text_content().strip() for a in tree.xpath("//*[@id='case-list']//h3/a")]


def public_addresses(guide, language):
    with translation.override(language):
        return [
            url("guide", language),
            guide["chapter"].get_absolute_url(),
            url("case_studies", language),
            guide["moncton"].get_absolute_url(),
            guide["yukon"].get_absolute_url(),
            url("contacts", language),
        ]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_draft_on_any_public_page(client, guide, language):
    for address in public_addresses(guide, language):
        body = page(client, address)
        assert DRAFT_WORD not in body, address
    for address in (url("case_studies", language), url("guide", language)):
        assert DRAFT_WORD not in page(client, address, province="NB")
    # The draft's own address (either slug) is not a page.
    draft = CaseStudy.objects.working().get(title_en__startswith=DRAFT_WORD)
    for slug in (draft.slug_en, draft.slug_fr):
        assert client.get(url("case_study", language, slug=slug)).status_code == 404


def test_the_guide_home_lists_chapters_sections_and_featured_case_studies(client, guide):
    body = page(client, url("guide"))
    tree = lxml.html.fromstring(body)
    contents = [a.text_content() for a in tree.xpath("//*[@id='guide-contents']//a")]
    assert contents == ["Working together", "Shared counters", "Measuring results"]
    featured = [a.text_content() for a in tree.xpath("//*[@id='featured']//h3/a")]
    assert featured == ["Moncton service hub"]
    assert tree.xpath(f"//a[@href='{url('guide_pdf')}']")
    assert date_modified(body) == timezone.localdate(guide["yukon"].modified).isoformat()


def test_the_guide_home_in_french(client, guide):
    tree = lxml.html.fromstring(page(client, url("guide", "fr")))
    contents = [a.text_content() for a in tree.xpath("//*[@id='guide-contents']//a")]
    assert contents == ["Travailler ensemble", "Comptoirs partagés", "Mesurer les résultats"]
    assert [a.get("href") for a in tree.xpath("//*[@id='guide-contents']//a")][1] == (
        url("chapter", "fr", slug="travailler-ensemble") + "#comptoirs-partages"
    )


def test_a_chapter_shows_its_sections_with_anchors(client, guide):
    body = page(client, guide["chapter"].get_absolute_url())
    tree = lxml.html.fromstring(body)
    assert tree.xpath("//h1")[0].text_content() == "Chapter 1: Working together"
    section = tree.get_element_by_id("shared-counters")
    assert section.xpath(".//h2")[0].text_content() == "Shared counters"
    assert "<strong>network</strong>" in body
    assert date_modified(body) >= timezone.localdate(guide["chapter"].modified).isoformat()
    # The language toggle goes to the French page's own address.
    toggle = tree.xpath("//a[contains(@class, 'language-toggle')]")[0].get("href")
    assert toggle == url("chapter", "fr", slug="travailler-ensemble")


def test_the_other_languages_slug_is_sent_on_for_good(client, guide):
    response = client.get(url("chapter", "fr", slug="working-together"))
    assert response.status_code == 301
    assert response.url == url("chapter", "fr", slug="travailler-ensemble")
    response = client.get(url("case_study", "en", slug="carrefour-de-services-de-moncton"))
    assert response.status_code == 301
    assert response.url == url("case_study", "en", slug="moncton-service-hub")
    body = page(client, response.url)
    assert "<h1>Moncton service hub</h1>" in body


def test_the_language_toggle_of_a_case_study_reaches_the_french_page(client, guide):
    tree = lxml.html.fromstring(page(client, guide["moncton"].get_absolute_url()))
    toggle = tree.xpath("//a[contains(@class, 'language-toggle')]")[0].get("href")
    body = page(client, toggle)
    assert "<h1>Carrefour de services de Moncton</h1>" in body


def test_a_case_study_shows_everything_about_it(client, guide):
    moncton = guide["moncton"]
    body = page(client, moncton.get_absolute_url())
    tree = lxml.html.fromstring(body)
    facts = {
        dt.text_content().strip(): " ".join(dd.text_content().split())
        for dt, dd in zip(
            tree.xpath("//*[@id='case-facts']/dt"),
            tree.xpath("//*[@id='case-facts']/dd"),
            strict=True,
        )
    }
    partners = [
        " ".join(li.text_content().split()) for li in tree.xpath("//*[@id='case-facts']//li")
    ]
    assert partners == ["City of Moncton (Municipal)", "Service Canada (Federal)"]
    assert facts["Partnership models"] == "Co-location"
    assert facts["Services involved"] == "Passport"
    assert facts["Where"] == "Moncton, New Brunswick"
    assert facts["Year started"] == "2019"
    assert facts["Status"] == "Active"
    assert "Clients make one trip instead of three." in body
    assert "Nadia Cormier" in body
    assert date_modified(body) == timezone.localdate(moncton.modified).isoformat()


def test_a_case_study_in_french(client, guide):
    with translation.override("fr"):
        address = guide["moncton"].get_absolute_url()
    body = page(client, address)
    assert "Ville de Moncton" in body
    assert "Colocalisation" in body
    assert "Passeport" in body
    assert "Les clients se déplacent une fois au lieu de trois." in body


def test_the_contacts_page(client, guide):
    tree = lxml.html.fromstring(page(client, url("contacts")))
    assert "Guide Desk" in tree.get_element_by_id("guide-contacts").text_content()
    partnership = tree.get_element_by_id("partnership-contacts").text_content()
    assert "Nadia Cormier" in partnership
    assert "Moncton service hub" in partnership
    assert "Guide Desk" not in partnership


# --- Filters ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["Moncton service hub", "Yukon call centre"]),
        ({"model": "co-location"}, ["Moncton service hub"]),
        ({"government": "federal"}, ["Moncton service hub", "Yukon call centre"]),
        ({"government": "municipal"}, ["Moncton service hub"]),
        ({"province": "YT"}, ["Yukon call centre"]),
        ({"service": "licence"}, ["Yukon call centre"]),
        ({"status": "pilot"}, ["Yukon call centre"]),
        # Filters combine: every one must match.
        ({"government": "federal", "status": "active"}, ["Moncton service hub"]),
        ({"government": "municipal", "province": "YT"}, []),
        ({"model": "call-centre", "service": "passport"}, []),
    ],
)
def test_the_case_study_filters(client, guide, params, expected):
    query = dict(params)
    if "model" in query:
        query["model"] = guide["models"][query["model"]].pk
    if "service" in query:
        query["service"] = guide["services"][query["service"]].pk
    body = page(client, url("case_studies"), **query)
    assert case_titles(body) == expected
    count = lxml.html.fromstring(body).get_element_by_id("case-count").text_content()
    assert str(len(expected)) in count
    if not expected:
        assert "No case study matches these filters." in body


def test_the_filter_labels_and_options_are_in_the_pages_language(client, guide):
    tree = lxml.html.fromstring(page(client, url("case_studies", "fr")))
    options = [
        o.text_content()
        for o in tree.xpath("//*[@id='case-filters']//select[@name='model']/option")
    ]
    assert "Colocalisation" in options
    assert tree.xpath("//*[@id='case-filters']//label[@for='id_model']")
    assert case_titles(lxml.html.tostring(tree, encoding=str)) == [
        "Carrefour de services de Moncton",
        "Centre d'appels du Yukon",
    ]


def test_a_filter_out_of_range_is_a_form_error_not_a_failure(client, guide):
    response = client.get(url("case_studies"), {"model": "999999", "province": "XX"})
    assert response.status_code == 200
    assert "invalid-feedback" in response.content.decode()


# --- Fixed queries ------------------------------------------------------------------------------


def _grow(count, author, publisher, guide):
    for _ in range(count):
        case = CaseStudyFactory()
        case.partnership_models.set(guide["models"].values())
        case.services.set(guide["services"].values())
        publish(case, author=author, publisher=publisher)


# The case-study list: the count and the page (2), their organizations, models and services
# (3), the date modified (1), the filter form's models and services (2); and the fragment
# cache's own. From the cache: the count and the date modified, which the view reads.
CASE_LIST_QUERIES = 8
CASE_LIST_CACHED = 2


@pytest.mark.parametrize("extra", [3, 38])
def test_the_case_study_list_runs_the_same_queries_as_it_grows(
    client, guide, author, publisher, extra, django_assert_max_num_queries
):
    _grow(extra, author, publisher, guide)
    with django_assert_max_num_queries(CASE_LIST_QUERIES + FRAGMENT_MISS):
        response = client.get(url("case_studies"), {"government": "provincial"})
    assert response.status_code == 200
    assert len(case_titles(response.content.decode())) == min(extra, 20)
    with django_assert_max_num_queries(CASE_LIST_CACHED + FRAGMENT_HIT):
        again = client.get(url("case_studies"), {"government": "provincial"})
    assert main_of(again) == main_of(response)


def test_only_addresses_of_valid_filters_are_kept_in_the_cache(client, guide, author, publisher):
    """One fragment for every address of the same list; none for an address with parameters
    of its own (they would end up in the page links another reader is shown) or a refused
    value (anyone could otherwise fill the cache)."""

    def fragments_kept() -> int:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT COUNT(*) FROM portal_cache WHERE cache_key LIKE %s",
                ["%fragment:case-studies:%"],
            )
            return cursor.fetchone()[0]

    # Browser tests commit rows to the cache table, which no flush empties (rolled back here).
    cache.clear()
    _grow(21, author, publisher, guide)  # a second page: links that carry the query string
    assert "utm=" in page(client, url("case_studies"), utm="mine")
    assert "utm=" not in page(client, url("case_studies"))

    for params in ({"status": "active"}, {"status": "active", "province": "", "page": "1"}):
        assert "case-list" in page(client, url("case_studies"), **params)
    assert fragments_kept() == 2  # the whole list, and the active ones
    for n in range(3):
        assert "case-list" in page(client, url("case_studies"), status="active", utm=str(n))
        body = page(client, url("case_studies"), status=f"bogus-{n}")
        assert f"bogus-{n}" not in case_titles(body)
        assert "is-invalid" in body  # the refused value is said, in the page as it was asked
    assert fragments_kept() == 2  # the whole list, and the active ones


@pytest.mark.usefixtures("shared_cache")
def test_the_cached_list_shows_a_publication_and_an_unpublication_at_once(
    client, guide, author, publisher
):
    before = case_titles(page(client, url("case_studies")))
    case = CaseStudyFactory(title_en="Newly published partnership")
    public = publish(case, author=author, publisher=publisher)
    after = case_titles(page(client, url("case_studies")))
    assert sorted(after) == sorted([*before, public.title_en])
    workflow.item_unpublish(item=CaseStudy.objects.get(pk=case.pk), user=publisher)
    assert case_titles(page(client, url("case_studies"))) == before


@pytest.mark.parametrize("extra", [3, 38])
def test_the_guide_home_and_a_case_study_run_fixed_queries(
    client, guide, author, publisher, extra, django_assert_max_num_queries
):
    _grow(extra, author, publisher, guide)
    # Chapters and sections (2), featured (1), date modified (1).
    with django_assert_max_num_queries(4):
        assert client.get(url("guide")).status_code == 200
    # The case study and its 4 kinds of links (5).
    with django_assert_max_num_queries(5):
        assert client.get(guide["moncton"].get_absolute_url()).status_code == 200
    # The contacts with their case studies (2), the date modified (1).
    with django_assert_max_num_queries(3):
        assert client.get(url("contacts")).status_code == 200
