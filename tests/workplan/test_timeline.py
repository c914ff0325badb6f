"""Geometry of the plan's timeline (workplan/timeline.py), without the database."""

import datetime

import pytest
from django.utils import translation

from portal.fuzzydates import FuzzyDate
from workplan import timeline as charts
from workplan.models import Action, Activity

TODAY = datetime.date(2026, 11, 28)
LABELS = {"ongoing_label": "Ongoing", "tbd_label": "To be determined", "none_label": "No due date"}


@pytest.fixture(autouse=True)
def english():
    """Labels such as "Fall 2018" are in the active language: English here."""
    with translation.override("en"):
        yield


def action(code: str, start: FuzzyDate | None, due: FuzzyDate | None) -> Action:
    activity_number, number = (int(part) for part in code.split("."))
    return Action(activity=Activity(number=activity_number), number=number, start=start, due=due)


def timeline(*actions, today=TODAY):
    return charts.timeline_chart(list(actions), today=today, **LABELS)


def row_of(chart, code):
    return next(row for row in chart.rows if row.code == code)


def r(value: float) -> float:
    return round(value, 1)


def test_a_season_is_drawn_over_its_three_months():
    chart = timeline(action("1.1", FuzzyDate.of_month(2018, 4), FuzzyDate.of_season(2018, "fall")))
    row = row_of(chart, "1.1")
    scale = chart.scale
    # "Fall 2018": from the x of Sep 1, 2018 to the x where Nov 30, 2018 ends.
    assert row.due_period.x == r(scale.x(datetime.date(2018, 9, 1)))
    assert row.due_period.x2 == pytest.approx(r(scale.x_end(datetime.date(2018, 11, 30))), abs=0.1)
    # The whole bar starts where the start period (April 2018) starts.
    assert row.span.x == r(scale.x(datetime.date(2018, 4, 1)))
    assert row.span.x2 == row.due_period.x2
    assert row.kind == charts.DATED
    assert row.due_label == "Fall 2018"


def test_a_winter_spans_december_to_february():
    chart = timeline(action("1.1", None, FuzzyDate.of_season(2019, "winter")))
    row, scale = row_of(chart, "1.1"), chart.scale
    assert row.due_period.x == r(scale.x(datetime.date(2018, 12, 1)))
    assert row.due_period.x2 == pytest.approx(r(scale.x_end(datetime.date(2019, 2, 28))), abs=0.1)


def test_a_month_spans_the_month_and_a_year_the_whole_year():
    chart = timeline(
        action("1.1", None, FuzzyDate.of_month(2019, 2)),
        action("1.2", FuzzyDate.of_year(2016), FuzzyDate.of_year(2017)),
    )
    scale = chart.scale
    february = row_of(chart, "1.1").due_period
    assert february.x == r(scale.x(datetime.date(2019, 2, 1)))
    assert february.x2 == pytest.approx(r(scale.x_end(datetime.date(2019, 2, 28))), abs=0.1)
    year = row_of(chart, "1.2")
    assert year.due_period.x == r(scale.x(datetime.date(2017, 1, 1)))
    assert year.due_period.x2 == pytest.approx(r(scale.x(datetime.date(2018, 1, 1))), abs=0.1)
    assert year.span.x == r(scale.x(datetime.date(2016, 1, 1)))


def test_a_single_day_stays_visible():
    chart = timeline(action("1.1", None, FuzzyDate.of_day(2019, 2, 15)))
    row = row_of(chart, "1.1")
    assert row.due_period.x == r(chart.scale.x(datetime.date(2019, 2, 15)))
    assert row.due_period.width >= charts.MIN_MARK_WIDTH


def test_ongoing_runs_open_ended_to_the_right_edge():
    chart = timeline(action("2.1", FuzzyDate.of_year(2016), FuzzyDate.ongoing()))
    row = row_of(chart, "2.1")
    assert row.kind == charts.ONGOING
    assert row.due_label == "Ongoing"
    assert row.due_period is None
    assert row.span.x == r(chart.scale.x(datetime.date(2016, 1, 1)))
    # The solid part hands over to a fading end that reaches the plot's right edge.
    assert row.span.x2 == row.fade.x
    assert row.fade.x2 == pytest.approx(chart.scale.right)


def test_to_be_determined_is_a_dashed_marker_after_what_is_known_with_a_label():
    chart = timeline(action("4.1", FuzzyDate.of_season(2018, "fall"), FuzzyDate.tbd()))
    row = row_of(chart, "4.1")
    assert row.kind == charts.TBD
    assert row.due_label == "To be determined"
    assert row.due_period is None
    assert row.fade is None
    assert row.span.x == r(chart.scale.x(datetime.date(2018, 9, 1)))
    assert row.tbd_marker.x == row.span.x2
    assert row.tbd_marker.width == charts.TBD_MARKER_WIDTH


def test_no_due_date_is_labelled_and_drawn_without_a_due_period():
    row = row_of(timeline(action("5.1", FuzzyDate.of_year(2018), None)), "5.1")
    assert row.kind == charts.NO_DUE
    assert row.due_label == "No due date"
    assert row.due_period is None
    assert row.tbd_marker is None
    assert row.fade is None


def test_today_is_marked_and_always_inside_the_scale():
    chart = timeline(action("1.1", None, FuzzyDate.of_month(2018, 4)), today=TODAY)
    assert chart.scale.first == datetime.date(2018, 1, 1)
    assert chart.scale.last == datetime.date(2026, 12, 31)
    assert chart.today_x == r(chart.scale.x(TODAY))


def test_rows_are_stacked_in_order_and_the_height_grows_with_them():
    actions = [action(f"1.{n}", None, FuzzyDate.of_year(2020)) for n in range(1, 6)]
    chart = timeline(*actions)
    assert [row.code for row in chart.rows] == ["1.1", "1.2", "1.3", "1.4", "1.5"]
    tops = [row.y for row in chart.rows]
    assert tops == sorted(tops)
    assert len(set(tops)) == 5
    assert chart.height > chart.rows[-1].bottom
