"""The work plan's write services, called directly (no request): validation, transactions,
the action following its latest update, history in the user's name, and version checks."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from portal.locking import EditConflict
from tests.directory.factories import UserFactory
from tests.workplan.factories import (
    ActionFactory,
    ActivityFactory,
    ExpectedResultFactory,
    ResourceFactory,
)
from workplan.models import Action, Activity, ExpectedResult, Resource, StatusUpdate
from workplan.services import (
    action_create,
    action_update,
    activity_update,
    status_update_create,
    status_update_translate,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def post(action, author, **overrides):
    fields = {
        "action": action,
        "author": author,
        "language": "en",
        "date": TODAY(),
        "status": "in_progress",
        "health": "on_track",
        "progress": "Some progress",
    }
    fields.update(overrides)
    return status_update_create(**fields)


@pytest.fixture
def author(db):
    return UserFactory()


def test_update_texts_go_to_the_language_written_in(author):
    action = ActionFactory()
    update = post(
        action,
        author,
        language="fr",
        progress=" Des progrès ",
        next_steps="Suite",
        challenges="Défis",
    )
    update.refresh_from_db()
    assert update.language == "fr"
    assert (update.progress_fr, update.next_steps_fr, update.challenges_fr) == (
        "Des progrès",
        "Suite",
        "Défis",
    )
    assert not update.progress_en
    assert not update.is_translated
    assert update.shown("progress", "en").language == "fr"
    assert update.shown("progress", "fr").text == "Des progrès"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"progress": "  "}, "progress"),
        ({"date": TODAY() + datetime.timedelta(days=1)}, "date"),
        ({"language": "de"}, "language"),
        ({"status": "finished"}, "status"),
        ({"health": "great"}, "health"),
    ],
)
def test_invalid_updates_write_nothing(author, overrides, field):
    action = ActionFactory(status="not_started")
    with pytest.raises(ValidationError) as error:
        post(action, author, **overrides)
    assert field in error.value.message_dict
    assert not StatusUpdate.objects.exists()
    action.refresh_from_db()
    assert action.status == "not_started"
    assert action.last_updated is None


def test_action_follows_latest_by_date_then_posting_time(author):
    action = ActionFactory(status="not_started", health="")
    version = action.version
    newest = post(action, author, status="delayed", health="at_risk", date=TODAY())
    post(action, author, status="completed", date=TODAY() - datetime.timedelta(days=9))
    action.refresh_from_db()
    assert (action.status, action.health, action.last_updated) == (
        "delayed",
        "at_risk",
        newest.created,
    )
    assert action.version == version + 1  # one status change
    same_day = post(action, author, status="on_hold", health="at_risk", date=TODAY())
    action.refresh_from_db()
    assert action.status == "on_hold"  # same date: the one posted later wins
    assert action.last_updated == same_day.created


def test_update_without_a_status_change_keeps_the_version(author):
    action = ActionFactory(status="in_progress", health="on_track")
    version = action.version
    post(action, author, status="in_progress", health="on_track")
    action.refresh_from_db()
    assert action.version == version
    assert action.last_updated is not None


def test_status_change_is_recorded_in_the_authors_name(author):
    action = ActionFactory(status="not_started")
    post(action, author, status="completed")
    record = Action.history.filter(id=action.pk).order_by("-history_date").first()
    assert record.history_user == author
    assert record.status == "completed"
    assert record.prev_record.status == "not_started"


def test_translate_fills_the_other_language(author):
    update = post(ActionFactory(), author, language="en", progress="Met the team")
    status_update_translate(
        update=update, user=author, expected_version=1, progress="Rencontre de l’équipe"
    )
    update.refresh_from_db()
    assert update.progress_fr == "Rencontre de l’équipe"
    assert update.progress_en == "Met the team"
    assert update.is_translated
    assert update.version == 2
    with pytest.raises(ValidationError):
        status_update_translate(update=update, user=author, expected_version=2, progress="")


def _fields(action, **changes):
    fields = {
        "number": action.number,
        "description_en": action.description_en,
        "description_fr": action.description_fr,
        "start": action.start,
        "due": action.due,
        "remarks_en": action.remarks_en,
        "remarks_fr": action.remarks_fr,
        "status": action.status,
        "responsible_organizations": list(action.responsible_organizations.all()),
        "responsible_people": list(action.responsible_people.all()),
    }
    fields.update(changes)
    return fields


def test_action_update_bumps_version_and_records_one_history_row(author):
    action = ActionFactory()
    result = ExpectedResultFactory(action=action)
    before = Action.history.filter(id=action.pk).count()
    action_update(
        action=action,
        user=author,
        expected_version=action.version,
        fields=_fields(action, remarks_en="New remark"),
        expected_results=[
            {
                "id": result.pk,
                "delete": False,
                "description_en": result.description_en,
                "description_fr": result.description_fr,
                "state": "delivered",
                "date": None,
            }
        ],
    )
    action.refresh_from_db()
    assert action.version == 2
    assert action.remarks_en == "New remark"
    assert Action.history.filter(id=action.pk).count() == before + 1
    assert ExpectedResult.objects.get(pk=result.pk).state == "delivered"
    assert ExpectedResult.history.filter(id=result.pk).latest("history_date").history_user == author


def test_stale_version_raises_and_writes_nothing(author):
    action = ActionFactory(remarks_en="")
    resource = ResourceFactory(action=action, description_en="A", description_fr="A")
    fields = _fields(action)
    action_update(
        action=action,
        user=author,
        expected_version=1,
        fields=_fields(action, remarks_en="First"),
    )
    with pytest.raises(EditConflict) as conflict:
        action_update(
            action=action,
            user=author,
            expected_version=1,
            fields=dict(fields, remarks_en="Second"),
            resources=[{"id": resource.pk, "delete": True}],
        )
    assert conflict.value.current_version == 2
    assert [(c.label, c.old, c.new) for c in conflict.value.changes] == [
        ("remarks (English)", "—", "First")
    ]
    action.refresh_from_db()
    assert action.remarks_en == "First"
    assert Resource.objects.filter(pk=resource.pk).exists()


def test_action_create_is_recorded_as_created(author):
    activity = ActivityFactory()
    action = action_create(
        activity=activity,
        user=author,
        fields={
            "number": 1,
            "description_en": "Do it",
            "description_fr": "Le faire",
            "status": "not_started",
        },
        resources=[{"id": None, "delete": False, "description_en": "X", "description_fr": "X"}],
    )
    first = Action.history.filter(id=action.pk).earliest("history_date")
    assert (first.history_type, first.history_user) == ("+", author)
    assert action.resources.count() == 1


def test_action_create_validates(author):
    activity = ActivityFactory()
    with pytest.raises(ValidationError):
        action_create(
            activity=activity,
            user=author,
            fields={"number": 1, "description_en": "Only English", "description_fr": ""},
        )
    assert not Action.objects.exists()


def test_activity_update_checks_the_version(author):
    activity = ActivityFactory(priority="medium")
    seen = activity.version
    activity_update(
        activity=activity, user=author, expected_version=seen, fields={"priority": "high"}
    )
    assert Activity.objects.get(pk=activity.pk).version == seen + 1
    with pytest.raises(EditConflict) as conflict:
        activity_update(
            activity=activity, user=author, expected_version=seen, fields={"priority": "low"}
        )
    assert conflict.value.current_version == seen + 1
    assert [(c.old, c.new) for c in conflict.value.changes] == [("Medium", "High")]
    assert Activity.objects.get(pk=activity.pk).priority == "high"


def test_conflict_names_a_change_to_the_listed_items(author):
    action = ActionFactory()
    resource = ResourceFactory(
        action=action, description_en="Staff time", description_fr="Temps du personnel"
    )
    fields = _fields(action)
    action_update(  # someone else removes the resource
        action=action,
        user=author,
        expected_version=1,
        fields=fields,
        resources=[{"id": resource.pk, "delete": True}],
    )
    with pytest.raises(EditConflict) as conflict:
        action_update(action=action, user=author, expected_version=1, fields=fields)
    assert [(c.label, c.old, c.new) for c in conflict.value.changes] == [
        ("resources needed", "Staff time", "—")
    ]
