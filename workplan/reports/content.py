"""The council progress report's content: built once, then written out by every format.

A report is taken *as of* a day (a meeting's date, or a day the co-chair picks) and covers the
changes *since* an earlier day (the previous meeting of the same kind, or a day the co-chair
picks; with neither, since the beginning of the plan). It holds:

* the plan as it stood at the end of the as-of day (in the portal's time zone): the actions
  that existed then, with their texts and status as they were — read from the history kept by
  django-simple-history; actions created later are absent;
* for each action, the status updates dated in (since, as of] and its status changes in that
  window (old → new, with the day of the change);
* a summary by status, and the meeting's title and date.

Every text is resolved here, in the report's language, so that the formats (``pdf``, ``docx``,
``xlsx``, ``csv`` and the HTML preview) only lay it out. Member-written text that exists only
in the other official language is kept as written and marked (:class:`Text`).

The number of queries does not depend on the number of actions (everything is preloaded).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext, pgettext_lazy

from directory.models import Organization, Person, other_language
from workplan.fuzzydates import FuzzyDate
from workplan.models import (
    Action,
    Activity,
    ExpectedResult,
    Health,
    Meeting,
    MeetingKind,
    Priority,
    Resource,
    Status,
    StatusUpdate,
)

LANGUAGES = ("en", "fr")

# "(original in French)": said of a text shown in the other official language.
ORIGINAL_IN = {
    "en": gettext_lazy("(original in English)"),
    "fr": gettext_lazy("(original in French)"),
}

# Column headings shared by every format, in the order the files show them.
COLUMNS = {
    "activity": gettext_lazy("Activity"),
    "code": pgettext_lazy("action number", "No."),
    "description": gettext_lazy("Description / measure"),
    "responsible": gettext_lazy("Responsible"),
    "start": gettext_lazy("Start date"),
    "due": gettext_lazy("Due date"),
    "resources": gettext_lazy("Resources needed (staff, funding, etc.)"),
    "expected_results": gettext_lazy("Expected results"),
    "remarks": gettext_lazy("Remarks"),
    "status": gettext_lazy("Status"),
    "health": gettext_lazy("Health"),
    "changes": gettext_lazy("Status changes"),
    "progress": gettext_lazy("Progress since the last meeting"),
    "start_first_day": gettext_lazy("Start (first day)"),
    "due_last_day": gettext_lazy("Due (last day)"),
    "latest_update": gettext_lazy("Latest update"),
}

# The seed document's table (PDF and Word): its columns, then status and progress.
TABLE_COLUMNS = (
    "code",
    "description",
    "responsible",
    "start",
    "due",
    "resources",
    "expected_results",
    "remarks",
    "status",
    "progress",
)


@dataclass(frozen=True, slots=True)
class Text:
    """A text as the report shows it: in the report's language, or marked as the original."""

    text: str
    language: str
    note: str = ""  # "(original in French)" when the text is not in the report's language

    def __str__(self):
        return self.text

    def __bool__(self):
        return bool(self.text)

    @property
    def html(self):
        """For HTML (page and PDF): text in the other language carries its `lang` and note.

        (Templates turn values into plain strings before escaping, so `{{ text.html }}`.)
        """
        if not self.note:
            return conditional_escape(self.text)
        return format_html(
            '<span lang="{}">{}</span> <span class="original-note">{}</span>',
            self.language,
            self.text,
            self.note,
        )

    @property
    def foreign(self) -> bool:
        return bool(self.note)

    @property
    def plain(self) -> str:
        """The text with its note, for files that cannot carry a language attribute."""
        return f"{self.text} {self.note}" if self.note and self.text else self.text


@dataclass(slots=True)
class UpdateEntry:
    date: datetime.date
    author: str
    status: str
    status_label: str
    health_label: str
    progress: Text
    next_steps: Text
    challenges: Text

    @property
    def heading(self) -> str:
        head = f"{self.date.isoformat()} – {self.author} – {self.status_label}"
        return f"{head} ({self.health_label})" if self.health_label else head

    @property
    def heading_label(self) -> str:
        """The heading before the update's text: "2026-11-28 – Marie Tremblay – Ongoing:"."""
        return labelled(self.heading)

    @property
    def plain(self) -> str:
        """One paragraph for plain-text formats (CSV, Excel)."""
        parts = [
            _("%(heading)s: %(text)s") % {"heading": self.heading, "text": self.progress.plain}
        ]
        if self.next_steps:
            parts.append(f"{_('Next steps:')} {self.next_steps.plain}")
        if self.challenges:
            parts.append(f"{_('Challenges or decisions needed:')} {self.challenges.plain}")
        return " ".join(parts)


