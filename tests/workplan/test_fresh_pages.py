"""Pages kept in the fragment cache show every change at once (portal/fragments.py), on both
caches: an edit, a status update, a translation, a renamed organization, a role given or
taken, and a new day."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from portal.fuzzydates import FuzzyDate
from portal.roles import Role
from tests.auth import sign_in
from tests.caches import shared_cache  # noqa: F401 (a fixture)
from tests.conftest import main_of
from tests.directory.factories import UserFactory
from tests.hostile import forms_in_main
from tests.workplan.test_updates import post_update
from workplan.models import Action

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("shared_cache", "seed_plan")]

PLAN = "/en/workplan/"
DASHBOARD = "/en/workplan/dashboard/"
REPORT = "/en/reports/"


def shown(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return main_of(response).decode()


def first_action() -> Action:
    return Action.objects.select_related("activity").order_by("activity__order", "number")[0]


def row_classes(page: str, action: Action) -> str:
    """The classes of the action's row in the plan."""
    found = re.search(
        rf'<tr id="action-{action.activity.number}-{action.number}" class="([^"]*)"', page
    )
    return found.group(1)


def row_cells(page: str, action: Action) -> str:
    start = page.index(f'<tr id="action-{action.activity.number}-{action.number}"')
    return page[start : page.index("</tr>", start)]


def form_post(client: Client, path: str, form_id: str, **values) -> None:
    """Sends a form of the page as a browser would, with some values typed in."""
    response = client.get(path)
    form = next(f for f in forms_in_main(response.content, path) if f.id == form_id)
    response = client.post(form.action, form.submission(**values))
    assert response.status_code == 302, response.content.decode()[:2000]


def test_an_edit_shows_at_once_on_the_plan_and_the_report(member_client, cochair):
    before = shown(member_client, PLAN), shown(member_client, REPORT)
    action = first_action()
    form_post(
        sign_in(Client(), cochair),
        f"/en/workplan/actions/{action.pk}/edit/",
        "action-form",
        description_en="A description changed a minute ago",
    )
    assert all("changed a minute ago" not in page for page in before)
    assert "A description changed a minute ago" in shown(member_client, PLAN)
    assert "A description changed a minute ago" in shown(member_client, REPORT)


def test_a_status_update_shows_at_once_on_the_dashboard_plan_and_report(member_client):
    action = first_action()
    assert "Completed" not in row_cells(shown(member_client, PLAN), action)
    shown(member_client, DASHBOARD), shown(member_client, REPORT)
    response = post_update(
        member_client, action, status="completed", progress="Posted just now, and shown"
    )
    assert response.status_code == 302
    assert "Posted just now, and shown" in shown(member_client, DASHBOARD)
    assert "Posted just now, and shown" in shown(member_client, REPORT)
    assert "Completed" in row_cells(shown(member_client, PLAN), action)


def test_a_translation_shows_at_once_in_the_other_language(member_client, member):
    action = first_action()
    post_update(member_client, action, progress="Written in English")
    update = action.updates.get()
    assert "Written in English" in shown(member_client, "/fr/plan-de-travail/tableau-de-bord/")
    form_post(
        member_client,
        f"/en/workplan/updates/{update.pk}/translate/",
        "translation-form",
        progress="Traduit à l’instant",
    )
    french = shown(member_client, "/fr/plan-de-travail/tableau-de-bord/")
    assert "Traduit à l’instant" in french


def test_a_renamed_organization_shows_at_once(member_client):
    action = first_action()
    organization = action.responsible_organizations.first()
    shown(member_client, PLAN)
    organization.acronym_en = ""
    organization.name_en = "A Renamed Organization"
    organization.save()
    assert "A Renamed Organization" in shown(member_client, PLAN)


def test_a_role_given_or_taken_shows_at_once_and_never_to_another(member_client, member):
    assert "Add an action" not in shown(member_client, PLAN)
    member.groups.add(Group.objects.get(name=Role.COCHAIR))
    cochair_view = Client()
    sign_in(cochair_view, type(member).objects.get(pk=member.pk))  # its roles read anew
    assert "Add an action" in shown(cochair_view, PLAN)
    other = Client()
    sign_in(other, UserFactory(username="another-member", roles=[Role.MEMBER]))
    assert "Add an action" not in shown(other, PLAN)
    member.groups.remove(Group.objects.get(name=Role.COCHAIR))
    assert "Add an action" not in shown(member_client, PLAN)


def test_what_is_overdue_changes_at_midnight(member_client, monkeypatch):
    action = first_action()
    today = timezone.localdate()
    action.due = FuzzyDate.of_day(today.year, today.month, today.day)
    action.status = "in_progress"
    action.save()
    assert "is-overdue" not in row_classes(shown(member_client, PLAN), action)
    tomorrow = today + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    assert "is-overdue" in row_classes(shown(member_client, PLAN), action)


def test_the_action_page_shows_a_new_update_its_status_and_form_at_once(member_client):
    action = first_action()
    page = f"/en/workplan/actions/{action.pk}/"
    assert "Seen on the action page" not in shown(member_client, page)
    post_update(member_client, action, status="on_hold", progress="Seen on the action page")
    after = shown(member_client, page)
    assert "Seen on the action page" in after
    facts = after[after.index('id="action-facts"') : after.index("</dl>")]
    assert "On hold" in facts
    # The empty form starts from where the action now stands.
    form = member_client.get(page).content.decode()
    assert re.search(r'<option value="on_hold" selected>', form)


def test_the_translate_link_is_the_readers_own(member, member_client, organization):
    """An update's "translate" link shows to those who may translate it, whoever read first."""
    action = first_action()
    post_update(member_client, action, progress="Only my organization translates this")
    page = f"/en/workplan/actions/{action.pk}/"
    assert "translate-link" in shown(member_client, page)
    stranger = UserFactory(username="stranger", roles=[Role.MEMBER])
    assert "translate-link" not in shown(sign_in(Client(), stranger), page)
    assert "translate-link" in shown(member_client, page)
