"""Translating a status update: who may, who did (shown on the action page), the history of
each version, and two translators at once (the second is refused, never overwrites)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone, translation

from directory.models import Person
from portal.dates import long_date
from portal.locking import EditConflict
from portal.roles import Role
from tests.auth import sign_in
from tests.directory.factories import OrganizationFactory, UserFactory
from tests.workplan.factories import ActionFactory
from tests.workplan.html_helpers import assert_change
from workplan.models import StatusUpdate
from workplan.services import status_update_create, status_update_translate

pytestmark = pytest.mark.django_db


def url(name: str, pk: int, language: str = "en") -> str:
    with translation.override(language):
        return reverse(f"workplan:{name}", args=[pk])


def person(username: str, name: str, organization, roles=(Role.MEMBER,)):
    """A user with the roles and a directory entry in the organization."""
    user = UserFactory(username=username, roles=list(roles))
    Person.objects.create(name=name, user=user, organization=organization)
    return user


@pytest.fixture
def snb():
    return OrganizationFactory(key="snb-t", name_en="Service New Brunswick", acronym_en="SNB")


@pytest.fixture
def esdc():
    return OrganizationFactory(key="esdc-t", name_en="ESDC", acronym_en="ESDC")


@pytest.fixture
def author(snb):
    return person("marie", "Marie Tremblay", snb)


@pytest.fixture
def update(author):
    """A French update by Marie (SNB), not yet translated."""
    return status_update_create(
        action=ActionFactory(activity__number=7, number=1),
        author=author,
        language="fr",
        date=timezone.localdate(),
        status="in_progress",
        health="on_track",
        progress="Nous avons rencontré l’équipe.",
    )


def translate(client, update, progress, *, version=None, language="en"):
    return client.post(
        url("update_translate", update.pk, language),
        {
            "progress": progress,
            "next_steps": "",
            "challenges": "",
            "version": update.version if version is None else version,
        },
    )


# --- Who may translate ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("the author", True),
        ("a colleague of the author's organization", True),
        ("a co-chair of another organization", True),
        ("a superuser", True),
        ("a member of another organization", False),
        ("a member with no directory entry", False),
    ],
)
def test_who_may_translate(client, update, snb, esdc, author, who, allowed):
    user = {
        "the author": lambda: author,
        "a colleague of the author's organization": lambda: person("luc", "Luc Roy", snb),
        "a co-chair of another organization": lambda: person(
            "cheryl", "Cheryl Meek", esdc, roles=(Role.COCHAIR,)
        ),
        "a superuser": lambda: UserFactory(superuser=True),
        "a member of another organization": lambda: person("jo", "Jo Smith", esdc),
        "a member with no directory entry": lambda: UserFactory(roles=[Role.MEMBER]),
    }[who]()
    assert update.may_be_translated_by(user) is allowed
    sign_in(client, user)
    action_page = client.get(url("action", update.action_id)).content.decode()
    form_page = client.get(url("update_translate", update.pk))
    response = translate(client, update, "We met the team.")
    update.refresh_from_db()
    if allowed:
        assert "Add the English translation of this update" in action_page
        assert form_page.status_code == 200
        assert response.status_code == 302
        assert update.progress_en == "We met the team."
        assert update.translated_by == user
    else:
        assert 'class="translate-link"' not in action_page
        assert form_page.status_code == 403
        assert response.status_code == 403
        assert not update.progress_en
        assert update.translated_by is None
        assert update.version == 1
        with pytest.raises(PermissionDenied):
            status_update_translate(update=update, user=user, expected_version=1, progress="Forced")


def test_an_editor_is_refused_as_everywhere_in_the_plan(client, update):
    sign_in(client, UserFactory(roles=[Role.EDITOR]))
    assert client.get(url("update_translate", update.pk)).status_code == 403
    assert translate(client, update, "Hijacked").status_code == 403


# --- Who translated, shown; what each saved, kept ----------------------------------------------


def test_the_action_page_names_the_translator_and_the_day(client, update, snb, author):
    colleague = person("luc", "Luc Roy", snb)
    sign_in(client, colleague)
    assert translate(client, update, "We met the team.").status_code == 302
    update.refresh_from_db()
    assert update.translated_at is not None
    with translation.override("en"):
        day = long_date(timezone.localdate(update.translated_at))
    body = client.get(url("action", update.action_id)).content.decode()
    byline = body.split(f'id="update-{update.pk}"')[1].split('class="update-author')[1]
    byline = byline.split("</p>")[0]
    assert "By Marie Tremblay" in byline
    assert f"Translated by Luc Roy on {day}" in byline
    # Translated now: the link offers a correction instead.
    assert "Correct the translation of this update" in body
    assert "Add the English translation of this update" not in body
    # In French, the day in French words.
    body_fr = client.get(url("action", update.action_id, "fr")).content.decode()
    with translation.override("fr"):
        day_fr = long_date(timezone.localdate(update.translated_at))
    byline_fr = body_fr.split(f'id="update-{update.pk}"')[1].split('class="update-author')[1]
    byline_fr = byline_fr.split("</p>")[0]
    assert "Par Marie Tremblay" in byline_fr
    assert "Luc Roy" in byline_fr
    assert day_fr in byline_fr


def test_the_history_keeps_who_saved_what_and_when(client, update, snb, author):
    colleague = person("luc", "Luc Roy", snb)
    cochair = person("cheryl", "Cheryl Meek", snb, roles=(Role.COCHAIR,))
    sign_in(client, colleague)
    translate(client, update, "We met the team.")
    update.refresh_from_db()
    sign_in(client, cochair)
    translate(client, update, "We met the ESDC team.")
    records = list(StatusUpdate.history.filter(id=update.pk).order_by("history_date"))
    assert [
        (r.history_type, r.history_user, r.version, r.progress_en, r.translated_by) for r in records
    ] == [
        ("+", author, 1, None, None),
        ("~", colleague, 2, "We met the team.", colleague),
        ("~", cochair, 3, "We met the ESDC team.", cochair),
    ]
    assert all(r.progress_fr == "Nous avons rencontré l’équipe." for r in records)
    assert records[1].history_date <= records[2].history_date


# --- Two translators at once ----------------------------------------------------------------


def test_a_stale_translation_is_refused_with_what_changed_and_what_was_typed(client, update, snb):
    first = person("luc", "Luc Roy", snb)
    second = person("ana", "Ana Silva", snb)
    # Both open the form on version 1.
    sign_in(client, second)
    assert (
        'name="version" value="1"'
        in client.get(url("update_translate", update.pk)).content.decode()
    )
    sign_in(client, first)
    assert translate(client, update, "We met the team.", version=1).status_code == 302

    sign_in(client, second)
    response = translate(client, update, "Our meeting <went> well.", version=1)
    assert response.status_code == 409
    body = response.content.decode()
    assert 'id="edit-conflict"' in body
    assert "<title>Error:" in body
    assert_change(body, "Progress made (English)", "—", "We met the team.")
    assert_change(body, "Translated by", "—", "Luc Roy")
    form = body.split('id="translation-form"')[1].split("</form>")[0]
    assert "Our meeting &lt;went&gt; well.</textarea>" in form  # what the second one typed
    assert 'name="version" value="2"' in form  # now based on what is saved
    update.refresh_from_db()
    assert (update.progress_en, update.translated_by, update.version) == (
        "We met the team.",
        first,
        2,
    )

    # Saving again, having seen the change, is a deliberate choice: it goes through.
    assert translate(client, update, "Our meeting went well.", version=2).status_code == 302
    update.refresh_from_db()
    assert (update.progress_en, update.translated_by, update.version) == (
        "Our meeting went well.",
        second,
        3,
    )


def test_the_conflict_in_french(client, update, snb):
    sign_in(client, person("luc", "Luc Roy", snb))
    translate(client, update, "We met the team.", version=1)
    response = translate(client, update, "Other words.", version=1, language="fr")
    assert response.status_code == 409
    body = response.content.decode()
    assert "Quelqu’un d’autre a enregistré une modification" in body
    assert "Other words.</textarea>" in body


def test_the_service_refuses_a_stale_version(update, author):
    status_update_translate(update=update, user=author, expected_version=1, progress="One")
    with pytest.raises(EditConflict) as conflict:
        status_update_translate(update=update, user=author, expected_version=1, progress="Two")
    assert conflict.value.current_version == 2
    assert StatusUpdate.objects.get(pk=update.pk).progress_en == "One"
