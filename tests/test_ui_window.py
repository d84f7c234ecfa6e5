"""The main window over a real session: phases, rewind, knobs, play, divergence, lessons, files."""

import json

import numpy as np
import pytest
from PySide6 import QtCore, QtWidgets

from nnviz.app.main_window import MainWindow
from nnviz.session import LESSONS, Session
from nnviz.ui.network import scale as ns
from nnviz.ui.panels.controls import SPEEDS

SMALL = {"dataset": "xor", "n_samples": 60, "noise": 0.05, "seed": 0, "batch_size": 6, "lr": 0.3,
         "hidden": [{"size": 4, "activation": "tanh"}, {"size": 3, "activation": "tanh"}]}


@pytest.fixture
def settings(tmp_path):
    """Window settings in a temporary file: tests never touch the user's settings."""
    return QtCore.QSettings(str(tmp_path / "settings.ini"), QtCore.QSettings.Format.IniFormat)


@pytest.fixture
def make_window(shown, settings):
    return lambda session=None: shown(MainWindow(session if session is not None else Session(SMALL),
                                                 settings=settings))


def muted(view, layer):
    """True when every edge of ``layer`` (0-based) is drawn in the muted bin."""
    frame = view.current_frame()
    a, b = frame.sizes[layer], frame.sizes[layer + 1]
    return all(view.edge_bin(layer, i, j) == ns.BIN_MUTED for i in range(a) for j in range(b))


def gradient_colored(view, layer):
    frame = view.current_frame()
    a, b = frame.sizes[layer], frame.sizes[layer + 1]
    return all(view.edge_bin(layer, i, j) != ns.BIN_MUTED for i in range(a) for j in range(b))


# ---------------------------------------------------------------- phases


def test_every_phase_lights_its_layer_and_colors_its_edges(make_window):
    w = make_window()
    view = w.network_view
    L = w.session.n_layers
    assert view.current_frame().lit is None and view.lit_band_rect() is None
    assert "Ready" in w.phase_label.text()
    for k in range(1, L + 1):
        w.step("phase")
        f = view.current_frame()
        assert (w.session.phase.kind, f.lit, f.direction, f.edge_mode) == ("forward", k, "forward", "weight")
        assert f.known == set(range(k + 1))
        band = view.lit_band_rect()
        assert band is not None and band.contains(view.node_position(k, 0))
        assert f"forward layer {k}" in w.controls.counters.text()
    w.step("phase")
    f = view.current_frame()
    assert w.session.phase.kind == "loss" and f.lit == L
    assert f"loss {w.session.trace.loss:.4g}" in f.headers[L]
    assert "Loss" in w.phase_label.text()
    for k in range(L, 0, -1):
        w.step("phase")
        f = view.current_frame()
        assert (f.lit, f.direction, f.edge_mode) == (k, "backward", "gradient")
        for layer in range(L):
            if layer + 1 >= k:
                assert gradient_colored(view, layer), (k, layer)
            else:
                assert muted(view, layer), (k, layer)
        assert "Backward" in w.phase_label.text()
        assert w.graddist_view.n_layers() == L
    w.step("phase")
    f = view.current_frame()
    assert w.session.phase.kind == "update" and f.edge_label == "Δw" and f.lit is None
    assert not any(muted(view, layer) for layer in range(L))
    assert w.session.step == 1 and "step <b>1</b>" in w.controls.counters.text()


def test_rewind_restores_the_view(make_window):
    w = make_window()
    w.step("step")
    w.step("step")
    for _ in range(4):
        w.step("phase")
    before = w.network_view.current_frame()
    snapshot = ([e.copy() for e in before.edges], [None if n is None else n.copy() for n in before.nodes],
                before.lit, before.known, w.controls.counters.text())
    for _ in range(4):
        w.step("phase")
    assert w.session.phase.kind == "update"
    for _ in range(4):
        w.rewind("phase")
    after = w.network_view.current_frame()
    assert (after.lit, after.known, w.controls.counters.text()) == snapshot[2:]
    for a, b in zip(after.edges, snapshot[0]):
        np.testing.assert_array_equal(a, b)
    for a, b in zip(after.nodes, snapshot[1]):
        if b is None:
            assert a is None
        else:
            np.testing.assert_array_equal(a, b)
    w.rewind("step")
    assert w.session.step == 2 and w.session.phase.kind == "update"
    assert len(w.session.metrics) == 2


