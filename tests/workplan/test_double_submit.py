"""A status-update form sent twice (a double click, a resent request) stores one update: each
rendering of the form carries a one-time token, stored with the update it posted."""

import re
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from tests.auth import sign_in
from tests.directory.factories import UserFactory
from tests.workplan.factories import ActionFactory
from tests.workplan.test_updates import update_data
from workplan.models import Action, StatusUpdate
from workplan.services import status_update_create

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'<input type="hidden" name="submission_token" value="([^"]*)"')


def url(name: str, pk: int, language: str = "en") -> str:
    with translation.override(language):
        return reverse(f"workplan:{name}", args=[pk])


@pytest.fixture
def action(db):
    return ActionFactory(status="not_started")


def token_on(client, page_url) -> str:
    """The token of the update form the page renders."""
    found = TOKEN.findall(client.get(page_url).content.decode())
    assert len(found) == 1
    return found[0]


def form_data(token, **fields) -> dict:
    return update_data(**{"submission_token": token, "progress": "Met the team.", **fields})


def test_the_same_form_posted_twice_stores_one_update(member_client, action):
    token = token_on(member_client, url("action", action.pk))
    assert uuid.UUID(token)
    data = form_data(token)
    first = member_client.post(url("update_create", action.pk), data)
    second = member_client.post(url("update_create", action.pk), data)
    # Both answer as a success, to the same place: the second found what the first stored.
    assert (first.status_code, second.status_code) == (302, 302)
    assert first.url == second.url == url("action", action.pk) + "#updates"
    update = StatusUpdate.objects.get(action=action)
    assert update.submission_token == uuid.UUID(token)
    # The action followed it once: one history record for its status change, not two.
    assert Action.history.filter(id=action.pk, status="in_progress").count() == 1
    assert "Your status update was posted." in member_client.get(second.url).content.decode()


def test_two_forms_store_two_updates(member_client, action):
    # Each rendering carries a new token: the page and the form's own page alike.
    tokens = [
        token_on(member_client, url("action", action.pk)),
        token_on(member_client, url("update_create", action.pk)),
    ]
    assert tokens[0] != tokens[1]
    for token in tokens:
        data = form_data(token, progress="Same words.")
        assert member_client.post(url("update_create", action.pk), data).status_code == 302
    assert StatusUpdate.objects.filter(action=action).count() == 2


def test_a_form_shown_again_with_errors_keeps_its_token(member_client, action):
    token = token_on(member_client, url("action", action.pk))
    response = member_client.post(url("update_create", action.pk), form_data(token, progress=""))
    assert response.status_code == 200
    assert TOKEN.findall(response.content.decode()) == [token]
    data = form_data(token)
    assert member_client.post(url("update_create", action.pk), data).status_code == 302
    assert member_client.post(url("update_create", action.pk), data).status_code == 302
    assert StatusUpdate.objects.filter(action=action).count() == 1


@pytest.mark.parametrize("token", [None, "", "not-a-token", "1' OR '1'='1"])
def test_a_missing_or_forged_token_is_refused_and_a_new_one_offered(member_client, action, token):
    data = form_data(token)
    if token is None:
        del data["submission_token"]
    response = member_client.post(url("update_create", action.pk), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "The form was incomplete; load the page again." in body
    assert "Met the team.</textarea>" in body  # what was typed is kept
    assert not StatusUpdate.objects.exists()
    # The form shown again carries a token that works: sending it again posts the update.
    fresh = TOKEN.findall(body)
    assert len(fresh) == 1
    assert uuid.UUID(fresh[0])
    again = member_client.post(url("update_create", action.pk), form_data(fresh[0]))
    assert again.status_code == 302
    assert StatusUpdate.objects.count() == 1


def test_someone_elses_token_is_refused(client, member_client, action):
    token = token_on(member_client, url("action", action.pk))
    member_client.post(url("update_create", action.pk), form_data(token))
    other = UserFactory(roles=["member"])
    sign_in(client, other)
    response = client.post(url("update_create", action.pk), form_data(token, progress="Mine."))
    assert response.status_code == 200
    assert "The form was incomplete; load the page again." in response.content.decode()
    assert StatusUpdate.objects.get().progress_en == "Met the team."  # the first one's only
    assert not StatusUpdate.objects.filter(author=other).exists()


def test_the_service_returns_the_update_already_posted(action):
    author = UserFactory()
    token = uuid.uuid4()
    fields = {
        "action": action,
        "author": author,
        "language": "en",
        "date": timezone.localdate(),
        "status": "delayed",
        "health": "at_risk",
        "progress": "Late.",
        "submission_token": token,
    }
    first = status_update_create(**fields)
    second = status_update_create(**fields)
    assert first.pk == second.pk
    assert StatusUpdate.objects.count() == 1
    assert StatusUpdate.history.filter(id=first.pk).count() == 1
    with pytest.raises(ValidationError):
        status_update_create(**{**fields, "action": ActionFactory()})
    assert StatusUpdate.objects.count() == 1
