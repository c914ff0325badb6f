import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from tests.auth import sign_in

pytestmark = pytest.mark.django_db


def html_lang(response) -> str:
    return re.search(r'<html lang="([a-z-]+)"', response.content.decode()).group(1)


def test_home_in_english(client):
    response = client.get("/en/")
    assert response.status_code == 200
    assert html_lang(response) == "en"
    body = response.content.decode()
    assert "Service Network Collaboration Portal" in body
    assert "Skip to main content" in body


def test_home_in_french(client):
    response = client.get("/fr/")
    assert response.status_code == 200
    assert html_lang(response) == "fr"
    body = response.content.decode()
    assert "Portail de la collaboration des réseaux de services" in body
    assert "Passer au contenu principal" in body
    assert "Service Network Collaboration Portal" not in body


def test_root_redirects_to_the_browsers_language(client):
    assert client.get("/", headers={"accept-language": "fr-CA,fr;q=0.9"}).url == "/fr/"
    assert client.get("/", headers={"accept-language": "en-CA,en;q=0.9"}).url == "/en/"


def test_french_paths_are_translated():
    with translation.override("fr"):
        assert reverse("workplan:plan") == "/fr/plan-de-travail/"
        assert reverse("login") == "/fr/connexion/"
    with translation.override("en"):
        assert reverse("workplan:plan") == "/en/workplan/"


def test_toggle_keeps_the_query_string(member_client):
    body = member_client.get("/en/workplan/?status=ongoing&page=2").content.decode()
    assert 'href="/fr/plan-de-travail/?status=ongoing&amp;page=2"' in body


def test_dates_follow_the_language(client):
    body_en = client.get("/en/").content.decode()
    body_fr = client.get("/fr/").content.decode()
    assert re.search(r"<time datetime=\"\d{4}-\d{2}-\d{2}\">", body_en)
    assert "Date modified:" in body_en
    assert "Date de modification\xa0:" in body_fr


@pytest.mark.parametrize("role", ["member", "editor", "steward", "cochair"])
def test_each_role_group_exists(role):
    assert Group.objects.filter(name=role).exists()


def test_anonymous_is_sent_to_sign_in_from_a_member_page(client):
    response = client.get("/en/workplan/")
    assert response.status_code == 302
    assert response.url.startswith("/en/sign-in/?next=/en/workplan/")


def test_anonymous_reaches_a_public_page(client):
    assert client.get("/en/sign-in/").status_code == 200


def test_signed_in_user_without_the_role_is_refused(client, editor):
    sign_in(client, editor)
    assert client.get("/en/workplan/").status_code == 403


def test_member_reaches_a_member_page(member_client):
    assert member_client.get("/en/workplan/").status_code == 200


def test_content_security_policy_forbids_inline_script(client):
    policy = client.get("/en/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_refusal_page_is_in_the_users_language(client, editor):
    sign_in(client, editor)
    response = client.get("/fr/plan-de-travail/")
    assert response.status_code == 403
    assert "Accès refusé" in response.content.decode()


def test_missing_page_is_in_the_users_language(client, settings):
    settings.DEBUG = False
    response = client.get("/fr/nulle-part/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()
