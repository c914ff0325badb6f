"""Reads for the work plan's pages: each returns what a page shows, already preloaded.

Every selector here runs a fixed number of queries, whatever the size of the plan, the number
of status updates or the length of the history.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import BooleanField, Case, Prefetch, Q, QuerySet, Value, When
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from directory.models import Language
from workplan.fuzzydates import FuzzyDate
from workplan.models import (
    CLOSED_STATUSES,
    Action,
    Activity,
    ExpectedResult,
    Resource,
    StatusUpdate,
)

# Fields the history does not show: kept by the portal itself, not typed by anyone.
HISTORY_HIDDEN_FIELDS = {"id", "activity", "action", "due_end", "last_updated", "version", "order"}
ACTION_M2M_FIELDS = ("responsible_organizations", "responsible_people")
TRANSLATED_FIELDS = {
    Action: ("description", "remarks"),
    Activity: ("objective",),
    Resource: ("description",),
    ExpectedResult: ("description",),
}


def person_name(user) -> str:
    """How the portal names a user: their directory entry, else their account's name."""
    if user is None:
        return str(_("Not recorded"))
    person = getattr(user, "person", None)
    if person is not None:
        return person.name
    return user.get_full_name() or user.get_username()


# --- The plan -------------------------------------------------------------------------------


# A plan of a thousand actions on one page is a megabyte of HTML: show it a hundred at a time.
PLAN_PAGE_SIZE = 100


def with_overdue(actions: QuerySet, *, today: datetime.date | None = None) -> QuerySet:
    """Marks each action `past_due` in the database, from `due_end` (no per-row work)."""
    today = today or timezone.localdate()
    return actions.annotate(
        past_due=Case(
            When(Q(due_end__lt=today) & ~Q(status__in=CLOSED_STATUSES), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    )


@dataclass
class PlanSection:
    activity: Activity
    actions: list[Action] = field(default_factory=list)


def plan_page(*, actions: QuerySet, number, per_page: int = PLAN_PAGE_SIZE) -> Page:
    """One page of the (filtered) plan's actions, in the plan's order, marked `past_due`."""
    return Paginator(with_overdue(actions), per_page).get_page(number)


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
    """The action's status updates, newest first, each with `author_name`; one query."""
    updates = list(
        StatusUpdate.objects.filter(action=action)
        .select_related("author", "author__person")
        .order_by("-date", "-created")
    )
    for update in updates:
        update.author_name = person_name(update.author)
    return updates


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
    for base in TRANSLATED_FIELDS.get(model, ()):
        for code in ("en", "fr"):
            if name == f"{base}_{code}":
                return code
    return None


def _field_label(model, name: str) -> str:
    """The field's verbose name; a translation field says its language."""
    for base in TRANSLATED_FIELDS.get(model, ()):
        for code in ("en", "fr"):
            if name == f"{base}_{code}":
                verbose = model._meta.get_field(base).verbose_name
                language = Language(code).label
                return f"{verbose} ({language})"
    return str(model._meta.get_field(name).verbose_name)


def _display(model, name: str, value) -> str:
    """A stored value as a reader sees it: choice labels, dates in their language, or a dash."""
    if value in (None, ""):
        return "—"
    model_field = model._meta.get_field(name)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, FuzzyDate):
        return str(value)
    return str(value)


def _diff_fields(model) -> list[str]:
    """The fields whose changes a reader is shown (translation fields, not their base)."""
    bases = set(TRANSLATED_FIELDS.get(model, ()))
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


def _records_history(model, records, subject) -> list[HistoryEntry]:
    """Entries for one object's records (oldest first), each compared with the one before."""
    entries = []
    previous = None
    for record in records:
        user_name = person_name(record.history_user)
        if getattr(record, "part_of_creation", False):
            pass  # listed when the action was created: part of that entry
        elif record.history_type == "+":
            entries.append(
                HistoryEntry(record.history_date, user_name, subject(record), "created", [])
            )
        elif record.history_type == "-":
            entries.append(
                HistoryEntry(record.history_date, user_name, subject(record), "deleted", [])
            )
        elif previous is None:
            # Changed before its history began: what it was is not known.
            entries.append(
                HistoryEntry(record.history_date, user_name, subject(record), "changed", [])
            )
        else:
            changes = _changes(model, previous, record)
            # The responsible parties set right after creating the action belong to its
            # creation, not to a change.
            if model is Action and not _completes_creation(previous, record):
                for name in ACTION_M2M_FIELDS:
                    old, new = _m2m_names(previous, name), _m2m_names(record, name)
                    if old != new:
                        changes.append(
                            Change(
                                _field_label(Action, name),
                                ", ".join(old) or "—",
                                ", ".join(new) or "—",
                            )
                        )
            if changes:
                entries.append(
                    HistoryEntry(
                        record.history_date, user_name, subject(record), "changed", changes
                    )
                )
        previous = record
    return entries


def _completes_creation(created, record) -> bool:
    """A record saved by the same person within seconds of creating the action (or item)."""
    return (
        created.history_type == "+"
        and created.history_user_id == record.history_user_id
        and abs(record.history_date - created.history_date) < datetime.timedelta(seconds=10)
    )


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
    created = next((r for r in action_records if r.history_type == "+"), None)
    language = (get_language() or "en")[:2]

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
            if created is not None and _completes_creation(created, object_records[0]):
                object_records[0].part_of_creation = True
            entries += _records_history(
                model,
                object_records,
                lambda record, noun=noun: (
                    f"{noun} “{_short(getattr(record, f'description_{language}'))}”"
                ),
            )
    entries.sort(key=lambda entry: entry.date, reverse=True)
    return entries


def _short(text: str, length: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= length else text[: length - 1] + "…"


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
    changes = _changes(Action, seen, current)
    for name in ACTION_M2M_FIELDS:
        old, new = _m2m_names(seen, name), _m2m_names(current, name)
        if old != new:
            changes.append(
                Change(_field_label(Action, name), ", ".join(old) or "—", ", ".join(new) or "—")
            )
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
    language = (get_language() or "en")[:2]
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