def test_focused_sample_and_batch_mean_redraw(make_window):
    w = make_window()
    w.step("phase")
    w.controls.sample.setValue(3)
    s = w.session
    np.testing.assert_array_equal(w.network_view.current_frame().nodes[1], s.trace.layers[0].a[2])
    w.controls.batch_mean.setChecked(True)
    np.testing.assert_allclose(w.network_view.current_frame().nodes[1], s.trace.layers[0].a.mean(axis=0))
    assert "batch mean" in w.phase_label.text()


def test_clicks_show_numbers_in_the_status_bar(make_window):
    w = make_window()
    for _ in range(6):
        w.step("phase")                 # backward of layer 2
    w._on_node_clicked(2, 1)
    assert "δ = dL/dz" in w.statusBar().currentMessage()
    assert w.network_view.current_frame().selected == ("node", 2, 1)
    assert w.inspector.selection() == ("neuron", 2, 1, 0) and w.inspector_dock.isVisible()
    assert "δ" in w.inspector.text()
    w._on_edge_clicked(2, 1, 0)
    assert "dL/dw" in w.statusBar().currentMessage()
    assert w.inspector.selection() == ("edge", 3, 1, 0)
    w.step("phase")
    assert w.inspector.selection() == ("edge", 3, 1, 0)      # follows the phases
    next(a for a in w.layer_menu_for(0).actions() if a.text() == "Inspect this layer").trigger()
    assert w.inspector.selection() == ("layer", 1)


def test_digits_show_weight_images_and_confusion(make_window):
    w = make_window(Session.from_lesson("digits-features"))
    assert w.data_stack.currentWidget() is w.no_plane
    assert w.weight_images_view.isVisibleTo(w)
    w.step("step")
    assert len(w.weight_images_view.images()) == w.session.network.sizes[1]
    assert w.confusion_view.matrix().shape == (10, 10)
    w.load_lesson("fix-batchnorm")
    w.knobs.dataset.setCurrentIndex(w.knobs.dataset.findData("iris"))
    w.knobs.dataset.activated.emit(w.knobs.dataset.currentIndex())
    assert w.data_stack.currentWidget() is w.no_plane
    assert not w.weight_images_view.isVisibleTo(w)
    assert w.confusion_view.matrix().shape == (3, 3)


# ---------------------------------------------------------------- knobs


def test_dropout_toggle_applies_and_shows_dropped_neurons(make_window):
    w = make_window()
    w.step("step")
    w.knobs.dropout_rate.setValue(0.5)
    w.knobs.dropout.click()
    s = w.session
    assert [h["dropout"] for h in s.config["hidden"]] == [0.5, 0.5]
    assert "drop 0.5" in w.network_view.current_frame().headers[1]
    assert s.step == 1                       # a rate change keeps the weights
    w.step("phase")
    w.step("phase")
    f = w.network_view.current_frame()
    assert f.dropped is not None and any(d.any() for d in f.dropped if d is not None)
    w.knobs.dropout.click()
    assert all(h["dropout"] == 0 for h in s.config["hidden"])


def test_batch_norm_toggle_rebuilds_net_and_view(make_window):
    w = make_window()
    w.step("step")
    net = w.session.network
    w.knobs.batch_norm.click()
    s = w.session
    assert s.network is not net and s.step == 0
    assert all(layer["batch_norm"] for layer in s.network.layers[:-1])
    assert "gamma" in s.network.params[0]
    assert "BN" in w.network_view.current_frame().headers[1]
    assert w.knobs.batch_size.minimum() == 2
    w.knobs.batch_norm.click()
    assert not any(layer["batch_norm"] for layer in w.session.network.layers[:-1])