@dataclass(slots=True)
class StatusChange:
    date: datetime.date
    old_label: str  # "" when the action was added to the plan in the window
    new_label: str

    @property
    def plain(self) -> str:
        if not self.old_label:
            return _("%(date)s: added to the plan (%(new)s)") % {
                "date": self.date.isoformat(),
                "new": self.new_label,
            }
        return _("%(date)s: status %(old)s → %(new)s") % {
            "date": self.date.isoformat(),
            "old": self.old_label,
            "new": self.new_label,
        }


@dataclass(slots=True)
class ActionEntry:
    pk: int
    code: str
    description: Text
    responsible: list[str]
    start: str
    due: str
    start_date: datetime.date | None  # first day of the start period, when dated
    due_date: datetime.date | None  # last day of the due period, when dated
    resources: list[Text]
    expected_results: list[Text]
    remarks: Text
    status: str
    status_label: str
    health_label: str
    is_overdue: bool
    updates: list[UpdateEntry] = field(default_factory=list)
    changes: list[StatusChange] = field(default_factory=list)

    @property
    def latest_update(self) -> datetime.date | None:
        return max((u.date for u in self.updates), default=None)


def labelled(label: str) -> str:
    """A label before its value: "As of:" / « Date de référence : »."""
    return pgettext("label before a value", "%(label)s:") % {"label": label}


def responsible_names(organizations, people) -> list[str]:
    """As the plan names them: organizations by acronym, people with their organization."""
    return [o.short_name for o in organizations] + [p.name_with_organization for p in people]


def plain_cells(activity: ActivityEntry, action: ActionEntry) -> dict[str, str]:
    """The action's cells as plain text (one line per item), keyed like COLUMNS."""
    return {
        "activity": activity.title,
        "code": action.code,
        "description": action.description.plain,
        "responsible": ", ".join(action.responsible),
        "start": action.start,
        "due": action.due,
        "resources": "\n".join(r.plain for r in action.resources),
        "expected_results": "\n".join(r.plain for r in action.expected_results),
        "remarks": action.remarks.plain,
        "status": action.status_label,
        "health": action.health_label,
        "changes": "\n".join(c.plain for c in action.changes),
        "progress": "\n".join(u.plain for u in action.updates),
    }


@dataclass(slots=True)
class ActivityEntry:
    pk: int
    number: int
    title: str  # "Activity 1"
    objective: Text
    priority_label: str
    actions: list[ActionEntry] = field(default_factory=list)


@dataclass(slots=True)
class StatusCount:
    status: str
    label: str
    count: int


@dataclass(slots=True)
class Report:
    language: str
    title: str
    subtitle: str
    as_of: datetime.date
    since: datetime.date | None
    meeting: Meeting | None
    meeting_title: str
    meeting_kind_label: str
    since_meeting_title: str
    period: str  # "Changes from … to …", in words
    generated: datetime.datetime
    activities: list[ActivityEntry]
    summary: list[StatusCount]
    total: int
    overdue: int
    update_count: int
    change_count: int
    columns: dict[str, str]
    all_activities: bool
    # Case studies and consultations will join the report here (issue to come): a list of
    # entries built below, in `report_build`, from their own models, as of the same day.

    @property
    def actions(self):
        for activity in self.activities:
            yield from activity.actions

    # The cover's words, shared by the page and the files; read them in the report's language.

    @property
    def meeting_line(self) -> str:
        """The meeting the report is for, with its date and kind ("" without a meeting)."""
        if not self.meeting:
            return ""
        line = f"{self.meeting_title} – {date_format(self.meeting.date)}"
        return f"{line} ({self.meeting_kind_label})" if self.meeting_kind_label else line

    @property
    def cover_facts(self) -> list[tuple[str, str]]:
        """What the cover says about the report, as (label, value)."""
        return [
            (_("As of"), date_format(self.as_of)),
            (_("Period"), self.period),
            (
                _("Activities"),
                _("All activities")
                if self.all_activities
                else ", ".join(activity.title for activity in self.activities),
            ),
            (_("Generated"), date_format(timezone.localtime(self.generated), "DATETIME_FORMAT")),
        ]

    @property
    def totals(self) -> list[str]:
        """The counts under the summary: overdue actions, updates and status changes."""
        return [
            ngettext("%(counter)s overdue action", "%(counter)s overdue actions", self.overdue)
            % {"counter": self.overdue},
            ngettext(
                "%(counter)s status update in the period",
                "%(counter)s status updates in the period",
                self.update_count,
            )
            % {"counter": self.update_count},
            ngettext(
                "%(counter)s status change in the period",
                "%(counter)s status changes in the period",
                self.change_count,
            )
            % {"counter": self.change_count},
        ]


