"""Geometry of the dashboard's SVG charts, computed on the server.

Functions here turn data into numbers (coordinates, widths, labels); the templates under
templates/workplan/includes/chart_*.html only write them out as SVG elements. No JavaScript,
nothing fetched at run time. Coordinates are in the SVG's own user units (its viewBox) and are
rounded to one decimal place, which is finer than any screen shows.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from workplan.fuzzydates import FuzzyDate

ONE_DAY = datetime.timedelta(days=1)


def _r(value: float) -> float:
    return round(value, 1)


# --- Horizontal bar chart --------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    key: str
    label: str
    value: int
    y: float  # top of the bar
    width: float
    text_y: float  # baseline of the row's label and value
    value_x: float  # where the value is written, just right of the bar


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    width: float
    height: float
    plot_left: float
    plot_width: float
    label_x: float  # right end of the labels, left of the plot
    bar_height: float


BAR_CHART_WIDTH = 640
BAR_LABEL_WIDTH = 200
BAR_VALUE_ROOM = 60
BAR_ROW = 28
BAR_HEIGHT = 18
BAR_TOP = 8


def bar_chart(items: Iterable[tuple[str, str, int]]) -> BarChart:
    """One horizontal bar per (key, label, value), lengths proportional to the values."""
    items = list(items)
    maximum = max((value for _key, _label, value in items), default=0)
    plot_left = BAR_LABEL_WIDTH
    plot_width = BAR_CHART_WIDTH - BAR_LABEL_WIDTH - BAR_VALUE_ROOM
    bars = []
    for index, (key, label, value) in enumerate(items):
        y = BAR_TOP + index * BAR_ROW
        width = plot_width * value / maximum if maximum else 0
        bars.append(
            Bar(
                key=key,
                label=label,
                value=value,
                y=_r(y),
                width=_r(width),
                text_y=_r(y + BAR_HEIGHT - 4),
                value_x=_r(plot_left + width + 6),
            )
        )
    return BarChart(
        bars=bars,
        width=BAR_CHART_WIDTH,
        height=BAR_TOP * 2 + len(bars) * BAR_ROW,
        plot_left=plot_left,
        plot_width=plot_width,
        label_x=plot_left - 8,
        bar_height=BAR_HEIGHT,
    )


# --- Time scale ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tick:
    x: float  # January 1st of the year
    label_x: float  # the middle of the year, where its label is centred
    label: str  # empty when the label is left out (the years are too narrow for all of them)


@dataclass(frozen=True)
class TimeScale:
    """Maps calendar days to x: a day occupies [x(day), x_end(day))."""

    first: datetime.date  # first day shown
    last: datetime.date  # last day shown (inclusive)
    left: float
    width: float

    @classmethod
    def spanning(cls, days: Iterable[datetime.date], *, left: float, width: float) -> TimeScale:
        """Whole calendar years covering every given day (at least one)."""
        days = list(days)
        return cls(
            first=datetime.date(min(days).year, 1, 1),
            last=datetime.date(max(days).year, 12, 31),
            left=left,
            width=width,
        )

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def right(self) -> float:
        return self.left + self.width

    def x(self, day: datetime.date) -> float:
        """The x where the day begins."""
        return self.left + self.width * (day - self.first).days / self.days

    def x_end(self, day: datetime.date) -> float:
        """The x where the day ends (the next day begins)."""
        return self.x(day + ONE_DAY)

    def year_ticks(self, min_gap: float = 36) -> list[Tick]:
        """A tick at each January 1st, labels mid-year; some are left out if they would crowd."""
        years = range(self.first.year, self.last.year + 1)
        per_year = self.width / max(len(years), 1)
        step = 1
        while per_year * step < min_gap:
            step += 1
        return [
            Tick(
                x=_r(self.x(datetime.date(year, 1, 1))),
                label_x=_r(self.x(datetime.date(year, 7, 1))),
                label=str(year) if (year - self.first.year) % step == 0 else "",
            )
            for year in years
        ]


# --- Timeline of the plan --------------------------------------------------------------------

DATED, ONGOING, TBD, NO_DUE = "dated", "ongoing", "tbd", "none"


@dataclass(frozen=True)
class Segment:
    x: float
    width: float

    @property
    def x2(self) -> float:
        return _r(self.x + self.width)

    @property
    def middle(self) -> float:
        return _r(self.x + self.width / 2)


@dataclass(frozen=True)
class TimelineRow:
    action: object
    code: str
    due_label: str
    kind: str  # DATED, ONGOING, TBD or NO_DUE
    y: float  # top of the bar
    bottom: float  # bottom of the bar
    text_y: float  # baseline of the row's labels
    span: Segment | None  # from the start of the start period to the end of the due period
    due_period: Segment | None  # the due period itself (a month, a season, a year…)
    fade: Segment | None  # ongoing: the open end, fading out up to the right edge
    tbd_marker: Segment | None  # to be determined: a dashed outline after what is known


@dataclass(frozen=True)
class Timeline:
    rows: list[TimelineRow]
    scale: TimeScale
    ticks: list[Tick]
    today: datetime.date
    today_x: float
    width: float
    height: float
    plot_top: float
    plot_bottom: float
    code_x: float
    due_label_x: float
    bar_height: float
    year_label_y: float
    today_label_y: float


TIMELINE_WIDTH = 900
TIMELINE_CODE_WIDTH = 64
TIMELINE_DUE_WIDTH = 150
TIMELINE_TOP = 40
TIMELINE_ROW = 22
TIMELINE_BAR = 12
FADE_WIDTH = 48
MIN_MARK_WIDTH = 3  # a single day is drawn at least this wide, so that it can be seen
TBD_MARKER_WIDTH = 36


def _dated(value: FuzzyDate | None) -> FuzzyDate | None:
    return value if value is not None and value.is_dated else None


def timeline(
    actions: Sequence, *, today: datetime.date, ongoing_label: str, tbd_label: str, none_label: str
) -> Timeline:
    """Each action as a bar from the start of its start period to the end of its due period.

    Fuzzy periods are drawn whole: a month spans the month, a season its three months, a year
    the whole year. An ongoing due date runs open-ended to the right edge (fading out); a due
    date to be determined is a dashed outline after what is known, labelled in words.
    """
    days = [today]
    for action in actions:
        for value in (_dated(action.start), _dated(action.due)):
            if value:
                days += (value.start, value.end)
    plot_left = TIMELINE_CODE_WIDTH
    plot_width = TIMELINE_WIDTH - TIMELINE_CODE_WIDTH - TIMELINE_DUE_WIDTH
    scale = TimeScale.spanning(days, left=plot_left, width=plot_width)
    right = scale.right

    def segment(x1: float, x2: float) -> Segment:
        return Segment(x=_r(x1), width=_r(max(x2 - x1, MIN_MARK_WIDTH)))

    rows = []
    for index, action in enumerate(actions):
        start, due = _dated(action.start), _dated(action.due)
        y = TIMELINE_TOP + index * TIMELINE_ROW + (TIMELINE_ROW - TIMELINE_BAR) / 2
        span = due_period = fade = tbd_marker = None
        if due is not None:
            kind, due_label = DATED, str(due)
            first = min(start.start, due.start) if start else due.start
            span = segment(scale.x(first), scale.x_end(due.end))
            due_period = segment(scale.x(due.start), scale.x_end(due.end))
        elif action.due is not None and action.due.is_ongoing:
            kind, due_label = ONGOING, ongoing_label
            x1 = scale.x(start.start) if start else scale.left
            fade_from = max(x1, right - FADE_WIDTH)
            span = segment(x1, fade_from) if fade_from > x1 else None
            fade = segment(fade_from, right)
        else:
            kind, due_label = (TBD, tbd_label) if action.due is not None else (NO_DUE, none_label)
            x1 = scale.left
            if start:
                span = segment(scale.x(start.start), scale.x_end(start.end))
                x1 = scale.x_end(start.end)
            if kind == TBD:
                x1 = min(x1, right - TBD_MARKER_WIDTH)
                tbd_marker = segment(x1, x1 + TBD_MARKER_WIDTH)
        rows.append(
            TimelineRow(
                action=action,
                code=action.code,
                due_label=due_label,
                kind=kind,
                y=_r(y),
                bottom=_r(y + TIMELINE_BAR),
                text_y=_r(y + TIMELINE_BAR - 2),
                span=span,
                due_period=due_period,
                fade=fade,
                tbd_marker=tbd_marker,
            )
        )
    plot_bottom = TIMELINE_TOP + len(rows) * TIMELINE_ROW
    return Timeline(
        rows=rows,
        scale=scale,
        ticks=scale.year_ticks(),
        today=today,
        today_x=_r(scale.x(today)),
        width=TIMELINE_WIDTH,
        height=plot_bottom + 8,
        plot_top=TIMELINE_TOP - 6,
        plot_bottom=plot_bottom,
        code_x=4,
        due_label_x=_r(right + 10),
        bar_height=TIMELINE_BAR,
        year_label_y=14,
        today_label_y=30,
    )