def test_batch_norm_per_layer_from_the_header_menu(make_window):
    w = make_window()
    menu = w.layer_menu_for(1)
    bn = next(a for a in menu.actions() if a.text() == "Batch norm")
    bn.trigger()
    assert [h["batch_norm"] for h in w.session.config["hidden"]] == [False, True]
    assert "BN" in w.network_view.current_frame().headers[2]


def test_add_and_remove_layers_and_neurons(make_window):
    w = make_window()
    view = w.network_view
    w.knobs.add_layer_button.click()
    assert w.session.network.sizes == [2, 4, 3, 3, 1]
    assert view.current_frame().sizes == [2, 4, 3, 3, 1]
    w.knobs._rows[0].size.setValue(6)
    assert view.current_frame().sizes == [2, 6, 3, 3, 1]
    menu = w.layer_menu_for(1)
    next(a for a in menu.actions() if a.text() == "Add a neuron").trigger()
    assert w.session.network.sizes == [2, 6, 4, 3, 1]
    menu = w.layer_menu_for(0)
    next(a for a in menu.actions() if a.text() == "Remove this layer").trigger()
    assert w.session.network.sizes == [2, 4, 3, 1]
    while w.session.config["hidden"]:
        w.knobs.remove_layer_button.click()
    assert view.current_frame().sizes == [2, 1]
    w.step("phase")
    w.step("phase")
    assert w.network_view.current_frame().lit == 1
    assert not w.knobs.remove_layer_button.isEnabled()


def test_big_net_draws_without_heatmaps_for_wide_layers(make_window):
    cfg = dict(SMALL, hidden=[{"size": 64, "activation": "relu"} for _ in range(8)], init="he_normal")
    w = make_window(Session(cfg))
    w.step("step")
    assert w.network_view.current_frame().n_edges == 2 * 64 + 7 * 64 * 64 + 64
    assert w.network_view.visible_heatmaps() <= 3         # the inputs and the output only
    assert w.network_view.graphics_item_count() < 200


def test_invalid_combination_is_explained_not_raised(make_window):
    w = make_window()
    w.knobs.batch_size.setValue(1)
    assert w.session.config["batch_size"] == 1
    assert not w.knobs.batch_norm.isEnabled()
    ok = w.knobs.set_layer(0, batch_norm=True)      # the header menu's route: refused and explained
    assert not ok
    assert w.knobs.message.isVisible() and "batch norm" in w.knobs.message.text().lower()
    assert "batch norm" in w.statusBar().currentMessage().lower()
    assert not w.session.config["hidden"][0]["batch_norm"]
    w.knobs.batch_size.setValue(8)
    assert not w.knobs.message.isVisible()


def test_residual_needs_matching_sizes(make_window):
    w = make_window()
    row = w.knobs._rows[1]
    assert not row.residual.isEnabled()          # 3 units after 4
    w.knobs._rows[1].size.setValue(4)
    assert w.knobs._rows[1].residual.isEnabled()
    w.knobs._rows[1].residual.click()
    assert w.session.config["hidden"][1]["residual"]
    w.knobs._rows[1].size.setValue(5)            # no longer possible: switched off, not refused
    assert not w.session.config["hidden"][1]["residual"]


def test_dataset_change_keeps_a_valid_loss(make_window):
    w = make_window()
    w.knobs.tabs.setCurrentIndex(2)
    w.knobs.loss.setCurrentText("bce")
    w.knobs.loss.activated.emit(w.knobs.loss.currentIndex())
    assert w.session.config["loss"] == "bce"
    index = w.knobs.dataset.findData("spiral3")
    w.knobs.dataset.setCurrentIndex(index)
    w.knobs.dataset.activated.emit(index)
    assert w.session.config["dataset"] == "spiral3" and w.session.prep.loss == "cross_entropy"
    assert w.network_view.current_frame().sizes[-1] == 3
    index = w.knobs.dataset.findData("housing")
    w.knobs.dataset.setCurrentIndex(index)
    w.knobs.dataset.activated.emit(index)
    assert w.data_stack.currentWidget() is w.regression_view
    w.step("step")


