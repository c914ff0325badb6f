"""Home is the dashboard for working-group members; others see the front page."""

import pytest
from pytest_django.asserts import assertTemplateUsed

from tests.auth import sign_in
from tests.directory.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("home", "dashboard"),
    [("/en/", "/en/workplan/dashboard/"), ("/fr/", "/fr/plan-de-travail/tableau-de-bord/")],
)
def test_member_is_sent_to_the_dashboard(member_client, home, dashboard):
    response = member_client.get(home)
    assert response.status_code == 302
    assert response.url == dashboard


@pytest.mark.parametrize("role", ["cochair", "superuser"])
def test_cochair_and_superuser_count_as_members(client, user_for_role, role):
    sign_in(client, user_for_role(role))
    response = client.get("/en/")
    assert response.status_code == 302
    assert response.url == "/en/workplan/dashboard/"


@pytest.mark.parametrize("role", ["editor", "steward"])
def test_signed_in_user_without_the_member_role_sees_the_front_page(client, user_for_role, role):
    sign_in(client, user_for_role(role))
    response = client.get("/en/")
    assert response.status_code == 200
    assert "does not give access to the working group" in response.content.decode()


def test_anonymous_visitor_sees_the_front_page(client):
    response = client.get("/en/")
    assert response.status_code == 200
    assertTemplateUsed(response, "directory/home.html")
    # The front page's own sign-in button, not the one in every page's header.
    assert '<a class="btn btn-primary" href="/en/sign-in/">Sign in</a>' in response.content.decode()


def test_signing_in_lands_a_member_on_the_dashboard(client, member):
    response = client.post(
        "/en/sign-in/", {"username": "member", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1] == ("/en/workplan/dashboard/", 302)
    assert response.status_code == 200
    assert "<h1>Dashboard</h1>" in response.content.decode()
