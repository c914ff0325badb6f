"""The history of any model registered with django-simple-history, as a reader is shown it.

``simple_history.register(Model, m2m_fields=[...])`` keeps a record of each save. What a page
shows is built from those records: each record is compared with the one before, and each
changed field becomes a :class:`Change` with its label and both values as a reader reads them
(choice labels, related objects by name, a translated field marked with its language).

- :func:`history_records`: the records to compare, with everything they show preloaded;
- :func:`records_history`: one object's records as :class:`HistoryEntry` items;
- :func:`field_changes`: the changes between two records;
- :func:`changes_since`: for an edit conflict, what changed since the version the user saw.

Fields a model keeps for itself (its primary key, non-editable fields such as a version) are
never shown; each caller names the other fields it hides.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models import QuerySet
from django.template.defaultfilters import yesno
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.fields import TranslationField
from modeltranslation.translator import NotRegistered, translator

from portal.dates import long_date
from portal.languages import Language

# The change reason of the records written while an object is being created (its m2m links,
# the items it owns): part of its "added" entry, not changes of their own.
CREATION = "creation"
EMPTY = "—"

# How a related object (foreign key or m2m target) is named, per field; str() otherwise.
Names = Mapping[str, Callable[[Any], str]]


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


def user_name(user) -> str:
    """How a history names who saved: the user's display name, or that no one was recorded."""
    if user is None:
        return str(_("Not recorded"))
    return getattr(user, "display_name", None) or user.get_username()


# --- What a model's history holds -----------------------------------------------------------


def _history_manager(model: type[models.Model]):
    return getattr(model, model._meta.simple_history_manager_attribute)


def _historical_model(model: type[models.Model]) -> type[models.Model]:
    return _history_manager(model).model


def _m2m_fields(model) -> list[models.ManyToManyField]:
    """The m2m fields registered with the model's history, in the model's order."""
    # simple_history keeps them from a set: sorted, so that changes are listed in a stable order.
    fields = _historical_model(model)._history_m2m_fields
    return sorted(fields, key=lambda field: field.creation_counter)


def _m2m_rows_accessor(model, field: models.ManyToManyField) -> str:
    """The name under which a historical record holds its copy of the field's links."""
    links = getattr(_historical_model(model), field.name).model
    return links._meta.get_field("history").remote_field.get_accessor_name()


def _m2m_prefetches(model) -> list[str]:
    return [
        f"{_m2m_rows_accessor(model, field)}__{field.m2m_reverse_field_name()}"
        for field in _m2m_fields(model)
    ]


