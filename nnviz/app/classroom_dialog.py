"""Classroom setup: the instructor hides controls and locks knobs for a focused exercise.

The dialog lists the step controls (names of :data:`nnviz.ui.panels.controls.CONTROL_NAMES`)
and the knobs of the settings panel (config field names, as the panel labels
them) with a "hide" and, for knobs, a "lock" checkbox.  Applying writes them
to the session's config (``classroom``: ``hidden_controls`` and
``locked_knobs``) with one ``session.configure`` call, so File → Save keeps
them in the experiment file and opening that file brings them back.

"Lock with password…" applies the setup and locks it: the session keeps only
a salted hash of the password (:mod:`nnviz.session.classroom`), and while it
is locked the table, Apply and Clear all are disabled, so a student cannot
undo the setup from this dialog; "Unlock…" asks for the same password.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from nnviz.session import classroom as classroom_lock
from nnviz.ui.i18n import translate
from nnviz.ui.panels.controls import CONTROL_NAMES
from nnviz.ui.panels.knob_widgets import FIELD_LABELS

Checked = QtCore.Qt.CheckState.Checked
Unchecked = QtCore.Qt.CheckState.Unchecked
HIDE, LOCK = 1, 2


class ClassroomDialog(QtWidgets.QDialog):
    """``ClassroomDialog(session, knob_names)``; ``apply()`` configures the session."""

    problem = QtCore.Signal(str)

    def __init__(self, session, knob_names: list[str], parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Classroom setup"))
        self.session = session
        classroom = session.config["classroom"]
        hidden, locked = set(classroom["hidden_controls"]), set(classroom["locked_knobs"])
        self.rows: dict[str, int] = {}
        self.table = QtWidgets.QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Control or setting"), self.tr("Hide"), self.tr("Lock")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.NoSelection)
        step, knob = self.tr("Step controls: {0}"), self.tr("Settings: {0}")
        entries = [(n, step.format(translate("Controls", label)), False) for n, label in CONTROL_NAMES.items()]
        entries += [(n, knob.format(translate("Knobs", FIELD_LABELS[n]) if n in FIELD_LABELS else n), True)
                    for n in knob_names]
        for name, label, lockable in entries:
            row = self.table.rowCount()
            self.table.insertRow(row)
            item = QtWidgets.QTableWidgetItem(label)
            item.setData(QtCore.Qt.ItemDataRole.UserRole, name)
            item.setFlags(QtCore.Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, 0, item)
            for col, on in ((HIDE, name in hidden), (LOCK, name in locked)):
                check = QtWidgets.QTableWidgetItem()
                if col == LOCK and not lockable:
                    check.setFlags(QtCore.Qt.ItemFlag.NoItemFlags)
                else:
                    check.setFlags(QtCore.Qt.ItemFlag.ItemIsEnabled | QtCore.Qt.ItemFlag.ItemIsUserCheckable)
                    check.setCheckState(Checked if on else Unchecked)
                self.table.setItem(row, col, check)
            self.rows[name] = row
        self.table.resizeColumnsToContents()
        note = QtWidgets.QLabel(self.tr("Hidden controls disappear from the window; locked settings stay visible "
                                        "but cannot be changed. Save the experiment (File → Save) to hand out the "
                                        "exercise: students who open the file get the same setup."))
        note.setWordWrap(True)
        self.lock_note = QtWidgets.QLabel()
        self.lock_note.setWordWrap(True)
        self.lock_button = QtWidgets.QPushButton(self.tr("Lock with password…"))
        self.lock_button.setToolTip(self.tr("Apply this setup and lock it: changing or clearing it then "
                                            "needs the password"))
        self.lock_button.clicked.connect(self._ask_lock)
        self.unlock_button = QtWidgets.QPushButton(self.tr("Unlock…"))
        self.unlock_button.setToolTip(self.tr("Give the password to change the setup again"))
        self.unlock_button.clicked.connect(self._ask_unlock)
        lock_row = QtWidgets.QHBoxLayout()
        lock_row.addWidget(self.lock_note, 1)
        lock_row.addWidget(self.lock_button)
        lock_row.addWidget(self.unlock_button)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Ok
                                             | QtWidgets.QDialogButtonBox.StandardButton.Apply
                                             | QtWidgets.QDialogButtonBox.StandardButton.Cancel
                                             | QtWidgets.QDialogButtonBox.StandardButton.Reset)
        buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Reset).setText(self.tr("Clear all"))
        buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Reset).clicked.connect(self.clear)
        buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(lock_row)
        layout.addWidget(buttons)
        self.resize(460, 620)
        self._show_lock_state()

    # ------------------------------------------------------------------ API
    def set_hidden(self, name: str, on: bool = True) -> None:
        self.table.item(self.rows[name], HIDE).setCheckState(Checked if on else Unchecked)

    def set_locked(self, name: str, on: bool = True) -> None:
        item = self.table.item(self.rows[name], LOCK)
        if item.flags() & QtCore.Qt.ItemFlag.ItemIsUserCheckable:
            item.setCheckState(Checked if on else Unchecked)

    def clear(self) -> None:
        for name in self.rows:
            self.set_hidden(name, False)
            self.set_locked(name, False)

    def classroom(self) -> dict:
        """The setup as the config stores it."""
        def names(col):
            return [n for n, row in self.rows.items()
                    if self.table.item(row, col).flags() & QtCore.Qt.ItemFlag.ItemIsUserCheckable
                    and self.table.item(row, col).checkState() == Checked]
        return {"hidden_controls": names(HIDE), "locked_knobs": names(LOCK)}

    def apply(self) -> bool:
        try:
            self.session.configure(classroom=self.classroom())
        except ValueError as err:
            self.problem.emit(str(err))
            return False
        return True

    def _ok(self) -> None:
        if self.is_locked() or self.apply():
            self.accept()

    # ------------------------------------------------------------------ password lock
    def is_locked(self) -> bool:
        return classroom_lock.is_locked(self.session.config)

    def lock_with(self, password: str) -> bool:
        """Apply the table's setup, then lock it with ``password``; False (and ``problem``) on refusal."""
        if not self.apply():
            return False
        try:
            classroom_lock.lock(self.session, password)
        except ValueError as err:
            self.problem.emit(str(err))
            return False
        self._show_lock_state()
        return True

    def unlock_with(self, password: str) -> bool:
        """Remove the lock when ``password`` is right; a wrong one changes nothing (and ``problem``)."""
        try:
            classroom_lock.unlock(self.session, password)
        except ValueError as err:
            self.problem.emit(str(err))
            return False
        self._show_lock_state()
        return True

    def _ask_lock(self) -> None:
        first = ask_password(self, self.tr("Lock the classroom setup"), self.tr("Password:"))
        if first is None:
            return
        second = ask_password(self, self.tr("Lock the classroom setup"), self.tr("The same password again:"))
        if second is None:
            return
        if first != second:
            self.problem.emit(self.tr("The two passwords differ; the setup is not locked."))
            return
        self.lock_with(first)

    def _ask_unlock(self) -> None:
        password = ask_password(self, self.tr("Unlock the classroom setup"), self.tr("Password:"))
        if password is not None:
            self.unlock_with(password)

    def _show_lock_state(self) -> None:
        locked = self.is_locked()
        self.table.setEnabled(not locked)
        for button in (QtWidgets.QDialogButtonBox.StandardButton.Apply,
                       QtWidgets.QDialogButtonBox.StandardButton.Reset):
            self.buttons.button(button).setEnabled(not locked)
        self.lock_button.setVisible(not locked)
        self.unlock_button.setVisible(locked)
        self.lock_note.setText(self.tr("Locked with a password: students cannot change this setup.")
                               if locked else self.tr("Not locked: anyone can change this setup."))


def ask_password(parent: QtWidgets.QWidget, title: str, label: str) -> str | None:
    """A password typed in a dialog that hides it; None when cancelled or left empty."""
    text, ok = QtWidgets.QInputDialog.getText(parent, title, label, QtWidgets.QLineEdit.EchoMode.Password)
    return text if ok and text else None
