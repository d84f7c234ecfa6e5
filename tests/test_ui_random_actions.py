"""Thousands of seeded random user actions on the window: nothing raises, the session stays consistent.

Actions are the cheap things a user does with the mouse and keys: stepping and
rewinding, knobs, layer menus, clicks on neurons and edges, typed weights,
switched neurons, drawn points, lessons, themes, zoom, undo, new experiment,
save.  Dialogs are replaced by stand-ins that answer at once, so nothing waits
for a person.  After every action the test checks that no exception reached
``sys.excepthook`` (pytest-qt additionally fails the test on exceptions in Qt
virtuals) and that the session is consistent.
"""

import sys

import numpy as np
import pytest
from PySide6 import QtCore, QtWidgets

from nnviz.app import file_actions, window_drawing
from nnviz.app.main_window import MainWindow
from nnviz.session import LESSONS, Session

N_ACTIONS = 3000
SMALL = {"dataset": "xor", "n_samples": 40, "noise": 0.05, "seed": 0, "batch_size": 6, "lr": 0.3,
         "hidden": [{"size": 3, "activation": "tanh"}, {"size": 2, "activation": "tanh"}]}
DATASETS = ["xor", "circle", "spiral3", "housing", "iris", "plane", "moons", "sine", "blobs3"]
# Small lessons only: the big ones (digits) make a thousand actions slow without adding paths.
LESSON_IDS = [lid for lid in LESSONS if lid not in ("digits-features",)]
PHASE_KINDS = {"ready", "forward", "loss", "backward", "update"}


@pytest.fixture
def no_dialogs(monkeypatch, tmp_path):
    """Modal dialogs answer at once: message boxes say OK/Discard, file dialogs pick a temp file."""
    buttons = QtWidgets.QMessageBox.StandardButton
    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QtWidgets.QMessageBox, name,
                            staticmethod(lambda *a, **k: buttons.Discard if a and "nsaved" in str(a[1:2]) else buttons.Ok))
    monkeypatch.setattr(QtWidgets.QMessageBox, "exec", lambda self: int(buttons.Ok.value))
    monkeypatch.setattr(QtWidgets.QMessageBox, "open", lambda self, *a: None)
    monkeypatch.setattr(QtWidgets.QDialog, "open", lambda self, *a: None)
    monkeypatch.setattr(QtWidgets.QDialog, "exec", lambda self: 0)
    monkeypatch.setattr(QtWidgets.QMenu, "popup", lambda self, *a: None)
    monkeypatch.setattr(QtWidgets.QMenu, "exec", lambda self, *a: None)
    saved = str(tmp_path / "random.json")
    monkeypatch.setattr(QtWidgets.QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (saved, "")))
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (saved, "")))
    monkeypatch.setattr(file_actions, "ask_unsaved", lambda parent, what: "discard")
    # A coarser decision-boundary grid: the same code paths at a fraction of the cost per step.
    monkeypatch.setattr(window_drawing, "BOUNDARY_RESOLUTION", 24)
    return saved


@pytest.fixture
def escaped(monkeypatch):
    """Exceptions that reach sys.excepthook (slots called by Qt) are recorded, then passed on."""
    seen = []
    previous = sys.excepthook

    def hook(kind, value, tb):
        seen.append(value)
        previous(kind, value, tb)

    monkeypatch.setattr(sys, "excepthook", hook)
    return seen


def check_consistent(w: MainWindow) -> None:
    s = w.session
    ph = s.phase
    assert ph.kind in PHASE_KINDS
    if ph.kind in ("forward", "backward"):
        assert 1 <= ph.layer <= s.n_layers
    assert len(s.metrics) == s.step
    if s.trace is not None:
        assert len(s.trace.layers) <= s.n_layers
    if not s.diverged:
        for p in s.network.params:
            for key, value in p.items():
                assert np.all(np.isfinite(value)), f"{key} not finite without divergence"
    frame = w.network_view.current_frame()
    frame.validate()
    assert frame.sizes == list(s.network.sizes)


