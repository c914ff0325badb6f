"""The plan as it stood on a day, and what changed in it between two days.

For a past day the plan is read from the history kept by django-simple-history: the actions
that existed then, with their texts, responsible parties, resources and expected results as
they were; actions created later are absent. Every function runs a fixed number of queries.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Prefetch

from directory.models import Organization, Person
from reports.period import end_of_day
from workplan.models import Action, Activity, ExpectedResult, Resource, StatusUpdate


@dataclass(slots=True)
class PlanRow:
    """An action with what the report shows of it, before it is put into words."""

    action: Action
    organizations: list
    people: list
    resources: list
    expected_results: list


def plan_now(activity_ids) -> tuple[list[Activity], list[PlanRow]]:
    """The plan as it is now, from the live tables (for today or a later day)."""
    activities = Activity.objects.order_by("order", "number")
    # Prefetched into lists: a related manager made for each of thousands of actions (to read
    # its prefetched rows) cost more than the queries.
    actions = Action.objects.select_related("activity").prefetch_related(
        Prefetch("responsible_organizations", to_attr="organization_list"),
        Prefetch(
            "responsible_people",
            queryset=Person.objects.select_related("organization"),
            to_attr="people_list",
        ),
        Prefetch("resources", to_attr="resource_list"),
        Prefetch("expected_results", to_attr="expected_result_list"),
    )
    if activity_ids is not None:
        activities = activities.filter(pk__in=activity_ids)
        actions = actions.filter(activity_id__in=activity_ids)
    rows = [
        PlanRow(
            action,
            action.organization_list,
            action.people_list,
            action.resource_list,
            action.expected_result_list,
        )
        for action in actions
    ]
    return list(activities), rows


def _latest_of_each(instances) -> list:
    """One instance per object: the history's latest row, even when two rows share a time."""
    latest = {}
    for instance in instances:
        kept = latest.get(instance.pk)
        if kept is None or instance._history.history_id > kept._history.history_id:
            latest[instance.pk] = instance
    return list(latest.values())


def plan_then(activity_ids, end: datetime.datetime) -> tuple[list[Activity], list[PlanRow]]:
    """The plan as it stood at `end`, from the history (actions created later are absent)."""
    actions_qs = Action.history.as_of(end)
    if activity_ids is not None:
        actions_qs = actions_qs.filter(activity_id__in=activity_ids)
    actions = _latest_of_each(actions_qs)
    if not actions:
        return [], []
    action_ids = [a.pk for a in actions]
    history_ids = [a._history.history_id for a in actions]

    needed = {a.activity_id for a in actions}
    activities = {
        a.pk: a for a in _latest_of_each(Activity.history.as_of(end).filter(id__in=needed))
    }
    missing = needed - activities.keys()
    if missing:  # activities loaded without history: take them as they are
        activities.update((a.pk, a) for a in Activity.objects.filter(pk__in=missing))

    organizations_through = apps.get_model("workplan", "HistoricalAction_responsible_organizations")
    people_through = apps.get_model("workplan", "HistoricalAction_responsible_people")
    organization_links = list(
        organizations_through.objects.filter(history_id__in=history_ids).values_list(
            "history_id", "organization_id"
        )
    )
    people_links = list(
        people_through.objects.filter(history_id__in=history_ids).values_list(
            "history_id", "person_id"
        )
    )
    organizations = Organization.objects.in_bulk({link[1] for link in organization_links})
    people = Person.objects.select_related("organization").in_bulk(
        {link[1] for link in people_links}
    )
    organizations_of = defaultdict(list)
    for history_id, organization_id in organization_links:
        if organization_id in organizations:
            organizations_of[history_id].append(organizations[organization_id])
    people_of = defaultdict(list)
    for history_id, person_id in people_links:
        if person_id in people:
            people_of[history_id].append(people[person_id])

    resources_of = defaultdict(list)
    for resource in _latest_of_each(Resource.history.as_of(end).filter(action_id__in=action_ids)):
        resources_of[resource.action_id].append(resource)
    results_of = defaultdict(list)
    for result in _latest_of_each(
        ExpectedResult.history.as_of(end).filter(action_id__in=action_ids)
    ):
        results_of[result.action_id].append(result)

    def by_order(items):
        return sorted(items, key=lambda item: (item.order, item.pk))

    rows = []
    for action in actions:
        activity = activities.get(action.activity_id)
        if activity is None:
            continue
        action.activity = activity
        history_id = action._history.history_id
        rows.append(
            PlanRow(
                action,
                sorted(organizations_of[history_id], key=lambda o: o.name),
                sorted(people_of[history_id], key=lambda p: p.name),
                by_order(resources_of[action.pk]),
                by_order(results_of[action.pk]),
            )
        )
    rows.sort(key=lambda r: (r.action.activity.order, r.action.activity.number, r.action.number))
    ordered = sorted(activities.values(), key=lambda a: (a.order, a.number))
    if activity_ids is None:
        return ordered, rows
    return [a for a in ordered if a.pk in set(activity_ids)], rows


# --- What changed in the window ---------------------------------------------------------------


def status_changes(
    action_ids: set[int],
    activity_ids,
    since: datetime.date | None,
    as_of_end: datetime.datetime,
) -> dict[int, list[tuple[datetime.datetime, str | None, str]]]:
    """Status changes per action between the end of `since` and `as_of_end` (from history)."""
    history = Action.history.filter(history_date__lte=as_of_end)
    since_end = end_of_day(since) if since else None
    if since_end is not None:
        history = history.filter(history_date__gt=since_end)
    if activity_ids is not None:
        history = history.filter(activity_id__in=activity_ids)
    records = list(
        history.order_by("id", "history_date", "history_id").values_list(
            "id", "history_date", "history_type", "status"
        )
    )
    records = [r for r in records if r[0] in action_ids]
    before = {}
    if since_end is not None and records:
        # The status each action had at the start of the window (the last row wins).
        before = dict(
            Action.history.filter(id__in={r[0] for r in records}, history_date__lte=since_end)
            .latest_of_each()
            .exclude(history_type="-")
            .order_by("history_date", "history_id")
            .values_list("id", "status")
        )
    changes = defaultdict(list)
    previous = dict(before)
    for action_id, when, history_type, status in records:
        if history_type == "-":
            continue
        if action_id not in previous:
            # Added to the plan in the window; since the beginning, that is no change.
            if since_end is not None and history_type == "+":
                changes[action_id].append((when, None, status))
            previous[action_id] = status
            continue
        if status != previous[action_id]:
            changes[action_id].append((when, previous[action_id], status))
            previous[action_id] = status
    return changes


def updates_in(action_ids: set[int], activity_ids, since: datetime.date | None, as_of):
    updates = StatusUpdate.objects.filter(date__lte=as_of).select_related("author__person")
    if activity_ids is not None:
        updates = updates.filter(action__activity_id__in=activity_ids)
    if since is not None:
        updates = updates.filter(date__gt=since)
    by_action = defaultdict(list)
    for update in updates.order_by("date", "created", "pk"):
        if update.action_id in action_ids:
            by_action[update.action_id].append(update)
    return by_action
