"""Geometry of the shared SVG charts (portal/charts.py): bars and the time scale."""

import datetime
import itertools

import pytest

from portal import charts


def test_scale_maps_the_first_and_last_days_to_the_plots_edges():
    scale = charts.TimeScale.spanning(
        [datetime.date(2018, 5, 3), datetime.date(2020, 2, 1)], left=50, width=730
    )
    assert scale.first == datetime.date(2018, 1, 1)
    assert scale.last == datetime.date(2020, 12, 31)
    assert scale.x(scale.first) == 50
    assert scale.x_end(scale.last) == pytest.approx(780)
    # Linear in days: 2019 (365 days) takes 365/1096 of the width.
    year_2019 = scale.x(datetime.date(2020, 1, 1)) - scale.x(datetime.date(2019, 1, 1))
    assert year_2019 == pytest.approx(730 * 365 / 1096)


def test_year_ticks_label_each_year_or_skip_some_when_crowded():
    few = charts.TimeScale.spanning(
        [datetime.date(2018, 1, 1), datetime.date(2020, 1, 1)], left=0, width=600
    )
    assert [tick.label for tick in few.year_ticks()] == ["2018", "2019", "2020"]
    many = charts.TimeScale.spanning(
        [datetime.date(1950, 1, 1), datetime.date(2049, 1, 1)], left=0, width=600
    )
    ticks = many.year_ticks()
    assert len(ticks) == 100
    labelled = [tick for tick in ticks if tick.label]
    assert 1 < len(labelled) < 100
    gaps = [b.label_x - a.label_x for a, b in itertools.pairwise(labelled)]
    assert min(gaps) >= 36


def test_bar_chart_lengths_are_proportional_to_the_values():
    chart = charts.bar_chart([("a", "A", 4), ("b", "B", 2), ("c", "C", 0)])
    a, b, c = chart.bars
    assert a.width == chart.plot_width
    assert b.width == pytest.approx(chart.plot_width / 2)
    assert c.width == 0
    assert [bar.label for bar in chart.bars] == ["A", "B", "C"]
    assert b.y > a.y
    assert chart.height > c.y + chart.bar_height


def test_bar_chart_of_nothing_draws_empty_bars():
    chart = charts.bar_chart([("a", "A", 0)])
    assert chart.bars[0].width == 0
