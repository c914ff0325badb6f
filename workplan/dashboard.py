"""What the dashboard and "My actions" show: selectors that read in a fixed number of queries.

Counts are aggregated by the database (one grouped query for every activity, status and
health); lists are capped, with the total counted only when the cap is reached; the timeline
draws at most TIMELINE_LIMIT actions (a whole activity can be picked instead).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlencode

from django import forms
from django.db.models import Count, F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal import charts
from portal.fuzzydates import FuzzyDate
from workplan.filters import DUE_90, OVERDUE
from workplan.models import CLOSED_STATUSES, Action, Activity, Health, Status, StatusUpdate
from workplan.timeline import Timeline, timeline_chart

UPCOMING_DAYS = 90
STALE_DAYS = 90
LIST_LIMIT = 20
RECENT_UPDATES = 10
TIMELINE_LIMIT = 40

# Health is blank until an action's first status update.
NOT_REPORTED = ""
HEALTH_COLUMNS = [*Health.choices, (NOT_REPORTED, _("Not reported yet"))]

# --- Counts ----------------------------------------------------------------------------------


@dataclass
class ActivityCounts:
    activity: Activity | None  # None for the totals row
    by_status: list[int]  # in Status order
    by_health: list[int]  # in HEALTH_COLUMNS order
    total: int = 0


@dataclass
class PlanCounts:
    rows: list[ActivityCounts]
    totals: ActivityCounts
    statuses: list[tuple[str, str]] = field(default_factory=lambda: list(Status.choices))
    healths: list[tuple[str, str]] = field(default_factory=lambda: list(HEALTH_COLUMNS))

    @cached_property
    def status_chart(self) -> charts.BarChart:
        return charts.bar_chart(
            (key, str(label), count)
            for (key, label), count in zip(self.statuses, self.totals.by_status, strict=True)
        )

    @cached_property
    def health_chart(self) -> charts.BarChart:
        return charts.bar_chart(
            (key or "none", str(label), count)
            for (key, label), count in zip(self.healths, self.totals.by_health, strict=True)
        )

    @property
    def by_status(self) -> list[tuple[Activity | None, list[int], int]]:
        """(activity, counts in status order, total) per activity: a table's rows."""
        return [(row.activity, row.by_status, row.total) for row in self.rows]

    @property
    def by_health(self) -> list[tuple[Activity | None, list[int], int]]:
        return [(row.activity, row.by_health, row.total) for row in self.rows]

    @property
    def status_summary(self) -> str:
        return _summary(self.statuses, self.totals.by_status)

    @property
    def health_summary(self) -> str:
        return _summary(self.healths, self.totals.by_health)


def _summary(choices, counts) -> str:
    """ "Not started: 3; In progress: 5; …", for the chart's text description."""
    item = _("%(label)s: %(count)s")
    return "; ".join(
        str(item) % {"label": label, "count": count}
        for (_key, label), count in zip(choices, counts, strict=True)
    )


def plan_counts(activities: list[Activity]) -> PlanCounts:
    """Actions per activity by status and by health, and the totals: one grouped query."""
    status_index = {key: i for i, key in enumerate(Status.values)}
    health_index = {key: i for i, (key, _label) in enumerate(HEALTH_COLUMNS)}
    rows = {
        activity.pk: ActivityCounts(activity, [0] * len(status_index), [0] * len(health_index))
        for activity in activities
    }
    totals = ActivityCounts(None, [0] * len(status_index), [0] * len(health_index))
    grouped = (
        Action.objects.order_by()
        .values("activity", "status", "health")
        .annotate(count=Count("pk"))
        .values_list("activity", "status", "health", "count")
    )
    for activity_pk, status, health, count in grouped:
        row = rows.get(activity_pk)
        for target in (totals,) if row is None else (row, totals):
            target.total += count
            if status in status_index:
                target.by_status[status_index[status]] += count
            target.by_health[health_index.get(health, health_index[NOT_REPORTED])] += count
    return PlanCounts(rows=list(rows.values()), totals=totals)


# --- Lists of actions ------------------------------------------------------------------------


@dataclass
class CappedList:
    """The first items of a list, how many there are in all, and where to see them all."""

    items: list
    total: int
    see_all_url: str | None = None

    @property
    def is_capped(self) -> bool:
        return self.total > len(self.items)


def _capped(queryset, limit: int, see_all_url: str | None = None) -> CappedList:
    items = list(queryset[: limit + 1])
    total = len(items) if len(items) <= limit else queryset.count()
    return CappedList(items=items[:limit], total=total, see_all_url=see_all_url)


def _plan_url(**query) -> str:
    """The plan page, filtered with workplan.filters.ActionFilter's parameters."""
    url = reverse("workplan:plan")
    return f"{url}?{urlencode(query)}" if query else url


_BY_DUE = ("due_end", "activity__order", "activity__number", "number")


def overdue_actions(today: datetime.date) -> CappedList:
    """Open actions whose whole due period has passed, the longest overdue first."""
    queryset = Action.objects.overdue(today).select_related("activity").order_by(*_BY_DUE)
    return _capped(queryset, LIST_LIMIT, _plan_url(due=OVERDUE))


