"""Rich text is sanitised on the server on every save: a corpus of XSS payloads posted through
the real edit form never reaches the database or, once published, the public page; links of
the allowed kinds and headings are kept."""

import pytest

from partnerships import workflow
from partnerships.models import CaseStudy
from portal.richtext import sanitize
from tests.conftest import main_of
from tests.partnerships.edit_helpers import editor_client, item_data, item_url, url
from tests.partnerships.factories import CaseStudyFactory
from tests.partnerships.xss_corpus import KEPT, XSS_PAYLOADS, scheme_of, unsafe_parts

pytestmark = pytest.mark.django_db

RICH_FIELDS = ("summary_en", "summary_fr", "outcomes_en", "outcomes_fr", "lessons_en", "lessons_fr")


def test_the_corpus_is_large_and_the_checker_catches_each_payload():
    assert len(XSS_PAYLOADS) >= 30
    assert len(set(XSS_PAYLOADS)) == len(XSS_PAYLOADS)
    # Unsanitised, every payload is caught by the checker (or it would prove nothing)…
    # (each followed by a paragraph, as in the form: an unclosed tag takes it in)…
    missed = [payload for payload in XSS_PAYLOADS if not unsafe_parts(f"{payload}<p>After</p>")]
    assert not missed
    # …and sanitised, none is.
    assert not [
        payload for payload in XSS_PAYLOADS if unsafe_parts(sanitize(f"{payload}<p>After</p>"))
    ]


@pytest.mark.parametrize(
    "scheme", ["javascript:x", "JaVaScRiPt:x", "&#106;avascript:x", "java&#9;script:x"]
)
def test_the_checker_reads_schemes_as_a_browser_does(scheme):
    assert scheme_of(scheme) == "javascript"


@pytest.fixture
def author():
    return editor_client("ethan")


@pytest.mark.parametrize("payload", XSS_PAYLOADS, ids=range(len(XSS_PAYLOADS)))
def test_each_payload_posted_through_the_form_is_stored_harmless(author, payload):
    client, _user = author
    case = CaseStudyFactory()
    data = item_data(case, **dict.fromkeys(RICH_FIELDS, f"<p>Before</p>{payload}<p>After</p>"))
    response = client.post(item_url("item_edit", case), data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    case.refresh_from_db()
    for name in RICH_FIELDS:
        stored = getattr(case, name)
        assert unsafe_parts(stored) == [], (name, stored)
        assert "<p>Before</p>" in stored


def test_links_and_headings_are_kept(author):
    client, _user = author
    case = CaseStudyFactory()
    kept = "".join(KEPT.values())
    client.post(item_url("item_edit", case), item_data(case, summary_en=kept, lessons_fr=kept))
    case.refresh_from_db()
    for stored in (case.summary_en, case.lessons_fr):
        assert "<h2>Heading kept</h2>" in stored
        assert "<h3>Subheading kept</h3>" in stored
        for href in ("https://example.ca/guide", "http://example.ca/", "mailto:guide@example.ca"):
            assert f'href="{href}"' in stored
        assert 'href="/en/guide/"' in stored


def test_the_whole_corpus_published_never_reaches_the_public_page(author, client):
    editor, user = author
    case = CaseStudyFactory(title_en="Hostile case", slug_en="hostile-case")
    corpus = "".join(f"<p>Payload {n}:</p>{p}" for n, p in enumerate(XSS_PAYLOADS))
    kept = "".join(KEPT.values())
    data = item_data(
        case,
        summary_en=f"{kept}{corpus}",
        summary_fr=f"{kept}{corpus}",
        outcomes_en=corpus,
        lessons_en=corpus,
    )
    assert editor.post(item_url("item_edit", case), data).status_code == 302
    case.refresh_from_db()
    workflow.item_submit(item=case, user=user)
    _reviewer_client, reviewer = editor_client("sophie")
    workflow.item_publish(item=case, user=reviewer)
    public = CaseStudy.objects.public().get()
    for name in RICH_FIELDS:
        assert unsafe_parts(getattr(public, name)) == [], name
    for language in ("en", "fr"):
        slug = public.slug_en if language == "en" else public.slug_fr
        response = client.get(url("case_study", page_language=language, slug=slug))
        assert response.status_code == 200
        main = main_of(response).decode()
        assert unsafe_parts(main, page=True) == [], language
        # What the editor meant to keep is on the page.
        assert "Heading kept" in main
        assert 'href="https://example.ca/guide"' in main
        assert "Payload 0:" in main