def test_undo_a_knob_change(make_window):
    w = make_window()
    w.knobs.lr.setValue(0.05)
    assert w.session.config["lr"] == 0.05
    w.undo_action.trigger()
    assert w.session.config["lr"] == 0.3
    assert w.knobs.lr.value() == pytest.approx(0.3)


# ---------------------------------------------------------------- play


def play_frames(qtbot, w, done, most: int) -> list:
    """Let the play timer tick until ``done()``, at most ``most`` frames; the session's (phase, step)
    after each frame.

    Counted in frames, not seconds, so a busy machine only makes it slower: what a frame does is
    fixed (one phase, or at least one whole step).  The per-frame timeout only catches a frame
    that never comes.
    """
    seen = []

    def record():
        seen.append((w.session.phase, w.session.step))

    w.play_timer.timeout.connect(record)        # after the window's own tick: sees its result
    try:
        while not done() and len(seen) < most:
            with qtbot.waitSignal(w.play_timer.timeout, timeout=20_000):
                pass
    finally:
        w.play_timer.timeout.disconnect(record)
    return seen


def test_play_then_pause(make_window, qtbot):
    w = make_window()
    w.controls.speed.setValue(len(SPEEDS) - 1)
    w.controls.play.setChecked(True)
    assert w.playing
    frames = play_frames(qtbot, w, lambda: w.session.phase.index >= 3, most=4)
    assert [phase.index for phase, _ in frames] == [0, 1, 2, 3]      # one phase per animated frame
    w.controls.play.setChecked(False)
    assert not w.playing
    shown = w.session.phase
    qtbot.wait(60)
    assert w.session.phase == shown
    w.controls.animate.setChecked(False)
    w.controls.play.trigger()
    frames = play_frames(qtbot, w, lambda: w.session.step >= 20, most=20)
    assert w.session.step >= 20
    steps = [0] + [step for _, step in frames]
    assert all(1 <= b - a <= SPEEDS[-1].steps for a, b in zip(steps, steps[1:]))     # whole steps per frame
    w.controls.play.trigger()
    assert not w.playing
    assert len(w.session.metrics) == w.session.step
    w.curves_dock.raise_()                  # a tab behind while playing: drawn when it comes to the front
    qtbot.waitUntil(lambda: w.curves_view.train_curve.getData()[0] is not None, timeout=3000)
    assert len(w.curves_view.train_curve.getData()[0]) == w.session.step + 1      # from step 0
    assert w.gradnorm_view.n_layers() == w.session.n_layers


def test_play_keeps_the_window_responsive(make_window, qtbot):
    cfg = dict(SMALL, hidden=[{"size": 32, "activation": "relu"} for _ in range(4)], n_samples=400)
    w = make_window(Session(cfg))
    w.controls.animate.setChecked(False)
    w.controls.speed.setValue(len(SPEEDS) - 1)
    w.play()
    qtbot.waitUntil(lambda: w.session.step > 0, timeout=3000)
    for _ in range(3):                      # other events get their turn between play frames
        fired = []
        started = QtCore.QElapsedTimer()
        started.start()
        QtCore.QTimer.singleShot(0, lambda: fired.append(started.elapsed()))
        qtbot.waitUntil(lambda: bool(fired), timeout=1000)
        assert fired[0] < 500
    w.pause()
    assert not w.playing


def test_divergence_pauses_and_offers_to_rewind(make_window, qtbot):
    w = make_window(Session.from_lesson("exploding-init"))
    w.controls.animate.setChecked(False)
    w.controls.speed.setValue(len(SPEEDS) - 1)
    w.play()
    qtbot.waitUntil(lambda: w.session.diverged, timeout=10000)
    assert not w.playing
    box = w.divergence_box
    assert box is not None and box.isVisible() and "diverged" in box.text().lower()
    assert w.health_strip.is_diverged()
    assert "diverged" in w.controls.counters.text()
    w.play()                                        # refuses to play on
    assert not w.playing
    sound = w.session.recovery_step                 # the newest step before the loss blew up
    assert sound is not None and sound < w.session.step
    w.rewind_button.click()
    qtbot.waitUntil(lambda: not w.session.diverged, timeout=3000)
    assert w.session.step == sound and f"step {sound}" in w.session.message
    assert not w.health_strip.is_diverged()


