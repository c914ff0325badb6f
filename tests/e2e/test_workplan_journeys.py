"""Journeys through the work plan: a member posts a status update in French, a co-chair edits
an action. Only what the shared spec fixes is relied on: the URLs, the form ids (#update-form,
#action-form) and their field names, and the header's language toggle."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from directory.models import Person
from portal.roles import Role
from tests.directory.factories import UserFactory
from tests.e2e.conftest import expect_at, sign_in, url
from workplan.models import Action, StatusUpdate
from workplan.seed import plan_load

pytestmark = pytest.mark.browser

PROGRESS_FR = "Le répertoire commun des points de service est à jour pour le Nouveau-Brunswick."
NEXT_STEPS_FR = "Présenter l’ébauche au CPSSP à la réunion d’automne."
CHALLENGES_FR = "Décision requise : qui tient le répertoire à jour après 2027?"


@pytest.fixture
def action_1_2(organization):
    plan_load()
    return Action.objects.select_related("activity").get(activity__number=1, number=2)


def person_user(username: str, role: str, name: str, organization):
    user = UserFactory(username=username, roles=[role])
    user.first_name, user.last_name = name.split(" ", 1)
    user.save()
    Person.objects.create(name=name, user=user, organization=organization)
    return user


def open_action_from_the_plan(page, action, language: str):
    """Goes to the plan and follows the link to the action, as a reader would."""
    page.goto(url("workplan:plan", language))
    link = page.locator(f'main a[href="{url("workplan:action", language, pk=action.pk)}"]').first
    expect(link).to_be_visible()
    with page.expect_navigation():
        link.click()
    expect_at(page, url("workplan:action", language, pk=action.pk))
    expect(page.locator("h1")).to_contain_text(action.code)


def test_a_member_posts_an_update_in_french_and_reads_it_in_english(page, action_1_2, organization):
    person_user("marie", Role.MEMBER, "Marie Tremblay", organization)
    sign_in(page, "marie", language="fr")
    open_action_from_the_plan(page, action_1_2, "fr")

    form = page.locator("#update-form")
    if not form.count():  # the form may live on a page of its own, linked from the action
        path = url("workplan:update_create", "fr", pk=action_1_2.pk)
        with page.expect_navigation():
            page.locator(f'main a[href="{path}"]').first.click()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    form.locator("[name=date]").fill(yesterday.isoformat())
    form.locator("select[name=status]").select_option("in_progress")
    form.locator("select[name=health]").select_option("at_risk")
    form.locator("[name=progress]").fill(PROGRESS_FR)
    form.locator("[name=next_steps]").fill(NEXT_STEPS_FR)
    form.locator("[name=challenges]").fill(CHALLENGES_FR)
    with page.expect_navigation():
        form.locator("[type=submit]").click()

    main = page.locator("main")
    expect(main).to_contain_text(PROGRESS_FR)
    expect(main).to_contain_text(NEXT_STEPS_FR)
    expect(main).to_contain_text(CHALLENGES_FR)
    expect(page.locator("html")).to_have_attribute("lang", "fr")

    update = StatusUpdate.objects.get(action=action_1_2)
    assert update.language == "fr"
    assert update.progress_fr == PROGRESS_FR
    assert update.date == yesterday
    assert (update.status, update.health) == ("in_progress", "at_risk")
    assert update.author.username == "marie"

    # In English the update is shown as written, marked as French for screen readers.
    with page.expect_navigation():
        page.locator("header").get_by_role("link", name="English", exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator('main [lang="fr"]').filter(has_text=PROGRESS_FR).first).to_be_visible()


def test_a_co_chair_edits_an_action_s_remarks_in_both_languages(page, action_1_2, organization):
    person_user("cheryl", Role.COCHAIR, "Cheryl Meek", organization)
    remarks_en = "Reviewed with the council secretariat in November."
    remarks_fr = "Revu avec le secrétariat du Conseil en novembre."
    sign_in(page, "cheryl")
    open_action_from_the_plan(page, action_1_2, "en")

    edit = url("workplan:action_edit", "en", pk=action_1_2.pk)
    with page.expect_navigation():
        page.locator(f'main a[href="{edit}"]').first.click()
    form = page.locator("#action-form")
    form.locator("[name=remarks_en]").fill(remarks_en)
    form.locator("[name=remarks_fr]").fill(remarks_fr)
    with page.expect_navigation():
        form.locator("[type=submit]").last.click()

    expect_at(page, url("workplan:action", "en", pk=action_1_2.pk))
    expect(page.locator("main")).to_contain_text(remarks_en)
    action_1_2.refresh_from_db()
    assert (action_1_2.remarks_en, action_1_2.remarks_fr) == (remarks_en, remarks_fr)

    with page.expect_navigation():
        page.locator("header").get_by_role("link", name="Français", exact=True).click()
    expect(page.locator("main")).to_contain_text(remarks_fr)


def test_a_member_cannot_open_the_action_editor(page, action_1_2, organization):
    person_user("marie", Role.MEMBER, "Marie Tremblay", organization)
    sign_in(page, "marie")
    page.goto(url("workplan:action", "en", pk=action_1_2.pk))
    edit = url("workplan:action_edit", "en", pk=action_1_2.pk)
    expect(page.locator(f'a[href="{edit}"]')).to_have_count(0)
    response = page.goto(edit)
    assert response.status == 403
