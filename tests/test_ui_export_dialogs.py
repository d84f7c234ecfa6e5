"""The window's export entries: image dialog, right-click on views, clipboard, recording, code dialog."""

import xml.etree.ElementTree as ET

import pytest
from PIL import Image
from PySide6 import QtCore, QtGui, QtWidgets

from nnviz.app.code_dialog import CodeDialog
from nnviz.app.export_dialogs import ExportImageDialog, RecordDialog
from nnviz.app.main_window import MainWindow
from nnviz.session import Session

SMALL = {"dataset": "xor", "n_samples": 60, "noise": 0.05, "seed": 0, "batch_size": 6, "lr": 0.3,
         "hidden": [{"size": 4, "activation": "tanh"}, {"size": 3, "activation": "tanh"}]}


@pytest.fixture
def window(qtbot, tmp_path):
    settings = QtCore.QSettings(str(tmp_path / "settings.ini"), QtCore.QSettings.Format.IniFormat)
    w = MainWindow(Session(SMALL), settings=settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.train_steps(3)
    w.step("phase")
    yield w
    w.play_timer.stop()
    if w.exports.dialog is not None:
        w.exports.dialog.close()


def size_of(path):
    with Image.open(path) as image:
        return image.size


def test_file_menu_has_the_export_entries_and_shortcuts(window):
    ex = window.exports
    assert ex.export_action.shortcut().toString() == "Ctrl+E"
    assert ex.copy_action.shortcut().toString() == "Ctrl+Shift+C"
    file_menu = [m for m in window.findChildren(QtWidgets.QMenu) if m.title() == "&File"][0]
    texts = [a.text() for a in file_menu.actions()]
    for text in ("&Export image…", "&Copy window image", "&Record animation…", "Show &code…"):
        assert text in texts


def test_export_dialog_saves_views_at_a_scale(window, tmp_path):
    window.exports.export_action.trigger()
    dialog = window.exports.dialog
    assert isinstance(dialog, ExportImageDialog) and dialog.isVisible()
    assert dialog.target.currentData() == "window"
    assert dialog.chosen_scale() == 2
    view = window.network_view
    dialog.set_target("network")
    assert f"{view.width() * 2} × {view.height() * 2} pixels" in dialog.size_label.text()
    assert dialog.save_to(str(tmp_path / "net.png"))
    assert size_of(tmp_path / "net.png") == (view.width() * 2, view.height() * 2)
    dialog.scale.setCurrentIndex(dialog.scale.findData(4))
    dialog.set_target("loss")
    assert dialog.save_to(str(tmp_path / "loss.png"))
    assert size_of(tmp_path / "loss.png") == (window.curves_view.width() * 4, window.curves_view.height() * 4)
    dialog.set_target("window")
    dialog.format.setCurrentIndex(dialog.format.findData("svg"))
    assert not dialog.scale.isEnabled()
    assert dialog.save_to(str(tmp_path / "window.svg"))
    root = ET.parse(tmp_path / "window.svg").getroot()
    assert root.get("viewBox") == f"0 0 {window.width()} {window.height()}"
    assert "Saved window.svg" in dialog.status.text()


def test_export_dialog_transparent_and_copy(window):
    dialog = window.exports.export_dialog("network")
    dialog.transparent.setChecked(True)
    image = dialog.copy()
    clip = QtGui.QGuiApplication.clipboard().image()
    assert (clip.width(), clip.height()) == (image.width(), image.height())
    assert image.hasAlphaChannel() and image.pixelColor(3, 3).alpha() == 0
    assert "Copied" in dialog.status.text()


def test_export_dialog_reports_a_bad_folder(window, tmp_path):
    dialog = window.exports.export_dialog("network")
    assert not dialog.save_to(str(tmp_path / "missing" / "net.png"))
    assert dialog.error_box is not None and dialog.error_box.isVisible()
    dialog.error_box.close()
    assert not (tmp_path / "missing").exists()


def test_copy_window_shortcut(window):
    window.exports.copy_action.trigger()
    clip = QtGui.QGuiApplication.clipboard().image()
    assert (clip.width(), clip.height()) == (window.width() * 2, window.height() * 2)
    assert "Copied" in window.statusBar().currentMessage()


def test_old_export_image_entry_point_still_works(window, tmp_path):
    assert window.export_image(str(tmp_path / "shot.png"), scale=2)
    assert size_of(tmp_path / "shot.png") == (window.width() * 2, window.height() * 2)
    assert window.export_image(str(tmp_path / "shot.svg"))
    assert not window.export_image(str(tmp_path / "shot.bmp"))
    window.error_box.close()


@pytest.mark.qt_log_ignore("This plugin does not support")      # offscreen menus cannot grab or raise
def test_right_click_on_the_network_view_offers_export(window, qtbot):
    view = window.network_view
    pos = QtCore.QPoint(6, view.height() // 2)          # an empty spot left of the inputs
    qtbot.mouseClick(view.viewport(), QtCore.Qt.MouseButton.RightButton, pos=pos)
    menu = window.exports.view_menu
    assert menu is not None and menu.isVisible()
    texts = [a.text() for a in menu.actions()]
    assert texts == ["Export this view…", "Copy this view"]
    menu.actions()[0].trigger()
    menu.close()
    assert window.exports.dialog.target.currentData() == "network"


def test_plot_views_carry_the_entries_in_their_own_menus(window):
    for view, target in ((window.curves_view, "loss"), (window.gradnorm_view, "gradnorm"),
                         (window.boundary_view, "data"), (window.graddist_view, "graddist")):
        actions = view.plot_widget.scene().contextMenu
        assert [a.text() for a in actions] == ["Export this view…", "Copy this view"]
        actions[0].trigger()
        assert window.exports.dialog.target.currentData() == target
    actions[1].trigger()
    clip = QtGui.QGuiApplication.clipboard().image()
    assert clip.width() == window.graddist_view.width() * 2


def test_code_dialog_switches_framework_copies_and_saves(window, tmp_path):
    window.exports.code_action.trigger()
    dialog = window.exports.dialog
    assert isinstance(dialog, CodeDialog) and dialog.isVisible()
    torch_code = dialog.code()
    assert "import torch" in torch_code and "load_state_dict" in torch_code
    dialog.weights.setChecked(False)
    assert "load_state_dict" not in dialog.code()
    dialog.framework.setCurrentIndex(dialog.framework.findData("keras"))
    keras_code = dialog.code()
    assert "keras" in keras_code and "import torch" not in keras_code
    assert dialog.copy() == keras_code
    assert QtGui.QGuiApplication.clipboard().text() == keras_code
    out = tmp_path / "model.py"
    assert dialog.save_to(str(out))
    assert out.read_text() == keras_code
    assert not dialog.save_to(str(tmp_path / "missing" / "model.py"))
    dialog.error_box.close()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "settings.ini") == ["model.py"]


def test_record_dialog_records_a_copy_of_the_session(window, tmp_path):
    s = window.session
    before = (s.step, s.phase, s.network.flat.copy())
    window.exports.record_action.trigger()
    dialog = window.exports.dialog
    assert isinstance(dialog, RecordDialog)
    dialog.tween.setValue(1)
    dialog.fps.setValue(8)
    plan = dialog.plan()
    assert f"{plan.frames} frames" in dialog.frames_label.text()
    out = tmp_path / "step.gif"
    assert dialog.record_to(str(out))
    with Image.open(out) as image:
        assert image.n_frames == plan.frames == 1 + 8 + 4
        assert image.size == dialog.size.currentData()
    assert (s.step, s.phase) == before[:2]
    assert (s.network.flat == before[2]).all()
    assert "Saved step.gif" in dialog.status.text()
    assert not dialog.progress_dialog.isVisible()


def test_record_dialog_run_of_the_window(window, tmp_path):
    dialog = window.exports.record_dialog()
    dialog.what.setCurrentIndex(dialog.what.findData("run"))
    dialog.steps.setValue(6)
    dialog.every.setValue(3)
    dialog.view.setCurrentIndex(dialog.view.findData("window"))
    dialog.size.setCurrentIndex(1)
    out = tmp_path / "run.gif"
    assert dialog.record_to(str(out))
    with Image.open(out) as image:
        assert image.n_frames == 3


def test_recording_can_be_cancelled(window, tmp_path):
    dialog = window.exports.record_dialog()
    QtCore.QTimer.singleShot(0, lambda: dialog.progress_dialog.cancel())
    assert not dialog.record_to(str(tmp_path / "step.gif"))
    assert dialog.cancelled
    assert "Cancelled" in dialog.status.text()
    assert not [p for p in tmp_path.iterdir() if p.name != "settings.ini"]


def test_record_dialog_refuses_a_bad_name(window, tmp_path):
    dialog = window.exports.record_dialog()
    assert not dialog.record_to(str(tmp_path / "step.avi"))
    assert dialog.error_box.isVisible()
    dialog.error_box.close()
