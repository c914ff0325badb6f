"""Reads for the work plan's pages: each returns what a page shows, already preloaded.

Every selector here runs a fixed number of queries, whatever the size of the plan, the number
of status updates or the length of the history.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modeltranslation.fields import TranslationField
from modeltranslation.translator import translator
from modeltranslation.utils import get_language

from portal.languages import Language
from workplan.models import (
    Action,
    Activity,
    ExpectedResult,
    Resource,
    StatusUpdate,
)

# Fields the history does not show: kept by the portal itself, not typed by anyone.
HISTORY_HIDDEN_FIELDS = {"id", "activity", "action", "due_end", "last_updated", "version", "order"}
ACTION_M2M_FIELDS = ("responsible_organizations", "responsible_people")
# The change reason of the history records written while creating an action (its responsible
# parties, its resources and expected results): part of its "added" entry, not changes.
CREATION = "creation"


def person_name(user) -> str:
    """How the portal names a user (see User.display_name), or that no one was recorded."""
    if user is None:
        return str(_("Not recorded"))
    return user.display_name


# --- The plan -------------------------------------------------------------------------------


# A plan of a thousand actions on one page is a megabyte of HTML: show it a hundred at a time.
PLAN_PAGE_SIZE = 100


@dataclass
class PlanSection:
    activity: Activity
    actions: list[Action] = field(default_factory=list)


def plan_page(*, actions: QuerySet, number, per_page: int = PLAN_PAGE_SIZE) -> Page:
    """One page of the (filtered) plan's actions, in the plan's order."""
    return Paginator(actions, per_page).get_page(number)


def plan_sections(*, actions: Iterable[Action], include_empty: bool) -> list[PlanSection]:
    """The plan as the seed document lays it out: each activity followed by its actions.

    `actions` are those of one page (see `plan_page`); one query more for the activities.
    Activities without a matching action appear only when `include_empty` (an unfiltered
    plan on a single page).
    """
    sections = {activity.pk: PlanSection(activity) for activity in Activity.objects.all()}
    for action in actions:
        sections[action.activity_id].actions.append(action)
    return [s for s in sections.values() if include_empty or s.actions]


# --- An action's page -----------------------------------------------------------------------


def action_get(*, pk: int) -> Action:
    """One action with everything its page shows about it (updates and history apart)."""
    return get_object_or_404(Action.objects.with_related(), pk=pk)


def action_updates(*, action: Action) -> list[StatusUpdate]:
    """The action's status updates, newest first, with their authors; one query."""
    return list(
        StatusUpdate.objects.filter(action=action)
        .select_related("author", "author__person")
        .order_by("-date", "-created")
    )


@dataclass
class Change:
    label: str
    old: str
    new: str
    language: str | None = None  # set for a text written in one official language


@dataclass
class HistoryEntry:
    date: datetime.datetime
    user_name: str
    subject: str
    kind: str  # "created", "changed" or "deleted"
    changes: list[Change]


def _field_language(model, name: str) -> str | None:
    """The language of a translation field (e.g. "fr" for description_fr), else None."""
    model_field = model._meta.get_field(name)
    return model_field.language if isinstance(model_field, TranslationField) else None


def _field_label(model, name: str) -> str:
    """The field's verbose name; a translation field says its language."""
    model_field = model._meta.get_field(name)
    if isinstance(model_field, TranslationField):
        return _("%(field)s (%(language)s)") % {
            "field": model_field.translated_field.verbose_name,
            "language": Language(model_field.language).label,
        }
    return str(model_field.verbose_name)


def _display(model, name: str, value) -> str:
    """A stored value as a reader sees it: choice labels, dates in their language, or a dash."""
    if value in (None, ""):
        return "—"
    model_field = model._meta.get_field(name)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    return str(value)


def _diff_fields(model) -> list[str]:
    """The fields whose changes a reader is shown (translation fields, not their base)."""
    bases = translator.get_options_for_model(model).fields
    return [
        f.name
        for f in model._meta.concrete_fields
        if f.name not in HISTORY_HIDDEN_FIELDS and f.name not in bases
    ]


def _changes(model, old, new) -> list[Change]:
    """Field changes between two history records (no queries: plain fields only)."""
    delta = new.diff_against(old, included_fields=_diff_fields(model))
    return [
        Change(
            _field_label(model, change.field),
            _display(model, change.field, change.old),
            _display(model, change.field, change.new),
            _field_language(model, change.field),
        )
        for change in delta.changes
    ]


def _m2m_names(record, field_name: str) -> list[str]:
    """Names on a historical action's prefetched responsible organizations or people."""
    rows = getattr(record, f"historicalaction_{field_name}_set").all()
    if field_name == "responsible_organizations":
        return sorted(row.organization.short_name for row in rows if row.organization)
    return sorted(row.person.name for row in rows if row.person)


def _m2m_changes(old, new) -> list[Change]:
    """Changes to the responsible parties between two historical records of an action."""
    changes = []
    for name in ACTION_M2M_FIELDS:
        before, after = _m2m_names(old, name), _m2m_names(new, name)
        if before != after:
            changes.append(
                Change(
                    _field_label(Action, name), ", ".join(before) or "—", ", ".join(after) or "—"
                )
            )
    return changes