@dataclass(frozen=True, slots=True)
class Period:
    """What a report is as of, and since when, with the meetings these days come from."""

    as_of: datetime.date
    since: datetime.date | None
    meeting: Meeting | None = None
    since_meeting: Meeting | None = None


def period_resolve(
    *,
    meeting: Meeting | None = None,
    as_of: datetime.date | None = None,
    since: datetime.date | None = None,
    today: datetime.date | None = None,
) -> Period:
    """Fill in what the co-chair left blank.

    A meeting gives the as-of day, and by default the changes since the previous meeting of
    the same kind. A chosen day (or, with nothing chosen, today) gives the changes since the
    latest meeting of any kind before it. With no earlier meeting: since the beginning.
    """
    if meeting is not None:
        as_of = meeting.date
        since_meeting = None if since else Meeting.objects.previous_to(meeting)
    else:
        as_of = as_of or today or timezone.localdate()
        since_meeting = (
            None
            if since
            else Meeting.objects.filter(date__lt=as_of).order_by("-date", "-pk").first()
        )
    if since_meeting is not None:
        since = since_meeting.date
    return Period(as_of=as_of, since=since, meeting=meeting, since_meeting=since_meeting)


def end_of_day(day: datetime.date) -> datetime.datetime:
    """The last instant of the day in the portal's time zone."""
    start_next = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min)
    aware = timezone.make_aware(start_next, timezone.get_default_timezone())
    return aware - datetime.timedelta(microseconds=1)


def _translated(obj, name: str, language: str) -> Text:
    """A translated field of a plan object, in the language, or the other one marked."""
    text = getattr(obj, f"{name}_{language}", "") or ""
    if text:
        return Text(text, language)
    other = other_language(language)
    text = getattr(obj, f"{name}_{other}", "") or ""
    return Text(text, other, str(ORIGINAL_IN[other]) if text else "")


def _shown(update: StatusUpdate, name: str, language: str) -> Text:
    shown = update.shown(name, language)
    note = str(ORIGINAL_IN[shown.language]) if shown.untranslated else ""
    return Text(shown.text, shown.language, note)


def _fuzzy(value) -> tuple[str, datetime.date | None, datetime.date | None]:
    if not isinstance(value, FuzzyDate):
        return ("", None, None)
    return (str(value), value.start, value.end)


# --- The plan as it stands --------------------------------------------------------------------


@dataclass(slots=True)
class _PlanRow:
    """An action with what the report shows of it, before it is put into words."""

    action: Action
    organizations: list
    people: list
    resources: list
    expected_results: list


