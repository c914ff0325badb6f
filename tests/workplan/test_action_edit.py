"""Co-chairs edit and add actions; concurrent edits are refused, never merged silently."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from portal.fuzzydates import FuzzyDate
from tests.auth import sign_in
from tests.directory.factories import OrganizationFactory, PersonFactory, UserFactory
from tests.workplan.html_helpers import assert_change
from workplan.models import Action, ExpectedResult, Resource

pytestmark = pytest.mark.django_db


def url(name: str, pk: int, language: str = "en") -> str:
    with translation.override(language):
        return reverse(f"workplan:{name}", args=[pk])


def edit_data(action: Action, **overrides) -> dict:
    """The action form as a browser would post it unchanged, then `overrides` applied."""
    data = {
        "number": action.number,
        "description_en": action.description_en,
        "description_fr": action.description_fr,
        "responsible_organizations": [o.pk for o in action.responsible_organizations.all()],
        "responsible_people": [p.pk for p in action.responsible_people.all()],
        "start": action.start.canonical if action.start else "",
        "due": action.due.canonical if action.due else "",
        "remarks_en": action.remarks_en,
        "remarks_fr": action.remarks_fr,
        "status": action.status,
        "version": action.version,
    }
    for prefix, items, fields in (
        ("resources", action.resources.order_by("order"), ("description_en", "description_fr")),
        (
            "expected_results",
            action.expected_results.order_by("order"),
            ("description_en", "description_fr", "state", "date"),
        ),
    ):
        items = list(items)
        data[f"{prefix}-TOTAL_FORMS"] = len(items) + 1
        data[f"{prefix}-INITIAL_FORMS"] = len(items)
        data[f"{prefix}-MIN_NUM_FORMS"] = 0
        data[f"{prefix}-MAX_NUM_FORMS"] = 1000
        for i, item in enumerate(items):
            data[f"{prefix}-{i}-id"] = item.pk
            data[f"{prefix}-{i}-action"] = action.pk
            for name in fields:
                value = getattr(item, name)
                if isinstance(value, FuzzyDate):
                    value = value.canonical
                data[f"{prefix}-{i}-{name}"] = value if value is not None else ""
    # The blank extra item a browser posts: its state select keeps its default.
    extra = data["expected_results-TOTAL_FORMS"] - 1
    data[f"expected_results-{extra}-state"] = "planned"
    data.update(overrides)
    return data


@pytest.fixture
def action(seed_plan):
    return Action.objects.get(activity__number=1, number=1)


def test_member_cannot_edit(member_client, action):
    assert member_client.get(url("action_edit", action.pk)).status_code == 403
    response = member_client.post(
        url("action_edit", action.pk), edit_data(action, remarks_en="Hijacked")
    )
    assert response.status_code == 403
    assert Action.objects.get(pk=action.pk).remarks_en == ""
    assert member_client.get(url("action_create", action.activity_id)).status_code == 403


def test_anonymous_is_sent_to_sign_in(client, action):
    response = client.get(url("action_edit", action.pk))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_cochair_sees_the_form_in_their_language(cochair_client, action):
    response = cochair_client.get(url("action_edit", action.pk))
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="action-form"' in body
    assert 'value="February 2019"' in body  # due, shown in the reader's language
    assert 'value="April 2018"' in body
    assert f'name="version" value="{action.version}"' in body
    assert re.search(r'<textarea name="description_fr"[^>]* lang="fr"', body)
    assert "Engagement Strategy and supporting documents." in body  # an expected result
    body_fr = cochair_client.get(url("action_edit", action.pk, "fr")).content.decode()
    assert 'value="février 2019"' in body_fr
    assert 'value="avril 2018"' in body_fr
    assert "Modifier la mesure 1.1" in body_fr


def test_superuser_can_edit(client, superuser, action):
    sign_in(client, superuser)
    assert client.get(url("action_edit", action.pk)).status_code == 200


def test_cochair_saves_a_change_with_history(cochair_client, cochair, action):
    snb = OrganizationFactory(key="snb-2", name_en="Service New Brunswick", acronym_en="SNB")
    person = PersonFactory(name="Rob Horwood", organization=snb)
    first_result = action.expected_results.order_by("order").first()
    first_resource = action.resources.order_by("order").first()
    version = action.version
    data = edit_data(
        action,
        due="Fall 2019",  # typed in English
        start="avril 2018",  # or in French
        status="delayed",
        remarks_fr="Reporté à l’automne.",
        remarks_en="Postponed to the fall.",
        responsible_organizations=[o.pk for o in action.responsible_organizations.all()] + [snb.pk],
        responsible_people=[person.pk],
    )
    data["expected_results-0-state"] = "delivered"
    data["resources-0-DELETE"] = "on"
    data["resources-1-description_en"] = "GCcollab space"
    data["resources-1-description_fr"] = "Espace GCcollab"
    response = cochair_client.post(url("action_edit", action.pk), data)
    assert response.status_code == 302, response.content.decode()
    assert response.url == url("action", action.pk)

    action.refresh_from_db()
    assert action.due == FuzzyDate.of_season(2019, "fall")
    assert action.start == FuzzyDate.of_month(2018, 4)
    assert action.status == "delayed"
    assert action.remarks_fr == "Reporté à l’automne."
    assert action.version == version + 1
    assert set(action.responsible_people.all()) == {person}
    assert snb in action.responsible_organizations.all()
    assert ExpectedResult.objects.get(pk=first_result.pk).state == "delivered"
    assert not Resource.objects.filter(pk=first_resource.pk).exists()
    assert Resource.objects.filter(action=action, description_fr="Espace GCcollab").exists()

    # One history record for the edit, in the co-chair's name, with the people in it.
    record = Action.history.filter(id=action.pk).order_by("-history_date").first()
    assert record.history_user == cochair
    assert record.status == "delayed"
    assert [r.person_id for r in record.responsible_people.all()] == [person.pk]

    page = cochair_client.get(url("action", action.pk)).content.decode()
    assert "The action was saved." in page
    history = page.split('id="history"')[1]
    assert_change(history, "Due date", "February 2019", "Fall 2019")
    assert_change(history, "Responsible people", "—", "Rob Horwood")
    assert "Cheryl Meek" in history
    page_fr = cochair_client.get(url("action", action.pk, "fr")).content.decode()
    history_fr = page_fr.split('id="history"')[1]
    assert_change(history_fr, "Date d’échéance", "février 2019", "automne 2019")


def test_both_descriptions_are_required_and_typed_input_kept(cochair_client, action):
    data = edit_data(action, description_fr="", remarks_en="Typed remark", due="Q3 2020")
    response = cochair_client.post(url("action_edit", action.pk), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "The action was not saved. Please correct the errors below." in body
    assert "This field is required." in body
    assert "Typed remark</textarea>" in body
    assert 'value="Q3 2020"' in body
    assert Action.objects.get(pk=action.pk).description_fr == action.description_fr
    response_fr = cochair_client.post(url("action_edit", action.pk, "fr"), data)
    assert "La mesure n’a pas été enregistrée." in response_fr.content.decode()


def test_unreadable_date_is_explained_in_each_language(cochair_client, action):
    data = edit_data(action, due="sometime soon")
    body = cochair_client.post(url("action_edit", action.pk), data).content.decode()
    assert "is not a date we can read" in body
    assert 'value="sometime soon"' in body
    body_fr = cochair_client.post(url("action_edit", action.pk, "fr"), data).content.decode()
    assert "n’est pas une date reconnue" in body_fr


def test_number_already_taken_in_the_activity(cochair_client, action):
    data = edit_data(action, number=2)  # 1.2 exists
    body = cochair_client.post(url("action_edit", action.pk), data).content.decode()
    assert "Activity 1 already has an action 1.2." in body
    assert Action.objects.get(pk=action.pk).number == 1


def test_conflicting_edit_is_refused_and_named(client, cochair, action):
    other = UserFactory(username="cochair-b", roles=["cochair"])
    # Co-chair A loads the form.
    sign_in(client, cochair)
    form_html = client.get(url("action_edit", action.pk)).content.decode()
    loaded_version = int(re.search(r'name="version" value="(\d+)"', form_html).group(1))
    stale = edit_data(action, remarks_en="A's remark", status="on_hold")

    # Co-chair B saves a change first.
    sign_in(client, other)
    response = client.post(
        url("action_edit", action.pk), edit_data(action, due="Winter 2020", status="delayed")
    )
    assert response.status_code == 302

    # A's save, based on the version A loaded, is refused.
    sign_in(client, cochair)
    assert stale["version"] == loaded_version
    response = client.post(url("action_edit", action.pk), stale)
    assert response.status_code == 409
    body = response.content.decode()
    conflict = body.split('id="edit-conflict"')[1].split("</div>")[0]
    assert "Someone else saved a change while you were editing" in conflict
    assert_change(conflict, "Due date", "February 2019", "Winter 2020")
    assert_change(conflict, "Status", "In progress", "Delayed")
    assert "A&#x27;s remark</textarea>" in body  # what A typed is still there
    action.refresh_from_db()
    assert action.due == FuzzyDate.of_season(2020, "winter")  # B's value kept
    assert action.status == "delayed"
    assert action.remarks_en == ""
    # The re-rendered form is now based on the current version: saving again is deliberate.
    assert f'name="version" value="{action.version}"' in body
    again = dict(stale, version=action.version)
    assert client.post(url("action_edit", action.pk), again).status_code == 302
    action.refresh_from_db()
    assert action.remarks_en == "A's remark"


def test_conflict_message_in_french(client, cochair, action):
    other = UserFactory(username="cochair-b", roles=["cochair"])
    stale = edit_data(action, remarks_fr="Remarque de A")
    sign_in(client, other)
    client.post(url("action_edit", action.pk), edit_data(action, remarks_fr="Remarque de B"))
    sign_in(client, cochair)
    response = client.post(url("action_edit", action.pk, "fr"), stale)
    assert response.status_code == 409
    body = response.content.decode()
    conflict = body.split('id="edit-conflict"')[1].split("</div>")[0]
    assert "Quelqu’un d’autre a enregistré une modification" in conflict
    assert_change(conflict, "Remarques (français)", "—", "Remarque de B")
    assert Action.objects.get(pk=action.pk).remarks_fr == "Remarque de B"


def test_status_update_between_load_and_save_is_a_conflict(client, cochair, member, action):
    from workplan.services import status_update_create

    stale = edit_data(action, remarks_en="Edited")
    status_update_create(
        action=action,
        author=member,
        language="en",
        date=action.updates.model._meta.get_field("date").default(),
        status="completed",
        health="on_track",
        progress="Done.",
    )
    sign_in(client, cochair)
    response = client.post(url("action_edit", action.pk), stale)
    assert response.status_code == 409
    assert Action.objects.get(pk=action.pk).status == "completed"


@pytest.mark.parametrize("version", [None, "", "forged"])
def test_missing_or_forged_version_is_refused(cochair_client, action, version):
    data = edit_data(action, remarks_en="Without a version")
    if version is None:
        del data["version"]
    else:
        data["version"] = version
    response = cochair_client.post(url("action_edit", action.pk), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "The form was incomplete; load the page again." in body
    assert "Without a version</textarea>" in body
    assert Action.objects.get(pk=action.pk).remarks_en == ""


def test_cochair_adds_an_action(cochair_client, cochair, action):
    activity = action.activity
    form = cochair_client.get(url("action_create", activity.pk)).content.decode()
    assert 'name="number" value="3"' in form  # the next free number
    data = {
        "number": 3,
        "description_en": "Publish a case study on GCcollab.",
        "description_fr": "Publier une étude de cas sur GCcollab.",
        "start": "janvier 2027",
        "due": "TBD",
        "remarks_en": "",
        "remarks_fr": "",
        "status": "not_started",
        "resources-TOTAL_FORMS": 1,
        "resources-INITIAL_FORMS": 0,
        "resources-MIN_NUM_FORMS": 0,
        "resources-MAX_NUM_FORMS": 1000,
        "resources-0-description_en": "Staff time",
        "resources-0-description_fr": "Temps du personnel",
        "expected_results-TOTAL_FORMS": 2,
        "expected_results-INITIAL_FORMS": 0,
        "expected_results-MIN_NUM_FORMS": 0,
        "expected_results-MAX_NUM_FORMS": 1000,
        "expected_results-0-description_en": "A published case study",
        "expected_results-0-description_fr": "Une étude de cas publiée",
        "expected_results-0-state": "planned",
        "expected_results-0-date": "Spring 2027",
        # The second, blank, item is ignored.
        "expected_results-1-description_en": "",
        "expected_results-1-description_fr": "",
        "expected_results-1-state": "planned",
        "expected_results-1-date": "",
    }
    response = cochair_client.post(url("action_create", activity.pk, "fr"), data)
    assert response.status_code == 302, response.content.decode()
    created = Action.objects.get(activity=activity, number=3)
    assert response.url == url("action", created.pk, "fr")
    assert created.start == FuzzyDate.of_month(2027, 1)
    assert created.due == FuzzyDate.tbd()
    assert [r.description_fr for r in created.resources.all()] == ["Temps du personnel"]
    results = list(created.expected_results.all())
    assert [(r.description_en, r.date) for r in results] == [
        ("A published case study", FuzzyDate.of_season(2027, "spring"))
    ]
    assert created.history.first().history_user == cochair
    plan = cochair_client.get("/fr/plan-de-travail/").content.decode()
    assert 'id="action-1-3"' in plan
    assert "Publier une étude de cas sur GCcollab." in plan
    page = cochair_client.get(url("action", created.pk)).content.decode()
    assert re.search(r"This action</span>:\s+added", page)
