"""The whole public guide as one PDF (partnerships/pdf.py, templates/partnerships/guide.typ),
in each language: a table of contents, the chapters with their sections, the case studies;
never a draft; rich text laid out as text, never as markup."""

import io

import pypdf
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from partnerships import pdf
from portal.models import AuditEntry
from tests.partnerships.public_content import DRAFT_WORD, case_study_publish

pytestmark = pytest.mark.django_db

TITLES = {
    "en": ["Working together", "Shared counters", "Measuring results"],
    "fr": ["Travailler ensemble", "Comptoirs partagés", "Mesurer les résultats"],
}
CASES = {
    "en": ["Moncton service hub", "Yukon call centre"],
    "fr": ["Carrefour de services de Moncton", "Centre d'appels du Yukon"],
}


def download(client, language):
    with translation.override(language):
        address = reverse("partnerships:guide_pdf")
    response = client.get(address)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response


def pages_text(content: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(content))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def outline_titles(content: bytes) -> list[str]:
    def walk(items):
        for item in items:
            if isinstance(item, list):
                yield from walk(item)
            else:
                yield item.title

    return list(walk(pypdf.PdfReader(io.BytesIO(content)).outline))


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_guide_pdf_in_each_language(client, guide, language):
    response = download(client, language)
    content = b"".join(response.streaming_content) if response.streaming else response.content
    texts = pages_text(content)
    everything = " ".join(texts)
    # The first page holds the table of contents: every chapter, section and case study.
    contents_page = texts[0]
    for title in TITLES[language] + CASES[language]:
        assert title in contents_page, title
        assert everything.count(title) >= 2, title  # in the contents and in the body
    assert outline_titles(content)[:3] == [
        f"1. {TITLES[language][0]}",
        TITLES[language][1],
        f"2. {TITLES[language][2]}",
    ]
    assert DRAFT_WORD not in everything
    # The chapter's section and the case study's outcomes, in the language.
    if language == "fr":
        assert "réseau" in everything
        assert "Les clients se déplacent une fois au lieu de trois." in everything
    else:
        assert "Clients make one trip instead of three." in everything
    reader = pypdf.PdfReader(io.BytesIO(content))
    assert reader.trailer["/Root"]["/Lang"] == f"{language}-CA"
    assert b"pdfuaid:part" in content  # tagged, and claims PDF/UA-1
    # Named in the language, dated by the latest publication; a public file is no security
    # event: the audit trail is left alone.
    day = timezone.localdate(guide["yukon"].modified).isoformat()
    assert f"-{day}-{language}.pdf" in response["Content-Disposition"]
    assert not AuditEntry.objects.filter(kind="download").exists()


def test_text_that_looks_like_markup_is_printed_as_it_is(guide, author, publisher):
    case_study_publish(
        author=author,
        publisher=publisher,
        title_en="Markup #set text(red) $x$ [link]",
        summary_en=(
            '<p>See <a href="https://example.ca/a">the <strong>partner</strong> site</a> '
            "and #emph[nothing] &lt;b&gt;or this&lt;/b&gt; */ ]].</p>"
            "<ul><li>first point</li><li>second point</li></ul>"
            "<h2>A heading in a summary</h2>"
        ),
    )
    everything = " ".join(pages_text(pdf.render("en")))
    assert "Markup #set text(red) $x$ [link]" in everything
    assert "#emph[nothing] <b>or this</b> */ ]]." in everything
    assert "the partner site" in everything
    assert "• first point" in everything
    assert "A heading in a summary" in everything


def test_the_blocks_of_rich_text():
    blocks = pdf.blocks(
        "<h2>Title</h2><p>One <em>two</em>\n  <a href='/relative'>three</a><br>four</p>"
        "<ol start='3'><li>item</li></ol><table><tr><th>A</th><th>B</th></tr>"
        "<tr><td>1</td></tr></table><hr>"
    )
    assert blocks == [
        {"kind": "heading", "level": 1, "runs": [{"text": "Title"}]},
        {
            "kind": "paragraph",
            "lang": None,
            "runs": [
                {"text": "One "},
                {"text": "two", "italic": True},
                {"text": " "},
                {"text": "three"},  # a relative link is kept as its words
                {"break": True},
                {"text": "four"},
            ],
        },
        {"kind": "item", "depth": 1, "marker": "3.", "runs": [{"text": "item"}]},
        {
            "kind": "table",
            "columns": 2,
            "header": True,
            "rows": [[[{"text": "A"}], [{"text": "B"}]], [[{"text": "1"}]]],
        },
        {"kind": "rule"},
    ]


def test_an_empty_guide_still_makes_a_pdf(client, db):
    content = download(client, "en").content
    assert "Nothing has been published in the guide yet." in " ".join(pages_text(content))
