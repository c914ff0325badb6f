"""What a report is as of, and since when."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from reports.models import Meeting


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
