"""Loss and gradient plots whose axes tell the truth, and the gradient quantities lessons name."""

import numpy as np
import pytest
from PySide6 import QtCore

from nnviz.app.main_window import MainWindow
from nnviz.session import Session
from nnviz.ui.binding import Binding
from nnviz.ui.plots.curves import LossCurvesView
from nnviz.ui.plots.gradnorm import GradNormView


@pytest.fixture
def curves(qtbot):
    view = LossCurvesView()
    qtbot.addWidget(view)
    view.resize(600, 320)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.fixture
def grads(qtbot):
    view = GradNormView()
    qtbot.addWidget(view)
    view.resize(600, 320)
    view.show()
    qtbot.waitExposed(view)
    return view


def y_range(view):
    view.plot_item.getViewBox().updateAutoRange()            # pyqtgraph ranges lazily, before painting
    return view.plot_item.getViewBox().viewRange()[1]


def x_range(view):
    view.plot_item.getViewBox().updateAutoRange()
    return view.plot_item.getViewBox().viewRange()[0]


def test_losses_spanning_decades_get_a_log_axis_and_non_finite_points_are_dropped(curves):
    steps = np.arange(1, 11)
    train = np.array([0.7, 3.0, 40.0, 900.0, 2e4, 6e57, np.inf, np.nan, np.nan, np.nan])
    curves.set_series(steps, train)
    assert curves.is_log()                                   # 0.7 … 6e57: a log axis by itself
    x, y = curves.train_curve.getOriginalDataset()
    assert np.isfinite(y).all() and len(y) == 6
    assert curves.diverged_step() == 7
    lo, hi = y_range(curves)                                 # log10 units: every point in view
    assert lo <= np.log10(0.7) and hi >= np.log10(6e57)
    assert x_range(curves)[1] >= 7                           # the "diverged" marker is in view too
    # a slowly falling loss stays linear; the person's choice wins over the automatic one
    flat = np.linspace(0.713, 0.7045, 10)
    curves.set_series(steps, flat)
    assert not curves.is_log()
    curves.set_log(True)
    assert curves.is_log()
    curves.set_series(steps, train)
    curves.set_log(False)
    assert not curves.is_log()
    curves.set_log(None)
    assert curves.is_log()


def test_the_loss_axis_can_start_at_zero(curves, qtbot):
    steps = np.arange(1, 401)
    train = np.linspace(0.713, 0.7045, 400)
    curves.set_series(steps, train)
    lo, hi = y_range(curves)
    assert lo > 0.69                                         # auto-zoom: "nearly flat" looks steep
    with qtbot.waitSignal(curves.fromZeroChanged, timeout=1000) as signal:
        curves.set_from_zero(True)
    assert signal.args == [True]
    lo, hi = y_range(curves)
    assert lo <= 0.0 < 0.713 < hi < 0.8                      # 0 at the bottom: a flat line looks flat
    curves.set_series(steps, train * 1.01)                   # stays anchored while training
    assert y_range(curves)[0] <= 0.0
    curves.set_from_zero(False)
    assert y_range(curves)[0] > 0.69


def test_a_comparison_run_is_overlaid(curves):
    steps = np.arange(1, 51)
    curves.set_series(steps, np.linspace(0.7, 0.69, 50))
    curves.set_comparison(steps, np.linspace(0.7, 0.1, 50), label="learning rate 0.1")
    assert curves.comparison_label() == "learning rate 0.1"
    assert "learning rate 0.1" in [label.text for _s, label in curves.legend.items]
    assert len(curves.compare_train.getOriginalDataset()[1]) == 50
    assert y_range(curves)[0] < 0.15                          # the overlay is in view
    curves.set_comparison()
    assert curves.comparison_label() == "" and len(curves.compare_train.getOriginalDataset()[1] or []) == 0


