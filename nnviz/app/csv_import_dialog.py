"""Import a CSV file as the data set: pick the file, look at its first rows, choose target and task.

``CsvImportDialog`` previews the file with ``preview_csv`` (the first rows as
text, ragged or not), offers its columns as the target (the last one by
default) and the task (auto, regression, classification).  OK reads the whole
file with ``load_csv``; if that fails, the ``CsvError`` message — it names the
row and column — appears in red inside the dialog, which stays open so the
student can fix the file or the choices and press OK again.

After ``exec()`` returns Accepted, ``result_config()`` holds the session
config changes, ``{"dataset": "csv", "csv": {"path", "target", "task"}}``,
the form ``nnviz.session.pipeline.load_dataset`` reads; ``dataset()`` is the
Dataset already loaded, e.g. for a summary.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets

from nnviz.data import CsvError, load_csv, preview_csv
from nnviz.session.language import QT_TRANSLATE_NOOP
from nnviz.ui.i18n import error_text
from nnviz.ui.plots.base import BASE_FONT_PT, Styled
from nnviz.ui.widgets.style import apply_palette
from nnviz.ui.widgets.theme import Theme, get_theme

PREVIEW_ROWS = 10
TASKS = ((QT_TRANSLATE_NOOP("CsvImportDialog", "auto"), None),
         (QT_TRANSLATE_NOOP("CsvImportDialog", "regression"), "regression"),
         (QT_TRANSLATE_NOOP("CsvImportDialog", "classification"), "classification"))
ERROR_COLORS = {"light": "#c62828", "dark": "#ff6b6b", "contrast": "#c00000"}
_PLACE = re.compile(r"^row (\d+), column '([^']*)'")


class CsvImportDialog(Styled, QtWidgets.QDialog):
    """Choose a CSV file, its target column and task; OK loads it or shows why it cannot."""

    def __init__(self, parent: QtWidgets.QWidget | None = None, path: str | os.PathLike | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a CSV file"))
        self._theme: Theme = get_theme("light")
        self._scale = 1.0
        self._path: str | None = None
        self._header: list[str] = []
        self._config: dict | None = None
        self._dataset = None
        self.marked: tuple[int, int] | None = None   # (row, column) of the preview cell an error names

        self.path_edit = QtWidgets.QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("path of a .csv file"))
        self.path_edit.setToolTip(self.tr("The CSV file to read: a header row of column names, then one row per "
                                          "sample. Type a path and press Enter, or use Browse."))
        self.path_edit.returnPressed.connect(lambda: self.set_path(self.path_edit.text()))
        self.browse_button = QtWidgets.QPushButton(self.tr("Browse…"))
        self.browse_button.setToolTip(self.tr("Choose a CSV file on disk."))
        self.browse_button.clicked.connect(self.browse)

        self.table = QtWidgets.QTableWidget()
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setToolTip(self.tr("Row numbers as in a spreadsheet (the header is row 1), "
                                                       "as the error messages use them; blank lines in the file "
                                                       "would shift them."))
        self.table.setToolTip(self.tr("The first {0} rows of the file as text, before any checks.").format(
            PREVIEW_ROWS))
        self.preview_label = QtWidgets.QLabel()
        self.preview_label.setToolTip(self.table.toolTip())

        self.target_combo = QtWidgets.QComboBox()
        self.target_combo.setToolTip(self.tr("The column the network learns to predict; every other column is "
                                             "an input and must hold numbers."))
        self.task_combo = QtWidgets.QComboBox()
        for label, _ in TASKS:
            self.task_combo.addItem(self.tr(label))
        self.task_combo.setToolTip(self.tr("auto: a target of at most 20 distinct whole numbers or texts is "
                                           "classification, other numbers regression.\nregression: predict a "
                                           "number (MSE loss). classification: predict a class (cross-entropy)."))
        self.target_combo.currentIndexChanged.connect(self._clear_error)
        self.task_combo.currentIndexChanged.connect(self._clear_error)

        self.error_label = QtWidgets.QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setToolTip(self.tr("What is wrong with the file or the choices; fix it and press OK again."))
        self.error_label.setVisible(False)

        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok | QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Import"))
        self.ok_button.setToolTip(self.tr("Read the whole file with these choices and use it as the data set."))
        self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel).setToolTip(
            self.tr("Close without changing the data set."))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QtWidgets.QFormLayout()
        path_row = QtWidgets.QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        form.addRow(self.tr("File:"), path_row)
        form.addRow(self.tr("Target column:"), self.target_combo)
        form.addRow(self.tr("Task:"), self.task_combo)
        for row, tip in ((0, self.path_edit.toolTip()), (1, self.target_combo.toolTip()),
                         (2, self.task_combo.toolTip())):
            form.itemAt(row, QtWidgets.QFormLayout.ItemRole.LabelRole).widget().setToolTip(tip)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._apply_style()
        self.resize(620, 440)
        if path is not None:
            self.set_path(path)

    # -- public API ------------------------------------------------------------
    def set_path(self, path: str | os.PathLike) -> bool:
        """Preview ``path``; False (and a red message) when it cannot be read."""
        text = str(path).strip()
        self.path_edit.setText(text)
        self._path = os.path.abspath(text) if text else None
        self._config, self._dataset = None, None
        self._clear_error()
        if not text:
            self._fill([], [])
            return False
        try:
            header, rows = preview_csv(self._path, PREVIEW_ROWS)
        except CsvError as err:
            self._fill([], [])
            self._show_error(error_text(err))
            return False
        self._fill(header, rows)
        return True

    def browse(self) -> None:
        """Pick a file with the system's file dialog."""
        start = os.path.dirname(self._path) if self._path else str(Path.home())
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self, self.tr("Open a CSV file"), start, self.tr("CSV files (*.csv *.txt *.tsv);;All files (*)"))
        if path:
            self.set_path(path)

    def set_target(self, name: str) -> None:
        index = self.target_combo.findText(name)
        if index < 0:
            raise ValueError(f"no column named {name!r}")
        self.target_combo.setCurrentIndex(index)

    def set_task(self, task: str | None) -> None:
        """"auto" (or None), "regression" or "classification"."""
        labels = [label for label, _ in TASKS]
        label = "auto" if task is None else task
        if label not in labels:
            raise ValueError(f"task must be one of {', '.join(labels)}, not {task!r}")
        self.task_combo.setCurrentIndex(labels.index(label))

    def target(self) -> str | None:
        return self.target_combo.currentText() or None

    def task(self) -> str | None:
        """None for auto, else "regression" or "classification"."""
        return TASKS[self.task_combo.currentIndex()][1]

    def accept(self) -> None:
        """Load the file; on a CsvError show it and stay open."""
        if not self._path:
            self._show_error(self.tr("Choose a CSV file first."))
            return
        try:
            dataset = load_csv(self._path, target=self.target(), task=self.task())
        except CsvError as err:
            self._show_error(error_text(err))
            self._mark(str(err))
            return
        self._dataset = dataset
        self._config = {"dataset": "csv", "csv": {"path": self._path, "target": self.target(), "task": self.task()}}
        super().accept()

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:  # noqa: N802 (Qt naming)
        """Enter in the path box previews the file; it does not press Import."""
        enter = event.key() in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter)
        if enter and self.path_edit.hasFocus():
            event.accept()
            return
        super().keyPressEvent(event)

    def result_config(self) -> dict | None:
        """The session config changes after a successful import, else None."""
        if self._config is None:
            return None
        return {"dataset": "csv", "csv": dict(self._config["csv"])}

    def dataset(self):
        """The Dataset read on OK, or None."""
        return self._dataset

    def error_text(self) -> str:
        """The red message shown, or ""."""
        return self.error_label.text() if not self.error_label.isHidden() else ""

    # -- internals -------------------------------------------------------------------
    def _fill(self, header: list[str], rows: list[list[str]]) -> None:
        self._header = header
        self.marked = None
        width = max([len(header)] + [len(r) for r in rows])
        self.table.clear()
        self.table.setColumnCount(width)
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels(header + ["(extra)"] * (width - len(header)))
        # Row labels as a spreadsheet numbers them (header = row 1), as the error messages do.
        self.table.setVerticalHeaderLabels([str(k + 2) for k in range(len(rows))])
        for r, cells in enumerate(rows):
            for c, cell in enumerate(cells):
                self.table.setItem(r, c, QtWidgets.QTableWidgetItem(cell))
        self.table.resizeColumnsToContents()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.preview_label.setText(self.tr("The first {0} data rows:").format(len(rows)) if rows else
                                   (self.tr("The file has no data rows.") if header else ""))
        self.target_combo.blockSignals(True)
        self.target_combo.clear()
        self.target_combo.addItems(header)
        if header:
            self.target_combo.setCurrentIndex(len(header) - 1)
        self.target_combo.blockSignals(False)
        self.target_combo.setEnabled(bool(header))

    def _mark(self, message: str) -> None:
        """Highlight the cell a "row N, column 'X'" message names, if the preview shows it."""
        match = _PLACE.match(message)
        if not match or match.group(2) not in self._header:
            return
        r, c = int(match.group(1)) - 2, self._header.index(match.group(2))
        if not 0 <= r < self.table.rowCount():
            return
        item = self.table.item(r, c)
        if item is None:                    # a missing cell of a short row
            item = QtWidgets.QTableWidgetItem("")
            self.table.setItem(r, c, item)
        item.setBackground(QtGui.QColor(ERROR_COLORS.get(self._theme.name, ERROR_COLORS["light"])))
        item.setForeground(QtGui.QColor("#ffffff"))
        self.table.scrollToItem(item)
        self.marked = (r, c)

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(True)

    def _clear_error(self, *_args) -> None:
        self.error_label.clear()
        self.error_label.setVisible(False)
        if self.marked is not None:
            item = self.table.item(*self.marked)
            if item is not None:
                item.setData(QtCore.Qt.ItemDataRole.BackgroundRole, None)
                item.setData(QtCore.Qt.ItemDataRole.ForegroundRole, None)
            self.marked = None

    def _apply_style(self) -> None:
        t = self._theme
        apply_palette(self, t)
        font = QtGui.QFont(self.font())
        font.setPointSizeF(BASE_FONT_PT * 1.05 * self._scale)
        self.setFont(font)
        color = ERROR_COLORS.get(t.name, ERROR_COLORS["light"])
        self.error_label.setStyleSheet(f"QLabel {{ color: {color}; font-weight: bold; }}")


# -- standalone demo -----------------------------------------------------------------
def _demo_widget() -> CsvImportDialog:
    from nnviz.resources_path import resource_path

    dialog = CsvImportDialog(path=resource_path("iris.csv"))
    dialog.accepted.connect(lambda: print(dialog.result_config()))
    return dialog


if __name__ == "__main__":
    from nnviz.ui.plots.base import run_demo

    raise SystemExit(run_demo(_demo_widget, size=(620, 440), title="nnviz CSV import"))
