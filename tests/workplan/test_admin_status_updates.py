"""Editing or deleting a status update in the administration keeps its action in step."""

import datetime

import pytest
from django.utils import timezone

from tests.directory.factories import UserFactory
from tests.workplan.factories import ActionFactory
from workplan.models import StatusUpdate
from workplan.services import status_update_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def posted():
    """An action with two updates: the latest says "delayed, at risk"."""
    action = ActionFactory(status="not_started")
    author = UserFactory()
    today = timezone.localdate()
    texts = {"language": "en", "progress": "Work went well."}
    status_update_create(
        action=action,
        author=author,
        date=today - datetime.timedelta(days=7),
        status="in_progress",
        health="on_track",
        **texts,
    )
    latest = status_update_create(
        action=action, author=author, date=today, status="delayed", health="at_risk", **texts
    )
    action.refresh_from_db()
    assert (action.status, action.health) == ("delayed", "at_risk")
    return action, latest


def change_data(admin_client, update: StatusUpdate, **changes) -> dict:
    """The admin's change form as loaded, with `changes` typed in."""
    response = admin_client.get(f"/en/admin/workplan/statusupdate/{update.pk}/change/")
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        data[name] = "" if value is None else value
    data.update(changes)
    return data


def test_changing_the_latest_update_changes_the_action(admin_client, posted):
    action, latest = posted
    url = f"/en/admin/workplan/statusupdate/{latest.pk}/change/"
    data = change_data(admin_client, latest, status="completed", health="on_track")
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    action.refresh_from_db()
    assert (action.status, action.health) == ("completed", "on_track")


def test_deleting_the_latest_update_falls_back_to_the_one_before(admin_client, posted):
    action, latest = posted
    url = f"/en/admin/workplan/statusupdate/{latest.pk}/delete/"
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    action.refresh_from_db()
    assert (action.status, action.health) == ("in_progress", "on_track")


def test_deleting_every_update_leaves_no_last_update(admin_client, posted):
    action, _latest = posted
    data = {
        "action": "delete_selected",
        "_selected_action": [u.pk for u in action.updates.all()],
        "post": "yes",
    }
    assert admin_client.post("/en/admin/workplan/statusupdate/", data).status_code == 302
    action.refresh_from_db()
    assert not action.updates.exists()
    assert action.last_updated is None
    assert action.status == "delayed"  # kept: a co-chair may change it on the action itself
