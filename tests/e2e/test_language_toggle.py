"""The language toggle: every page links to itself in the other official language."""

import pytest
from playwright.sync_api import expect

from directory.models import Person
from portal.roles import Role
from tests.directory.factories import UserFactory
from tests.e2e.conftest import expect_at, sign_in, url
from workplan.models import Action
from workplan.seed import plan_load

pytestmark = pytest.mark.browser


def toggle(page, to: str):
    """Clicks the header's link to the other language and waits for that page."""
    name = {"fr": "Français", "en": "English"}[to]
    link = page.locator("header").get_by_role("link", name=name, exact=True)
    expect(link).to_have_attribute("lang", to)
    with page.expect_navigation():
        link.click()
    expect(page.locator("html")).to_have_attribute("lang", to)


def path_and_query(page) -> str:
    return page.evaluate("location.pathname + location.search")


def round_trip(page, start: str, french: str):
    """From `start` (an English path) to `french` and back, keeping the query string."""
    page.goto(start)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    toggle(page, "fr")
    assert path_and_query(page) == french
    toggle(page, "en")
    assert path_and_query(page) == start


@pytest.mark.parametrize(
    ("name", "query"),
    [("home", "?from=newsletter"), ("login", "?next=/en/workplan/")],
    ids=["home", "sign-in"],
)
def test_public_pages_switch_language_and_back(page, name, query):
    round_trip(page, url(name, "en") + query, url(name, "fr") + query)


@pytest.fixture
def member(organization):
    plan_load()
    user = UserFactory(username="marie", roles=[Role.MEMBER])
    Person.objects.create(name="Marie Tremblay", user=user, organization=organization)
    return user


# Member pages: (URL name, whether it takes action 1.2's pk, query string).
MEMBER_PAGES = [
    ("account", False, ""),
    ("workplan:dashboard", False, ""),
    ("workplan:plan", False, "?status=in_progress"),
    ("workplan:my_actions", False, ""),
    ("workplan:action", True, ""),
    ("reports:report", False, ""),
]


@pytest.mark.parametrize(
    ("name", "takes_pk", "query"), MEMBER_PAGES, ids=[p[0] for p in MEMBER_PAGES]
)
def test_member_pages_switch_language_and_back(page, member, name, takes_pk, query):
    sign_in(page, "marie")
    kwargs = {"pk": Action.objects.get(activity__number=1, number=2).pk} if takes_pk else {}
    round_trip(page, url(name, "en", **kwargs) + query, url(name, "fr", **kwargs) + query)


def test_the_sign_in_form_in_french_keeps_the_user_in_french(page, member):
    page.goto(url("home", "fr"))
    with page.expect_navigation():
        page.locator("header").get_by_role("link", name="Se connecter").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    sign_in(page, "marie", language="fr")
    expect_at(page, url("workplan:dashboard", "fr"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
