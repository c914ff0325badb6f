"""My actions: the actions that name the signed-in member or their organization."""

import datetime

import lxml.html
import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from directory.models import User
from portal.fuzzydates import FuzzyDate
from portal.roles import Role
from tests.auth import sign_in
from tests.conftest import FRAGMENT_HIT, FRAGMENT_MISS, SIGNED_IN, main_of
from tests.directory.factories import OrganizationFactory, PersonFactory, UserFactory
from tests.workplan.factories import ActionFactory, ActivityFactory
from tests.workplan.html_helpers import codes, page
from workplan.synthetic import synthetic_plan_create

pytestmark = pytest.mark.django_db

URL_EN = "/en/workplan/my-actions/"
URL_FR = "/fr/plan-de-travail/mes-mesures/"


def rows(doc, table_id: str) -> dict[str, list[str]]:
    """Each row's cell texts, keyed by the action code."""
    found = {}
    for row in doc.xpath(f'//table[@id="{table_id}"]/tbody/tr'):
        texts = [" ".join(cell.text_content().split()) for cell in row]
        found[texts[0]] = texts
    return found


@pytest.fixture
def actions(member):
    """Actions naming the member, their organization, both, or neither."""
    today = timezone.localdate()
    person = member.person
    other_person = PersonFactory()
    activity = ActivityFactory(number=1, order=1)

    def make(number, due, status="in_progress", people=(), organizations=()):
        action = ActionFactory(activity=activity, number=number, due=due, status=status)
        action.responsible_people.set(people)
        action.responsible_organizations.set(organizations)
        return action

    return {
        # names the member; due next year
        "1.1": make(1, FuzzyDate.of_year(today.year + 1), people=[person]),
        # names the organization; overdue
        "1.2": make(
            2,
            FuzzyDate.from_date(today - datetime.timedelta(days=5)),
            organizations=[person.organization],
        ),
        # names both the member and the organization (listed once); to be determined
        "1.3": make(3, FuzzyDate.tbd(), people=[person], organizations=[person.organization]),
        # names the member; ongoing
        "1.4": make(4, FuzzyDate.ongoing(), status="ongoing", people=[person]),
        # names someone else and another organization
        "1.5": make(
            5,
            FuzzyDate.of_month(today.year, 1),
            people=[other_person],
            organizations=[other_person.organization],
        ),
        # names no one
        "1.6": make(6, FuzzyDate.of_month(today.year, 2)),
        # completed, names the organization; its due date has passed but it is not overdue
        "1.7": make(
            7,
            FuzzyDate.from_date(today - datetime.timedelta(days=400)),
            status="completed",
            organizations=[person.organization],
        ),
        # names the member; due in a week (sorted before next year)
        "1.8": make(8, FuzzyDate.from_date(today + datetime.timedelta(days=7)), people=[person]),
    }


def test_lists_exactly_the_actions_naming_the_person_or_their_organization(member_client, actions):
    doc = page(member_client.get(URL_EN))
    # Open ones chronologically by due date, then ongoing, then to be determined.
    assert codes(doc, "my-open") == ["1.2", "1.8", "1.1", "1.4", "1.3"]
    assert codes(doc, "my-closed") == ["1.7"]
    body = doc.text_content()
    assert "Action description" in body
    for code in ("1.5", "1.6"):
        assert doc.xpath(f'//a[text()="{code}"]') == []


def test_each_row_shows_status_overdue_marker_and_links(member_client, actions):
    doc = page(member_client.get(URL_EN))
    open_rows = rows(doc, "my-open")
    overdue = open_rows["1.2"]
    assert overdue[2] == "Your organization"
    assert overdue[3].endswith("Overdue")
    assert overdue[4] == "In progress"
    assert overdue[5] == "Not reported yet"
    assert overdue[6] == "Never"
    assert [code for code, row in open_rows.items() if "Overdue" in row[3]] == ["1.2"]
    assert open_rows["1.1"][2] == "You"
    assert open_rows["1.3"][2] == "You"  # named personally as well as through the organization
    assert open_rows["1.4"][3] == "Ongoing"
    assert open_rows["1.3"][3] == "To be determined"
    # The completed action is past its due date but not overdue.
    assert "Overdue" not in rows(doc, "my-closed")["1.7"][3]
    pk = actions["1.2"].pk
    assert doc.xpath(f'//a[@href="{reverse("workplan:action", args=[pk])}"]')
    update = doc.xpath(f'//a[@href="{reverse("workplan:update_create", args=[pk])}"]')[0]
    assert " ".join(update.text_content().split()) == "Post an update on action 1.2"


