"""The generic history display (portal/history.py), through the work plan's real models.

The work plan hides some fields (an action's activity, for one); these tests call the generic
functions with their own choices, to see each feature on its own.
"""

import pytest
from django.utils import translation

from portal.history import (
    CREATION,
    EMPTY,
    by_object,
    changes_since,
    field_changes,
    history_records,
    records_history,
    user_name,
    version_record,
)
from tests.directory.factories import OrganizationFactory, PersonFactory, UserFactory
from tests.workplan.factories import ActionFactory, ActivityFactory, ResourceFactory
from workplan.models import Action, Activity, Resource

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english():
    # A request in French earlier in the run leaves French active in this thread.
    with translation.override("en"):
        yield


def records(model, obj):
    return list(history_records(model, id=obj.pk))


def last_two(model, obj):
    *_, old, new = records(model, obj)
    return old, new


def as_tuples(changes):
    return [(c.label, c.old, c.new, c.language) for c in changes]


def subject(record):
    return "It"


def test_a_foreign_key_is_shown_by_the_related_objects_name():
    action = ActionFactory()
    before = action.activity
    action.activity = ActivityFactory(number=7)
    action.save()
    old, new = last_two(Action, action)
    changes = field_changes(Action, old, new)
    assert as_tuples(changes) == [("activity", str(before), "Activity 7", None)]


def test_a_foreign_key_to_a_removed_object_says_so():
    action = ActionFactory()
    gone = ActivityFactory(number=8)
    action.activity = gone
    action.save()
    old, new = last_two(Action, action)
    gone_pk = gone.pk
    gone.delete()  # the action's history still points to it
    [change] = field_changes(Action, old, new)
    assert change.new == f"activity {gone_pk} (no longer exists)"


def test_related_objects_are_fetched_once_for_the_whole_history(django_assert_num_queries):
    action = ActionFactory()
    for number in range(20, 30):
        action.activity = ActivityFactory(number=number)
        action.save()
    loaded = records(Action, action)
    with django_assert_num_queries(1):  # the ten activities the changes name, at once
        entries = records_history(Action, loaded, subject)
    assert [c.new for e in entries for c in e.changes] == [f"Activity {n}" for n in range(20, 30)]


def test_an_m2m_change_lists_the_names_of_the_targets():
    action = ActionFactory()
    snb = OrganizationFactory(name_en="Service New Brunswick", acronym_en="SNB")
    person = PersonFactory(name="Rob Horwood", organization=snb)
    action.responsible_organizations.add(snb)
    action.responsible_people.add(person)
    loaded = records(Action, action)

    by_str = field_changes(Action, loaded[0], loaded[-1])
    assert as_tuples(by_str) == [
        ("responsible organizations", EMPTY, "Service New Brunswick (SNB)", None),
        ("responsible people", EMPTY, "Rob Horwood", None),
    ]
    named = field_changes(
        Action, loaded[0], loaded[-1], names={"responsible_organizations": lambda o: o.short_name}
    )
    assert named[0].new == "SNB"
    hidden = field_changes(Action, loaded[0], loaded[-1], hidden={"responsible_people"})
    assert [c.label for c in hidden] == ["responsible organizations"]


def test_m2m_targets_are_prefetched(django_assert_num_queries):
    action = ActionFactory()
    for n in range(5):
        action.responsible_organizations.add(OrganizationFactory(acronym_en=f"O{n}"))
    # 1 the records, 2 their organization links, 3 those organizations, 4 their people links
    # (5 their people: none to fetch): the same for six records as for sixty.
    with django_assert_num_queries(4):
        loaded = records(Action, action)
    assert len(loaded) == 6
    with django_assert_num_queries(0):
        entries = records_history(
            Action, loaded, subject, names={"responsible_organizations": lambda o: o.short_name}
        )
    assert as_tuples(entries[-1].changes) == [
        ("responsible organizations", "O0, O1, O2, O3", "O0, O1, O2, O3, O4", None)
    ]


def test_a_translated_field_says_its_language():
    action = ActionFactory(remarks_fr="")
    action.remarks_fr = "Reporté."
    action.save()
    old, new = last_two(Action, action)
    assert as_tuples(field_changes(Action, old, new)) == [
        ("remarks (French)", EMPTY, "Reporté.", "fr")
    ]
    with translation.override("fr"):
        [change] = field_changes(Action, old, new)
    assert change.label == "remarques (français)"


