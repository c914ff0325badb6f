"""The main navigation: sections declared by each app, shown to those who may open them
(portal/navigation.py, each app's navigation.py, base.html)."""

import lxml.html
import pytest
from django.urls import reverse

from portal.navigation import Section, register
from tests.auth import sign_in

pytestmark = pytest.mark.django_db


def nav_links(response) -> list[tuple[str, bool]]:
    """(label, is current) of each link of the main navigation."""
    doc = lxml.html.fromstring(response.content)
    links = doc.xpath('//nav[contains(@class, "portal-nav")]//a')
    return [(a.text_content().strip(), a.get("aria-current") == "page") for a in links]


GUIDE, EDIT_GUIDE = "Partnership guide", "Edit the guide"


@pytest.mark.parametrize(
    ("role", "labels"),
    [
        # The published guide is for everyone; its editing for editors and co-chairs.
        ("anonymous", ["Home", GUIDE]),
        ("editor", ["Home", GUIDE, EDIT_GUIDE]),
        ("steward", ["Home", GUIDE]),
        ("member", ["Home", "Dashboard", "Work plan", "My actions", "Reports", GUIDE]),
        (
            "cochair",
            ["Home", "Dashboard", "Work plan", "My actions", "Reports", GUIDE, EDIT_GUIDE],
        ),
        (
            "superuser",
            [
                "Home",
                "Dashboard",
                "Work plan",
                "My actions",
                "Reports",
                GUIDE,
                EDIT_GUIDE,
                "Administration",
            ],
        ),
    ],
)
def test_each_role_sees_the_sections_it_may_open(client, user_for_role, role, labels):
    user = user_for_role(role)
    if user is not None:
        sign_in(client, user)
    response = client.get(reverse("password_reset"))  # a page every role may open
    assert [label for label, _current in nav_links(response)] == labels


@pytest.mark.parametrize(
    ("url_name", "kwargs", "current"),
    [
        ("workplan:dashboard", {}, "Dashboard"),
        ("workplan:plan", {}, "Work plan"),
        ("workplan:action", {"pk": None}, "Work plan"),
        ("workplan:my_actions", {}, "My actions"),
        ("reports:report", {}, "Reports"),
        ("reports:meeting_create", {}, "Reports"),
    ],
)
def test_the_section_of_the_page_is_marked_current(
    cochair_client, seed_plan, url_name, kwargs, current
):
    from workplan.models import Action

    if "pk" in kwargs:
        kwargs = {"pk": Action.objects.first().pk}
    response = cochair_client.get(reverse(url_name, kwargs=kwargs))
    assert [label for label, is_current in nav_links(response) if is_current] == [current]


def test_labels_follow_the_language(member_client):
    response = member_client.get("/fr/plan-de-travail/")
    assert ("Plan de travail", True) in nav_links(response)


def test_a_section_key_is_registered_once():
    with pytest.raises(ValueError, match="registered already"):
        register(Section("plan", "Again", "workplan:plan"))


def test_a_namespace_marks_every_page_in_it():
    section = Section("x", "X", "reports:report", current=("reports:*",))
    assert section.is_current("reports:meeting_create")
    assert not section.is_current("workplan:plan")
    assert not section.is_current(None)
