"""Classroom setup: hidden controls and locked knobs, saved in the experiment file and re-applied."""

import json

import pytest
from PySide6 import QtCore, QtWidgets

from nnviz.app.classroom_dialog import ClassroomDialog
from nnviz.app.main_window import MainWindow
from nnviz.session import Session
from nnviz.ui.panels.controls import CONTROL_NAMES
from nnviz.ui.panels.knob_widgets import LOCKED_TIP

SMALL = {"dataset": "xor", "n_samples": 60, "noise": 0.05, "seed": 0, "batch_size": 6, "lr": 0.3,
         "hidden": [{"size": 4, "activation": "tanh"}]}


@pytest.fixture
def make_window(shown, tmp_path):
    settings = QtCore.QSettings(str(tmp_path / "settings.ini"), QtCore.QSettings.Format.IniFormat)
    return lambda session: shown(MainWindow(session, settings=settings))


def test_dialog_lists_controls_and_knobs_and_applies_to_the_session(make_window, qtbot):
    w = make_window(Session(SMALL))
    dialog = w.classroom_dialog()
    assert set(CONTROL_NAMES) <= set(dialog.rows) and {"lr", "optimizer", "hidden", "dataset"} <= set(dialog.rows)
    dialog.set_hidden("step_epoch")
    dialog.set_hidden("speed")
    dialog.set_hidden("dataset")
    dialog.set_locked("lr")
    dialog.set_locked("play")           # controls cannot be locked, only hidden
    dialog.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).click()
    assert w.session.config["classroom"] == {"hidden_controls": ["step_epoch", "speed", "dataset"],
                                             "locked_knobs": ["lr"]}
    c, k = w.controls, w.knobs
    assert not c.step_epoch.isVisible()
    qtbot.waitUntil(lambda: not c.speed.isVisible(), timeout=2000)      # toolbars lay out on an event
    assert c.step_phase.isVisible() and c.play.isVisible()
    assert not k.dataset.isVisible() and k.n_samples.isVisible() is not False
    assert not k.lr.isEnabled() and k.lr.toolTip() == LOCKED_TIP
    assert k.optimizer.isEnabled()
    # a hidden action's key does nothing
    steps = w.session.step
    qtbot.keyClick(w, QtCore.Qt.Key.Key_Right, QtCore.Qt.KeyboardModifier.ControlModifier)
    assert w.session.step == steps
    # clearing takes it all back
    dialog = w.classroom_dialog()
    dialog.clear()
    assert dialog.apply()
    assert c.step_epoch.isVisible() and k.lr.isEnabled() and k.lr.toolTip() != LOCKED_TIP
    assert not k.dataset.isHidden()
    dialog.close()


def test_saved_into_the_file_and_applied_when_opened(make_window, tmp_path):
    w = make_window(Session(SMALL))
    w.session.configure(classroom={"hidden_controls": ["reset", "sample", "optimizer"], "locked_knobs": ["hidden"]})
    path = tmp_path / "exercise.json"
    assert w.save_to(str(path))
    assert json.loads(path.read_text())["config"]["classroom"] == {
        "hidden_controls": ["reset", "sample", "optimizer"], "locked_knobs": ["hidden"]}
    w.session.configure(classroom={"hidden_controls": [], "locked_knobs": []})
    assert w.controls.reset.isVisible() and w.knobs.add_layer_button.isEnabled()
    assert w.open_path(str(path))
    assert not w.controls.reset.isVisible()
    assert not w.knobs.optimizer.isVisible()
    assert not w.knobs.add_layer_button.isEnabled()
    # a fresh window on the file starts with the setup applied
    w2 = make_window(Session.load(str(path)))
    assert not w2.controls.reset.isVisible() and not w2.knobs.add_layer_button.isEnabled()
    assert not w2.controls.sample.isVisible() and not w2.knobs.optimizer.isVisible()


def test_hidden_knob_hides_its_row_label(qtbot):
    from nnviz.ui.panels.knobs import KnobsPanel
    from nnviz.ui.session_adapter import SessionAdapter

    s = Session({**SMALL, "classroom": {"hidden_controls": ["noise"], "locked_knobs": []}})
    panel = KnobsPanel(SessionAdapter(s))
    qtbot.addWidget(panel)
    panel.show()
    form = next(f for f in panel.findChildren(QtWidgets.QFormLayout) if f.indexOf(panel.noise) >= 0)
    label = form.labelForField(panel.noise)
    assert label.isHidden() and panel.noise.isHidden()
    assert not form.labelForField(panel.n_samples).isHidden()
    assert "noise" in panel.knob_names()


def test_locked_layers_cannot_be_changed_from_the_layer_menu(make_window):
    w = make_window(Session({**SMALL, "classroom": {"hidden_controls": [], "locked_knobs": ["hidden"]}}))
    menu = w.layer_menu_for(0)
    enabled = [a.text() for a in menu.actions() if a.isEnabled() and not a.isSeparator()]
    assert enabled == ["Inspect this layer"]
    w.session.configure(classroom={"hidden_controls": [], "locked_knobs": []})
    menu = w.layer_menu_for(0)
    assert any(a.text() == "Remove this layer" and a.isEnabled() for a in menu.actions())


def test_the_lesson_compare_toggle_respects_locked_knobs(make_window):
    w = make_window(Session.from_lesson("xor"))
    w.session.configure(classroom={"hidden_controls": [], "locked_knobs": ["hidden"]})
    hidden = w.session.config["hidden"]
    assert w.lessons.compare.isEnabled()
    w.lessons.compare.click()
    assert not w.lessons.compare.isChecked() and w.session.config["hidden"] == hidden
