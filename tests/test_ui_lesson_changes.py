"""A lesson's panel, side by side and the classroom lock when a person departs from the lesson."""

import json

import pytest
from PySide6 import QtCore, QtWidgets

from nnviz.app import classroom_dialog
from nnviz.app.main_window import MainWindow
from nnviz.session import LESSONS, Session
from nnviz.ui.compare_runs import lesson_departures
from nnviz.ui.panels.knob_widgets import friendly_error


@pytest.fixture
def make_window(shown, tmp_path):
    settings = QtCore.QSettings(str(tmp_path / "settings.ini"), QtCore.QSettings.Format.IniFormat)
    return lambda session: shown(MainWindow(session, settings=settings))


def test_the_lesson_panel_says_when_the_experiment_left_the_lesson(make_window):
    w = make_window(Session.from_lesson("lr-too-small"))
    panel = w.lessons
    assert panel.changed_fields() == [] and not panel.changed_note.isVisible()
    panel.compare.click()                                    # the lesson's own comparison is still the lesson
    assert panel.changed_fields() == [] and not panel.changed_note.isVisible()
    panel.compare.click()
    w.session.configure(dataset="xor")
    assert panel.changed_fields() == ["dataset"]
    assert panel.changed_note.isVisible() and "dataset" in panel.changed_note.text()
    assert "changed from this lesson" in panel.changed_note.text()
    w.load_lesson("lr-too-small")                            # loading it again: the text holds again
    assert not panel.changed_note.isVisible()


def test_departures_ignore_the_classroom_setup():
    s = Session.from_lesson("xor")
    s.configure(classroom={"hidden_controls": ["speed"], "locked_knobs": []})
    assert lesson_departures(LESSONS["xor"], s.config) == []
    s.configure(lr=0.01)
    assert lesson_departures(LESSONS["xor"], s.config) == ["lr"]


def test_side_by_side_on_your_own_experiment_compares_your_experiment(make_window, qtbot):
    w = make_window(Session.from_lesson("lr-too-small"))
    w.session.configure(dataset="xor", n_samples=80)
    compare = w.compare_side_by_side()
    assert compare is not None
    assert compare.labels == ["your experiment", "your experiment, learning rate 0.1"]
    assert [s.config["dataset"] for s in compare.sessions] == ["xor", "xor"]
    assert [s.config["lr"] for s in compare.sessions] == [w.session.config["lr"], 0.1]
    # an experiment that never was a lesson takes the selected lesson's comparison settings
    w.adapter.set_session(Session({"dataset": "moons", "n_samples": 60, "lr": 0.03}))
    w.lessons.select("lr-too-small")
    compare = w.compare_side_by_side()
    assert [s.config["dataset"] for s in compare.sessions] == ["moons", "moons"]
    assert [s.config["lr"] for s in compare.sessions] == [0.03, 0.1]
    # the lesson itself, unchanged: the lesson's own pair
    w.load_lesson("xor")
    assert w.compare_side_by_side().labels == [LESSONS["xor"].title, "no hidden layer"]
    for c in list(w.compare_windows):
        c.close()


def test_a_refused_softmax_output_names_the_output_layer():
    s = Session({"dataset": "xor", "n_samples": 40, "hidden": [{"size": 4, "activation": "tanh"},
                                                               {"size": 3, "activation": "tanh"}]})
    with pytest.raises(ValueError) as err:
        s.configure(output_activation="softmax")
    shown = friendly_error(str(err.value))
    assert shown.startswith("Output activation") and "output layer" in shown
    assert "Hidden layers" not in shown and "layer 2" not in shown


def test_the_classroom_lock_asks_for_a_password_to_set_and_to_clear(make_window, monkeypatch, tmp_path):
    w = make_window(Session({"dataset": "xor", "n_samples": 40, "hidden": [{"size": 4, "activation": "tanh"}]}))
    dialog = w.classroom_dialog()
    problems = []
    dialog.problem.connect(problems.append)
    answers = iter(["s3cret", "s3cret"])
    monkeypatch.setattr(classroom_dialog, "ask_password", lambda *a: next(answers))
    dialog.set_locked("lr")
    dialog.lock_button.click()
    assert dialog.is_locked() and problems == []
    lock = w.session.config["classroom"]["lock"]
    assert w.session.config["classroom"]["locked_knobs"] == ["lr"]
    assert "s3cret" not in json.dumps(w.session.config)      # only a salted hash is kept
    assert len(lock["salt"]) >= 32 and lock["hash"]
    # while locked, nothing in the dialog can clear it
    reset = dialog.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Reset)
    apply = dialog.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Apply)
    assert not dialog.table.isEnabled() and not reset.isEnabled() and not apply.isEnabled()
    assert dialog.unlock_button.isVisibleTo(dialog) and not dialog.lock_button.isVisibleTo(dialog)
    reset.click()
    assert w.session.config["classroom"]["locked_knobs"] == ["lr"]
    # a wrong password changes nothing
    monkeypatch.setattr(classroom_dialog, "ask_password", lambda *a: "guess")
    dialog.unlock_button.click()
    assert dialog.is_locked() and "wrong password" in problems[-1]
    # two different passwords do not lock
    monkeypatch.setattr(classroom_dialog, "ask_password", lambda *a: "s3cret")
    dialog.unlock_button.click()
    assert not dialog.is_locked() and dialog.table.isEnabled() and apply.isEnabled()
    answers = iter(["one", "two"])
    monkeypatch.setattr(classroom_dialog, "ask_password", lambda *a: next(answers))
    dialog.lock_button.click()
    assert not dialog.is_locked() and "differ" in problems[-1]
    # a new dialog on a locked session opens locked
    answers = iter(["pw", "pw"])
    dialog.lock_button.click()
    again = w.classroom_dialog()
    assert again.is_locked() and not again.table.isEnabled()
