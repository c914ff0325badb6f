"""Posting and translating status updates: language, the action following its latest update,
the history of status changes, and forms that keep what was typed."""

import datetime
import re
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.auth import sign_in
from tests.workplan.factories import ActionFactory, StatusUpdateFactory
from tests.workplan.html_helpers import assert_change
from workplan.models import Action, StatusUpdate

pytestmark = pytest.mark.django_db


def url(name: str, pk: int, language: str = "en") -> str:
    with translation.override(language):
        return reverse(f"workplan:{name}", args=[pk])


def update_data(**fields) -> dict:
    """The update form as a browser sends it, with a form's fresh one-time token."""
    return {
        "submission_token": str(uuid.uuid4()),
        "date": timezone.localdate().isoformat(),
        "status": "in_progress",
        "health": "on_track",
        "progress": "",
        "next_steps": "",
        "challenges": "",
        **fields,
    }


def post_update(client, action, language="en", **fields):
    """Posts the update form as a browser sends it."""
    return client.post(url("update_create", action.pk, language), update_data(**fields))


@pytest.fixture
def action(db):
    return ActionFactory(status="not_started", activity__number=5, number=2)


def test_member_posts_in_french_and_english_readers_see_it_marked(member_client, action):
    response = post_update(
        member_client,
        action,
        "fr",
        progress="La Stratégie de mobilisation a été présentée au CPSSP.",
        next_steps="Préparer l’étude de cas.",
        status="in_progress",
        health="at_risk",
    )
    assert response.status_code == 302
    assert response.url == url("action", action.pk, "fr") + "#updates"
    update = StatusUpdate.objects.get(action=action)
    assert update.language == "fr"
    assert update.progress_fr == "La Stratégie de mobilisation a été présentée au CPSSP."
    assert update.next_steps_fr == "Préparer l’étude de cas."
    assert update.progress_en in ("", None)

    body_en = member_client.get(url("action", action.pk, "en")).content.decode()
    assert re.search(
        r'<div class="shown-text" lang="fr"><p>La Stratégie de mobilisation a été présentée',
        body_en,
    )
    assert "(original French text, no translation yet)" in body_en
    assert "Add the English translation of this update" in body_en

    body_fr = member_client.get(url("action", action.pk, "fr")).content.decode()
    assert '<div class="shown-text"><p>La Stratégie de mobilisation' in body_fr
    assert "texte original en français" not in body_fr
    assert "Ajouter la traduction anglaise de ce point de situation" in body_fr


def test_success_message_in_the_users_language(member_client, action):
    response = post_update(member_client, action, "fr", progress="Fait.")
    page = member_client.get(response.url).content.decode()
    assert "Votre point de situation a été publié." in page
    response = post_update(member_client, action, "en", progress="Done.")
    page = member_client.get(response.url).content.decode()
    assert "Your status update was posted." in page


def test_action_follows_its_latest_update(member_client, member, action):
    today = timezone.localdate()
    post_update(
        member_client,
        action,
        progress="Started.",
        status="in_progress",
        health="on_track",
        date=(today - datetime.timedelta(days=3)).isoformat(),
    )
    action.refresh_from_db()
    assert (action.status, action.health) == ("in_progress", "on_track")
    first = StatusUpdate.objects.get(action=action)
    assert action.last_updated == first.created

    # An update dated earlier, posted later, does not undo the newer one.
    post_update(
        member_client,
        action,
        progress="Catching up on last month.",
        status="delayed",
        health="off_track",
        date=(today - datetime.timedelta(days=30)).isoformat(),
    )
    action.refresh_from_db()
    assert (action.status, action.health) == ("in_progress", "on_track")
    assert action.last_updated == first.created
    assert StatusUpdate.objects.filter(action=action).count() == 2

    # A newer one does.
    post_update(
        member_client,
        action,
        progress="Finished.",
        status="completed",
        health="on_track",
        date=today.isoformat(),
    )
    action.refresh_from_db()
    assert action.status == "completed"
    latest = StatusUpdate.objects.filter(action=action).order_by("-date", "-created").first()
    assert action.last_updated == latest.created


def test_status_change_is_in_the_history_with_who_and_old_to_new(member_client, member, action):
    post_update(member_client, action, progress="Started.", status="in_progress", health="at_risk")
    record = Action.history.filter(id=action.pk).order_by("-history_date").first()
    assert record.history_user == member
    assert record.status == "in_progress"

    body = member_client.get(url("action", action.pk, "en")).content.decode()
    history = body.split('id="history"')[1]
    entry = history.split('class="history-entry')[1]
    assert "Marie Tremblay" in entry  # the member's directory name
    assert_change(entry, "Status", "Not started", "In progress")
    assert_change(entry, "Health", "—", "At risk")

    body_fr = member_client.get(url("action", action.pk, "fr")).content.decode()
    entry_fr = body_fr.split('id="history"')[1].split('class="history-entry')[1]
    assert_change(entry_fr, "État", "Non commencée", "En cours de réalisation")


