"""The Code dialog: the session's network and training set-up as PyTorch or Keras code, to copy or save.

The code is :func:`nnviz.export.code_for`'s; ``save_to(path)`` writes it
atomically without a file dialog, which is what Save calls after asking for a
file name.
"""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets

from nnviz.app.dialog_files import error_box, last_dir, remember_dir, with_suffix
from nnviz.export import FRAMEWORKS, code_for
from nnviz.session.files import atomic_write_text
from nnviz.ui.i18n import error_text


class CodeDialog(QtWidgets.QDialog):
    """The session's network and training set-up as PyTorch or Keras code."""

    def __init__(self, session, parent: QtWidgets.QWidget | None = None,
                 settings: QtCore.QSettings | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Code"))
        self.session = session
        self.settings = settings
        self.error_box: QtWidgets.QMessageBox | None = None
        self.framework = QtWidgets.QComboBox()
        for name in FRAMEWORKS:
            self.framework.addItem({"pytorch": "PyTorch", "keras": "Keras"}.get(name, name), name)
        self.weights = QtWidgets.QCheckBox(self.tr("Include the current weights"))
        self.weights.setChecked(True)
        self.weights.setToolTip(self.tr("Set the network's current weights in the code, so it starts exactly "
                                        "where nnviz is; off: the framework's own random initialisation"))
        self.text = QtWidgets.QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QtWidgets.QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QtGui.QFontDatabase.systemFont(QtGui.QFontDatabase.SystemFont.FixedFont))
        self.text.setMinimumSize(720, 480)

        row = QtWidgets.QHBoxLayout()
        row.addWidget(QtWidgets.QLabel(self.tr("Framework")))
        row.addWidget(self.framework)
        row.addSpacing(12)
        row.addWidget(self.weights)
        row.addStretch(1)
        buttons = QtWidgets.QDialogButtonBox()
        self.copy_button = buttons.addButton(self.tr("Copy"), QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = buttons.addButton(self.tr("Save…"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Close)
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(self.save_dialog)
        buttons.rejected.connect(self.reject)
        self.status = QtWidgets.QLabel()
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.framework.currentIndexChanged.connect(self.refresh)
        self.weights.toggled.connect(self.refresh)
        self.refresh()

    def code(self) -> str:
        return self.text.toPlainText()

    def refresh(self, *_args) -> None:
        """Generate the code again for the chosen framework and weights."""
        try:
            text = code_for(self.session, self.framework.currentData(), weights=self.weights.isChecked())
        except ValueError as err:
            text = f"# This set-up cannot be written as {self.framework.currentText()} code: {err}\n"
        self.text.setPlainText(text)
        self.status.setText(self.tr("{0} lines of Python").format(len(text.splitlines())))

    def copy(self) -> str:
        text = self.code()
        QtGui.QGuiApplication.clipboard().setText(text)
        self.status.setText(self.tr("Copied to the clipboard"))
        return text

    def save_dialog(self) -> None:
        start = str(Path(last_dir(self.settings)) / f"nnviz_{self.framework.currentData()}.py")
        path, _ = QtWidgets.QFileDialog.getSaveFileName(self, self.tr("Save code"), start,
                                                        self.tr("Python files (*.py)"))
        if path:
            self.save_to(with_suffix(path, ".py"))

    def save_to(self, path: str) -> bool:
        try:
            atomic_write_text(path, self.code())
        except OSError as err:
            self.error_box = error_box(self, self.tr("Could not save the code"), f"{path}\n\n{error_text(err)}")
            return False
        remember_dir(self.settings, path)
        self.status.setText(self.tr("Saved {0}").format(Path(path).name))
        return True
