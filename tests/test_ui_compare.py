"""Side-by-side runs: lockstep stepping, one plotted series per run and layer, divergence, presets."""

import numpy as np
import pytest

from nnviz.app import side_by_side as cw
from nnviz.app.playback import PLAY_EDGES_PER_FRAME
from nnviz.app.side_by_side import CompareWindow
from nnviz.session import LESSONS
from nnviz.ui.compare_runs import build_sessions, lesson_runs, optimizer_race

SMALL = {"dataset": "xor", "n_samples": 60, "noise": 0.05, "seed": 0, "batch_size": 6, "lr": 0.3,
         "hidden": [{"size": 4, "activation": "tanh"}, {"size": 3, "activation": "tanh"}]}


@pytest.fixture
def make(shown):
    def make(overrides, labels=None, base=SMALL):
        sessions = build_sessions(base, overrides)
        return shown(CompareWindow(sessions, labels or [f"run {i + 1}" for i in range(len(sessions))]))

    return make


def test_runs_advance_in_lockstep(make, qtbot):
    w = make([{}, {"hidden": [{"size": 4, "activation": "relu"}] * 2},
              {"optimizer": "adam", "lr": 0.01}])
    assert w.step_counts() == [0, 0, 0]
    w.phase_action.trigger()
    assert [(s.phase.kind, s.phase.layer) for s in w.sessions] == [("forward", 1)] * 3
    w.step_action.trigger()
    assert w.step_counts() == [1, 1, 1]
    w.epoch_action.trigger()
    counts = w.step_counts()
    assert len(set(counts)) == 1 and counts[0] > 1
    w.speed.setCurrentIndex(0)
    w.play()
    # the runs share one play frame's edge budget; pausing draws every waiting layer
    assert [c.network_view._edge_turns.budget for c in w.columns] == [PLAY_EDGES_PER_FRAME // 3] * 3
    qtbot.waitUntil(lambda: w.step_counts()[0] >= counts[0] + 3, timeout=5000)
    w.pause()
    assert len(set(w.step_counts())) == 1
    assert all(c.network_view._edge_turns.budget is None for c in w.columns)
    w.reset_action.trigger()
    assert w.step_counts() == [0, 0, 0]
    # same data and seed: the first forward of identical settings gives identical numbers
    a, b = build_sessions(SMALL, [{}, {"optimizer": "adam"}])
    a.advance("phase"), b.advance("phase")
    np.testing.assert_array_equal(a.trace.layers[0].z, b.trace.layers[0].z)


def test_plots_hold_one_series_per_run_and_layer(make):
    w = make([{}, {"hidden": [{"size": 4, "activation": "sigmoid"}] * 3}])
    w.run(5)
    assert [c.gradnorm_view.n_layers() for c in w.columns] == [s.n_layers for s in w.sessions] == [3, 4]
    for col, s in zip(w.columns, w.sessions):
        for j, curve in enumerate(col.gradnorm_view.curves):
            np.testing.assert_allclose(curve.yData, s.metrics.grad_norm[:, j])
    assert len(w.loss_view.curves) == 2 and w.loss_view.series_count() == 4      # train and test per run
    train, _test = w.loss_view.curves[1]
    s1 = w.sessions[1]                                          # from step 0, the loss before any update
    np.testing.assert_allclose(train.yData, np.r_[s1.initial_scores()["train_loss"], s1.metrics.train_loss])
    lo, hi = w.norm_range()
    norms = np.concatenate([np.ravel(s.metrics.grad_norm) for s in w.sessions])
    assert lo <= np.log10(norms.min()) and hi >= np.log10(norms.max())


def test_a_diverging_run_stops_alone(make):
    w = make([{"clip_norm": 2.0}, {}], labels=["calm", "wild"], base=LESSONS["exploding-init"].config)
    for _ in range(10):
        w.step_action.trigger()
    calm, wild = w.sessions
    assert wild.diverged and not calm.diverged
    assert calm.step == 10 and wild.step < 10
    assert w.statuses() == ["running", "diverged"]
    assert "diverged" in w.columns[1].title.text() and "diverged" not in w.columns[0].title.text()
    stuck = wild.step
    w.run(3)
    assert calm.step == 13 and wild.step == stuck


def test_lesson_pairing_and_optimizer_race_presets():
    labels, base, overrides = lesson_runs("fix-relu-he")
    lesson = LESSONS["fix-relu-he"]
    assert labels == [lesson.title, lesson.compare_label]
    assert [{**base, **o} for o in overrides] == [lesson.config, {**lesson.config, **lesson.compare}]
    labels, base, overrides = lesson_runs("vanishing-sigmoid")
    assert len(labels) == 4 and overrides[0] == {}
    assert {**base, **overrides[1]}["init"] == "he_normal"
    assert all(h["batch_norm"] for h in {**base, **overrides[2]}["hidden"])
    with pytest.raises(ValueError):
        lesson_runs("early-stopping")
    labels, base, overrides = optimizer_race()
    configs = [{**base, **o} for o in overrides]
    assert [(c["optimizer"], c["optimizer_options"].get("momentum", 0.0)) for c in configs] == [
        ("sgd", 0.0), ("sgd", 0.9), ("rmsprop", 0.0), ("adam", 0.0)]
    assert len({(c["seed"], c["dataset"], str(c["hidden"])) for c in configs}) == 1
    sessions = build_sessions(base, overrides)
    assert [s.optimizer.__class__.__name__.lower() for s in sessions][2:] == ["rmsprop", "adam"]
    with pytest.raises(ValueError):
        build_sessions(base, [{}])


def test_open_from_the_main_window(qtbot, tmp_path):
    from PySide6 import QtCore
    from nnviz.session import Session
    from nnviz.app.main_window import MainWindow

    settings = QtCore.QSettings(str(tmp_path / "s.ini"), QtCore.QSettings.Format.IniFormat)
    w = MainWindow(Session.from_lesson("xor"), settings=settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    compare = w.compare_side_by_side()
    assert compare is not None and compare.labels == [LESSONS["xor"].title, "no hidden layer"]
    assert [s.config["hidden"] for s in compare.sessions][1] == []
    race = w.optimizer_race()
    assert len(race.sessions) == 4
    w.lessons.side_by_side.click()
    assert w.compare_windows[-1].labels[1] == "no hidden layer"
    opened = list(w.compare_windows)
    assert len(opened) == 3 and all(c.isVisible() for c in opened)
    opened[0].close()
    qtbot.waitUntil(lambda: len(w.compare_windows) == 2, timeout=2000)     # deleted on close
    w.play_timer.stop()
    w.close()                                   # the side-by-side windows close with the main window
    assert not w.compare_windows or not any(c.isVisible() for c in w.compare_windows)


def test_projector_mode_and_back(make, qtbot):
    from PySide6 import QtCore

    from nnviz.app import presenter
    w = make([{}, {"lr": 0.1}])
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=2000)      # window shortcuts need the active window
    qtbot.keyClick(w, QtCore.Qt.Key.Key_F5)
    assert w.projecting() and w.windowState() & QtCore.Qt.WindowState.WindowFullScreen
    assert w.loss_view.theme().name == "contrast" and w.loss_view.line_scale() == presenter.LINE_SCALE
    assert all(c.gradnorm_view.line_scale() == presenter.LINE_SCALE for c in w.columns)
    qtbot.keyClick(w, QtCore.Qt.Key.Key_Escape)
    assert not w.projecting() and not w.projector_action.isChecked()
    assert not w.windowState() & QtCore.Qt.WindowState.WindowFullScreen
    assert w.loss_view.theme().name == "light" and w.loss_view.line_scale() == 1.0