def test_missing_progress_keeps_what_was_typed(member_client, action):
    response = post_update(
        member_client,
        action,
        "en",
        progress="   ",
        next_steps="Call the FGP team",
        challenges="Budget <unclear>",
        status="delayed",
        health="off_track",
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert not StatusUpdate.objects.exists()
    assert "Your status update was not posted. Please correct the errors below." in body
    assert "Say what progress was made." in body
    form = body.split('id="update-form"')[1].split("</form>")[0]
    assert "Call the FGP team</textarea>" in form
    assert "Budget &lt;unclear&gt;</textarea>" in form
    assert '<option value="delayed" selected>' in form
    assert '<option value="off_track" selected>' in form
    assert "<title>Error:" in body


def test_errors_in_french(member_client, action):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = post_update(
        member_client, action, "fr", progress="Des progrès.", date=tomorrow.isoformat()
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert not StatusUpdate.objects.exists()
    assert "La date ne peut pas être dans le futur." in body
    assert "Votre point de situation n’a pas été publié." in body
    assert "Des progrès.</textarea>" in body
    assert f'value="{tomorrow.isoformat()}"' in body


def test_get_shows_the_form_alone(member_client, action):
    response = member_client.get(url("update_create", action.pk, "fr"))
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="update-form"' in body
    for name in ("date", "status", "health", "progress", "next_steps", "challenges"):
        assert f'name="{name}"' in body
    assert f'value="{timezone.localdate().isoformat()}"' in body  # defaults to today
    assert "Publier un point de situation sur la mesure 5.2" in body


def test_roles(client, editor, action):
    response = post_update(client, action, progress="Hello")
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    sign_in(client, editor)
    assert post_update(client, action, progress="Hello").status_code == 403
    assert (
        client.get(url("update_translate", StatusUpdateFactory(action=action).pk)).status_code
        == 403
    )
    assert StatusUpdate.objects.filter(progress_en="Hello").count() == 0


def test_cochair_posts_too(cochair_client, action):
    assert post_update(cochair_client, action, progress="Co-chair note").status_code == 302
    assert StatusUpdate.objects.get(action=action).progress_en == "Co-chair note"


# --- Translating an update ------------------------------------------------------------------


@pytest.fixture
def french_update(action, member):
    return StatusUpdateFactory(
        action=action,
        author=member,
        language="fr",
        progress_en="",
        progress_fr="Nous avons rencontré l’Équipe de géocartographie d’EDSC.",
        challenges_fr="Données ouvertes à confirmer.",
    )


def test_translation_form_shows_the_original_with_its_language(member_client, french_update):
    response = member_client.get(url("update_translate", french_update.pk, "en"))
    assert response.status_code == 200
    body = response.content.decode()
    assert '<dd lang="fr" class="original-progress"><p>Nous avons rencontré' in body
    assert 'lang="en"' in body.split('id="translation-form"')[1]  # the fields expect English
    assert "English translation of a status update" in body
    body_fr = member_client.get(url("update_translate", french_update.pk, "fr")).content.decode()
    assert "Traduction anglaise d’un point de situation" in body_fr


def test_translating_an_update(member_client, french_update):
    response = member_client.post(
        url("update_translate", french_update.pk, "en"),
        {
            "progress": "We met the ESDC geomatics team.",
            "next_steps": "",
            "challenges": "Open data to be confirmed.",
            "version": french_update.version,
        },
    )
    assert response.status_code == 302
    french_update.refresh_from_db()
    assert french_update.progress_en == "We met the ESDC geomatics team."
    assert french_update.challenges_en == "Open data to be confirmed."
    assert french_update.progress_fr.startswith("Nous avons rencontré")  # original kept
    assert french_update.is_translated

    body = member_client.get(url("action", french_update.action_id, "en")).content.decode()
    assert '<div class="shown-text"><p>We met the ESDC geomatics team.' in body
    assert "(original French text, no translation yet)" not in body
    assert "Add the English translation" not in body
    body_fr = member_client.get(url("action", french_update.action_id, "fr")).content.decode()
    assert "Nous avons rencontré" in body_fr


def test_translation_can_be_corrected(member_client, french_update):
    french_update.progress_en = "We met the team."
    french_update.save()
    body = member_client.get(url("update_translate", french_update.pk, "en")).content.decode()
    assert "We met the team.</textarea>" in body
    assert f'name="version" value="{french_update.version}"' in body
    response = member_client.post(
        url("update_translate", french_update.pk, "en"),
        {"progress": "We met the ESDC geomatics team.", "version": french_update.version},
    )
    assert response.status_code == 302
    french_update.refresh_from_db()
    assert french_update.progress_en == "We met the ESDC geomatics team."


def test_translation_needs_the_progress(member_client, french_update):
    response = member_client.post(
        url("update_translate", french_update.pk, "fr"),
        {"progress": "", "challenges": "Open data to be confirmed.", "version": 1},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Traduisez les progrès réalisés." in body
    assert "Open data to be confirmed.</textarea>" in body
    french_update.refresh_from_db()
    assert not french_update.progress_en
