"""The window draws only what changed and only what is seen; a tick's work does not grow with the run.

Work is counted (calls into the model and into pyqtgraph), never timed.
"""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6 import QtCore, QtWidgets

from nnviz.app.main_window import MainWindow
from nnviz.ui.series import grad_norm_series
from nnviz.ui.plots.peaks import decimate_peaks
from nnviz.session import Session

SMALL = {"dataset": "circle", "n_samples": 60, "noise": 0.0, "test_ratio": 0.5, "features": ["x1", "x2"],
         "hidden": [{"size": 4, "activation": "tanh"}, {"size": 2, "activation": "tanh"}], "optimizer": "sgd",
         "lr": 0.03, "batch_size": 10, "seed": 0}
EPOCH = 3           # steps of one epoch of SMALL's 30 training points


class Counts:
    """Counts calls of named callables, wrapped on their owners (restored by monkeypatch)."""

    def __init__(self, monkeypatch):
        self.calls: dict[str, int] = {}
        self._monkeypatch = monkeypatch

    def wrap(self, owner, name, label=None):
        label = label or name
        original = getattr(owner, name)

        def counted(*args, **kwargs):
            self.calls[label] = self.calls.get(label, 0) + 1
            return original(*args, **kwargs)

        self._monkeypatch.setattr(owner, name, counted)

    def take(self) -> dict[str, int]:
        calls, self.calls = self.calls, {}
        return calls


@pytest.fixture
def window(shown, tmp_path):
    settings = QtCore.QSettings(str(tmp_path / "settings.ini"), QtCore.QSettings.Format.IniFormat)
    w = shown(MainWindow(Session(SMALL), settings=settings))
    w.resize(1280, 800)
    w.heatmaps_action.setChecked(True)
    w.controls.animate.setChecked(False)
    return w


def _tick(w):
    """The Playground's tick, the window's way (as benchmarks/tick.py times it)."""
    w.train_steps(EPOCH)
    w.repaint()
    QtWidgets.QApplication.processEvents()


def test_a_paused_windows_repaint_does_not_compute_the_boundary_or_heatmaps_again(window, monkeypatch):
    _tick(window)
    counts = Counts(monkeypatch)
    counts.wrap(window.session, "predict")
    counts.wrap(window.session.network, "forward")
    counts.wrap(window.binding.frames, "build")
    for _ in range(3):
        window.repaint()
        QtWidgets.QApplication.processEvents()
        assert window.binding.refresh(network=False) == set()   # nothing changed: nothing drawn
    assert counts.take() == {}
    window.train_steps(1)                                        # one more step: drawn once
    assert counts.calls["predict"] > 0 and counts.calls["build"] == 1


def test_a_hidden_view_is_not_drawn_and_catches_up_when_shown(window, monkeypatch):
    window.curves_dock.raise_()                                  # the loss curves' tab in front
    _tick(window)
    graddist = window.binding.graddist
    curves = window.binding.curves
    counts = Counts(monkeypatch)
    counts.wrap(graddist, "set_layers")
    counts.wrap(curves, "set_series")
    graddist.hide()                                              # as a closed dock
    for _ in range(3):
        _tick(window)
    calls = counts.take()
    assert calls.get("set_layers", 0) == 0 and calls["set_series"] == 3
    graddist.show()                                              # brought to the front: drawn once, up to date
    assert counts.take().get("set_layers") == 1
    drawn = [item.getData()[0] for item in graddist.plot_item.listDataItems()]
    assert any(x is not None and len(x) for x in drawn)


def test_a_dock_behind_another_tab_is_not_drawn_and_catches_up_when_its_tab_is_raised(window, monkeypatch):
    """Qt moves the docks behind the front tab out of sight instead of hiding them: still not drawn."""
    from nnviz.ui.visibility import shown_on_screen
    window.tabifyDockWidget(window.data_dock, window.curves_dock)
    window.tabifyDockWidget(window.data_dock, window.feature_dock)
    window.data_dock.raise_()
    QtWidgets.QApplication.processEvents()
    assert window.curves_view.isVisible() and not shown_on_screen(window.curves_view)
    counts = Counts(monkeypatch)
    counts.wrap(window.curves_view, "set_series", "curves")
    counts.wrap(window.feature_view, "refresh", "features")
    counts.wrap(window.gradnorm_view, "set_series", "gradnorm")
    for _ in range(3):
        _tick(window)
    calls = counts.take()
    assert calls.get("gradnorm") == 3 and "curves" not in calls and "features" not in calls
    window.curves_dock.raise_()
    QtWidgets.QApplication.processEvents()
    assert shown_on_screen(window.curves_view)
    assert counts.take().get("curves", 0) >= 1                    # drawn once it is seen ...
    x, _y = window.curves_view.train_curve.getOriginalDataset()
    assert x[-1] == window.session.step                           # ... up to the current step