@pytest.mark.parametrize("seed", [3])
def test_thousands_of_random_actions(qtbot, tmp_path, no_dialogs, escaped, seed):
    settings = QtCore.QSettings(str(tmp_path / "settings.ini"), QtCore.QSettings.Format.IniFormat)
    w = MainWindow(Session(SMALL), settings=settings)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    rng = np.random.default_rng(seed)

    def pick(n):
        return int(rng.integers(n))

    def dataset():
        i = w.knobs.dataset.findData(DATASETS[pick(len(DATASETS))])
        if i >= 0:
            w.knobs.dataset.setCurrentIndex(i)
            w.knobs.dataset.activated.emit(i)

    def layer_menu():
        hidden = w.session.config["hidden"]
        if not hidden:
            w.knobs.add_layer_button.click()
            return
        menu = w.layer_menu_for(pick(len(hidden)))
        actions = [a for a in menu.actions() if a.isEnabled() and a.text() and a.menu() is None]
        actions[pick(len(actions))].trigger()

    def click_node():
        s = w.session
        col = pick(s.n_layers + 1)
        w._on_node_clicked(col, pick(s.network.sizes[col]))

    def click_edge():
        s = w.session
        layer = pick(s.n_layers)
        w._on_edge_clicked(layer, pick(s.network.sizes[layer]), pick(s.network.sizes[layer + 1]))

    def type_weight():
        click_edge() if rng.random() < 0.7 else click_node()
        w.inspector.value_edit.setText(rng.choice(["0.5", "-1.25", "3", "abc", "", "1e400", "-0"]))
        w.inspector.set_button.click()

    def switch_neuron():
        s = w.session
        if s.n_layers < 2:
            return
        layer = 1 + pick(s.n_layers - 1)
        w._on_node_clicked(layer, pick(s.network.sizes[layer]))
        if w.inspector.enabled_check.isEnabled():
            w.inspector.enabled_check.toggle()

    def gradient_check():
        (click_edge if rng.random() < 0.5 else click_node)()
        w.inspector.check_button.click()

    def draw_point():
        if w.data_stack.currentWidget() is not w.plane_panel:
            return
        w.draw_bar.set_drawing(True)
        if w.draw_bar.class_combo.count():
            w.draw_bar.set_label_index(pick(w.draw_bar.class_combo.count()))
        x0, x1, y0, y1 = w.session.data_extent()
        x, y = rng.uniform(x0, x1), rng.uniform(y0, y1)
        button = QtCore.Qt.MouseButton.RightButton if rng.random() < 0.4 else QtCore.Qt.MouseButton.LeftButton
        w.boundary_view.pointAdded.emit(float(x), float(y), int(button.value))

    def feature_space():
        w.feature_dock.show()
        w.feature_dock.raise_()
        combo = [w.feature_view.layer_combo, w.feature_view.x_combo, w.feature_view.y_combo][pick(3)]
        if combo.count():
            combo.setCurrentIndex(pick(combo.count()))

    def play_briefly():
        w.play()
        w._tick()
        w._tick()
        w.pause()

    actions = [
        (12, lambda: w.step("phase")), (3, lambda: w.step("step")), (0.3, lambda: w.step("epoch")),
        (5, lambda: w.rewind("phase")), (2, lambda: w.rewind("step")), (1, w.reset),
        # Rebuilding actions cost tens of milliseconds each; they are rarer than stepping.
        (0.5, dataset), (1, layer_menu),
        (0.5, lambda: w.knobs.batch_size.setValue(int(rng.integers(1, 40)))),
        (0.5, lambda: w.knobs.batch_norm.click()), (0.5, lambda: w.knobs.dropout.click()),
        (2, lambda: w.knobs.lr.setValue(float(10 ** rng.uniform(-4, 1.5)))),
        (0.5, lambda: w.knobs.remove_layer_button.click()), (0.5, lambda: w.knobs.add_layer_button.click()),
        (2, lambda: w.controls.batch_mean.toggle()), (2, lambda: w.controls.sample.setValue(pick(12) + 1)),
        (1, lambda: w.controls.animate.toggle()), (1, lambda: w.controls.speed.setValue(pick(8))),
        (1, w.undo_setting), (4, click_node), (4, click_edge), (3, type_weight), (2, switch_neuron),
        (1, gradient_check), (1, draw_point), (1, lambda: w.draw_bar.set_drawing(False)),
        (1, feature_space), (0.4, lambda: w.load_lesson(LESSON_IDS[pick(len(LESSON_IDS))])),
        (0.3, lambda: w.set_theme(["light", "dark", "contrast"][pick(3)])),
        (0.5, lambda: w.set_zoom(float(rng.choice([0.8, 1.0, 1.25, 1.5])))),
        (0.2, w.new_experiment), (0.2, lambda: w.save()), (0.1, w.open_dialog),
        (1, play_briefly), (0.5, lambda: w._on_header_clicked(pick(w.session.n_layers + 1))),
        (0.5, lambda: w.heatmaps_action.toggle()), (0.5, lambda: w.delta_action.toggle()),
    ]
    weights = np.array([a[0] for a in actions], dtype=float)
    weights /= weights.sum()
    for n in range(N_ACTIONS):
        k = int(rng.choice(len(actions), p=weights))
        actions[k][1]()
        assert not escaped, f"action {n} (#{k}) raised {escaped[0]!r}"
        check_consistent(w)
        if n % 50 == 0:
            QtWidgets.QApplication.processEvents()
    w.play_timer.stop()
