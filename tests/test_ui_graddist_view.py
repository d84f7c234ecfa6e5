"""GradDistributionView: per-layer histograms of log10 |g| on a shared axis."""

import numpy as np
import pytest

from nnviz.ui.plots.graddist import GradDistributionView, Log10Axis, decade_edges, demo_layers, log_magnitudes
from nnviz.ui.widgets.theme import THEME_NAMES


@pytest.fixture
def view(qtbot):
    v = GradDistributionView()
    qtbot.addWidget(v)
    v.resize(500, 320)
    v.show()
    qtbot.waitExposed(v)
    return v


def _peak_position(view, i):
    x, y = view.curves[i].getData()
    centers = 0.5 * (x[:-1] + x[1:])
    return centers[np.argmax(y)]


def test_one_row_per_layer_and_vanishing_sits_left(view):
    rng = np.random.default_rng(0)
    grads = [rng.normal(0, 10.0 ** e, 500) for e in (-7, -5, -3, -1)]  # layer 1 vanishing
    view.set_layers(grads)
    assert view.n_layers() == 4
    edges = view.bin_edges()
    assert edges[0] == np.floor(edges[0]) and edges[-1] == np.ceil(edges[-1])  # whole decades
    peaks = [_peak_position(view, i) for i in range(4)]
    assert peaks == sorted(peaks)
    assert peaks[0] < -6 and peaks[3] > -2
    # row i sits on baseline i with bars at most ROW_HEIGHT tall, counts add up
    for i, g in enumerate(grads):
        x, y = view.curves[i].getData()
        assert len(x) == len(y) + 1                     # step mode
        assert y.min() >= i and y.max() <= i + 0.83
        assert view.curves[i].opts["fillLevel"] == i
        counts = np.histogram(np.log10(np.abs(g)), bins=edges)[0]
        np.testing.assert_allclose(y - i, counts / counts.max() * 0.82)
    ticks = view.plot_item.getAxis("left")._tickLevels[0]
    assert [t for _v, t in ticks] == ["layer 1", "layer 2", "layer 3", "layer 4"]


def test_zeros_and_non_finite_are_counted_not_drawn(view):
    g0 = np.zeros(100)
    g0[:20] = 1e-3
    g1 = np.array([1e-2, np.nan, np.inf, 1e-1])
    view.set_layers([g0, g1, np.array([])])
    assert view.notes[0].toPlainText() == "80% zero"
    assert view.notes[1].toPlainText() == "2 NaN/inf"
    assert view.notes[2].toPlainText() == "no gradient"
    view.grab()


def test_all_zero_and_huge_spread(view):
    view.set_layers([np.zeros(10), np.zeros((3, 3))])
    assert len(view.bin_edges()) > 2
    view.set_layers([np.array([1e-300, 1.0]), np.array([1e200])])
    edges = view.bin_edges()
    assert edges[-1] - edges[0] <= 30
    view.grab()


def test_layer_count_changes_reuse_items(view):
    view.set_layers(demo_layers(5))
    first = view.curves[0]
    view.set_layers(demo_layers(3))
    assert view.n_layers() == 3
    assert view.curves[0] is first
    assert len([i for i in view.plot_item.items if i in view.notes]) == 3


def test_helpers():
    logs, zero, bad, total = log_magnitudes(np.array([[0.0, -0.01], [np.nan, 100.0]]))
    np.testing.assert_allclose(logs, [-2.0, 2.0])
    assert (zero, bad, total) == (1, 1, 4)
    edges = decade_edges([np.array([-3.2, -1.5])])
    assert edges[0] == -4 and edges[-1] == -1
    axis = Log10Axis("bottom")
    assert axis.tickStrings([-3.0, 0.0, 2.0, -2.5], 1, 1) == ["10⁻³", "10⁰", "10²", "0.0032"]


@pytest.mark.parametrize("theme", THEME_NAMES)
def test_theme_and_grab(qtbot, view, theme):
    view.set_layers(demo_layers(4))
    view.set_theme(theme)
    view.set_line_scale(2.0)
    qtbot.wait(10)
    image = view.grab().toImage()
    assert image.pixelColor(2, 2).name() == view.theme().background
    colors = {image.pixel(x, y) for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)}
    assert len(colors) > 5


def test_layer_names_fit_on_an_empty_first_frame(view):
    from PySide6 import QtGui

    view.set_layers([np.empty(0)] * 3)
    axis = view.plot_item.getAxis("left")
    assert axis.textWidth >= QtGui.QFontMetrics(view.qfont()).horizontalAdvance("layer 3")
    image = view.grab().toImage()
    left = image.copy(0, 0, int(axis.width()), image.height())
    bg = left.pixelColor(1, 1)
    inked = sum(left.pixelColor(x, y) != bg for x in range(0, left.width(), 2) for y in range(0, left.height(), 2))
    assert inked > 30                     # "layer 1" ... "layer 3" are drawn


def test_the_axis_stays_while_the_next_steps_values_fit_it(view):
    """A new range re-lays out the axis; it moves only when values leave it or it is 2+ decades too wide."""
    rng = np.random.default_rng(1)
    view.set_layers([rng.normal(0, 1e-3, 200), rng.normal(0, 1e-1, 200)])
    first = view.bin_edges().copy()
    view.set_layers([rng.normal(0, 1e-2, 200), rng.normal(0, 1e-1, 200)])      # narrower, inside
    np.testing.assert_array_equal(view.bin_edges(), first)
    view.set_layers([rng.normal(0, 1e-6, 200), rng.normal(0, 1e-1, 200)])      # reaches below it
    assert view.bin_edges()[0] < first[0]
    view.set_layers([np.full(50, 0.5), np.full(50, 0.6)])                       # one decade of many
    assert view.bin_edges()[-1] - view.bin_edges()[0] <= 3