def test_early_stopping_pauses_play(make_window, qtbot):
    cfg = dict(SMALL, early_stopping=True, patience=3, lr=5.0)
    w = make_window(Session(cfg))
    w.controls.animate.setChecked(False)
    w.play()
    qtbot.waitUntil(lambda: not w.playing, timeout=10000)
    assert w.session.stopped_early
    assert "Early stopping" in w.statusBar().currentMessage()


# ---------------------------------------------------------------- lessons and files


@pytest.mark.parametrize("lesson_id", list(LESSONS))
def test_every_lesson_loads(make_window, lesson_id):
    w = make_window()
    w.load_lesson(lesson_id)
    s = w.session
    assert s.lesson.id == lesson_id
    assert LESSONS[lesson_id].title in w.windowTitle()
    assert w.lessons.selected_id() == lesson_id
    for _ in range(s.n_layers + 2):
        w.step("phase")
    w.step("step")
    f = w.network_view.current_frame()
    f.validate()
    assert f.sizes == list(s.network.sizes)
    expected = (w.plane_panel if s.prep.dataset.n_inputs == 2 else
                w.regression_view if s.prep.dataset.n_inputs == 1 else w.no_plane)
    assert w.data_stack.currentWidget() is expected


def test_lesson_panel_loads_and_compares(make_window):
    w = make_window()
    w.lessons.select("xor")
    w.lessons.load.click()
    assert w.session.lesson.id == "xor"
    assert w.lessons.compare.isEnabled() and "no hidden layer" in w.lessons.compare.text()
    w.lessons.compare.click()
    assert w.session.config["hidden"] == [] and w.network_view.current_frame().sizes == [2, 1]
    w.lessons.compare.click()
    assert len(w.session.config["hidden"]) == 1


def test_save_and_open_round_trip(make_window, tmp_path):
    w = make_window()
    w.step("step")
    w.step("step")
    path = tmp_path / "run.json"
    assert w.save_to(str(path))
    assert "run.json" in w.windowTitle()
    w.reset()
    assert w.session.step == 0
    assert w.open_path(str(path))
    assert w.session.step == 2 and w.path == str(path)
    w.step("phase")
    assert w.network_view.current_frame().lit == 1


def test_bad_experiment_file_shows_an_error_and_the_app_stays_usable(make_window, tmp_path):
    w = make_window()
    w.step("step")
    session = w.session
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "nnviz-experiment", "version": 1, "config": {"lr": -1}}))
    assert not w.open_path(str(bad))
    assert w.error_box is not None and w.error_box.isVisible()
    assert "lr" in w.error_box.text()
    assert w.session is session
    (tmp_path / "junk.json").write_text("{not json")
    assert not w.open_path(str(tmp_path / "junk.json"))
    assert "JSON" in w.error_box.text()
    assert not w.open_path(str(tmp_path / "missing.json"))
    w.error_box.done(0)
    w.step("phase")
    assert w.session.phase.kind == "forward"


def test_import_csv_data(make_window, tmp_path):
    w = make_window()
    path = tmp_path / "points.csv"
    rows = ["a,b,c,label"] + [f"{i % 7},{(i * 3) % 5},{i % 2},{int(i % 7 > 3)}" for i in range(40)]
    path.write_text("\n".join(rows) + "\n")
    dialog = w.import_csv_dialog()
    assert dialog.set_path(str(path))
    dialog.accept()
    s = w.session
    assert s.config["dataset"] == "csv" and s.prep.n_inputs == 3 and s.prep.task == "binary"
    assert w.network_view.current_frame().sizes[0] == 3
    assert w.data_stack.currentWidget() is w.no_plane
    w.step("step")
    assert "points.csv" in w.statusBar().currentMessage() or w.session.step == 1


def test_save_into_a_missing_folder_shows_an_error(make_window, tmp_path):
    w = make_window()
    assert not w.save_to(str(tmp_path / "no" / "such" / "dir" / "x.json"))
    assert w.error_box.isVisible()


