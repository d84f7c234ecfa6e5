"""No English left in a Persian window: every text the window, presenter mode and side by side show is read.

The catalogue test (test_translations) finds marked strings without a
translation; this one finds strings that were never marked. It builds the
surfaces in Persian after some training, clicks a neuron, an edge and a layer
header, then walks every widget and graphics item (tests/i18n_walk.py) and
fails on any Latin word of three letters or more that is not a name kept in
Persian lectures (ReLU, tanh, Adam, units, formats) or inside a left-to-right
formula.
"""

import pytest
from PySide6 import QtCore, QtWidgets

from i18n_walk import english_left, english_words
from nnviz.app.main_window import MainWindow
from nnviz.app.side_by_side import open_compare
from nnviz.session import Session
from nnviz.session.language import ltr
from nnviz.ui import i18n
from nnviz.ui.compare_runs import lesson_runs


@pytest.fixture
def persian(qapp):
    i18n.install_language(qapp, "fa")
    yield
    i18n.install_language(qapp, "en")


def _settle(qapp):
    for _ in range(3):
        qapp.processEvents()


def _no_english(window):
    found = english_left(window)
    assert not found, f"{len(found)} texts with English in the Persian window:\n" + "\n".join(found)


def _persian_window(qtbot, tmp_path, lesson):
    settings = QtCore.QSettings(str(tmp_path / "nnviz.ini"), QtCore.QSettings.Format.IniFormat)
    w = MainWindow(Session.from_lesson(lesson), settings=settings)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    w.train_steps(20)
    for _ in range(7):                  # into the backward pass: gradients, deltas and the update known
        w.step("phase")
    return w


def test_the_walk_finds_english_and_spares_names_and_formulas(qapp):
    assert english_words("gradient norm per layer") == ["gradient", "norm", "per", "layer"]
    assert english_words("فعال‌سازی ReLU با tanh و Adam؛ SGD در ۰٫۵ ms") == []
    assert english_words("گام " + ltr("a = relu(z) + x, dL/dW = delta")) == []
    assert english_words("<b>گام</b> <span style='color:red'>۳</span>") == []
    panel = QtWidgets.QWidget()
    box = QtWidgets.QVBoxLayout(panel)
    label = QtWidgets.QLabel("زیان")
    label.setToolTip("Loss of the whole training set")
    box.addWidget(label)
    found = english_left(panel)
    assert len(found) == 1 and "whole" in found[0] and found[0].startswith("QLabel")


@pytest.mark.parametrize("lesson", ["early-stopping", "digits-features", "housing-regression",
                                    "exploding-init", "dropout-overfitting"])
def test_the_persian_window_shows_no_english(persian, qapp, qtbot, tmp_path, lesson):
    w = _persian_window(qtbot, tmp_path, lesson)
    w._on_node_clicked(1, 0)            # inspector page and status bar for a neuron ...
    _settle(qapp)
    _no_english(w)
    w._on_edge_clicked(0, 0, 0)         # ... and for an edge
    if w.session.config["hidden"]:
        w.layer_menu_for(0)             # the header menu of the first hidden layer
    for dock in (w.knobs_dock, w.curves_dock, w.feature_dock):
        dock.show()
        dock.raise_()
    _settle(qapp)
    _no_english(w)
    w.close()


def test_presenter_mode_in_persian_shows_no_english(persian, qapp, qtbot, tmp_path):
    w = _persian_window(qtbot, tmp_path, "vanishing-sigmoid")
    w.presenter.enter(screen_rect=QtCore.QRect(0, 0, 1280, 720))
    _settle(qapp)
    try:
        _no_english(w)
    finally:
        w.presenter.leave()
        w.close()


def test_side_by_side_in_persian_shows_no_english(persian, qapp, qtbot):
    c = open_compare(lesson_runs("vanishing-sigmoid"), title="vanishing-sigmoid")
    qtbot.addWidget(c)
    c.resize(1280, 720)
    c.show()
    c.run(5)
    c.step("phase")
    _settle(qapp)
    _no_english(c)
    c.close()