def test_choices_show_their_labels_in_the_readers_language():
    action = ActionFactory(status="in_progress")
    action.status = "delayed"
    action.save()
    old, new = last_two(Action, action)
    assert as_tuples(field_changes(Action, old, new)) == [
        ("status", "In progress", "Delayed", None)
    ]
    with translation.override("fr"):
        assert [(c.old, c.new) for c in field_changes(Action, old, new)] == [
            ("En cours de réalisation", "En retard")
        ]


def test_hidden_and_non_editable_fields_are_not_shown():
    action = ActionFactory()
    action.version += 1  # not editable: never shown
    action.due = None  # due_end follows it: not editable, not shown
    action.number = 42
    action.save()
    old, new = last_two(Action, action)
    assert [c.label for c in field_changes(Action, old, new)] == ["due date", "number"]
    assert [c.label for c in field_changes(Action, old, new, hidden={"number"})] == ["due date"]


def test_entries_name_the_kind_the_user_and_the_subject():
    author = UserFactory(username="author")
    activity = ActivityFactory(priority="high")
    activity.priority = "low"
    activity._history_user = author
    activity.save()
    activity.save()  # nothing changed: no entry
    activity._history_user = None
    pk = activity.pk
    activity.delete()
    loaded = list(history_records(Activity, id=pk))
    entries = records_history(Activity, loaded, lambda record: f"Activity {record.number}")
    assert [(e.kind, e.user_name, e.subject) for e in entries] == [
        ("created", "Not recorded", f"Activity {activity.number}"),
        ("changed", "Author Tester", f"Activity {activity.number}"),
        ("deleted", "Not recorded", f"Activity {activity.number}"),
    ]
    assert as_tuples(entries[1].changes) == [("priority", "High", "Low", None)]
    named = records_history(Activity, loaded, subject, name_user=lambda user: "Someone")
    assert {e.user_name for e in named} == {"Someone"}


def test_records_written_while_creating_are_part_of_the_added_entry():
    action = ActionFactory()
    action._change_reason = CREATION
    action.remarks_en = "Filled in while creating"
    action.save()
    del action._change_reason
    action.remarks_en = "Edited later"
    action.save()
    entries = records_history(Action, records(Action, action), subject)
    assert [e.kind for e in entries] == ["created", "changed"]
    # The later edit is compared with what the creation wrote.
    assert [(c.old, c.new) for c in entries[1].changes] == [
        ("Filled in while creating", "Edited later")
    ]


def test_a_record_without_a_previous_one_is_a_change_of_unknown_values():
    action = ActionFactory()
    Action.history.filter(id=action.pk).delete()  # as if loaded without history
    action.remarks_en = "Later"
    action.save()
    [entry] = records_history(Action, records(Action, action), subject)
    assert (entry.kind, entry.changes) == ("changed", [])


def test_records_of_several_objects_group_by_object():
    action = ActionFactory()
    first, second = ResourceFactory(action=action), ResourceFactory(action=action)
    first.description_en = "Changed"
    first.save()
    grouped = by_object(Resource, history_records(Resource, action_id=action.pk))
    assert {pk: [r.history_type for r in rs] for pk, rs in grouped.items()} == {
        first.pk: ["+", "~"],
        second.pk: ["+"],
    }


def test_user_name_prefers_the_display_name():
    assert user_name(None) == "Not recorded"
    user = UserFactory(username="plain")
    assert user_name(user) == "Plain Tester"


def test_changes_since_a_version_compare_what_was_seen_with_what_is_saved():
    activity = ActivityFactory(priority="medium", objective_fr="Objectif")
    seen = activity.version
    activity.version += 1
    activity.priority = "high"
    activity.save()
    activity.version += 1
    activity.objective_fr = "Objectif révisé"
    activity.save()
    changes = changes_since(activity, version=seen)
    assert as_tuples(changes) == [
        ("objective (French)", "Objectif", "Objectif révisé", "fr"),
        ("priority", "Medium", "High", None),
    ]
    # The last record of the version seen counts: a save that kept the version is included.
    assert version_record(records(Activity, activity), seen).history_type == "+"
    assert changes_since(activity, version=activity.version) == []


def test_changes_since_a_version_the_history_does_not_hold():
    activity = ActivityFactory()
    Activity.history.filter(id=activity.pk).delete()  # loaded without history
    activity.version = 3
    activity.save()
    [change] = changes_since(activity, version=2, label="this activity")
    assert (change.label, change.old, change.new) == ("this activity", "version 2", "version 3")
    [default] = changes_since(activity, version=2)
    assert default.label == "activity"
