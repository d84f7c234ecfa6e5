"""The main window's File menu: new, open (experiments and model files), save, recent files, CSV import.

Opening another experiment or quitting asks about unsaved changes when the
window was opened by the desktop app (``confirm_unsaved``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtWidgets

from nnviz.app.csv_import_dialog import CsvImportDialog
from nnviz.app.model_file import MODEL_PATTERNS, is_model_file, open_model_file
from nnviz.app.recent_files import add_recent, recent_files, remove_recent
from nnviz.session import Session
from nnviz.session.language import QT_TRANSLATE_NOOP
from nnviz.ui.i18n import error_text, translate
from nnviz.ui.images import save_image

UNSAVED_QUESTIONS = {
    "quit": QT_TRANSLATE_NOOP("FileActions", "The experiment has changes that are not saved. "
                                             "Save them before you quit?"),
    "open the lesson": QT_TRANSLATE_NOOP("FileActions", "The experiment has changes that are not saved. "
                                                        "Save them before you open the lesson?"),
    "start a new experiment": QT_TRANSLATE_NOOP("FileActions", "The experiment has changes that are not saved. "
                                                               "Save them before you start a new experiment?"),
    "open another experiment": QT_TRANSLATE_NOOP("FileActions", "The experiment has changes that are not saved. "
                                                                "Save them before you open another experiment?"),
}
"""What the window is about to do -> the whole question, one sentence per action (translated whole)."""


def file_filter(with_models: bool = False) -> str:
    """The file dialog's filter in the installed language (the patterns stay as they are)."""
    experiments = translate("FileActions", "nnviz experiments") + " (*.json)"
    models = ";;" + translate("FileActions", "PyTorch state_dict") + f" ({MODEL_PATTERNS})" if with_models else ""
    return f"{experiments}{models};;" + translate("FileActions", "All files") + " (*)"