def _records_history(model, records, subject) -> list[HistoryEntry]:
    """Entries for one object's records (oldest first), each compared with the one before.

    Records written while creating the action (change reason CREATION) belong to its "added"
    entry: they are not listed.
    """
    entries = []
    previous = None
    for record in records:
        changes = []
        if record.history_change_reason == CREATION:
            kind = None
        elif record.history_type == "+":
            kind = "created"
        elif record.history_type == "-":
            kind = "deleted"
        elif previous is None:
            kind = "changed"  # changed before its history began: what it was is not known
        else:
            changes = _changes(model, previous, record)
            if model is Action:
                changes += _m2m_changes(previous, record)
            kind = "changed" if changes else None
        if kind is not None:
            entries.append(
                HistoryEntry(
                    record.history_date,
                    person_name(record.history_user),
                    subject(record),
                    kind,
                    changes,
                )
            )
        previous = record
    return entries


def _by_object(records) -> dict[int, list]:
    grouped: dict[int, list] = {}
    for record in records:
        grouped.setdefault(record.id, []).append(record)
    return grouped


def action_history(*, action: Action) -> list[HistoryEntry]:
    """What changed on the action, its resources and its expected results, newest first.

    Three queries plus the action's four m2m prefetches, however long the history.
    """
    action_records = list(
        Action.history.filter(id=action.pk)
        .select_related("history_user__person")
        .prefetch_related(
            Prefetch("historicalaction_responsible_organizations_set__organization"),
            Prefetch("historicalaction_responsible_people_set__person"),
        )
        .order_by("history_date", "history_id")
    )
    entries = _records_history(Action, action_records, lambda record: str(_("This action")))
    language = get_language()

    for model, noun in (
        (Resource, _("Resource needed")),
        (ExpectedResult, _("Expected result")),
    ):
        records = (
            model.history.filter(action_id=action.pk)
            .select_related("history_user__person")
            .order_by("history_date", "history_id")
        )
        for object_records in _by_object(records).values():
            entries += _records_history(
                model,
                object_records,
                lambda record, noun=noun: (
                    _("%(noun)s “%(text)s”")
                    % {"noun": noun, "text": _short(getattr(record, f"description_{language}"))}
                ),
            )
    entries.sort(key=lambda entry: entry.date, reverse=True)
    return entries


def _short(text: str, length: int = 60) -> str:
    """The text on one line, cut to `length` characters (ellipsis included)."""
    return Truncator(" ".join((text or "").split())).chars(length)


# --- Concurrent edits -----------------------------------------------------------------------


def action_changes_since(*, action: Action, version: int) -> list[Change]:
    """What changed on the action since the user loaded `version` of it: seen → current.

    Compares the last history record of that version with the current one; if the history
    does not reach that far back, names the change without values.
    """
    records = (
        Action.history.filter(id=action.pk)
        .prefetch_related(
            "historicalaction_responsible_organizations_set__organization",
            "historicalaction_responsible_people_set__person",
        )
        .order_by("-history_date", "-history_id")
    )
    records = list(records)
    seen = next((r for r in records if r.version == version), None)
    current = next(iter(records), None)
    # The first record of a later version: the items' changes since then came with it.
    newer = [r for r in records if r.version > version]
    boundary = newer[-1].history_date if newer else timezone.now()
    if seen is None or current is None:
        return [
            Change(
                str(_("this action")),
                str(_("version %(number)s") % {"number": version}),
                str(_("version %(number)s") % {"number": action.version}),
            )
        ]
    changes = _changes(Action, seen, current) + _m2m_changes(seen, current)
    for model, label in (
        (Resource, _("resources needed")),
        (ExpectedResult, _("expected results")),
    ):
        before = _items_as_of(model, action, boundary)
        after = _items_as_of(model, action, timezone.now() + datetime.timedelta(seconds=1))
        if before != after:
            changes.append(Change(str(label), "; ".join(before) or "—", "; ".join(after) or "—"))
    return changes


def _items_as_of(model, action: Action, when: datetime.datetime) -> list[str]:
    """Descriptions of an action's resources or expected results as they stood before `when`."""
    records = model.history.filter(action_id=action.pk, history_date__lt=when).order_by(
        "id", "-history_date", "-history_id"
    )
    latest = {}
    for record in records:
        latest.setdefault(record.id, record)
    language = get_language()
    items = [r for r in latest.values() if r.history_type != "-"]
    items.sort(key=lambda r: (r.order, r.id))
    texts = []
    for item in items:
        text = _short(getattr(item, f"description_{language}"), 80)
        if model is ExpectedResult:
            text = f"{text} ({_display(model, 'state', item.state)})"
        texts.append(text)
    return texts


def activity_snapshot(activity: Activity) -> dict:
    """The activity's editable values, to tell later whether someone else changed them."""
    return {
        "number": activity.number,
        "objective_en": activity.objective_en,
        "objective_fr": activity.objective_fr,
        "priority": activity.priority,
        "order": activity.order,
    }


def activity_changes_since(*, activity: Activity, snapshot: dict) -> list[Change]:
    current = activity_snapshot(activity)
    return [
        Change(
            _field_label(Activity, name),
            _display(Activity, name, snapshot.get(name)),
            _display(Activity, name, value),
            _field_language(Activity, name),
        )
        for name, value in current.items()
        if snapshot.get(name) != value
    ]