# ---------------------------------------------------------------- window chrome


def test_menus_have_the_expected_shortcuts(make_window):
    w = make_window()
    keys = {a.text().replace("&", ""): a.shortcut().toString() for a in w.findChildren(type(w.save_action))}
    assert keys["Open…"] == "Ctrl+O" and keys["Save"] == "Ctrl+S" and keys["Save As…"] == "Ctrl+Shift+S"
    assert keys["Quit"] == "Ctrl+Q" and keys["Help for this view"] == "F1" and keys["Close window"] == "Ctrl+W"
    assert keys["Full screen"] == "F11"
    assert w.controls.play.shortcut().toString() == "Space"
    assert w.controls.step_phase.shortcut().toString() == "Right"
    titles = [a.text().replace("&", "") for a in w.menuBar().actions()]
    assert titles == ["File", "Edit", "View", "Run", "Lessons", "Help"]


def test_every_control_has_a_tooltip(make_window):
    w = make_window()
    kinds = (QtWidgets.QAbstractButton, QtWidgets.QAbstractSpinBox, QtWidgets.QComboBox, QtWidgets.QSlider)
    missing = []
    for widget in w.findChildren(QtWidgets.QWidget):
        if isinstance(widget, kinds) and widget.isVisibleTo(w) and not widget.toolTip():
            if isinstance(widget, QtWidgets.QToolButton) and widget.defaultAction() is not None:
                if widget.defaultAction().toolTip():
                    continue
            if widget.objectName().startswith("qt_") or isinstance(widget.parent(), QtWidgets.QDockWidget):
                continue
            if isinstance(widget, QtWidgets.QAbstractButton) and isinstance(widget.parent(), QtWidgets.QTabBar):
                continue
            missing.append(f"{type(widget).__name__} {widget.objectName()} {getattr(widget, 'text', lambda: '')()}")
    assert not missing, missing


def test_keyboard_shortcuts_step(make_window, qtbot):
    w = make_window()
    w.activateWindow()
    w.network_view.setFocus()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is w, timeout=2000)
    qtbot.keyClick(w.network_view, QtCore.Qt.Key.Key_Right)
    assert w.session.phase.kind == "forward"
    qtbot.keyClick(w.network_view, QtCore.Qt.Key.Key_Right, QtCore.Qt.KeyboardModifier.ShiftModifier)
    assert w.session.step == 1
    qtbot.keyClick(w.network_view, QtCore.Qt.Key.Key_Left)
    assert w.session.phase.kind == "backward"


def test_help_dialogs_open(make_window):
    w = make_window()
    w.show_shortcuts()
    assert w.shortcuts_box.isVisible() and "Space" in w.shortcuts_box.text()
    w.shortcuts_box.done(0)
    w.show_about()
    assert w.about_box.isVisible()
    w.about_box.done(0)


def test_geometry_and_preferences_are_remembered(qtbot, settings):
    first = MainWindow(Session(SMALL), settings=settings)
    qtbot.addWidget(first)
    first.show()
    # within the offscreen screen (800x800), which clamps restored sizes, and above the window's
    # minimum width (its dock columns' and centre's minimums side by side, about 740)
    first.resize(781, 503)
    assert first.size() == QtCore.QSize(781, 503)
    first.controls.speed.setValue(6)
    first.controls.animate.setChecked(False)
    first.set_theme("dark")
    first.close()
    second = MainWindow(Session(SMALL), settings=settings)
    qtbot.addWidget(second)
    assert second.controls.speed.value() == 6
    assert not second.controls.animate.isChecked()
    assert second.network_view.theme().name == "dark"
    assert second.size() == QtCore.QSize(781, 503)
    second.close()


def test_theme_switch_and_export_image(make_window, tmp_path):
    w = make_window()
    w.theme_actions["contrast"].trigger()
    assert w.network_view.theme().name == "contrast" and w.curves_view.theme().name == "contrast"
    out = tmp_path / "shot.png"
    assert w.export_image(str(out))
    assert out.stat().st_size > 10_000