def ask_unsaved(parent: QtWidgets.QWidget, what: str) -> str:
    """Ask what to do with unsaved changes before ``what`` (a key of :data:`UNSAVED_QUESTIONS`):
    "save", "discard" or "cancel"."""
    buttons = QtWidgets.QMessageBox.StandardButton
    question = UNSAVED_QUESTIONS.get(what) or QT_TRANSLATE_NOOP(
        "FileActions", "The experiment has changes that are not saved. Save them first?")
    answer = QtWidgets.QMessageBox.question(
        parent, translate("FileActions", "Unsaved changes"), translate("FileActions", question),
        buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
    return {buttons.Save: "save", buttons.Discard: "discard"}.get(answer, "cancel")


class FileActions:
    """Open, save and import for the window (part of :class:`~nnviz.app.main_window.MainWindow`)."""

    def load_lesson(self, lesson_id: str) -> None:
        self.pause()
        if not self.maybe_discard("open the lesson"):
            return
        try:
            session = Session.from_lesson(lesson_id)
        except ValueError as err:
            self.show_error(self.tr("Could not load the lesson"), str(err))
            return
        self.path = None
        self.adapter.set_session(session)
        self.statusBar().showMessage(self.tr("Lesson: {0}. {1}").format(
            translate("Lesson", session.lesson.title), translate("Lesson", session.lesson.watch)), 8000)

    def new_experiment(self) -> bool:
        """A fresh experiment with the default settings (after asking about unsaved changes)."""
        self.pause()
        if not self.maybe_discard("start a new experiment"):
            return False
        self.path = None
        self.adapter.set_session(Session())
        self.statusBar().showMessage(self.tr("New experiment: the default settings"), 4000)
        return True

    def maybe_discard(self, what: str) -> bool:
        """True when the current experiment may be replaced: no unsaved changes, or the user
        saved them or chose to discard them (``what``: "quit", "open the lesson", ...).

        Only the desktop app asks (``confirm_unsaved``, set by ``nnviz.app.run``): windows
        built by scripts, renders and benchmarks never wait for an answer.
        """
        if not self.dirty or not self.confirm_unsaved:
            return True
        answer = ask_unsaved(self, what)
        if answer == "save":
            return self.save()
        return answer == "discard"

    def open_recent(self, path: str) -> bool:
        self.pause()
        if not self.maybe_discard("open another experiment"):
            return False
        if not Path(path).exists():
            remove_recent(self.settings, path)
            self.show_error(self.tr("Could not open the experiment"),
                            f"{path}\n\n" + self.tr("The file no longer exists."))
            return False
        return self.open_path(path)

    def open_dialog(self) -> None:
        self.pause()
        if not self.maybe_discard("open another experiment"):
            return
        start = str(self.settings.value("files/last_dir", str(Path.home())))
        path, _ = QtWidgets.QFileDialog.getOpenFileName(self, self.tr("Open experiment"), start,
                                                        file_filter(with_models=True))
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> bool:
        """Open an experiment file; a bad file shows an error and keeps the current session."""
        self.pause()
        model = is_model_file(path)             # a PyTorch state_dict: activations asked in a dialog
        try:
            session = open_model_file(self, path) if model else Session.load(path)
        except (ValueError, OSError) as err:
            self.show_error(self.tr("Could not open the experiment"), f"{path}\n\n{error_text(err)}")
            return False
        if session is None:
            return False
        self.path = None if model else str(path)   # saving must not overwrite the model file
        self.settings.setValue("files/last_dir", str(Path(path).parent))
        if not model:
            add_recent(self.settings, path)
        self.adapter.set_session(session)
        self.statusBar().showMessage(self.tr("Opened {0}").format(path), 5000)
        return True

    def save(self) -> bool:
        if not self.path:
            return self.save_as_dialog()
        return self.save_to(self.path)

    def save_as_dialog(self) -> bool:
        start = self.path or str(Path(str(self.settings.value("files/last_dir", str(Path.home()))))
                                 / "experiment.json")
        path, _ = QtWidgets.QFileDialog.getSaveFileName(self, self.tr("Save experiment"), start, file_filter())
        if not path:
            return False
        if not Path(path).suffix:
            path += ".json"
        return self.save_to(path)

    def save_to(self, path: str) -> bool:
        try:
            self.session.save(path)
        except (ValueError, OSError) as err:
            self.show_error(self.tr("Could not save the experiment"), f"{path}\n\n{error_text(err)}")
            return False
        self.path = str(path)
        self.settings.setValue("files/last_dir", str(Path(path).parent))
        add_recent(self.settings, path)
        self._set_dirty(False)
        self._update_title()
        self.statusBar().showMessage(self.tr("Saved {0}").format(path), 5000)
        return True

    def import_csv_dialog(self) -> CsvImportDialog:
        """Open the CSV import dialog (non-blocking); on Import the data replace the current set."""
        start = str(self.settings.value("files/last_csv", "")) or None
        dialog = CsvImportDialog(self, start if start and Path(start).exists() else None)
        dialog.set_theme(self._theme)
        dialog.accepted.connect(lambda d=dialog: self._csv_imported(d))
        self.csv_dialog = dialog
        dialog.open()
        return dialog

    def _csv_imported(self, dialog: CsvImportDialog) -> None:
        changes = dialog.result_config()
        if not changes:
            return
        self.pause()
        changes.update(loss="auto", output_activation="auto")
        try:
            self.session.configure(**changes)
        except ValueError as err:
            self.show_error(self.tr("Could not use the CSV data"), error_text(err))
            return
        self.settings.setValue("files/last_csv", changes["csv"]["path"])
        ds = self.session.prep.dataset
        self.statusBar().showMessage(self.tr("Imported {0}: {1} samples, {2} inputs, {3}").format(
            Path(changes["csv"]["path"]).name, len(ds), ds.n_inputs, translate("Dataset", ds.task)), 8000)

    def export_image(self, path: str, scale: float = 1.0) -> bool:
        """Save a picture of the window: PNG at ``scale``, or SVG (by the file's suffix)."""
        try:
            save_image(self, path, scale, title=self.windowTitle().replace("[*]", ""))
        except (ValueError, OSError) as err:
            self.show_error(self.tr("Could not export the image"), f"{path}: {error_text(err)}")
            return False
        self.statusBar().showMessage(self.tr("Saved a picture of the window to {0}").format(path), 5000)
        return True

    def _update_title(self) -> None:
        s = self.session
        parts = ["nnviz"]
        if s.lesson is not None:
            parts.append(translate("Lesson", s.lesson.title))
        if self.path:
            parts.append(Path(self.path).name)
        self.setWindowTitle(" — ".join(parts) + "[*]")

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.setWindowModified(dirty)

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        files = recent_files(self.settings)
        for path in files:
            act = menu.addAction(Path(path).name)
            act.setToolTip(path)
            act.setStatusTip(path)
            act.triggered.connect(lambda _=False, p=path: self.open_recent(p))
        if files:
            menu.addSeparator()
            clear = menu.addAction(self.tr("Clear the list"))
            clear.triggered.connect(lambda: self.settings.setValue("files/recent", []))
        else:
            none = menu.addAction(self.tr("No recent files"))
            none.setEnabled(False)
        menu.setEnabled(True)
