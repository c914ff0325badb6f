"""The portal's front page (directory/home.html) tells anonymous visitors what the portal
offers them: the guide, and its featured case studies (public copies only), through the panel
the guide registers (portal/home.py)."""

import lxml.html
import pytest
from django.urls import reverse
from django.utils import translation

from partnerships import workflow
from portal import home
from tests.partnerships.public_content import DRAFT_WORD, case_study_publish

pytestmark = pytest.mark.django_db


def front_page(client, language="en"):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    return response.content.decode()


def featured_titles(body: str) -> list[str]:
    tree = lxml.html.fromstring(body)
    return [a.text_content() for a in tree.xpath("//*[@id='home-guide']//h4/a")]


def test_the_front_page_offers_the_guide_and_its_featured_case_studies(client, guide):
    body = front_page(client)
    tree = lxml.html.fromstring(body)
    links = [a.get("href") for a in tree.xpath("//*[@id='home-guide']//a")]
    assert reverse("partnerships:guide") in links
    assert featured_titles(body) == ["Moncton service hub"]
    assert DRAFT_WORD not in body
    with translation.override("fr"):
        french_guide = reverse("partnerships:guide")
    body = front_page(client, "fr")
    assert featured_titles(body) == ["Carrefour de services de Moncton"]
    assert french_guide in body
    assert DRAFT_WORD not in body


def test_featured_newest_first_a_few_only_and_unpublished_ones_go(client, guide, author, publisher):
    for day in ("2026-11-01", "2026-09-01", "2026-11-15"):
        case_study_publish(
            author=author,
            publisher=publisher,
            title_en=f"Featured {day}",
            featured=True,
            featured_on=day,
        )
    assert featured_titles(front_page(client)) == [
        "Featured 2026-11-15",
        "Featured 2026-11-01",
        "Moncton service hub",
    ]
    workflow.item_unpublish(item=guide["moncton"].working_copy, user=publisher)
    assert featured_titles(front_page(client)) == [
        "Featured 2026-11-15",
        "Featured 2026-11-01",
        "Featured 2026-09-01",
    ]


def test_an_empty_guide_still_offers_the_guide(client, db):
    body = front_page(client)
    assert reverse("partnerships:guide") in body
    assert featured_titles(body) == []


def test_a_panel_key_is_registered_once():
    with pytest.raises(ValueError, match="registered already"):
        home.register(home.Panel("guide", "x.html", context=lambda request: {}))
