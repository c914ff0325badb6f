"""Reads for the work plan's pages: each returns what a page shows, already preloaded.

Every selector here runs a fixed number of queries, whatever the size of the plan, the number
of status updates or the length of the history.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import get_language

from portal.history import (
    EMPTY,
    Change,
    HistoryEntry,
    by_object,
    changes_since,
    display_value,
    history_records,
    records_history,
    user_name,
    version_record,
)
from portal.languages import in_language
from workplan.models import (
    Action,
    Activity,
    ExpectedResult,
    Resource,
    StatusUpdate,
)

# Fields the history does not show, kept by the portal rather than typed by anyone (the
# primary keys, Action.due_end and the versions are never shown): an action's activity and
# the date of its latest update; a listed item's action and its position in the list.
ACTION_HIDDEN = frozenset({"activity", "last_updated"})
ITEM_HIDDEN = frozenset({"action", "order"})
# The plan names organizations by acronym (see responsible_names); people by their name.
ACTION_NAMES = {"responsible_organizations": attrgetter("short_name")}
# The history names users by their directory entry (User.display_name reads the person).
HISTORY_USER = ("history_user__person",)


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


class PlanRead:
    """One page of the (filtered) plan, read only when the page shows it: a page kept in the
    fragment cache (portal/fragments.py) asks for none of it."""

    def __init__(self, *, actions: QuerySet, number, filtered: bool):
        self._actions, self._number, self._filtered = actions, number, filtered

    @cached_property
    def page(self) -> Page:
        return plan_page(actions=self._actions, number=self._number)

    @cached_property
    def sections(self) -> list[PlanSection]:
        return plan_sections(
            actions=self.page.object_list,
            include_empty=not self._filtered and not self.page.has_other_pages(),
        )


# --- An action's page -----------------------------------------------------------------------


def action_get(*, pk: int) -> Action:
    """One action with everything its page shows about it (updates and history apart)."""
    return get_object_or_404(Action.objects.with_related(), pk=pk)


def action_updates(*, action: Action, reader=None) -> list[StatusUpdate]:
    """The action's status updates, newest first, with their authors and translators.

    One query (and one for the reader's directory entry). With a `reader`, each update says
    whether they may translate it (``update.translatable``, see may_be_translated_by).
    """
    updates = list(
        StatusUpdate.objects.filter(action=action)
        .select_related("author__person", "translated_by__person")
        .order_by("-date", "-created")
    )
    if reader is not None:
        for update in updates:
            update.translatable = update.may_be_translated_by(reader)
    return updates


def action_history(*, action: Action) -> list[HistoryEntry]:
    """What changed on the action, its resources and its expected results, newest first.

    Three queries plus the action's four m2m prefetches, however long the history.
    """
    entries = records_history(
        Action,
        history_records(Action, select_related=HISTORY_USER, id=action.pk),
        lambda record: str(_("This action")),
        hidden=ACTION_HIDDEN,
        names=ACTION_NAMES,
    )
    language = get_language()

    for model, noun in (
        (Resource, _("Resource needed")),
        (ExpectedResult, _("Expected result")),
    ):
        records = history_records(model, select_related=HISTORY_USER, action_id=action.pk)
        for object_records in by_object(model, records).values():
            entries += records_history(
                model,
                object_records,
                lambda record, noun=noun: (
                    _("%(noun)s “%(text)s”")
                    % {"noun": noun, "text": _short(in_language(record, "description", language))}
                ),
                hidden=ITEM_HIDDEN,
            )
    entries.sort(key=lambda entry: entry.date, reverse=True)
    return entries


def _short(text: str, length: int = 60) -> str:
    """The text on one line, cut to `length` characters (ellipsis included)."""
    return Truncator(" ".join((text or "").split())).chars(length)


# --- Concurrent edits -----------------------------------------------------------------------


def action_changes_since(*, action: Action, version: int) -> list[Change]:
    """What changed on the action since the user loaded `version` of it: seen → current.

    Its own fields and responsible parties from its history; its resources and expected
    results as they stood when the next version was saved, against how they stand now (their
    changes are saved after the action's, in the same edit).
    """
    records = list(history_records(Action, select_related=(), id=action.pk))
    changes = changes_since(
        action,
        version=version,
        label=_("this action"),
        hidden=ACTION_HIDDEN,
        names=ACTION_NAMES,
        records=records,
    )
    if version_record(records, version) is None:
        return changes  # the history does not reach that far back: only versions are named
    newer = [record for record in records if record.version > version]
    boundary = newer[0].history_date if newer else timezone.now()
    for model, label in (
        (Resource, _("resources needed")),
        (ExpectedResult, _("expected results")),
    ):
        before = _items_as_of(model, action, boundary)
        after = _items_as_of(model, action, timezone.now() + datetime.timedelta(seconds=1))
        if before != after:
            changes.append(
                Change(str(label), "; ".join(before) or EMPTY, "; ".join(after) or EMPTY)
            )
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
        text = _short(in_language(item, "description", language), 80)
        if model is ExpectedResult:
            text = f"{text} ({display_value(model, 'state', item.state)})"
        texts.append(text)
    return texts


# An update's action, author and language never change; who translated it last does, and is
# named as the portal names people.
UPDATE_HIDDEN = frozenset({"action", "author", "language"})
UPDATE_NAMES = {"translated_by": user_name}


def status_update_changes_since(*, update: StatusUpdate, version: int) -> list[Change]:
    """What changed on a status update since the user loaded `version` of it: seen → current."""
    return changes_since(
        update,
        version=version,
        label=_("this status update"),
        hidden=UPDATE_HIDDEN,
        names=UPDATE_NAMES,
    )


def activity_changes_since(*, activity: Activity, version: int) -> list[Change]:
    """What changed on the activity since the user loaded `version` of it: seen → current."""
    return changes_since(activity, version=version, label=_("this activity"))
