"""The admin's change forms of actions, activities and status updates carry the version they
were loaded with: a stale save is refused with what changed, never reverting a newer edit."""

import html
import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.auth import sign_in
from tests.directory.factories import UserFactory
from tests.workplan.factories import StatusUpdateFactory
from workplan.models import Action, Activity
from workplan.services import activity_update

pytestmark = pytest.mark.django_db


def change_url(obj, language="en") -> str:
    with translation.override(language):
        return reverse(f"admin:workplan_{obj._meta.model_name}_change", args=[obj.pk])


def _value(value):
    if hasattr(value, "canonical"):
        value = value.canonical
    if isinstance(value, list | tuple):
        return [getattr(v, "pk", v) for v in value]
    value = getattr(value, "pk", value)
    return "" if value is None else value


def loaded_form(client, obj, language="en") -> dict:
    """The change form as the admin page loads it: what a browser would post unchanged."""
    response = client.get(change_url(obj, language))
    assert response.status_code == 200
    form = response.context["adminform"].form
    data = {
        name: _value(form.initial.get(name, field.initial)) for name, field in form.fields.items()
    }
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for name in formset.management_form.fields:
            data[f"{formset.prefix}-{name}"] = formset.management_form.initial.get(name, 0)
        for i, item in enumerate(formset.forms):
            for name, field in item.fields.items():
                data[f"{formset.prefix}-{i}-{name}"] = _value(item.initial.get(name, field.initial))
    return data


def errors_above_the_form(response) -> list[str]:
    body = response.content.decode()
    box = re.search(r'<ul class="errorlist nonfield"[^>]*>(.*?)</ul>', body, re.S)
    assert box, "no error above the form"
    return [html.unescape(item) for item in re.findall(r"<li>(.*?)</li>", box.group(1), re.S)]


@pytest.fixture
def action(seed_plan):
    return Action.objects.get(activity__number=4, number=1)


def test_a_stale_action_form_is_refused_and_the_newer_edit_kept(admin_client, action):
    first = loaded_form(admin_client, action)
    second = loaded_form(admin_client, action)  # a second tab, same version
    assert first["loaded_version"] == second["loaded_version"] == action.version
    version = action.version

    saved = admin_client.post(change_url(action), {**first, "remarks_en": "Newer edit"})
    assert saved.status_code == 302
    stale = admin_client.post(change_url(action), {**second, "remarks_en": "Older view <b>"})
    assert stale.status_code == 200
    errors = errors_above_the_form(stale)
    assert errors[0] == "Someone else saved a change while you were editing"
    assert "Remarks (English): — → Newer edit" in errors
    assert errors[-1].startswith("Your changes are still in the form below.")
    body = stale.content.decode()
    assert "Older view &lt;b&gt;</textarea>" in body  # what was typed is kept
    assert f'name="loaded_version" value="{version + 1}"' in body  # now on the current one

    action.refresh_from_db()
    assert (action.remarks_en, action.version) == ("Newer edit", version + 1)  # not reverted

    # Saving again, having seen the change, is a deliberate choice: it goes through.
    again = admin_client.post(
        change_url(action),
        {**second, "remarks_en": "Older view", "loaded_version": version + 1},
    )
    assert again.status_code == 302
    action.refresh_from_db()
    assert (action.remarks_en, action.version) == ("Older view", version + 2)


def test_a_portal_edit_since_loading_is_not_reverted(client, admin_client, seed_plan):
    activity = Activity.objects.get(number=2)
    loaded = loaded_form(admin_client, activity, "fr")
    activity_update(
        activity=activity,
        user=UserFactory(roles=["cochair"]),
        expected_version=activity.version,
        fields={"priority": "low"},
    )
    response = admin_client.post(change_url(activity, "fr"), {**loaded, "order": 9})
    assert response.status_code == 200
    errors = errors_above_the_form(response)
    assert errors[0] == (
        "Quelqu’un d’autre a enregistré une modification pendant que vous faisiez la vôtre"
    )
    assert "Priorité\xa0: Élevée → Faible" in errors
    activity.refresh_from_db()
    assert (activity.priority, activity.order) == ("low", 2)


def test_a_stale_status_update_form_is_refused(admin_client, seed_plan):
    update = StatusUpdateFactory(action=Action.objects.first(), progress_en="Posted.")
    loaded = loaded_form(admin_client, update)
    fresh = loaded_form(admin_client, update)
    assert (
        admin_client.post(change_url(update), {**fresh, "progress_fr": "Traduit."}).status_code
        == 302
    )
    update.refresh_from_db()
    assert update.translated_by.is_superuser  # a translation, whoever makes it
    response = admin_client.post(change_url(update), {**loaded, "health": "off_track"})
    assert response.status_code == 200
    assert "Progress made (French): — → Traduit." in errors_above_the_form(response)
    update.refresh_from_db()
    assert (update.progress_fr, update.health) == ("Traduit.", "on_track")


def test_a_missing_version_is_refused(admin_client, action):
    loaded = loaded_form(admin_client, action)
    del loaded["loaded_version"]
    response = admin_client.post(change_url(action), {**loaded, "remarks_en": "No version"})
    assert response.status_code == 200
    assert errors_above_the_form(response) == ["The form was incomplete; load the page again."]
    assert Action.objects.get(pk=action.pk).remarks_en != "No version"


def test_adding_needs_no_version(client, seed_plan):
    sign_in(client, UserFactory(superuser=True))
    with translation.override("en"):
        add = reverse("admin:workplan_activity_add")
    assert "loaded_version" not in client.get(add).content.decode()
    response = client.post(
        add,
        {
            "number": 50,
            "objective_en": "New",
            "objective_fr": "Nouveau",
            "priority": "low",
            "order": 50,
        },
    )
    assert response.status_code == 302
    assert Activity.objects.get(number=50).version == 1


def test_reverting_from_the_history_is_based_on_the_stored_version(admin_client, action):
    data = loaded_form(admin_client, action)
    remarks = action.remarks_en
    admin_client.post(change_url(action), {**data, "remarks_en": "Edited"})
    action.refresh_from_db()
    version = action.version
    oldest = Action.history.filter(id=action.pk).earliest("history_date")
    with translation.override("en"):
        revert = reverse(
            "admin:workplan_action_simple_history", args=[action.pk, oldest.history_id]
        )
    response = admin_client.get(revert)
    # The form shows the past version's values, but is based on the version stored now.
    assert f'name="loaded_version" value="{version}"' in response.content.decode()
    form = response.context["adminform"].form
    posted = {
        name: _value(form.initial.get(name, field.initial)) for name, field in form.fields.items()
    }
    assert admin_client.post(revert, posted).status_code == 302
    action.refresh_from_db()
    assert (action.remarks_en, action.version) == (remarks, version + 1)