def test_last_update_is_shown(member_client, actions):
    action = actions["1.1"]
    action.last_updated = timezone.make_aware(datetime.datetime(2026, 3, 14, 12))
    action.health = "at_risk"
    action.save()
    row = rows(page(member_client.get(URL_EN)), "my-open")["1.1"]
    assert row[5] == "At risk"
    assert row[6] == "March 14, 2026"


def test_french_page(member_client, actions):
    with translation.override("fr"):
        assert reverse("workplan:my_actions") == URL_FR
    doc = page(member_client.get(URL_FR))
    assert doc.get("lang") == "fr"
    assert doc.xpath("//h1")[0].text == "Mes mesures"
    overdue = rows(doc, "my-open")["1.2"]
    assert overdue[2] == "Votre organisation"
    assert overdue[3].endswith("Échéance dépassée")
    assert overdue[4] == "En cours de réalisation"
    assert rows(doc, "my-open")["1.3"][3] == "À déterminer"
    assert rows(doc, "my-closed")["1.7"][4] == "Terminée"


def test_nothing_to_list(member_client):
    body = member_client.get(URL_EN).content.decode()
    assert "No open action names you or your organization." in body
    assert "None of your actions is completed or cancelled." in body


def test_a_user_without_a_person_gets_a_clear_message(client):
    sign_in(client, UserFactory(username="unlinked", roles=[Role.MEMBER]))
    doc = page(client.get(URL_EN))
    message = " ".join(doc.xpath('//*[@id="no-person"]')[0].text_content().split())
    assert message.startswith("Your account is not linked to a person in the directory.")
    assert "Ask a co-chair" in message
    assert not doc.xpath("//table")
    doc = page(client.get(URL_FR))
    message = doc.xpath('//*[@id="no-person"]')[0].text_content()
    assert "Votre compte n’est lié à aucune personne du répertoire." in message


def test_cochair_reaches_the_page(cochair_client):
    assert cochair_client.get(URL_EN).status_code == 200


def test_nav_marks_the_page_as_current(member_client):
    doc = page(member_client.get(URL_EN))
    current = doc.xpath('//nav[contains(@class, "portal-nav")]//a[@aria-current="page"]')
    assert [a.text for a in current] == ["My actions"]


# session, user, user's groups (roles), the user's person, the person's organization (shown
# in the lead), the actions naming them (with their activities), the ids naming the person.
MY_ACTIONS_QUERIES = 7


@pytest.mark.parametrize("size", [10, 300])
def test_queries_do_not_grow_with_the_number_of_actions(
    client, size, django_assert_max_num_queries
):
    synthetic_plan_create(actions=size, updates=size * 2)
    # The synthetic actions name this person (every third) and their organization (all).
    user = User.objects.get(username="synthetic-author")
    user.groups.add(Group.objects.get(name=Role.MEMBER))
    sign_in(client, user)
    with django_assert_max_num_queries(MY_ACTIONS_QUERIES + FRAGMENT_MISS):
        response = client.get(URL_EN)
    assert response.status_code == 200
    assert (
        f"The actions of the work plan that name you ({user.person.name}) or your organization"
        f" ({user.person.organization})" in response.content.decode()
    )
    # Asked again, from the fragment cache; someone else's page is their own.
    with django_assert_max_num_queries(SIGNED_IN + FRAGMENT_HIT):
        again = client.get(URL_EN)
    assert main_of(again) == main_of(response)
    other = UserFactory(username="other-member", roles=[Role.MEMBER])
    assert main_of(sign_in(Client(), other).get(URL_EN)) != main_of(response)
    doc = lxml.html.fromstring(response.content.decode())
    listed = len(doc.xpath('//table[@id="my-open"]/tbody/tr')) + len(
        doc.xpath('//table[@id="my-closed"]/tbody/tr')
    )
    assert listed == size


def test_organization_of_another_member_does_not_leak(client, actions):
    stranger = UserFactory(username="stranger", roles=[Role.MEMBER])
    PersonFactory(user=stranger, organization=OrganizationFactory())
    sign_in(client, stranger)
    doc = page(client.get(URL_EN))
    assert doc.xpath("//h1")[0].text == "My actions"  # the stranger's own page, empty
    body = " ".join(doc.text_content().split())
    assert "No open action names you or your organization." in body
    assert "None of your actions is completed or cancelled." in body
    assert codes(doc, "my-open") == []
    assert codes(doc, "my-closed") == []
