"""Every free text of the work plan has its limit (portal/limits.py): one character more is a
field error in the reader's language, what was typed kept and nothing stored; the limit itself
is accepted. The models refuse it too, so no service can store it."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from portal import limits
from tests.workplan.factories import (
    ActionFactory,
    ActivityFactory,
    ExpectedResultFactory,
    ResourceFactory,
    StatusUpdateFactory,
)
from tests.workplan.test_action_edit import edit_data
from tests.workplan.test_updates import update_data
from workplan.models import Action, Activity, ExpectedResult, Resource, StatusUpdate
from workplan.services import (
    action_update,
    activity_create,
    status_update_create,
    status_update_translate,
)

pytestmark = pytest.mark.django_db


def url(name: str, pk: int | None = None, language: str = "en") -> str:
    with translation.override(language):
        return reverse(f"workplan:{name}", args=[pk] if pk else [])


def text(length: int) -> str:
    """A text of exactly `length` characters (two bytes each in UTF-8: characters count)."""
    return "é" * length


def message(limit: int, language: str = "en") -> str:
    if language == "fr":
        return (
            f"Assurez-vous que cette valeur comporte au plus {limit} caractères "
            f"(actuellement {limit + 1})."
        )
    return f"Ensure this value has at most {limit} characters (it has {limit + 1})."


def refused_then_accepted(client, page_url, data_for, limit, stored, language="en"):
    """Posts `limit` + 1 characters (refused, kept, not stored), then `limit` (stored)."""
    too_long = text(limit + 1)
    response = client.post(page_url, data_for(too_long))
    assert response.status_code == 200
    body = response.content.decode()
    assert message(limit, language) in body
    assert too_long + "</textarea>" in body  # what was typed is kept
    assert stored() != too_long
    exact = text(limit)
    response = client.post(page_url, data_for(exact))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert stored() == exact


# --- Through the pages ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["objective_en", "objective_fr"])
def test_an_activitys_objective(cochair_client, name):
    activity = ActivityFactory()
    page = url("activity_edit", activity.pk)
    assert f'maxlength="{limits.OBJECTIVE}"' in cochair_client.get(page).content.decode()

    def data(value):
        current = Activity.objects.get(pk=activity.pk)
        return {
            "number": current.number,
            "objective_en": current.objective_en,
            "objective_fr": current.objective_fr,
            "priority": current.priority,
            "order": current.order,
            "version": current.version,
            name: value,
        }

    refused_then_accepted(
        cochair_client,
        page,
        data,
        limits.OBJECTIVE,
        lambda: getattr(Activity.objects.get(pk=activity.pk), name),
    )


@pytest.mark.parametrize(
    ("name", "limit"),
    [
        ("description_en", limits.ACTION_DESCRIPTION),
        ("description_fr", limits.ACTION_DESCRIPTION),
        ("remarks_en", limits.REMARKS),
        ("remarks_fr", limits.REMARKS),
    ],
)
def test_an_actions_texts(cochair_client, name, limit):
    action = ActionFactory(remarks_en="", remarks_fr="")
    page = url("action_edit", action.pk)
    body = cochair_client.get(page).content.decode()
    assert f'name="{name}" cols="40" rows' in body
    assert f'maxlength="{limit}"' in body
    refused_then_accepted(
        cochair_client,
        page,
        lambda value: edit_data(Action.objects.get(pk=action.pk), **{name: value}),
        limit,
        lambda: getattr(Action.objects.get(pk=action.pk), name),
    )


@pytest.mark.parametrize(
    ("prefix", "model", "limit", "language"),
    [
        ("resources", Resource, limits.RESOURCE, "en"),
        ("resources", Resource, limits.RESOURCE, "fr"),
        ("expected_results", ExpectedResult, limits.EXPECTED_RESULT, "en"),
        ("expected_results", ExpectedResult, limits.EXPECTED_RESULT, "fr"),
    ],
)
def test_an_actions_listed_items(cochair_client, prefix, model, limit, language):
    action = ActionFactory(remarks_en="", remarks_fr="")
    page = url("action_edit", action.pk)
    assert f'maxlength="{limit}"' in cochair_client.get(page).content.decode()
    name = f"description_{language}"

    def data(value):
        posted = edit_data(Action.objects.get(pk=action.pk))
        new = f"{prefix}-0"  # the blank extra item, filled in
        posted[f"{new}-description_en"] = "Staff time"
        posted[f"{new}-description_fr"] = "Temps du personnel"
        posted[f"{new}-{name}"] = value
        return posted

    def stored():
        item = model.objects.filter(action=action).first()
        return getattr(item, name) if item else None

    refused_then_accepted(cochair_client, page, data, limit, stored)


def _update_data(**fields):
    return update_data(**{"progress": "Progress.", **fields})


@pytest.mark.parametrize(
    ("name", "limit", "language"),
    [
        ("progress", limits.PROGRESS, "en"),
        ("next_steps", limits.NEXT_STEPS, "en"),
        ("challenges", limits.CHALLENGES, "en"),
        ("progress", limits.PROGRESS, "fr"),  # the message in French
        ("challenges", limits.CHALLENGES, "fr"),
    ],
)
def test_a_status_update(member_client, name, limit, language):
    action = ActionFactory()
    page = url("update_create", action.pk, language)
    assert f'maxlength="{limit}"' in member_client.get(page).content.decode()

    def stored():
        update = StatusUpdate.objects.filter(action=action).first()
        return getattr(update, f"{name}_{language}") if update else None

    refused_then_accepted(
        member_client,
        page,
        lambda value: _update_data(**{name: value}),
        limit,
        stored,
        language,
    )


@pytest.mark.parametrize(
    ("name", "limit", "language"),
    [
        ("progress", limits.PROGRESS, "en"),
        ("next_steps", limits.NEXT_STEPS, "en"),
        ("challenges", limits.CHALLENGES, "fr"),
    ],
)
def test_a_translation(member_client, member, name, limit, language):
    update = StatusUpdateFactory(author=member, language="fr", progress_fr="Des progrès.")
    page = url("update_translate", update.pk, language)
    body = member_client.get(page).content.decode()
    assert f'maxlength="{limit}"' in body

    def data(value):
        current = StatusUpdate.objects.get(pk=update.pk)
        posted = {"progress": "Progress.", "next_steps": "", "challenges": "", name: value}
        return {**posted, "version": current.version}

    refused_then_accepted(
        member_client,
        page,
        data,
        limit,
        lambda: getattr(StatusUpdate.objects.get(pk=update.pk), f"{name}_en"),
        language,
    )


def test_line_breaks_count_as_the_browser_counts_them(member_client):
    """A browser counts a line break as one character against maxlength, and sends two."""
    action = ActionFactory()
    typed = "\n".join([text(9)] * 399 + [text(10)])
    assert len(typed) == limits.PROGRESS  # as the browser counts it: let through
    sent = typed.replace("\n", "\r\n")
    assert len(sent) > limits.PROGRESS  # as it arrives
    response = member_client.post(url("update_create", action.pk), _update_data(progress=sent))
    assert response.status_code == 302
    assert StatusUpdate.objects.get(action=action).progress_en == typed


# --- The models refuse it too (every service's full_clean) ----------------------------------


def _instances():
    action = ActionFactory()
    return {
        Activity: action.activity,
        Action: action,
        Resource: ResourceFactory(action=action),
        ExpectedResult: ExpectedResultFactory(action=action),
        StatusUpdate: StatusUpdateFactory(action=action),
    }


MODEL_COLUMNS = [
    (model, f"{field}_{language}", limit)
    for model, field, limit in (
        (Activity, "objective", limits.OBJECTIVE),
        (Action, "description", limits.ACTION_DESCRIPTION),
        (Action, "remarks", limits.REMARKS),
        (Resource, "description", limits.RESOURCE),
        (ExpectedResult, "description", limits.EXPECTED_RESULT),
        (StatusUpdate, "progress", limits.PROGRESS),
        (StatusUpdate, "next_steps", limits.NEXT_STEPS),
        (StatusUpdate, "challenges", limits.CHALLENGES),
    )
    for language in ("en", "fr")
]


@pytest.mark.parametrize(
    ("model", "column", "limit"),
    MODEL_COLUMNS,
    ids=[f"{m.__name__}.{c}" for m, c, _ in MODEL_COLUMNS],
)
def test_the_model_refuses_one_character_more(model, column, limit):
    obj = _instances()[model]
    setattr(obj, column, text(limit))
    obj.full_clean()
    setattr(obj, column, text(limit + 1))
    with pytest.raises(ValidationError) as error:
        obj.full_clean()
    assert error.value.message_dict[column] == [message(limit)]
    with translation.override("fr"):
        assert error.value.message_dict[column] == [message(limit, "fr")]


def test_services_store_nothing_too_long(member):
    action = ActionFactory(remarks_en="Before")
    with pytest.raises(ValidationError):
        activity_create(
            user=member,
            fields={
                "number": 99,
                "order": 99,
                "priority": "high",
                "objective_en": "Fine",
                "objective_fr": text(limits.OBJECTIVE + 1),
            },
        )
    assert not Activity.objects.filter(number=99).exists()

    # An item too long refuses the whole edit: the action's own change is not kept either.
    with pytest.raises(ValidationError):
        action_update(
            action=action,
            user=member,
            expected_version=action.version,
            fields={"remarks_en": "After"},
            resources=[
                {
                    "id": None,
                    "delete": False,
                    "description_en": text(limits.RESOURCE + 1),
                    "description_fr": "Temps",
                }
            ],
        )
    action.refresh_from_db()
    assert (action.remarks_en, action.version) == ("Before", 1)
    assert not Resource.objects.filter(action=action).exists()

    fields = {
        "action": action,
        "author": member,
        "language": "fr",
        "date": timezone.localdate(),
        "status": "delayed",
        "health": "at_risk",
        "progress": text(limits.PROGRESS + 1),
    }
    with pytest.raises(ValidationError) as error:
        status_update_create(**fields)
    assert "progress_fr" in error.value.message_dict
    assert not StatusUpdate.objects.exists()
    action.refresh_from_db()
    assert action.status != "delayed"

    update = status_update_create(**{**fields, "progress": "Des progrès."})
    with pytest.raises(ValidationError) as error:
        status_update_translate(
            update=update,
            user=member,
            expected_version=update.version,
            progress="Progress.",
            challenges=text(limits.CHALLENGES + 1),
        )
    assert "challenges_en" in error.value.message_dict
    update.refresh_from_db()
    assert (update.progress_en, update.version, update.translated_by) == (None, 1, None)
