"""LossCurvesView: curve data, log axis, best-step and divergence markers."""

import numpy as np
import pytest
from PySide6 import QtCore

from nnviz.ui.plots.curves import LossCurvesView, demo_series, first_infinite
from nnviz.ui.widgets.theme import THEME_NAMES


@pytest.fixture
def view(qtbot):
    v = LossCurvesView()
    qtbot.addWidget(v)
    v.resize(500, 300)
    v.show()
    qtbot.waitExposed(v)
    return v


def test_curves_hold_the_series(view):
    steps, train, test, best = demo_series(200)
    view.set_series(steps, train, test, best_step=best)
    x, y = view.train_curve.getOriginalDataset()
    np.testing.assert_array_equal(x, steps)
    np.testing.assert_array_equal(y, train)
    np.testing.assert_array_equal(view.test_curve.getOriginalDataset()[1], test)
    # train solid, test dashed
    assert view.train_curve.opts["pen"].style() == QtCore.Qt.PenStyle.SolidLine
    assert view.test_curve.opts["pen"].style() == QtCore.Qt.PenStyle.DashLine
    assert view.diverged_step() is None
    assert not view.diverged_line.isVisible()


def test_best_step_marker(view):
    steps, train, test, best = demo_series(200)
    view.set_series(steps, train, test, best_step=best)
    assert view.best_line.isVisible()
    assert view.best_line.value() == pytest.approx(best)
    assert view.best_step() == best
    assert str(best) in view.best_line.label.toPlainText()
    bx, by = view.best_point.getOriginalDataset()
    np.testing.assert_allclose([bx[0], by[0]], [best, test[best]])
    view.set_series(steps, train, test, best_step=None)
    assert not view.best_line.isVisible()
    assert view.best_step() is None


def test_log_axis_mode(view):
    steps, train, test, best = demo_series(100)
    view.set_series(steps, train, test, best_step=best)
    view.set_log(True)
    assert view.is_log()
    assert view.plot_item.getAxis("left").logMode
    assert view.train_curve.opts["logMode"][1]
    # displayed data are log10 of the input; the original data stay untouched
    np.testing.assert_allclose(view.train_curve.getData()[1], np.log10(train))
    np.testing.assert_array_equal(view.train_curve.getOriginalDataset()[1], train)
    view.set_log(False)
    assert not view.plot_item.getAxis("left").logMode


@pytest.mark.parametrize("log", [False, True])
def test_infinite_loss_marks_divergence(qtbot, view, log):
    steps, train, test, best = demo_series(300, diverge_at=250)  # train NaN, test inf from 250
    train[10] = 0.0  # a zero has no logarithm either
    view.set_log(log)
    view.set_series(steps, train, test, best_step=best)
    qtbot.wait(10)
    image = view.grab().toImage()
    assert image.width() > 0
    assert view.diverged_step() == 250
    assert view.diverged_line.isVisible()
    assert view.diverged_line.value() == pytest.approx(250)
    assert view.diverged_line.label.toPlainText() == "diverged"
    # the lines keep every finite point before the divergence, none after
    x, y = view.train_curve.getOriginalDataset()
    np.testing.assert_array_equal(x, steps[:250])
    np.testing.assert_array_equal(y, train[:250])
    assert np.isfinite(view.test_curve.getOriginalDataset()[1]).all()


def test_nan_is_missing_not_diverged(qtbot, view):
    """The session writes NaN for losses it did not evaluate: the line connects across them."""
    steps = np.arange(20)
    train = np.full(20, np.nan)
    train[::5] = [1.0, 0.8, 0.6, 0.5]
    view.set_series(steps, train, np.full(20, np.nan), best_step=15)  # no test set
    qtbot.wait(10)
    view.grab()
    np.testing.assert_array_equal(view.train_curve.getOriginalDataset()[0], [0, 5, 10, 15])
    assert len(view.train_curve.curve.getData()[0]) == 4  # one connected polyline
    assert view.diverged_step() is None
    assert not view.diverged_line.isVisible()
    # with no test loss the best-step dot sits on the train curve
    np.testing.assert_allclose(view.best_point.getOriginalDataset()[1], [0.5])