def upcoming_actions(today: datetime.date) -> CappedList:
    """Open actions due within UPCOMING_DAYS, the soonest first."""
    queryset = (
        Action.objects.due_within(UPCOMING_DAYS, today)
        .select_related("activity")
        .order_by(*_BY_DUE)
    )
    return _capped(queryset, LIST_LIMIT, _plan_url(due=DUE_90))


def stale_actions(today: datetime.date) -> CappedList:
    """Open actions without a status update in STALE_DAYS, never-updated and oldest first.

    Counted in whole days, from the start of today: the list is the same all day long (and
    the dashboard can be kept for the day, portal/fragments.py).
    """
    start_of_today = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    queryset = (
        Action.objects.stale(STALE_DAYS, start_of_today)
        .select_related("activity")
        .order_by(F("last_updated").asc(nulls_first=True), "activity__order", "number")
    )
    # The plan has no "stale" filter: the whole list is on the plan page, not a filtered view.
    return _capped(queryset, LIST_LIMIT, _plan_url())


# --- Recent status updates -------------------------------------------------------------------


def recent_updates(limit: int = RECENT_UPDATES) -> list[StatusUpdate]:
    """The latest status updates, newest first, with their action and author: one query."""
    return list(
        StatusUpdate.objects.select_related("action__activity", "author__person").order_by(
            "-date", "-created", "-pk"
        )[:limit]
    )


# --- Timeline --------------------------------------------------------------------------------


class TimelineForm(forms.Form):
    """Which actions the timeline draws: the whole plan (capped) or one activity."""

    activity = forms.ModelChoiceField(
        label=_("Show the timeline of"),
        queryset=Activity.objects.all(),
        required=False,
        empty_label=_("The whole plan"),
    )


@dataclass
class TimelineData:
    chart: Timeline
    total: int
    activity: Activity | None

    @property
    def is_capped(self) -> bool:
        return self.total > len(self.chart.rows)

    @property
    def description(self) -> str:
        return ngettext(
            "%(shown)s of %(total)s action, each drawn as a bar from the start of its start "
            "period to the end of its due period, on a scale of years from %(first)s to "
            "%(last)s.",
            "%(shown)s of %(total)s actions, each drawn as a bar from the start of its start "
            "period to the end of its due period, on a scale of years from %(first)s to "
            "%(last)s.",
            self.total,
        ) % {
            "shown": len(self.chart.rows),
            "total": self.total,
            "first": self.chart.scale.first.year,
            "last": self.chart.scale.last.year,
        }


def plan_timeline(today: datetime.date, activity: Activity | None = None) -> TimelineData:
    """The timeline of the plan (or of one activity): at most TIMELINE_LIMIT actions."""
    queryset = Action.objects.select_related("activity")
    if activity is not None:
        queryset = queryset.filter(activity=activity)
    capped = _capped(queryset, TIMELINE_LIMIT)
    chart = timeline_chart(
        capped.items,
        today=today,
        ongoing_label=str(FuzzyDate.ongoing()),
        tbd_label=str(FuzzyDate.tbd()),
        none_label=str(_("No due date")),
    )
    return TimelineData(chart=chart, total=capped.total, activity=activity)


# --- The dashboard ---------------------------------------------------------------------------


@dataclass
class Dashboard:
    today: datetime.date
    counts: PlanCounts
    overdue: CappedList
    upcoming: CappedList
    stale: CappedList
    updates: list[StatusUpdate]
    timeline: TimelineData
    upcoming_days: int = UPCOMING_DAYS
    stale_days: int = STALE_DAYS

    @property
    def open_total(self) -> int:
        statuses, counts = self.counts.statuses, self.counts.totals.by_status
        return sum(
            count
            for (key, _label), count in zip(statuses, counts, strict=True)
            if key not in CLOSED_STATUSES
        )


def dashboard_read(*, today: datetime.date, timeline_activity: Activity | None = None) -> Dashboard:
    """Everything the dashboard shows, in a number of queries that does not grow with the plan."""
    activities = list(Activity.objects.all())
    return Dashboard(
        today=today,
        counts=plan_counts(activities),
        overdue=overdue_actions(today),
        upcoming=upcoming_actions(today),
        stale=stale_actions(today),
        updates=recent_updates(),
        timeline=plan_timeline(today, timeline_activity),
    )


# --- My actions ------------------------------------------------------------------------------


@dataclass
class MyAction:
    action: Action
    is_overdue: bool
    names_me: bool  # the person is named, not only their organization


def _due_order(action: Action):
    due = action.due.sort_key if action.due is not None else (3, 0, 0, 0)
    return (due, action.activity.order, action.activity.number, action.number)


def my_actions_read(person, *, today: datetime.date) -> tuple[list[MyAction], list[MyAction]]:
    """Open and closed actions naming the person or their organization, by due date.

    Chronological by due period (FuzzyDate.sort_key), then ongoing, to be determined, and
    undated last. Two queries.
    """
    actions = list(Action.objects.naming(person).select_related("activity"))
    named = set(person.actions.values_list("pk", flat=True))
    open_rows, closed_rows = [], []
    for action in sorted(actions, key=_due_order):
        row = MyAction(action, action.is_overdue(today), action.pk in named)
        (closed_rows if action.is_closed else open_rows).append(row)
    return open_rows, closed_rows
