"""Optimistic locking (portal/locking.py), through the work plan's real models and services."""

import pytest
from django.db import transaction
from django.http import QueryDict
from django.urls import reverse
from django.utils import translation

from portal.history import changes_since
from portal.locking import EditConflict, VersionedFormMixin, lock_for_update, rebase
from tests.auth import sign_in
from tests.directory.factories import UserFactory
from tests.workplan.factories import ActionFactory, ActivityFactory
from workplan.forms import ActivityForm
from workplan.models import Action, Activity
from workplan.services import activity_update

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english():
    # A request in French earlier in the run leaves French active in this thread.
    with translation.override("en"):
        yield


def _no_changes(record, version):
    return []


def test_the_version_goes_up_with_the_saved_edit():
    activity = ActivityFactory(priority="medium")
    before = Activity.history.filter(id=activity.pk).count()
    with transaction.atomic():
        locked = lock_for_update(
            Activity, pk=activity.pk, expected_version=1, changes_since=_no_changes
        )
        assert locked.version == 2  # bumped in memory, written by the edit's own save
        assert Activity.objects.get(pk=activity.pk).version == 1
        locked.priority = "high"
        locked.save()
    stored = Activity.objects.get(pk=activity.pk)
    assert (stored.version, stored.priority) == (2, "high")
    # One history record for the edit, carrying its version.
    assert Activity.history.filter(id=activity.pk).count() == before + 1
    assert Activity.history.filter(id=activity.pk).latest().version == 2


def test_a_stale_version_is_refused_and_nothing_is_written():
    activity = ActivityFactory(priority="medium", version=3)
    seen = []

    def listing(record, version):
        seen.append((record.pk, record.version, version))
        return ["what changed"]

    before = Activity.history.filter(id=activity.pk).count()
    with pytest.raises(EditConflict) as conflict, transaction.atomic():
        lock_for_update(Activity, pk=activity.pk, expected_version=2, changes_since=listing)
    assert conflict.value.current_version == 3
    assert conflict.value.changes == ["what changed"]
    assert seen == [(activity.pk, 3, 2)]  # the listing gets the stored record, the seen version
    stored = Activity.objects.get(pk=activity.pk)
    assert (stored.version, stored.priority) == (3, "medium")
    assert Activity.history.filter(id=activity.pk).count() == before


def test_the_conflict_lists_an_activitys_changes_seen_then_saved():
    user = UserFactory()
    activity = ActivityFactory(priority="medium", objective_en="Share", order=4)
    activity_update(
        activity=activity,
        user=user,
        expected_version=1,
        fields={"priority": "high", "objective_en": "Share what works", "order": 2},
    )
    with pytest.raises(EditConflict) as conflict:
        activity_update(
            activity=activity, user=user, expected_version=1, fields={"priority": "low"}
        )
    assert [(c.label, c.old, c.new, c.language) for c in conflict.value.changes] == [
        ("objective (English)", "Share", "Share what works", "en"),
        ("order", "4", "2", None),
        ("priority", "Medium", "High", None),
    ]
    assert conflict.value.current_version == 2
    assert Activity.objects.get(pk=activity.pk).priority == "high"


def test_an_actions_conflict_uses_the_same_check():
    action = ActionFactory(remarks_en="")
    with transaction.atomic():
        locked = lock_for_update(
            Action, pk=action.pk, expected_version=1, changes_since=_no_changes
        )
        locked.remarks_en = "First"
        locked.save()
    with pytest.raises(EditConflict) as conflict, transaction.atomic():
        lock_for_update(
            Action,
            pk=action.pk,
            expected_version=1,
            changes_since=lambda record, version: changes_since(record, version=version),
        )
    assert [(c.old, c.new) for c in conflict.value.changes] == [("—", "First")]


# --- The form's hidden version --------------------------------------------------------------


def _data(activity, **changes) -> dict:
    data = {
        "number": activity.number,
        "objective_en": activity.objective_en,
        "objective_fr": activity.objective_fr,
        "priority": activity.priority,
        "order": activity.order,
        "version": activity.version,
    }
    data.update(changes)
    return data


def test_the_edit_form_carries_the_loaded_version():
    activity = ActivityFactory(version=4)
    form = ActivityForm(instance=activity)
    assert isinstance(form, VersionedFormMixin)
    assert form["version"].value() == 4
    assert 'type="hidden" name="version" value="4"' in str(form["version"])
    bound = ActivityForm(_data(activity), instance=activity)
    assert bound.is_valid(), bound.errors
    assert bound.cleaned_data["version"] == 4


def test_a_form_adding_a_record_has_no_version():
    assert "version" not in ActivityForm().fields


@pytest.mark.parametrize("version", [None, "", "abc", "0", "-2", "1.5"])
def test_a_missing_or_forged_version_is_an_error_above_the_form(version):
    activity = ActivityFactory()
    data = _data(activity, version=version)
    if version is None:
        del data["version"]
    form = ActivityForm(data, instance=activity)
    assert not form.is_valid()
    assert form.non_field_errors() == ["The form was incomplete; load the page again."]
    assert "version" not in form.errors  # nothing on a field nobody sees


def test_rebase_keeps_what_was_typed_on_the_current_version():
    posted = QueryDict(mutable=True)
    posted.update({"priority": "low", "version": "1"})
    posted.setlist("responsible_people", ["3", "5"])
    rebased = rebase(posted, 7)
    assert rebased["version"] == "7"
    assert rebased["priority"] == "low"
    assert rebased.getlist("responsible_people") == ["3", "5"]
    assert posted["version"] == "1"  # the request's own data is left as it came


# --- The admin ------------------------------------------------------------------------------


def test_an_admin_edit_bumps_the_version(client, superuser):
    activity = ActivityFactory(priority="medium")
    sign_in(client, superuser)
    change_url = reverse("admin:workplan_activity_change", args=[activity.pk])
    page = client.get(change_url).content.decode()
    assert "Version" in page  # shown, not editable
    assert 'type="hidden" name="loaded_version" value="1"' in page
    response = client.post(
        change_url, _data(activity, priority="high", version=99, loaded_version=1)
    )
    assert response.status_code == 302
    stored = Activity.objects.get(pk=activity.pk)
    assert (stored.priority, stored.version) == ("high", 2)  # the posted "version" is ignored


def test_a_stale_admin_edit_is_refused(client, superuser):
    activity = ActivityFactory(priority="medium", objective_en="Share")
    sign_in(client, superuser)
    change_url = reverse("admin:workplan_activity_change", args=[activity.pk])
    activity_update(
        activity=activity,
        user=UserFactory(),
        expected_version=1,
        fields={"objective_en": "Share what works"},
    )
    response = client.post(change_url, _data(activity, priority="high", loaded_version=1))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Objective (English): Share → Share what works" in body
    stored = Activity.objects.get(pk=activity.pk)
    assert (stored.priority, stored.objective_en, stored.version) == (
        "medium",
        "Share what works",
        2,
    )
