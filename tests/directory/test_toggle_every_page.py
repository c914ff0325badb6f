"""The language toggle on every HTML page of the route table: a link to the same page in the
other language, whose own toggle links back, query string kept."""

import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import translation

from tests.auth import sign_in
from tests.urlmap import ROUTES, samples_create

pytestmark = pytest.mark.django_db

PAGES = [(route, route.roles_with_page()[0]) for route in ROUTES if route.roles_with_page()]
PAGES = [(route, role) for route, role in PAGES if route.page]


def toggle(body: str) -> tuple[str, str]:
    match = re.search(r'<a class="[^"]*language-toggle" href="([^"]+)" lang="(en|fr)"', body)
    assert match, "no language toggle on the page"
    return unescape(match.group(1)), match.group(2)


@pytest.mark.parametrize(("route", "role"), PAGES, ids=[route.name for route, _ in PAGES])
def test_toggle_round_trips(client, user_for_role, route, role):
    kwargs = route.kwargs(samples_create())
    user = user_for_role(role)
    if user:
        sign_in(client, user)
    with translation.override("en"):
        english = reverse(route.name, kwargs=kwargs) + "?ref=toggle"
    response = client.get(english)
    assert response.status_code == 200
    french, lang = toggle(response.content.decode())
    assert lang == "fr"
    assert french.startswith("/fr/")
    assert french.endswith("?ref=toggle")

    response = client.get(french)
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="fr">' in body
    back, lang = toggle(body)
    assert (back, lang) == (english, "en")