def test_pictures_of_views_never_shown_are_drawn(monkeypatch):
    """A binding whose views are not in a window on screen (offscreen pictures) draws everything."""
    from nnviz.ui.binding import Binding
    from nnviz.ui.plots.gradnorm import GradNormView
    view = GradNormView()
    s = Session(SMALL)
    s.run(EPOCH)
    binding = Binding(gradnorm=view)
    binding.set_session(s)
    assert "metrics" in binding.refresh(network=False)


def _range_moves(window) -> tuple:
    """What changes when an axis moves: its numbers and grid are laid out again (data, not steps)."""
    return (window.curves_view._range.moves, window.gradnorm_view._range.moves, window.binding.graddist._range)


def test_a_ticks_drawing_calls_do_not_depend_on_the_steps_taken(window, monkeypatch):
    """Counted after 2 500 and after 20 000 steps: both above the curves' 2 000-point reduction
    (``decimate_peaks``), the one place where a longer history takes another path."""
    counts = Counts(monkeypatch)
    for cls in (pg.PlotDataItem, pg.PlotCurveItem, pg.ScatterPlotItem):
        counts.wrap(cls, "setData", f"{cls.__name__}.setData")
    counts.wrap(pg.ImageItem, "setImage", "ImageItem.setImage")
    counts.wrap(np, "concatenate")
    counts.wrap(window.curves_view.best_point, "setData", "best")     # only when the best step moved
    per_run = []
    for total in (2_500, 20_000):
        window.session.run(total - window.session.step)
        _tick(window)                       # the first tick after the jump re-ranges the views
        counts.take()
        for _ in range(5):                  # a tick in which no axis moved (they move by rule, seldom)
            moved = _range_moves(window)
            _tick(window)
            calls = counts.take()
            if _range_moves(window) == moved:
                break
        calls["PlotDataItem.setData"] -= calls.pop("best", 0)
        per_run.append(calls)
    assert per_run[0] == per_run[1]
    assert per_run[0]["PlotDataItem.setData"] > 0 and per_run[0]["ImageItem.setImage"] > 0


def test_a_picture_of_a_hidden_view_shows_the_current_state(window, monkeypatch):
    from nnviz.ui.images import render_image
    _tick(window)
    graddist = window.binding.graddist
    graddist.hide()
    _tick(window)
    counts = Counts(monkeypatch)
    counts.wrap(graddist, "set_layers")
    render_image(window)                                         # the whole window, a hidden view in it
    assert counts.take() == {"set_layers": 1}
    render_image(window)                                         # up to date now: not drawn again
    assert counts.take() == {}


def test_slow_plots_around_the_network_take_a_third_of_the_time_while_playing(window, monkeypatch):
    """Throttled but never starved: with plots that take 300 ms to redraw and 50 ms network frames,
    they are redrawn every few frames, not with each one (a fixed 100 ms interval did that)."""
    import nnviz.app.window_drawing as drawing
    clock = [window._secondary_at + 1000.0]          # after whatever the real clock said
    monkeypatch.setattr(drawing, "time", type("Clock", (), {"perf_counter": staticmethod(lambda: clock[0])}))
    monkeypatch.setattr(type(window), "playing", property(lambda self: True))
    window.controls.animate.setChecked(False)
    secondary = []

    def slow_refresh(**_kwargs):
        secondary.append(clock[0])
        clock[0] += 0.3
        return set()

    monkeypatch.setattr(window.binding, "refresh", slow_refresh)
    start = clock[0]
    for _ in range(80):
        clock[0] += 0.05                    # a network frame
        window._refresh()
    share = 0.3 * len(secondary) / (clock[0] - start)
    assert len(secondary) >= 4 and 0.2 < share < 0.36          # each redraw with every frame: 0.86
    assert max(b - a for a, b in zip(secondary, secondary[1:])) < 1.0     # never starved


def test_a_long_runs_curves_reduce_only_the_steps_since_the_last_frame(window):
    """The loss and gradient histories keep their reduction between frames; a rewind starts it again."""
    window.curves_dock.raise_()
    window.session.run(20_000)
    _tick(window)
    gradnorm, curves = window.gradnorm_view, window.curves_view
    for _ in range(3):
        _tick(window)                   # one epoch more: 3 steps
        assert 0 <= gradnorm._peaks.folded <= EPOCH + 32
        assert 0 <= curves._peaks[0].folded <= EPOCH + 32
    with window.adapter.hold():         # back past whole buckets and a different past replayed, unseen
        for _ in range(80):
            window.session.rewind("step")
        window.session.configure(lr=0.3)
        window.session.run(90)
    _tick(window)
    x, y = gradnorm.curves[0].getOriginalDataset()
    fresh_x, fresh_y = decimate_peaks(*grad_norm_series(window.session))
    np.testing.assert_array_equal(x, fresh_x)
    np.testing.assert_array_equal(y, fresh_y[:, 0])
