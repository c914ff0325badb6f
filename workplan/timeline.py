"""The plan's timeline: each action as a bar on a scale of years, computed on the server.

The template templates/workplan/includes/chart_timeline.html only writes the numbers out as
SVG elements.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from portal.charts import Tick, TimeScale, rounded
from portal.fuzzydates import FuzzyDate

# --- Timeline of the plan --------------------------------------------------------------------

DATED, ONGOING, TBD, NO_DUE = "dated", "ongoing", "tbd", "none"


@dataclass(frozen=True)
class Segment:
    x: float
    width: float

    @property
    def x2(self) -> float:
        return rounded(self.x + self.width)

    @property
    def middle(self) -> float:
        return rounded(self.x + self.width / 2)


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


def timeline_chart(
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
        return Segment(x=rounded(x1), width=rounded(max(x2 - x1, MIN_MARK_WIDTH)))

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
                y=rounded(y),
                bottom=rounded(y + TIMELINE_BAR),
                text_y=rounded(y + TIMELINE_BAR - 2),
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
        today_x=rounded(scale.x(today)),
        width=TIMELINE_WIDTH,
        height=plot_bottom + 8,
        plot_top=TIMELINE_TOP - 6,
        plot_bottom=plot_bottom,
        code_x=4,
        due_label_x=rounded(right + 10),
        bar_height=TIMELINE_BAR,
        year_label_y=14,
        today_label_y=30,
    )