def test_explicit_diverged_step(view):
    steps, train, test, best = demo_series(100)
    train[60:] = np.nan
    test[60:] = np.nan
    view.set_series(steps, train, test, best_step=best, diverged_step=60)
    assert view.diverged_step() == 60
    assert view.diverged_line.isVisible()
    assert view.diverged_line.value() == pytest.approx(60)


def test_all_nan_and_empty_do_not_raise(view):
    view.set_series(np.arange(5), np.full(5, np.nan), np.full(5, np.inf))
    assert view.diverged_step() == 0
    view.grab()
    view.clear()
    assert view.diverged_step() is None
    view.grab()


def test_length_mismatch_is_an_error(view):
    with pytest.raises(ValueError, match="train_loss"):
        view.set_series(np.arange(5), np.ones(4), np.ones(5))


def test_extra_series_added_and_removed(view):
    steps, train, test, best = demo_series(50)
    acc = np.linspace(0.5, 0.9, 50)
    view.set_series(steps, train, test, best, extra={"train acc": acc})
    assert [label.text for _s, label in view.legend.items] == ["train loss", "test loss", "train acc"]
    np.testing.assert_array_equal(view._extra["train acc"].getOriginalDataset()[1], acc)
    view.set_series(steps, train, test, best)
    assert [label.text for _s, label in view.legend.items] == ["train loss", "test loss"]


def test_first_infinite():
    assert first_infinite(np.array([1.0, np.nan]), None) is None
    assert first_infinite(np.array([1.0, np.nan, -np.inf]), np.array([1.0, np.inf, 1.0])) == 1


@pytest.mark.parametrize("theme", THEME_NAMES)
def test_theme_scale_and_grab(qtbot, view, theme):
    steps, train, test, best = demo_series(120)
    view.set_series(steps, train, test, best)
    view.set_theme(theme)
    view.set_line_scale(2.0)
    assert view.train_curve.opts["pen"].widthF() == pytest.approx(2.0)
    qtbot.wait(10)
    image = view.grab().toImage()
    assert image.pixelColor(2, 2).name() == view.theme().background
    colors = {image.pixel(x, y) for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)}
    assert len(colors) > 5


def test_long_history_is_decimated(view):
    steps, train, test, best = demo_series(60_000)
    view.set_series(steps, train, test, best_step=best)
    x, y = view.train_curve.getOriginalDataset()
    assert len(x) < 2500
    assert y.min() == train.min() and y.max() == train.max()
    assert view.best_line.value() == best


def test_the_best_step_label_steps_aside_for_the_legend(view, qtbot):
    """A best step near the last one puts "best: step N" where the legend sits (top right): it goes
    left of the line instead of under the legend."""
    steps = np.arange(301.0)
    train = 2.0 * np.exp(-steps / 60.0) + 0.01
    test = train + 0.1
    test[-1] = 0.05                                   # the best test loss at the last step
    view.resize(560, 300)
    view.set_series(steps, train, test, best_step=300)
    qtbot.wait(10)
    label = view.best_line.label
    assert view.best_line.isVisible() and label.isVisible()
    text = label.textItem.mapRectToScene(label.textItem.boundingRect())
    assert not text.intersects(view.legend.sceneBoundingRect())
    line_x = view.plot_item.getViewBox().mapViewToScene(QtCore.QPointF(300, 0)).x()
    assert text.right() <= line_x + 1                  # left of the line


def test_an_infinite_loss_inside_a_long_reduced_history_is_still_marked(qtbot):
    view = LossCurvesView()
    qtbot.addWidget(view)
    steps = np.arange(1, 6001)
    train = np.linspace(2.0, 0.1, 6000)
    train[1234] = np.inf                      # inside a bucket of the reduction
    view.set_series(steps, train, train * 1.1, history_key=("run", 1))
    assert view.diverged_step() == 1235.0
    view.set_series(steps, np.linspace(2.0, 0.1, 6000), None, history_key=("run", 2))
    assert view.diverged_step() is None