def _translated_bases(model) -> set[str]:
    """Names of translated fields whose per-language fields are shown instead of them."""
    try:
        return set(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return set()


def _shown_fields(model, hidden: Collection[str]) -> list[models.Field]:
    """The plain (non-m2m) fields whose changes a reader is shown."""
    skipped = set(hidden) | _translated_bases(model)
    return [
        field
        for field in _historical_model(model).tracked_fields
        if field.editable and not field.primary_key and field.name not in skipped
    ]


def history_records(
    model: type[models.Model], *, select_related: Iterable[str] = ("history_user",), **filters
) -> QuerySet:
    """The model's history records matching `filters`, oldest first, preloaded for display.

    `select_related` names what naming the user needs (e.g. ``"history_user__person"`` where
    the user's display name comes from a profile). The m2m fields' targets are prefetched:
    two queries per field, whatever the number of records.
    """
    return (
        _history_manager(model)
        .filter(**filters)
        .select_related(*select_related)
        .prefetch_related(*_m2m_prefetches(model))
        .order_by("history_date", "history_id")
    )


def by_object(model: type[models.Model], records: Iterable) -> dict[Any, list]:
    """Records of several objects, grouped by object, each group in the records' order."""
    grouped: dict[Any, list] = {}
    for record in records:
        grouped.setdefault(getattr(record, model._meta.pk.attname), []).append(record)
    return grouped


# --- Differences between two records --------------------------------------------------------


@dataclass
class _Diff:
    """One changed field, with its stored values (foreign keys as keys, m2m as names)."""

    field: models.Field
    old: Any
    new: Any


def _m2m_names(model, record, field, names: Names) -> list[str]:
    name = names.get(field.name, str)
    target = field.m2m_reverse_field_name()
    rows = getattr(record, _m2m_rows_accessor(model, field)).all()
    return sorted(name(obj) for row in rows if (obj := getattr(row, target)) is not None)


def _diffs(model, old, new, hidden: Collection[str], names: Names) -> list[_Diff]:
    """What differs between two records: plain fields by name, then the m2m fields."""
    fields = {field.name: field for field in _shown_fields(model, hidden)}
    # Without m2m names in `included_fields`, diff_against compares plain fields only, with
    # no query; the m2m fields are compared below from what history_records prefetched.
    delta = new.diff_against(old, included_fields=list(fields))
    diffs = [_Diff(fields[change.field], change.old, change.new) for change in delta.changes]
    for field in _m2m_fields(model):
        if field.name in hidden:
            continue
        before, after = _m2m_names(model, old, field, names), _m2m_names(model, new, field, names)
        if before != after:
            diffs.append(_Diff(field, before, after))
    return diffs


def _related_objects(diffs: Iterable[_Diff]) -> dict[str, dict]:
    """The objects the changed foreign keys point to: one query per field, not per record."""
    wanted: dict[str, tuple[models.ForeignKey, set]] = {}
    for diff in diffs:
        if diff.field.many_to_one or diff.field.one_to_one:
            keys = wanted.setdefault(diff.field.name, (diff.field, set()))[1]
            keys.update(value for value in (diff.old, diff.new) if value is not None)
    return {
        name: field.related_model._base_manager.in_bulk(
            keys, field_name=field.remote_field.field_name
        )
        for name, (field, keys) in wanted.items()
    }


def _field_language(field) -> str | None:
    """The language of a translation field (e.g. "fr" for description_fr), else None."""
    return field.language if isinstance(field, TranslationField) else None


def _field_label(field) -> str:
    """The field's verbose name; a translation field says its language."""
    if isinstance(field, TranslationField):
        return _("%(field)s (%(language)s)") % {
            "field": field.translated_field.verbose_name,
            "language": Language(field.language).label,
        }
    return str(field.verbose_name)


def _display(field, value, *, related: Mapping | None = None, names: Names | None = None) -> str:
    """A stored value as a reader sees it: labels and names in the reader's language."""
    if field.many_to_many:
        return ", ".join(value) or EMPTY
    if value in (None, ""):
        return EMPTY
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.many_to_one or field.one_to_one:
        obj = (related or {}).get(field.name, {}).get(value)
        if obj is None:
            return str(
                _("%(model)s %(key)s (no longer exists)")
                % {"model": field.related_model._meta.verbose_name, "key": value}
            )
        return (names or {}).get(field.name, str)(obj)
    if isinstance(value, bool):
        return yesno(value)
    if isinstance(value, datetime.datetime):
        moment = timezone.localtime(value) if timezone.is_aware(value) else value
        return long_date(moment, "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return long_date(value)
    return str(value)


def display_value(model: type[models.Model], name: str, value) -> str:
    """A plain field's stored value (not a foreign key) as the history would show it."""
    return _display(model._meta.get_field(name), value)


def _changes(diffs: Iterable[_Diff], names: Names, related: Mapping) -> list[Change]:
    return [
        Change(
            _field_label(diff.field),
            _display(diff.field, diff.old, related=related, names=names),
            _display(diff.field, diff.new, related=related, names=names),
            _field_language(diff.field),
        )
        for diff in diffs
    ]


def field_changes(
    model: type[models.Model],
    old,
    new,
    *,
    hidden: Collection[str] = (),
    names: Names | None = None,
) -> list[Change]:
    """What changed from the history record `old` to `new` of the same object.

    Prefetch their m2m targets first (see history_records); a changed foreign key costs one
    query for the objects it names.
    """
    names = names or {}
    diffs = _diffs(model, old, new, hidden, names)
    return _changes(diffs, names, _related_objects(diffs))


# --- An object's history --------------------------------------------------------------------


def records_history(
    model: type[models.Model],
    records: Iterable,
    subject: Callable[[Any], str],
    *,
    hidden: Collection[str] = (),
    names: Names | None = None,
    name_user: Callable[[Any], str] = user_name,
) -> list[HistoryEntry]:
    """Entries for one object's records (oldest first), each compared with the one before.

    `subject(record)` says what the entry is about ("This action"). Records written while
    creating an object (change reason CREATION) belong to its "added" entry: not listed. A
    change that touches only hidden fields is not listed either.
    """
    names = names or {}
    steps = []
    previous = None
    for record in records:
        diffs = []
        if record.history_change_reason == CREATION:
            kind = None
        elif record.history_type == "+":
            kind = "created"
        elif record.history_type == "-":
            kind = "deleted"
        elif previous is None:
            kind = "changed"  # changed before its history began: what it was is not known
        else:
            diffs = _diffs(model, previous, record, hidden, names)
            kind = "changed" if diffs else None
        if kind is not None:
            steps.append((record, kind, diffs))
        previous = record
    # Every entry's related objects at once: one query per foreign key, not one per entry.
    related = _related_objects(diff for _, _, diffs in steps for diff in diffs)
    return [
        HistoryEntry(
            record.history_date,
            name_user(record.history_user),
            subject(record),
            kind,
            _changes(diffs, names, related),
        )
        for record, kind, diffs in steps
    ]


# --- Edit conflicts -------------------------------------------------------------------------


def _chronological(records: Iterable) -> list:
    return sorted(records, key=lambda record: (record.history_date, record.history_id))


def version_record(records: Iterable, version: int):
    """The last record of `version` among a versioned object's records (None if absent)."""
    found = [record for record in _chronological(records) if record.version == version]
    return found[-1] if found else None


def changes_since(
    obj: models.Model,
    *,
    version: int,
    label: str | None = None,
    hidden: Collection[str] = (),
    names: Names | None = None,
    records: Iterable | None = None,
) -> list[Change]:
    """What changed on a versioned `obj` since the user loaded `version`: seen → saved now.

    Compares the last record of that version with the latest record (`records`: the object's,
    from history_records, fetched when not given). When the history does not reach back that
    far (rows loaded without history), names the change by its versions only, under `label`
    (the model's name by default).
    """
    model = type(obj)
    if records is None:
        records = history_records(model, select_related=(), **{model._meta.pk.attname: obj.pk})
    records = _chronological(records)
    seen = version_record(records, version)
    if seen is None:
        return [
            Change(
                str(label or model._meta.verbose_name),
                str(_("version %(number)s") % {"number": version}),
                str(_("version %(number)s") % {"number": obj.version}),
            )
        ]
    return field_changes(model, seen, records[-1], hidden=hidden, names=names)
