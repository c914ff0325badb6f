"""The council progress report's content: built once, then written out by every format.

A report is taken *as of* a day (a meeting's date, or a day the co-chair picks) and covers the
changes *since* an earlier day (the previous meeting of the same kind, or a day the co-chair
picks; with neither, since the beginning of the plan). It holds:

* the plan as it stood at the end of the as-of day (in the portal's time zone), read from the
  history for a past day (``reports.plan_as_of``);
* for each action, the status updates dated in (since, as of] and its status changes in that
  window (old → new, with the day of the change);
* a summary by status, and the meeting's title and date.

Every text is resolved here, in the report's language (``reports.entries``), and each text a
person wrote has its bidirectional controls paired as it is read (``portal.text``): an
override left open in one text never reverses the next, wherever the formats put them side by
side (an update's progress and next steps, the names of a cell). The number of queries does
not depend on the number of actions (everything is preloaded).
"""

from __future__ import annotations

import dataclasses
import datetime

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from directory.models import Province
from partnerships.models import CaseStatus
from portal.dates import long_date
from portal.languages import LANGUAGES, Shown, shown
from portal.text import bidi_balanced
from reports.entries import (
    ActionEntry,
    ActivityEntry,
    GuideEntry,
    GuideEvent,
    Report,
    StatusChange,
    StatusCount,
    UpdateEntry,
)
from reports.guide_changes import GuideChange, Happened, guide_changes
from reports.models import MeetingKind
from reports.period import Period, end_of_day
from reports.plan_as_of import plan_now, plan_then, status_changes, updates_in
from workplan.exports import fuzzy_cells
from workplan.models import Health, Priority, Status, responsible_names


def _shown(obj, name: str, language: str, **kwargs) -> Shown:
    found = shown(obj, name, language, **kwargs)
    return dataclasses.replace(found, text=bidi_balanced(found.text))


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
        activities, rows = plan_now(activity_ids)
    else:
        activities, rows = plan_then(activity_ids, as_of_end)
    action_ids = {row.action.pk for row in rows}
    # The guide's public case studies new, updated or featured in the same window.
    guide = guide_changes(period.since, period.as_of)
    # Consultations (not built yet) will be read here, and put into words below likewise.
    changes = status_changes(action_ids, activity_ids, period.since, as_of_end)
    updates = updates_in(action_ids, activity_ids, period.since, period.as_of)

    with translation.override(language):
        status_labels = {value: str(label) for value, label in Status.choices}
        health_labels = {value: str(label) for value, label in Health.choices}
        priority_labels = {value: str(label) for value, label in Priority.choices}
        entries = {
            activity.pk: ActivityEntry(
                pk=activity.pk,
                number=activity.number,
                title=_("Activity %(number)s") % {"number": activity.number},
                objective=_shown(activity, "objective", language),
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
            start = fuzzy_cells("start", action.start, day="first")
            due = fuzzy_cells("due", action.due, day="last")
            is_overdue = action.is_overdue(period.as_of)
            action_entry = ActionEntry(
                pk=action.pk,
                code=f"{entry.number}.{action.number}",
                description=_shown(action, "description", language),
                responsible=[
                    bidi_balanced(name) for name in responsible_names(row.organizations, row.people)
                ],
                start=start["start"],
                due=due["due"],
                start_date=start["start_first_day"],
                due_date=due["due_last_day"],
                start_edtf=start["start_edtf"],
                due_edtf=due["due_edtf"],
                resources=[_shown(r, "description", language) for r in row.resources],
                expected_results=[_shown(r, "description", language) for r in row.expected_results],
                remarks=_shown(action, "remarks", language),
                status=action.status,
                status_label=status_labels.get(action.status, action.status),
                health_label=health_labels.get(action.health, ""),
                is_overdue=is_overdue,
                updates=[
                    UpdateEntry(
                        date=u.date,
                        author=bidi_balanced(u.author.display_name),
                        status=u.status,
                        status_label=status_labels.get(u.status, u.status),
                        health_label=health_labels.get(u.health, ""),
                        progress=_shown(u, "progress", language, original=u.language),
                        next_steps=_shown(u, "next_steps", language, original=u.language),
                        challenges=_shown(u, "challenges", language, original=u.language),
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
        meeting_title = str(_shown(meeting, "title", language)) if meeting else ""
        since_title = (
            str(_shown(period.since_meeting, "title", language)) if period.since_meeting else ""
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
            all_activities=activity_ids is None,
            guide=_guide_entries(guide, language),
        )
    return report


def _guide_entries(changes: list[GuideChange], language: str) -> list[GuideEntry]:
    """The case studies in words, in the report's language (active here), by title."""
    happened = {
        Happened.NEW: pgettext("case study", "New"),
        Happened.UPDATED: pgettext("case study", "Updated"),
        Happened.FEATURED: pgettext("case study", "Featured"),
    }
    status_labels = dict(CaseStatus.choices)
    province_labels = dict(Province.choices)
    entries = [
        GuideEntry(
            pk=change.case_study.pk,
            title=_shown(change.case_study, "title", language),
            url=change.case_study.get_absolute_url(),
            partners=sorted(
                (bidi_balanced(str(org)) for org in change.case_study.organization_list),
                key=str.casefold,
            ),
            status_label=str(status_labels.get(change.case_study.status, "")),
            province_label=str(
                province_labels.get(change.case_study.province) or _("Across Canada")
            ),
            events=[
                GuideEvent(kind=kind, label=str(happened[kind]), date=day)
                for kind, day in change.events
            ],
        )
        for change in changes
    ]
    return sorted(entries, key=lambda entry: (entry.title.text.casefold(), entry.pk))


def _period_words(period: Period, since_title: str) -> str:
    as_of = long_date(period.as_of)
    if period.since is None:
        return _("Changes from the beginning of the plan to %(as_of)s.") % {"as_of": as_of}
    since = long_date(period.since)
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
