"""A request too large to read (over DATA_UPLOAD_MAX_MEMORY_SIZE) gets the portal's own 400
page, in the reader's language with the portal's layout, never Django's bare "Bad Request"."""

import re
import uuid

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation

from tests.workplan.factories import ActionFactory, ActivityFactory
from workplan.models import Activity, StatusUpdate

pytestmark = pytest.mark.django_db

# Over Django's limit on a request's form data (2.5 MB by default).
OVERSIZE = 3 * 1024 * 1024
assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE < OVERSIZE


def url(name: str, pk: int, language: str) -> str:
    with translation.override(language):
        return reverse(f"workplan:{name}", args=[pk])


def in_language(language: str, text: str) -> str:
    with translation.override(language):
        return translation.gettext(text)


def assert_portal_400(response, language: str) -> None:
    assert response.status_code == 400
    body = response.content.decode()
    assert re.search(rf'<html lang="{language}"', body)
    title = in_language(language, "The request could not be read")
    assert f"<title>{title} – " in body
    assert f"<h1>{title}</h1>" in body
    # The portal's layout and the way back, in the reader's language.
    assert in_language(language, "Skip to main content") in body
    assert f'href="/{language}/">{in_language(language, "Go to the home page")}</a>' in body


# DEBUG on shows Django's technical page for the same error (with status 400); production
# (DEBUG off, as pytest-django runs tests) renders handler400, portal.errors.bad_request.
@override_settings(DEBUG=False)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_oversize_status_update_gets_the_portals_400_page(member_client, language):
    action = ActionFactory()
    data = {
        "submission_token": str(uuid.uuid4()),
        "date": timezone.localdate().isoformat(),
        "status": "in_progress",
        "health": "on_track",
        "progress": "x" * OVERSIZE,
    }
    response = member_client.post(url("update_create", action.pk, language), data)
    assert_portal_400(response, language)
    assert not StatusUpdate.objects.exists()


@override_settings(DEBUG=False)
def test_an_oversize_url_encoded_body_too(member_client):
    action = ActionFactory()
    response = member_client.post(
        url("update_create", action.pk, "fr"),
        "progress=" + "x" * OVERSIZE,
        content_type="application/x-www-form-urlencoded",
    )
    assert_portal_400(response, "fr")
    assert not StatusUpdate.objects.exists()


@override_settings(DEBUG=False)
def test_an_activity_with_two_huge_objectives(cochair_client):
    """The probe's case: 2 MB in each language, once a bare "Bad Request (400)"."""
    activity = ActivityFactory(objective_en="Share", objective_fr="Partager")
    huge = "é" * (1024 * 1024)  # two bytes each: 2 MB per language
    response = cochair_client.post(
        url("activity_edit", activity.pk, "en"),
        {
            "number": activity.number,
            "objective_en": huge,
            "objective_fr": huge,
            "priority": activity.priority,
            "order": activity.order,
            "version": activity.version,
        },
    )
    assert_portal_400(response, "en")
    assert Activity.objects.get(pk=activity.pk).objective_en == "Share"
