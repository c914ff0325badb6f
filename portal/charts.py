"""Geometry of SVG charts, computed on the server: horizontal bars and a time scale.

Functions here turn data into numbers (coordinates, widths, labels); templates (such as
templates/portal/includes/chart_bars.html) only write them out as SVG elements. No
JavaScript, nothing fetched at run time. Coordinates are in the SVG's own user units (its
viewBox) and are rounded to one decimal place, which is finer than any screen shows.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

ONE_DAY = datetime.timedelta(days=1)


def rounded(value: float) -> float:
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
                y=rounded(y),
                width=rounded(width),
                text_y=rounded(y + BAR_HEIGHT - 4),
                value_x=rounded(plot_left + width + 6),
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
                x=rounded(self.x(datetime.date(year, 1, 1))),
                label_x=rounded(self.x(datetime.date(year, 7, 1))),
                label=str(year) if (year - self.first.year) % step == 0 else "",
            )
            for year in years
        ]
