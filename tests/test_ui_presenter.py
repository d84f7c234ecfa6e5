"""Presenter mode driven by keys: enter and leave, stepping, the reveal overlay."""

import numpy as np
import pytest
from PySide6 import QtCore, QtWidgets

from nnviz.app import presenter as pm
from nnviz.app.main_window import MainWindow
from nnviz.session import Session
from nnviz.session.formatting import format_number

SMALL = {"dataset": "xor", "n_samples": 60, "noise": 0.05, "seed": 0, "batch_size": 6, "lr": 0.3,
         "hidden": [{"size": 4, "activation": "tanh"}, {"size": 3, "activation": "tanh"}]}
Key = QtCore.Qt.Key


@pytest.fixture
def window(qtbot, tmp_path):
    settings = QtCore.QSettings(str(tmp_path / "settings.ini"), QtCore.QSettings.Format.IniFormat)
    w = MainWindow(Session(SMALL), settings=settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.play_timer.stop()


def test_enter_and_leave_restore_docks_theme_scale_and_font(window):
    w = window
    w.set_theme("dark")
    w.data_dock.hide()
    docks = {d.objectName(): d.isVisible() for d in w.findChildren(QtWidgets.QDockWidget)}
    font = w.font().pointSizeF()
    w.presenter_action.trigger()
    assert w.presenter.is_active() and w.presenter_action.isChecked()
    assert w.windowState() & QtCore.Qt.WindowState.WindowFullScreen
    assert w.theme_name() == "contrast"
    # 2-D data and no lesson: the data with the boundary beside the network, nothing else
    assert w.presenter.side_view == "boundary"
    assert [d.objectName() for d in w.findChildren(QtWidgets.QDockWidget) if d.isVisible()] == ["data_dock"]
    assert w.network_view.isVisible() and not w.gradnorm_view.isVisible() and not w.graddist_view.isVisible()
    assert w.findChild(QtWidgets.QToolBar, "step_controls").isVisible()
    sizes = pm.sizes_for(w.screen().geometry().height())
    assert w.boundary_view.line_scale() == sizes["line_scale"] > 1
    assert w.network_view._line_scale == sizes["line_scale"]
    assert w.font().pixelSize() == sizes["text_px"]
    w.presenter.leave()
    assert not w.presenter.is_active() and not w.presenter_action.isChecked()
    assert not w.windowState() & QtCore.Qt.WindowState.WindowFullScreen
    assert w.theme_name() == "dark"
    assert {d.objectName(): d.isVisible() for d in w.findChildren(QtWidgets.QDockWidget)} == docks
    assert w.gradnorm_view.line_scale() == 1.0 and w.network_view._line_scale == 1.0
    assert w.font().pointSizeF() == pytest.approx(font)


def test_keys_are_the_windows_whatever_has_focus(window, qtbot):
    w = window
    s = w.session
    w.presenter.enter()
    w.controls.sample.setFocus()
    qtbot.keyClick(w, Key.Key_Right)
    assert (s.phase.kind, s.phase.layer) == ("forward", 1)
    qtbot.keyClick(w.network_view, Key.Key_Right)
    assert (s.phase.kind, s.phase.layer) == ("forward", 2)
    qtbot.keyClick(w, Key.Key_Left)
    assert (s.phase.kind, s.phase.layer) == ("forward", 1)
    qtbot.keyClick(w, Key.Key_Right, QtCore.Qt.KeyboardModifier.ShiftModifier)
    assert s.step == 1
    qtbot.keyClick(w, Key.Key_Right, QtCore.Qt.KeyboardModifier.ShiftModifier)
    assert s.step == 2
    qtbot.keyClick(w, Key.Key_Left, QtCore.Qt.KeyboardModifier.ShiftModifier)
    assert s.step == 1
    before = s.step
    qtbot.keyClick(w, Key.Key_Right, QtCore.Qt.KeyboardModifier.ControlModifier)
    assert s.step >= before + 5         # 42 training samples in batches of 6
    qtbot.keyClick(w, Key.Key_Space)
    assert w.playing
    qtbot.keyClick(w, Key.Key_Space)
    assert not w.playing
    qtbot.keyClick(w, Key.Key_Escape)
    assert not w.presenter.is_active()
    before = s.phase.index
    qtbot.keyClick(w, Key.Key_Right)
    assert s.phase.index != before and s.step >= 1
    qtbot.keyClick(w, Key.Key_F5)
    assert w.presenter.is_active()
    qtbot.keyClick(w, Key.Key_F5)
    assert not w.presenter.is_active()


def test_reveal_shows_exactly_the_lit_layers_numbers(window, qtbot):
    w = window
    s = w.session
    w.presenter.enter()
    qtbot.keyClick(w, Key.Key_R)
    assert w.presenter.revealing() and w.presenter.overlay.isVisible()
    i = w.frames.focus_index(s, w.frame_options)
    for _ in range(2):          # forward layer 1, then 2
        qtbot.keyClick(w, Key.Key_Right)
        k = s.phase.layer
        v = w.presenter.reveal_values()
        assert v["kind"] == "forward" and v["layer"] == k
        np.testing.assert_array_equal(v["z"], s.trace.layers[k - 1].z[i])
        np.testing.assert_array_equal(v["a"], s.trace.layers[k - 1].a[i])
        text = w.presenter.overlay.text()
        assert pm._row(s.trace.layers[k - 1].z[i]) in text
        other = 2 if k == 1 else 1
        assert f"z<sub>{other}</sub>" not in text
    while s.phase.kind != "loss":
        qtbot.keyClick(w, Key.Key_Right)
    assert w.presenter.reveal_values()["loss"] == s.trace.loss
    assert format_number(s.trace.loss, 3) in w.presenter.overlay.text()
    qtbot.keyClick(w, Key.Key_Right)
    assert s.phase.kind == "backward"
    k = s.phase.layer
    v = w.presenter.reveal_values()
    np.testing.assert_array_equal(v["delta"], s.trace.layers[k - 1].grad_z[i])
    assert v["grad_norm"] == pytest.approx(np.linalg.norm(s.grads[k - 1]["W"]))
    assert "δ" in w.presenter.overlay.text() and "z<sub>" not in w.presenter.overlay.text()
    qtbot.keyClick(w, Key.Key_R)
    assert not w.presenter.overlay.isVisible()
    w.presenter.set_reveal(True)
    w.presenter.leave()
    assert not w.presenter.overlay.isVisible()


def test_the_reveal_overlay_is_opaque_and_leaves_the_headers_readable(window, qtbot):
    """The numbers card sits under the column headers (which name the lit layer), not over them,
    and the neurons lay out below it."""
    w = window
    w.presenter.enter()
    qtbot.keyClick(w, Key.Key_R)
    view = w.network_view
    for _ in range(3):
        qtbot.keyClick(w, Key.Key_Right)
        card = w.presenter.overlay.geometry()
        assert card.isValid() and w.presenter.overlay.isVisible()
        for c in range(len(view.current_frame().sizes)):
            header = view.mapFromScene(view.header_rect(c)).boundingRect()
            assert not card.intersects(header), (c, card, header)
            for i in range(view.current_frame().sizes[c]):         # nor over a neuron: they move down
                node = view.mapFromScene(view.node_position(c, i))
                assert not card.adjusted(-4, -4, 4, 4).contains(node), (c, i, card, node)
    assert "#ffffff" in w.presenter.overlay.styleSheet() and "rgba" not in w.presenter.overlay.styleSheet()
    top = view.mapFromScene(view.node_position(1, 0)).y()
    qtbot.keyClick(w, Key.Key_R)                                      # card gone: the neurons move back up
    assert view.mapFromScene(view.node_position(1, 0)).y() < top
