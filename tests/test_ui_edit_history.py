"""The window's Edit menu: undo and redo of every kind of user edit, the History list, menus and keys."""

import platform

import numpy
import numpy as np
import pyqtgraph
import pytest
import PySide6
from PySide6 import QtCore

from nnviz import __version__
from nnviz.app import file_actions
from nnviz.app.main_window import MainWindow
from nnviz.session import Session

SMALL = {"dataset": "xor", "n_samples": 60, "hidden": [{"size": 3}], "lr": 0.3}


@pytest.fixture
def settings(tmp_path):
    return QtCore.QSettings(str(tmp_path / "settings.ini"), QtCore.QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, settings):
    def make(session=None):
        w = MainWindow(session if session is not None else Session(SMALL), settings=settings)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        return w
    yield make


def state(w):
    s = w.session
    return (s.config, s.step, repr(s.phase), s.network.flat.tobytes(), s.metrics["train_loss"].tobytes(),
            s.prep.dataset.X.tobytes())


def knob(w):
    w.knobs.lr.setValue(0.05)


def layer_menu(w):
    menu = w.layer_menu_for(0)
    next(a for a in menu.actions() if a.text() == "Remove a neuron").trigger()


def typed_weight(w):
    w._on_edge_clicked(0, 1, 2)
    w.inspector.value_edit.setText("0.625")
    w.inspector.set_button.click()


def switched_neuron(w):
    w._on_node_clicked(1, 1)
    w.inspector.enabled_check.toggle()


def drawn_point(w):
    w._on_point_clicked(0.4, -0.3, QtCore.Qt.MouseButton.LeftButton.value)


def removed_point(w):
    x, y = w.session.prep.dataset.X[3]
    w._on_point_clicked(float(x), float(y), QtCore.Qt.MouseButton.RightButton.value)


@pytest.mark.parametrize("edit", [knob, layer_menu, typed_weight, switched_neuron, drawn_point, removed_point])
def test_undo_and_redo_of_each_kind_of_edit_restore_exactly(make_window, edit):
    w = make_window()
    w.train_steps(5)
    w.step("phase"), w.step("phase")            # in the middle of a step
    before = state(w)
    edit(w)
    assert w.edit_history.stack.count() == 1, "the edit is one entry of the history"
    w.train_steps(4)
    after = state(w)
    assert after != before
    w.undo_action.trigger()
    assert state(w) == before                   # parameters, metrics and data bit for bit
    assert not w.undo_action.isEnabled() and w.redo_action.isEnabled()
    w.redo_action.trigger()
    assert state(w) == after
    w.undo_setting()                            # the menu's slot, as Ctrl+Z
    assert state(w) == before


def test_a_dragged_knob_is_one_edit_and_the_history_lists_edits(make_window):
    w = make_window()
    for value in (0.1, 0.2, 0.25):
        w.knobs.lr.setValue(value)
    w.session.set_param(1, "W", (0, 0), 1.5)
    stack = w.edit_history.stack
    assert stack.count() == 2
    texts = [stack.text(i).replace("\u2066", "").replace("\u2069", "") for i in range(2)]   # kept left to right
    assert texts[0] == "learning rate: 0.3 → 0.25"
    assert texts[1].startswith("W₁[1,1]: ") and texts[1].endswith("→ 1.5")
    view = w.edit_history.show_view()
    assert view.isVisible() and view.stack() is stack
    view.setCurrentIndex(view.model().index(0, 0))      # "As opened": both edits undone
    assert w.session.config["lr"] == 0.3 and stack.index() == 0
    w.train_steps(2)                            # a step between two changes: two edits
    w.knobs.lr.setValue(0.4)
    w.train_steps(1)
    w.knobs.lr.setValue(0.5)
    assert stack.count() == 2 and not stack.canRedo()


def test_a_new_experiment_starts_a_new_history(make_window):
    w = make_window()
    w.knobs.lr.setValue(0.05)
    assert w.edit_history.stack.canUndo()
    w.new_experiment()
    assert not w.edit_history.stack.canUndo()
    w.session.configure(lr=0.2)
    assert w.edit_history.stack.count() == 1


def test_menus_in_order_and_the_keys(make_window):
    w = make_window()
    titles = [a.text().replace("&", "") for a in w.menuBar().actions()]
    assert titles == ["File", "Edit", "View", "Run", "Lessons", "Help"]
    keys = {k.toString() for a in w.actions() for k in a.shortcuts()}
    assert {"Ctrl+W", "F11", "F1", "Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y"} <= keys
    w.full_screen_action.trigger()
    assert w.windowState() & QtCore.Qt.WindowState.WindowFullScreen
    w.full_screen_action.trigger()
    assert not w.windowState() & QtCore.Qt.WindowState.WindowFullScreen
    assert w.help_page_at(w.network_view.viewport()) == "network"
    assert w.help_page_at(w.boundary_view) == "data"
    assert w.help_page_at(w.inspector) == "inspector"
    assert w.help_page_at(w.knobs) == "stepping"
    assert w.help_page_at(None) == "index"


def test_ctrl_w_closes_after_asking_about_unsaved_changes(make_window, monkeypatch):
    asked = []
    monkeypatch.setattr(file_actions, "ask_unsaved", lambda parent, what: asked.append(what) or "cancel")
    w = make_window()
    w.confirm_unsaved = True
    w.knobs.lr.setValue(0.05)
    w.close_action.trigger()
    assert asked == ["quit"] and w.isVisible()
    monkeypatch.setattr(file_actions, "ask_unsaved", lambda parent, what: "discard")
    w.close_action.trigger()
    assert not w.isVisible()
    assert np.isfinite(w.session.network.flat).all()


def test_about_names_version_licence_and_the_versions_it_runs_on(make_window):
    w = make_window()
    w.show_about()
    text = w.about_box.text()
    for needle in (__version__, "MIT", platform.python_version(), QtCore.qVersion(), PySide6.__version__,
                   pyqtgraph.__version__, numpy.__version__, "backpropagation"):
        assert needle in text, needle
    w.about_box.done(0)
