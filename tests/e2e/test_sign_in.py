"""Signing in and out through the real form, and reaching the page with the keyboard alone."""

import pytest
from playwright.sync_api import expect

from directory.models import Person
from portal.roles import Role
from tests.directory.factories import UserFactory
from tests.e2e.conftest import expect_at, sign_in, url

pytestmark = pytest.mark.browser


@pytest.fixture
def member(organization):
    user = UserFactory(username="marie", roles=[Role.MEMBER])
    user.first_name, user.last_name = "Marie", "Tremblay"
    user.save()
    Person.objects.create(name="Marie Tremblay", user=user, organization=organization)
    return user


def test_a_wrong_password_shows_the_error_and_keeps_the_user_out(page, member):
    sign_in(page, "marie", "not-the-password")
    expect_at(page, url("login"))
    expect(page.locator("main")).to_contain_text("Please enter a correct username and password.")
    expect(page.locator("main input[name=username]")).to_have_value("marie")
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)


def test_a_wrong_password_is_told_in_french(page, member):
    sign_in(page, "marie", "not-the-password", language="fr")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("main")).to_contain_text(
        "Saisissez un nom d’utilisateur et un mot de passe valides."
    )


def test_signing_in_lands_on_the_dashboard_with_the_name_and_sign_out(page, member):
    sign_in(page, "marie")
    expect_at(page, url("workplan:dashboard"))
    header = page.locator("header")
    expect(header).to_contain_text("Marie Tremblay")
    expect(header.get_by_role("button", name="Sign out")).to_be_visible()


def test_signing_in_without_a_working_group_role_lands_on_home(page, organization):
    UserFactory(username="ethan", roles=[Role.EDITOR])
    sign_in(page, "ethan")
    expect_at(page, url("home"))
    expect(page.locator("header").get_by_role("button", name="Sign out")).to_be_visible()


def test_signing_out_ends_the_session(page, member):
    sign_in(page, "marie")
    with page.expect_navigation():
        page.locator("header").get_by_role("button", name="Sign out").click()
    expect(page.locator("header").get_by_role("link", name="Sign in")).to_be_visible()
    page.goto(url("account"))
    expect_at(page, url("login") + "?next=" + url("account"))


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, language):
    page.goto(url("home", language))
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    expect(focused).to_have_attribute("href", "#main-content")
    expect(focused).to_be_visible()  # visually hidden until focused
    page.keyboard.press("Enter")
    expect(page.locator("main#main-content")).to_be_focused()
