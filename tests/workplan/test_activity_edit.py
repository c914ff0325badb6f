"""Co-chairs add and edit activities; an edit based on stale values is refused."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.auth import sign_in
from tests.directory.factories import UserFactory
from tests.workplan.html_helpers import assert_change
from workplan.models import Activity

pytestmark = pytest.mark.django_db


def url(name: str, *args, language: str = "en") -> str:
    with translation.override(language):
        return reverse(f"workplan:{name}", args=args)


def version_in(body: str) -> str:
    """The version the edit form is based on (its hidden field)."""
    return re.search(r'name="version" value="([^"]+)"', body).group(1)


def version_of(client, activity) -> str:
    return version_in(client.get(url("activity_edit", activity.pk)).content.decode())


def edit_data(activity, version, **overrides) -> dict:
    data = {
        "number": activity.number,
        "objective_en": activity.objective_en,
        "objective_fr": activity.objective_fr,
        "priority": activity.priority,
        "order": activity.order,
        "version": version,
    }
    data.update(overrides)
    return data


NEW_ACTIVITY = {
    "number": 5,
    "objective_en": "Service Canada and provincial call centres – share what works.",
    "objective_fr": "Centres d’appels de Service Canada et des provinces – échanger les pratiques.",
    "priority": "low",
    "order": 5,
}


def test_member_cannot_add_or_edit(member_client, seed_plan):
    activity = Activity.objects.get(number=1)
    assert member_client.get(url("activity_create")).status_code == 403
    assert member_client.post(url("activity_create"), NEW_ACTIVITY).status_code == 403
    assert member_client.get(url("activity_edit", activity.pk)).status_code == 403
    assert not Activity.objects.filter(number=5).exists()


def test_cochair_adds_an_activity(cochair_client, cochair, seed_plan):
    form = cochair_client.get(url("activity_create")).content.decode()
    assert 'id="activity-form"' in form
    assert 'name="number" value="5"' in form  # the next number
    response = cochair_client.post(url("activity_create", language="fr"), NEW_ACTIVITY)
    assert response.status_code == 302
    assert response.url == url("plan", language="fr") + "#activity-5"
    activity = Activity.objects.get(number=5)
    assert activity.objective_fr.startswith("Centres d’appels")
    assert activity.history.first().history_user == cochair
    plan = cochair_client.get(response.url).content.decode()
    assert "L’activité a été ajoutée." in plan
    assert "Centres d’appels de Service Canada et des provinces" in plan
    assert "Cette activité n’a pas encore de mesure." in plan


def test_both_objectives_are_required(cochair_client, seed_plan):
    response = cochair_client.post(
        url("activity_create"), dict(NEW_ACTIVITY, objective_fr="", priority="high")
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "The activity was not saved. Please correct the errors below." in body
    assert "share what works.</textarea>" in body
    assert '<option value="high" selected>' in body
    assert not Activity.objects.filter(number=5).exists()


def test_number_must_be_free(cochair_client, seed_plan):
    response = cochair_client.post(url("activity_create"), dict(NEW_ACTIVITY, number=2))
    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    response_fr = cochair_client.post(
        url("activity_create", language="fr"), dict(NEW_ACTIVITY, number=2)
    )
    assert "existe déjà" in response_fr.content.decode()


def test_cochair_edits_an_activity(cochair_client, cochair, seed_plan):
    activity = Activity.objects.get(number=4)
    version = version_of(cochair_client, activity)
    response = cochair_client.post(
        url("activity_edit", activity.pk), edit_data(activity, version, priority="high")
    )
    assert response.status_code == 302
    assert response.url == url("plan") + "#activity-4"
    activity.refresh_from_db()
    assert activity.priority == "high"
    record = activity.history.order_by("-history_date").first()
    assert (record.history_user, record.priority) == (cochair, "high")
    assert activity.version == int(version) + 1


def test_conflicting_activity_edit_is_refused(client, cochair, seed_plan):
    activity = Activity.objects.get(number=4)
    other = UserFactory(username="cochair-b", roles=["cochair"])
    sign_in(client, cochair)
    stale = edit_data(activity, version_of(client, activity), priority="low")

    sign_in(client, other)
    response = client.post(
        url("activity_edit", activity.pk),
        edit_data(activity, version_of(client, activity), priority="high"),
    )
    assert response.status_code == 302

    sign_in(client, cochair)
    response = client.post(url("activity_edit", activity.pk), stale)
    assert response.status_code == 409
    body = response.content.decode()
    conflict = body.split('id="edit-conflict"')[1].split("</div>")[0]
    assert_change(conflict, "Priority", "Medium", "High")
    assert Activity.objects.get(pk=activity.pk).priority == "high"  # B's value kept
    assert '<option value="low" selected>' in body  # what A chose is still in the form
    # Saving again from the re-rendered form is a deliberate choice, and goes through.
    fresh = version_in(body)
    assert fresh == str(Activity.objects.get(pk=activity.pk).version)
    assert (
        client.post(url("activity_edit", activity.pk), dict(stale, version=fresh)).status_code
        == 302
    )
    assert Activity.objects.get(pk=activity.pk).priority == "low"


def test_conflict_in_french(client, cochair, seed_plan):
    activity = Activity.objects.get(number=3)
    objective_fr = activity.objective_fr
    other = UserFactory(username="cochair-b", roles=["cochair"])
    sign_in(client, cochair)
    stale = edit_data(activity, version_of(client, activity))
    sign_in(client, other)
    client.post(
        url("activity_edit", activity.pk),
        edit_data(activity, version_of(client, activity), objective_fr="Objectif révisé."),
    )
    sign_in(client, cochair)
    response = client.post(url("activity_edit", activity.pk, language="fr"), stale)
    assert response.status_code == 409
    body = response.content.decode()
    conflict = body.split('id="edit-conflict"')[1].split("</div>")[0]
    assert "Quelqu’un d’autre a enregistré une modification" in conflict
    assert_change(conflict, "Objectif (français)", objective_fr, "Objectif révisé.")


@pytest.mark.parametrize("version", [None, "", "not-a-version", "0", "-1"])
def test_missing_or_forged_version_is_refused(cochair_client, seed_plan, version):
    activity = Activity.objects.get(number=1)
    data = edit_data(activity, version, priority="low")
    if version is None:
        del data["version"]
    response = cochair_client.post(url("activity_edit", activity.pk), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "The form was incomplete; load the page again." in body
    assert '<option value="low" selected>' in body  # what they chose is kept
    assert Activity.objects.get(pk=activity.pk).priority == "high"
    assert Activity.objects.get(pk=activity.pk).version == activity.version


def test_version_from_the_future_is_a_conflict(cochair_client, seed_plan):
    activity = Activity.objects.get(number=1)
    data = edit_data(activity, activity.version + 5, priority="low")
    response = cochair_client.post(url("activity_edit", activity.pk), data)
    assert response.status_code == 409
    assert Activity.objects.get(pk=activity.pk).priority == "high"
    # The form shown with the conflict is based on the version now stored.
    assert version_in(response.content.decode()) == str(activity.version)
