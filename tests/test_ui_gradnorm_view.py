"""GradNormView: one line per layer on a log axis, reuse, non-finite values."""

import numpy as np
import pytest

from nnviz.ui.plots.gradnorm import GradNormView, demo_norms
from nnviz.ui.widgets.theme import THEME_NAMES


@pytest.fixture
def view(qtbot):
    v = GradNormView()
    qtbot.addWidget(v)
    v.resize(500, 300)
    v.show()
    qtbot.waitExposed(v)
    return v


def test_one_line_per_layer_with_legend(view):
    steps, norms = demo_norms(100, 4)
    view.set_series(steps, norms)
    assert view.n_layers() == 4
    assert [label.text for _s, label in view.legend.items] == ["layer 1", "layer 2", "layer 3", "layer 4"]
    for j, curve in enumerate(view.curves):
        x, y = curve.getOriginalDataset()
        np.testing.assert_array_equal(x, steps)
        np.testing.assert_array_equal(y, norms[:, j])
    # distinct colors per layer
    assert len({c.opts["pen"].color().name() for c in view.curves}) == 4


def test_log_axis(view):
    view.set_series(*demo_norms(50, 3))
    assert view.plot_item.getAxis("left").logMode
    assert all(c.opts["logMode"][1] for c in view.curves)


def test_curves_are_reused_while_playing(view):
    steps, norms = demo_norms(200, 3)
    view.set_series(steps[:10], norms[:10])
    first = list(view.curves)
    for n in range(11, 200, 20):
        view.set_series(steps[:n], norms[:n])
    assert view.curves == first
    assert len(view.curves[0].getOriginalDataset()[0]) == 191


def test_layer_count_change(view):
    view.set_series(*demo_norms(20, 5))
    view.set_series(*demo_norms(20, 2))
    assert view.n_layers() == 2
    assert len(view.legend.items) == 2
    assert sum(isinstance(i, type(view.curves[0])) for i in view.plot_item.listDataItems()) == 2
    view.set_series(*demo_norms(20, 3))
    assert [label.text for _s, label in view.legend.items] == ["layer 1", "layer 2", "layer 3"]


def test_non_finite_and_zero(qtbot, view):
    steps, norms = demo_norms(100, 3)
    norms[40, 1] = 0.0          # a dead layer: no logarithm, a gap
    norms[70:, 0] = np.inf      # exploding
    norms[75:, 1:] = np.nan
    view.set_series(steps, norms)
    qtbot.wait(10)
    view.grab()
    assert view.diverged_step() == 70
    assert view.diverged_line.isVisible()
    assert view.diverged_line.value() == pytest.approx(70)
    view.set_series(steps[:50], norms[:50])
    assert view.diverged_step() is None
    assert not view.diverged_line.isVisible()
    view.set_series(steps[:50], norms[:50], diverged_step=49)
    assert view.diverged_line.isVisible()
    assert view.diverged_line.value() == pytest.approx(49)


def test_bad_shape_and_empty(view):
    with pytest.raises(ValueError):
        view.set_series(np.arange(5), np.ones((4, 2)))
    view.set_series([], np.zeros((0, 3)))
    assert view.n_layers() == 3
    view.clear()
    view.grab()


@pytest.mark.parametrize("theme", THEME_NAMES)
def test_theme_and_grab(qtbot, view, theme):
    view.set_series(*demo_norms(100, 4))
    view.set_theme(theme)
    view.set_line_scale(1.5)
    assert view.curves[0].opts["pen"].widthF() == pytest.approx(1.5)
    qtbot.wait(10)
    image = view.grab().toImage()
    assert image.pixelColor(2, 2).name() == view.theme().background
    colors = {image.pixel(x, y) for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)}
    assert len(colors) > 5


def test_long_history_is_decimated_but_keeps_spikes(view):
    steps, norms = demo_norms(50_000, 3)
    norms[12_345, 0] = 1e3
    view.set_series(steps, norms)
    x, y = view.curves[0].getOriginalDataset()
    assert len(x) < 2500
    assert y.max() == 1e3
    assert x[-1] == steps[-1]


def test_under_two_decades_only_1_2_5_are_labelled(view):
    steps = np.arange(1, 51)
    view.set_series(steps, np.stack([0.02 + 0.01 * np.sin(steps / 5), 0.03 + 0.02 * np.cos(steps / 7)], 1))
    axis = view.plot_item.getAxis("left")
    lo, hi = np.log10(0.01), np.log10(0.05)
    levels = axis.tickValues(lo, hi, 300)
    labelled = [t for (_s, values) in levels[:1] for t in values]
    texts = [s for (_s, values) in levels for s in axis.tickStrings(values, 1.0, 1.0) if s]
    assert sorted(round(10 ** v, 6) for v in labelled) == [0.01, 0.02, 0.05]
    assert len(texts) == 3                  # the other multiples have ticks but no text
    wide = axis.tickValues(-6.0, 0.0, 300)
    assert all(s for (_s, values) in wide for s in axis.tickStrings(values, 1.0, 1.0)[:1])
