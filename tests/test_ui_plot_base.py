"""Shared plot helpers: peak decimation of long histories, grid lines, style checks."""

import numpy as np
import pytest

from nnviz.ui.plots.base import PlotView, check_line_scale
from nnviz.ui.plots.peaks import PeakHistory, decimate_peaks


def test_short_history_is_untouched():
    x = np.arange(10.0)
    y = np.random.default_rng(0).random(10)
    xs, ys = decimate_peaks(x, y, max_points=100)
    assert xs is x and ys is y


def test_decimation_keeps_extremes_and_the_newest_steps():
    rng = np.random.default_rng(0)
    n = 100_003
    x = np.arange(n, dtype=float)
    Y = rng.random((n, 3))
    Y[5_000, 1] = 50.0          # a spike
    Y[70_000, 2] = 1e-9         # a dip
    Y[1_000:1_200, 0] = np.nan  # a gap inside buckets
    xs, ys = decimate_peaks(x, Y, max_points=2000)
    assert len(xs) <= 2000 + 200 and ys.shape == (len(xs), 3)
    assert np.nanmax(ys[:, 1]) == 50.0
    assert np.nanmin(ys[:, 2]) == 1e-9
    np.testing.assert_array_equal(np.nanmax(ys, axis=0)[[1]], [50.0])
    # x stays sorted, pairs share the bucket's first x, the tail is exact
    assert np.all(np.diff(xs) >= 0)
    assert xs[0] == xs[1] == 0.0
    assert xs[-1] == n - 1 and np.array_equal(ys[-1], Y[-1])
    # a bucket that is all NaN stays NaN (a gap), a partly NaN one takes the finite values
    assert np.isfinite(ys[:, 0]).sum() >= len(xs) - 4


def test_one_dimensional_series():
    x = np.arange(5000.0)
    y = np.sin(x / 100)
    xs, ys = decimate_peaks(x, y, max_points=500)
    assert ys.ndim == 1 and len(xs) == len(ys) <= 520
    assert ys.max() == pytest.approx(y.max()) and ys.min() == pytest.approx(y.min())


def test_grid_lines_follow_the_ticks(qtbot):
    view = PlotView()
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    view.plot_item.plot([0, 10], [0, 1])
    qtbot.wait(10)
    major, _minor = view._grid_curves
    x, y = major.getData()
    assert len(x) > 0 and len(x) % 2 == 0
    view.set_grid(False, False)
    assert len(major.getData()[0]) == 0


def test_check_line_scale():
    assert check_line_scale(2) == 2.0
    for bad in (0, -1, float("nan"), float("inf")):
        with pytest.raises(ValueError):
            check_line_scale(bad)


def test_a_growing_history_is_reduced_once_and_kept():
    """Frame after frame the kept reduction equals a fresh one, and only the new rows are reduced."""
    rng = np.random.default_rng(1)
    n = 40_000
    x = np.arange(n, dtype=float)
    Y = rng.random((n, 2))
    Y[7, 0], Y[30_000, 1] = 9.0, -3.0
    peaks = PeakHistory(1000)
    last = None
    for length in [*range(1001, n, 613), n]:
        xs, ys = peaks.decimate(x[:length], Y[:length], key="run")
        fresh = decimate_peaks(x[:length], Y[:length], max_points=1000)
        np.testing.assert_array_equal(xs, fresh[0])
        np.testing.assert_array_equal(ys, fresh[1])
        if last is not None:            # the rows since the last frame, give or take one bucket of them
            assert peaks.folded <= length - last + 64
        last = length
    assert len(xs) <= 1000 + 64 and ys[:, 0].max() == 9.0 and ys[:, 1].min() == -3.0


def test_a_new_key_reduces_the_history_afresh():
    """After a rewind the rows kept may have changed: a new key starts the reduction again."""
    x = np.arange(5000.0)
    peaks = PeakHistory(500)
    peaks.decimate(x, np.zeros(5000), key=1)
    changed = np.zeros(5000)
    changed[10] = 4.0                   # an early row rewritten
    assert peaks.decimate(x, changed, key=1)[1].max() == 0.0      # same key: kept as reduced
    assert peaks.decimate(x, changed, key=2)[1].max() == 4.0
