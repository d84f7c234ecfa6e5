"""Axis ranges by rule (nnviz.ui.plots.ranges): they hold the data, and move seldom while it grows."""

import numpy as np
import pyqtgraph as pg

from nnviz.ui.plots.ranges import RangeRule, finite_bounds, linear_extent, log_extent, step_extent


def test_the_step_axis_ends_on_a_round_number_past_the_last_step():
    assert step_extent(0) == 1.5
    assert step_extent(37) == 40
    assert step_extent(99) == 150               # the last point never on the frame
    assert step_extent(1000) == 1500
    for last in (3, 14, 250, 7_777, 123_456):
        end = step_extent(last)
        assert last < end <= 1.5 * last + 1


def test_a_linear_range_holds_its_data_and_keeps_still_while_they_fit():
    lo, hi = linear_extent(0.31, 0.69)
    assert lo < 0.31 and hi > 0.69
    assert linear_extent(0.35, 0.6, (lo, hi)) == (lo, hi)           # still inside, still filling it
    assert linear_extent(0.2, 0.69, (lo, hi)) != (lo, hi)           # left it below
    assert linear_extent(0.50, 0.51, (lo, hi)) != (lo, hi)          # fills too little of it
    assert linear_extent(0.2, 0.9, from_zero=True)[0] == 0.0


def test_a_log_range_is_whole_decades():
    assert log_extent(0.003, 0.4) == (-3.0, 0.0)
    assert log_extent(0.01, 0.3, (-3.0, 0.0)) == (-3.0, 0.0)
    assert log_extent(1e-9, 1e-8, (-3.0, 0.0)) == (-9.0, -8.0)


def test_finite_bounds_skip_nan_inf_and_non_positive_for_log():
    a = np.array([np.nan, 0.0, 2.0, np.inf, -1.0])
    assert finite_bounds([a, None]) == (-1.0, 2.0)
    assert finite_bounds([a], positive=True) == (2.0, 2.0)
    assert finite_bounds([np.array([np.nan])]) is None


def test_a_falling_loss_moves_the_range_seldom(qapp):
    """2 000 steps of a loss falling from 0.7 to 0.05: the range follows it under a hundred times, not
    once per step, and always holds every point drawn."""
    box = pg.ViewBox()
    rule = RangeRule(box)
    loss = 0.05 + 0.65 * np.exp(-np.arange(2001) / 400.0)
    for n in range(1, 2001):
        rule.fit(n, finite_bounds([loss[: n + 1]]))
        (x0, x1), (y0, y1) = rule.x, rule.y
        assert x0 == 0 and x1 > n and y0 <= loss[: n + 1].min() and y1 >= loss[: n + 1].max()
    assert 3 <= rule.moves <= 100            # an auto-range would move 2 000 times
