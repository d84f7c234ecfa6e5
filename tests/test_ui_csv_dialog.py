"""CsvImportDialog: a good file gives the session config; every bad file keeps the dialog open
with a red message naming the row and column."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets

from nnviz.app.csv_import_dialog import PREVIEW_ROWS, CsvImportDialog
from nnviz.session import Session

ROOT = Path(__file__).resolve().parents[1]

GOOD = "x1,x2,kind\n" + "".join(f"{i * 0.5},{(i * 7) % 5},{'ab'[i % 2]}\n" for i in range(24))


def write(tmp_path, text, name="data.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def dialog(qtbot):
    d = CsvImportDialog()
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def test_good_file_gives_the_session_config(dialog, tmp_path, qtbot):
    path = write(tmp_path, GOOD)
    assert dialog.set_path(path)
    assert dialog.table.columnCount() == 3 and dialog.table.rowCount() == PREVIEW_ROWS
    assert [dialog.table.horizontalHeaderItem(c).text() for c in range(3)] == ["x1", "x2", "kind"]
    assert dialog.table.item(0, 2).text() == "a"
    assert dialog.target() == "kind"                   # the last column by default
    assert dialog.task() is None                       # auto
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.mouseClick(dialog.ok_button, QtCore.Qt.MouseButton.LeftButton)
    assert dialog.result() == QtWidgets.QDialog.DialogCode.Accepted
    config = dialog.result_config()
    assert config == {"dataset": "csv", "csv": {"path": str(path.resolve()), "target": "kind", "task": None}}
    assert dialog.dataset().task == "binary" and len(dialog.dataset()) == 24
    s = Session({**config, "hidden": [{"size": 3, "activation": "tanh"}]})   # the session accepts it
    assert s.prep.dataset.class_names == ["a", "b"]


def test_target_and_task_choices(dialog, tmp_path):
    rows = "".join(f"{i},{i * 1.5},{i % 3}\n" for i in range(30))
    path = write(tmp_path, "label,x,y\n" + rows)
    dialog.set_path(path)
    dialog.set_target("label")
    dialog.set_task("regression")
    dialog.accept()
    assert dialog.result_config()["csv"] == {"path": str(path.resolve()), "target": "label", "task": "regression"}
    assert dialog.dataset().task == "regression" and dialog.dataset().feature_names == ["x", "y"]
    with pytest.raises(ValueError):
        dialog.set_task("clustering")
    with pytest.raises(ValueError):
        dialog.set_target("nope")


def test_forced_classification(dialog, tmp_path):
    dialog.set_path(write(tmp_path, "a,b\n1,0.5\n2,1.5\n3,0.5\n"))
    dialog.set_task("classification")
    dialog.accept()
    assert dialog.result_config()["csv"]["task"] == "classification"
    assert dialog.dataset().task == "binary"


@pytest.mark.parametrize("text, message, cell", [
    ("x1,x2,y\n1,2,0\n3,abc,1\n5,6,0\n", "row 3, column 'x2': 'abc' is not a number", (1, 1)),
    ("x1,x2,y\n1,2,0\n3,4\n5,6,1\n", "row 3, column 'y': missing cell", (1, 2)),
    ("x1,x2,y\n1,2,0\n3,,1\n", "row 3, column 'x2': empty cell", (1, 1)),
])
def test_bad_file_names_row_and_column_and_stays_open(dialog, tmp_path, qtbot, text, message, cell):
    dialog.set_path(write(tmp_path, text))
    assert dialog.error_text() == ""                   # the preview shows the raw rows without judging
    qtbot.mouseClick(dialog.ok_button, QtCore.Qt.MouseButton.LeftButton)
    assert message in dialog.error_text()
    assert dialog.isVisible() and dialog.result() != QtWidgets.QDialog.DialogCode.Accepted
    assert dialog.result_config() is None
    assert dialog.marked == cell                       # the cell is highlighted in the preview
    assert "color: #c62828" in dialog.error_label.styleSheet()
    dialog.set_task("regression")                      # changing a choice clears the old message
    assert dialog.error_text() == "" and dialog.marked is None


def test_extra_cell_is_reported(dialog, tmp_path):
    dialog.set_path(write(tmp_path, "x1,x2,y\n1,2,0\n3,4,1,9\n"))
    assert dialog.table.columnCount() == 4             # the ragged row is previewed as it is
    dialog.accept()
    assert "row 3: 4 cells but the header has 3 columns" in dialog.error_text()
    assert dialog.isVisible()


def test_missing_file(dialog, tmp_path, qtbot):
    missing = tmp_path / "nowhere.csv"
    assert not dialog.set_path(missing)
    assert "no such file" in dialog.error_text() and str(missing) in dialog.error_text()
    assert dialog.table.rowCount() == 0 and not dialog.target_combo.isEnabled()
    qtbot.mouseClick(dialog.ok_button, QtCore.Qt.MouseButton.LeftButton)
    assert "no such file" in dialog.error_text() and dialog.isVisible()
    assert dialog.result_config() is None


def test_no_file_chosen(dialog):
    dialog.accept()
    assert "Choose a CSV file" in dialog.error_text() and dialog.isVisible()


def test_typed_path_and_enter_previews_without_importing(dialog, tmp_path, qtbot):
    path = write(tmp_path, GOOD)
    dialog.path_edit.setFocus()
    dialog.path_edit.setText(str(path))
    qtbot.keyClick(dialog.path_edit, QtCore.Qt.Key.Key_Return)
    assert dialog.table.rowCount() == PREVIEW_ROWS
    assert dialog.isVisible() and dialog.result_config() is None


def test_browse_uses_the_file_dialog(dialog, tmp_path, monkeypatch):
    path = write(tmp_path, GOOD)
    monkeypatch.setattr(QtWidgets.QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (str(path), "")))
    dialog.browse_button.click()
    assert dialog.path_edit.text() == str(path) and dialog.table.rowCount() == PREVIEW_ROWS


def test_every_control_has_a_tooltip(dialog):
    widgets = (dialog.findChildren(QtWidgets.QAbstractButton) + dialog.findChildren(QtWidgets.QComboBox)
               + [dialog.path_edit, dialog.table])
    for widget in widgets:
        if not widget.objectName().startswith("qt_"):   # Qt's own parts, e.g. the table's corner
            assert widget.toolTip(), widget


def test_theme_and_scale(dialog):
    for name in ("dark", "contrast", "light"):
        dialog.set_theme(name)
    dialog.set_line_scale(1.5)
    with pytest.raises(ValueError):
        dialog.set_theme("neon")
    dialog.grab()


def test_demo_runs_standalone(tmp_path):
    shot = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-W", "error", "-m", "nnviz.app.csv_import_dialog", "--quit-after-ms", "200",
         "--screenshot", str(shot)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert shot.stat().st_size > 1000
