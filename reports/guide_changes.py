"""What changed in the partnership guide between two days: the case studies the council
report lists ("new, updated or featured since the previous meeting").

Only public copies are read (``.public()``): a draft, or the newer draft of a published case
study, never reaches the report. A public copy was

- **new** in the window when it was first published then (the earliest revision of its working
  copy that links to it: a case study taken offline and published again is new again);
- **updated** when it was published again then (its ``modified``, the time of its latest
  publication, falls in the window after its first publication);
- **featured** when its ``featured_on`` day falls in the window.

The window is the report's: after the end of the `since` day up to the end of the `as_of` day
(everything up to `as_of` without a `since`). What the report shows of a case study (title,
partners, status) is its public copy as it stands now: the guide keeps no history of its
public copies. Two queries, however many case studies.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from directory.models import Organization
from partnerships.models import CaseStudy
from reports.period import end_of_day


class Happened:
    NEW = "new"
    UPDATED = "updated"
    FEATURED = "featured"


@dataclass(slots=True)
class GuideChange:
    """A public case study, and what happened to it in the window (with the days)."""

    case_study: CaseStudy
    events: list[tuple[str, datetime.date]]


def _first_published():
    """When the working copy was first linked to this public copy (its first publication)."""
    history = CaseStudy.history.model
    return Subquery(
        history.objects.filter(public_copy_id=OuterRef("pk"))
        .order_by("history_date", "history_id")
        .values("history_date")[:1]
    )


def _in(name: str, start, end) -> Q:
    window = Q(**{f"{name}__lte": end})
    return window & Q(**{f"{name}__gt": start}) if start is not None else window


def guide_changes(since: datetime.date | None, as_of: datetime.date) -> list[GuideChange]:
    """The public case studies new, updated or featured in (since, as_of], each with what
    happened to it then (new or updated, featured) and the day it happened."""
    start = end_of_day(since) if since is not None else None
    end = end_of_day(as_of)
    public = (
        CaseStudy.objects.public()
        .annotate(first_published=Coalesce(_first_published(), F("modified")))
        .filter(
            _in("first_published", start, end)
            | _in("modified", start, end)
            | (Q(featured=True) & _in("featured_on", since, as_of))
        )
        .prefetch_related(
            Prefetch(
                "organizations",
                queryset=Organization.objects.order_by("name", "pk"),
                to_attr="organization_list",
            )
        )
    )
    changes = []
    for case in public:
        first = case.first_published
        events = []
        if _within(first, start, end):
            events.append((Happened.NEW, timezone.localdate(first)))
        # A publication after the first (the first one's revision is saved just after it).
        if case.modified > first and _within(case.modified, start, end):
            events.append((Happened.UPDATED, timezone.localdate(case.modified)))
        if case.featured and case.featured_on and _within(case.featured_on, since, as_of):
            events.append((Happened.FEATURED, case.featured_on))
        if events:
            changes.append(GuideChange(case, events))
    return changes


def _within(value, start, end) -> bool:
    return (start is None or value > start) and value <= end