def _plan_now(activity_ids) -> tuple[list[Activity], list[_PlanRow]]:
    """The plan as it is now, from the live tables (for today or a later day)."""
    activities = Activity.objects.order_by("order", "number")
    actions = Action.objects.with_related()
    if activity_ids is not None:
        activities = activities.filter(pk__in=activity_ids)
        actions = actions.filter(activity_id__in=activity_ids)
    rows = [
        _PlanRow(
            action,
            list(action.responsible_organizations.all()),
            list(action.responsible_people.all()),
            list(action.resources.all()),
            list(action.expected_results.all()),
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


def _plan_then(activity_ids, end: datetime.datetime) -> tuple[list[Activity], list[_PlanRow]]:
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
            _PlanRow(
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


def _status_changes(
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


def _updates(action_ids: set[int], activity_ids, since: datetime.date | None, as_of):
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


# --- Building the report ----------------------------------------------------------------------


def report_build(
    *,
    period: Period,
    language: str,
    activity_ids: list[int] | None = None,
    today: datetime.date | None = None,
) -> Report:
    """Everything the report says, in `language`, for the period and activities chosen."""
    if language not in LANGUAGES:
        raise ValueError(f"Unknown report language: {language!r}")
    today = today or timezone.localdate()
    as_of_end = end_of_day(period.as_of)
    if activity_ids is not None:
        activity_ids = sorted(set(activity_ids))
    # For today or a later day, the plan as it stands is the plan as of then: read the live
    # tables (the history's last rows say the same, but rows bulk-loaded without history,
    # such as synthetic plans, are only there).
    if period.as_of >= today:
        activities, rows = _plan_now(activity_ids)
    else:
        activities, rows = _plan_then(activity_ids, as_of_end)
    action_ids = {row.action.pk for row in rows}
    # Case studies and consultations (not built yet) will be read here, as of the same day
    # and for the same window, and put into words below like the actions.
    changes = _status_changes(action_ids, activity_ids, period.since, as_of_end)
    updates = _updates(action_ids, activity_ids, period.since, period.as_of)

    with translation.override(language):
        status_labels = {value: str(label) for value, label in Status.choices}
        health_labels = {value: str(label) for value, label in Health.choices}
        priority_labels = {value: str(label) for value, label in Priority.choices}
        entries = {
            activity.pk: ActivityEntry(
                pk=activity.pk,
                number=activity.number,
                title=_("Activity %(number)s") % {"number": activity.number},
                objective=_translated(activity, "objective", language),
                priority_label=priority_labels.get(activity.priority, ""),
            )
            for activity in activities
        }
        counts = dict.fromkeys(Status.values, 0)
        overdue = update_count = change_count = 0
        for row in rows:
            action = row.action
            entry = entries.get(action.activity_id)
            if entry is None:
                continue
            start, start_date, _start_end = _fuzzy(action.start)
            due, _due_start, due_date = _fuzzy(action.due)
            is_overdue = action.is_overdue(period.as_of)
            action_entry = ActionEntry(
                pk=action.pk,
                code=f"{entry.number}.{action.number}",
                description=_translated(action, "description", language),
                responsible=responsible_names(row.organizations, row.people),
                start=start,
                due=due,
                start_date=start_date,
                due_date=due_date,
                resources=[_translated(r, "description", language) for r in row.resources],
                expected_results=[
                    _translated(r, "description", language) for r in row.expected_results
                ],
                remarks=_translated(action, "remarks", language),
                status=action.status,
                status_label=status_labels.get(action.status, action.status),
                health_label=health_labels.get(action.health, ""),
                is_overdue=is_overdue,
                updates=[
                    UpdateEntry(
                        date=u.date,
                        author=u.author.display_name,
                        status=u.status,
                        status_label=status_labels.get(u.status, u.status),
                        health_label=health_labels.get(u.health, ""),
                        progress=_shown(u, "progress", language),
                        next_steps=_shown(u, "next_steps", language),
                        challenges=_shown(u, "challenges", language),
                    )
                    for u in updates.get(action.pk, ())
                ],
                changes=[
                    StatusChange(
                        date=timezone.localdate(when),
                        old_label=status_labels.get(old, old) if old else "",
                        new_label=status_labels.get(new, new),
                    )
                    for when, old, new in changes.get(action.pk, ())
                ],
            )
            entry.actions.append(action_entry)
            counts[action.status] = counts.get(action.status, 0) + 1
            overdue += is_overdue
            update_count += len(action_entry.updates)
            change_count += len(action_entry.changes)

        meeting = period.meeting
        meeting_title = str(_translated(meeting, "title", language)) if meeting else ""
        since_title = (
            str(_translated(period.since_meeting, "title", language))
            if period.since_meeting
            else ""
        )
        kind_labels = dict(MeetingKind.choices)
        report = Report(
            language=language,
            title=_("Work plan progress report"),
            subtitle=_("Service Network Collaboration Working Group"),
            as_of=period.as_of,
            since=period.since,
            meeting=meeting,
            meeting_title=meeting_title,
            meeting_kind_label=str(kind_labels.get(meeting.kind, "")) if meeting else "",
            since_meeting_title=since_title,
            period=_period_words(period, since_title),
            generated=timezone.localtime(),
            activities=list(entries.values()),
            summary=[
                StatusCount(value, status_labels[value], counts.get(value, 0))
                for value in Status.values
            ],
            total=sum(counts.values()),
            overdue=overdue,
            update_count=update_count,
            change_count=change_count,
            columns={key: str(label) for key, label in COLUMNS.items()},
            all_activities=activity_ids is None,
        )
    return report


def _period_words(period: Period, since_title: str) -> str:
    as_of = date_format(period.as_of)
    if period.since is None:
        return _("Changes from the beginning of the plan to %(as_of)s.") % {"as_of": as_of}
    since = date_format(period.since)
    if since_title:
        return _("Changes after %(since)s (%(meeting)s) up to and including %(as_of)s.") % {
            "since": since,
            "meeting": since_title,
            "as_of": as_of,
        }
    return _("Changes after %(since)s up to and including %(as_of)s.") % {
        "since": since,
        "as_of": as_of,
    }
