"""What a council progress report says, as values every format lays out.

Every text is already in the report's language (built by ``reports.content.report_build``):
the formats (``reports/formats/``) and the HTML preview only lay it out. Member-written text
that exists only in the other official language is kept as written and marked
(:class:`portal.languages.Shown`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from portal.dates import long_date
from portal.languages import Shown
from reports.models import Meeting

# The report page shows an action's latest status updates of the period, and says how many
# earlier ones the downloads and the action's page hold: a council report of thousands of
# updates then stays a page a browser opens at once (under 1 MB).
PAGE_UPDATES = 2


@dataclass(slots=True)
class UpdateEntry:
    date: datetime.date
    author: str
    status: str
    status_label: str
    health_label: str
    progress: Shown
    next_steps: Shown
    challenges: Shown

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
    description: Shown
    responsible: list[str]
    start: str
    due: str
    start_date: datetime.date | None  # first day of the start period, when dated
    due_date: datetime.date | None  # last day of the due period, when dated
    start_edtf: str  # the start in ISO 8601-2 (EDTF), "" when undated
    due_edtf: str
    resources: list[Shown]
    expected_results: list[Shown]
    remarks: Shown
    status: str
    status_label: str
    health_label: str
    is_overdue: bool
    updates: list[UpdateEntry] = field(default_factory=list)
    changes: list[StatusChange] = field(default_factory=list)

    @property
    def latest_update(self) -> datetime.date | None:
        return max((u.date for u in self.updates), default=None)

    @property
    def page_updates(self) -> list[UpdateEntry]:
        """The updates the report page shows: the latest PAGE_UPDATES (the files keep all)."""
        return self.updates[-PAGE_UPDATES:]

    @property
    def updates_not_on_page(self) -> int:
        return max(0, len(self.updates) - PAGE_UPDATES)


def labelled(label: str) -> str:
    """A label before its value: "As of:" / « Date de référence : »."""
    return pgettext("label before a value", "%(label)s:") % {"label": label}


def plain_cells(activity: ActivityEntry, action: ActionEntry) -> dict:
    """The action's cells for CSV and Excel (one line per item), keyed like REPORT_COLUMNS."""
    return {
        "activity": activity.title,
        "code": action.code,
        "description": action.description.plain,
        "responsible": ", ".join(action.responsible),
        "start": action.start,
        "start_first_day": action.start_date,
        "start_edtf": action.start_edtf,
        "due": action.due,
        "due_last_day": action.due_date,
        "due_edtf": action.due_edtf,
        "resources": "\n".join(r.plain for r in action.resources),
        "expected_results": "\n".join(r.plain for r in action.expected_results),
        "remarks": action.remarks.plain,
        "status": action.status_label,
        "health": action.health_label,
        "changes": "\n".join(c.plain for c in action.changes),
        "progress": "\n".join(u.plain for u in action.updates),
        "latest_update": action.latest_update,
    }


def plain_rows(activity: ActivityEntry, columns) -> list[list]:
    """The activity's actions as rows of plain cells in the columns' order (CSV, Excel)."""
    rows = []
    for action in activity.actions:
        cells = plain_cells(activity, action)
        rows.append([cells[column.key] for column in columns])
    return rows


@dataclass(slots=True)
class ActivityEntry:
    pk: int
    number: int
    title: str  # "Activity 1"
    objective: Shown
    priority_label: str
    actions: list[ActionEntry] = field(default_factory=list)


@dataclass(slots=True)
class GuideEvent:
    """What happened to a case study in the period: new, updated or featured, and when."""

    kind: str  # reports.guide_changes.Happened
    label: str  # "New", in the report's language
    date: datetime.date

    @property
    def plain(self) -> str:
        return _("%(what)s (%(date)s)") % {"what": self.label, "date": self.date.isoformat()}


@dataclass(slots=True)
class GuideEntry:
    """A public case study of the partnership guide that is new, updated or featured."""

    pk: int
    title: Shown
    url: str  # its public page, in the report's language
    partners: list[str]
    status_label: str
    province_label: str
    events: list[GuideEvent]

    @property
    def happened(self) -> str:
        """What happened, for every format: "New (2026-11-20); featured (2026-11-25)"."""
        return "; ".join(event.plain for event in self.events)


def guide_cells(entry: GuideEntry) -> dict:
    """A case study's cells for CSV and Excel, keyed like GUIDE_COLUMNS."""
    return {
        "case_study": entry.title.plain,
        "partners": ", ".join(entry.partners),
        "case_status": entry.status_label,
        "province": entry.province_label,
        "happened": entry.happened,
    }


def guide_rows(report: Report, columns) -> list[list]:
    """The guide section's rows of plain cells, in the columns' order (CSV, Excel)."""
    return [[guide_cells(entry)[column.key] for column in columns] for entry in report.guide]


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
    all_activities: bool
    # The partnership guide's case studies new, updated or featured in the period (public
    # copies only), in the order of their titles. Consultations will join the report here.
    guide: list[GuideEntry] = field(default_factory=list)

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
        line = f"{self.meeting_title} – {long_date(self.meeting.date)}"
        return f"{line} ({self.meeting_kind_label})" if self.meeting_kind_label else line

    @property
    def cover_facts(self) -> list[tuple[str, str]]:
        """What the cover says about the report, as (label, value)."""
        return [
            (_("As of"), long_date(self.as_of)),
            (_("Period"), self.period),
            (
                _("Activities"),
                _("All activities")
                if self.all_activities
                else ", ".join(activity.title for activity in self.activities),
            ),
            (_("Generated"), long_date(timezone.localtime(self.generated), "DATETIME_FORMAT")),
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
            self.guide_total,
        ]

    @property
    def guide_total(self) -> str:
        """How many case studies of the guide were new, updated or featured in the period."""
        return ngettext(
            "%(counter)s case study new, updated or featured in the period",
            "%(counter)s case studies new, updated or featured in the period",
            len(self.guide),
        ) % {"counter": len(self.guide)}

    @property
    def guide_title(self) -> str:
        return _(
            "Partnership guide: case studies new, updated or featured since the previous meeting"
        )
