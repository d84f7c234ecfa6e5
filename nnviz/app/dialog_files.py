"""What the export dialogs share: the folder they save to, file suffixes and error messages."""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore, QtWidgets


def last_dir(settings: QtCore.QSettings | None) -> str:
    """The folder the last export went to (the home folder at first)."""
    if settings is None:
        return str(Path.home())
    return str(settings.value("files/export_dir", str(Path.home())))


def remember_dir(settings: QtCore.QSettings | None, path: str) -> None:
    if settings is not None:
        settings.setValue("files/export_dir", str(Path(path).parent))


def with_suffix(path: str, suffix: str) -> str:
    """``path`` with ``suffix`` added when the user typed none."""
    return path if Path(path).suffix else path + suffix


def error_box(parent: QtWidgets.QWidget, title: str, text: str) -> QtWidgets.QMessageBox:
    """A window-modal error message, opened without blocking; returned so tests can read it."""
    box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Critical, title, text,
                                QtWidgets.QMessageBox.StandardButton.Ok, parent)
    box.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
    box.open()
    return box