def test_a_reset_history_ranges_over_the_new_data(curves, grads):
    steps = np.arange(1, 301)
    curves.set_series(steps, np.linspace(5.0, 0.1, 300))
    grads.set_series(steps, np.full((300, 3), 0.5))
    assert x_range(curves)[1] > 250 and x_range(grads)[1] > 250
    curves.clear()
    grads.set_series([], np.zeros((0, 4)))                   # a layer was added: no steps yet
    assert x_range(curves)[1] <= 1.5 and x_range(grads)[1] <= 1.5
    curves.set_series([1], [0.69])                           # the first step of the new run
    grads.set_series([1], np.full((1, 4), 0.02))
    assert x_range(curves)[1] < 10 and x_range(grads)[1] < 10
    lo, hi = y_range(grads)
    assert lo <= np.log10(0.02) <= hi


def test_a_single_step_is_drawn_as_dots(grads, curves):
    grads.set_series([1], np.array([[0.3, 0.1]]))
    assert all(c.opts["symbol"] == "o" for c in grads.curves)
    curves.set_series([1], [0.7], [0.71])
    assert curves.train_curve.opts["symbol"] == "o"
    grads.set_series([1, 2], np.array([[0.3, 0.1], [0.2, 0.1]]))
    assert all(c.opts["symbol"] is None for c in grads.curves)
    grads.set_series([1], np.array([[0.0, 0.1]]))            # a step unit's layer: exactly 0, no dot
    assert grads.curves[0].getOriginalDataset()[0] is None or len(grads.curves[0].getOriginalDataset()[0]) == 0
    assert len(grads.curves[1].getOriginalDataset()[0]) == 1
    grads.grab()


def test_fix_clipping_draws_the_global_norm_against_the_clip_limit(grads):
    s = Session.from_lesson("fix-clipping")
    s.run(200)                                               # the lesson's step count
    binding = Binding(gradnorm=grads)
    binding.set_session(s)
    binding.refresh(network=False)
    grads.set_title("gradient norm per layer")                # as the window names it
    assert grads.series() == "global" and grads.guide_level() == pytest.approx(2.0)
    assert grads.title() == "global gradient norm and the clip limit"
    x, y = grads.curves[0].getOriginalDataset()
    np.testing.assert_allclose(y, np.asarray(s.metrics.global_norm))
    assert y[0] > 100 and np.median(y[-20:]) < 2.0           # the lesson's claim: from far above to below
    assert [label.text for _s, label in grads.legend.items] == ["global norm"]
    grads.set_shown("layers")                                # the person's choice sticks
    binding.forget("metrics")
    binding.refresh(network=False)
    assert grads.series() == "layers" and grads.guide_level() is None and len(grads.curves) == s.n_layers
    assert grads.title() == "gradient norm per layer"


def test_the_update_ratio_lesson_draws_the_ratio_per_layer_with_the_1e_3_line(grads):
    s = Session.from_lesson("update-ratio")
    s.run(20)
    binding = Binding(gradnorm=grads)
    binding.set_session(s)
    binding.refresh(network=False)
    assert grads.series() == "ratio" and grads.guide_level() == pytest.approx(1e-3)
    assert grads.title() == "update-to-weight ratio per layer"
    assert len(grads.curves) == s.n_layers
    for j, curve in enumerate(grads.curves):
        np.testing.assert_allclose(curve.getOriginalDataset()[1], np.asarray(s.metrics.update_ratio)[:, j])
    # the box offers what the session records; the global norm is there too
    labels = [grads.show_combo.itemData(i) for i in range(grads.show_combo.count())]
    assert labels == ["layers", "global", "ratio"]


def test_lr_too_small_anchors_its_loss_axis_at_zero_and_the_menu_follows(shown, tmp_path):
    settings = QtCore.QSettings(str(tmp_path / "settings.ini"), QtCore.QSettings.Format.IniFormat)
    window = shown(MainWindow(Session.from_lesson("lr-too-small"), settings=settings))
    assert window.curves_view.is_from_zero() and window.zero_loss_action.isChecked()
    window.zero_loss_action.setChecked(False)
    assert not window.curves_view.is_from_zero()
    window.load_lesson("vanishing-sigmoid")
    assert not window.curves_view.is_from_zero()
    window.load_lesson("lr-too-small")
    assert window.zero_loss_action.isChecked()
