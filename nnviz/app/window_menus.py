"""The main window's menu bar and the dialogs its menus open: help, about, side by side, classroom.
"""

from __future__ import annotations

import html
import platform

import numpy
import pyqtgraph
import PySide6
from PySide6 import QtCore, QtGui, QtWidgets

from nnviz import __version__
from nnviz.app.classroom_dialog import ClassroomDialog
from nnviz.app.export_menu import ExportActions
from nnviz.app.language_menu import LanguageMenu
from nnviz.app.presenter import PresenterMode
from nnviz.app.side_by_side import CompareWindow, open_compare
from nnviz.app.user_guide import open_user_guide
from nnviz.app.window_settings import THEME_CHOICES, ZOOM_STEP
from nnviz.session import LESSONS
from nnviz.session.language import ltr
from nnviz.ui.compare_runs import (
    experiment_runs, has_side_by_side, lesson_departures, lesson_runs, optimizer_race as optimizer_race_runs,
)
from nnviz.ui.i18n import translate
from nnviz.ui.panels.controls import shortcut_table


class WindowMenus:
    """Build the menus and open what they offer (part of :class:`~nnviz.app.main_window.MainWindow`)."""

    def _build_menus(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu(self.tr("&File"))
        self.new_action = self._action(m, self.tr("&New experiment"), self.new_experiment,
                                       QtGui.QKeySequence.StandardKey.New,
                                       self.tr("Start a new experiment with the default settings"))
        self.open_action = self._action(m, self.tr("&Open…"), self.open_dialog,
                                        QtGui.QKeySequence.StandardKey.Open,
                                        self.tr("Open an experiment file (config, weights and training state)"))
        self.recent_menu = m.addMenu(self.tr("Open &Recent"))
        self.recent_menu.setToolTipsVisible(True)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        self.save_action = self._action(m, self.tr("&Save"), self.save, QtGui.QKeySequence.StandardKey.Save,
                                        self.tr("Save the experiment (config, weights, training state)"))
        self.save_as_action = self._action(m, self.tr("Save &As…"), self.save_as_dialog,
                                           QtGui.QKeySequence("Ctrl+Shift+S"),
                                           self.tr("Save the experiment under a new name"))
        m.addSeparator()
        self._action(m, self.tr("&Import CSV data…"), self.import_csv_dialog, None,
                     self.tr("Use your own data: a CSV file with a target column (rebuilds the network)"))
        self._action(m, self.tr("&Classroom setup…"), self.classroom_dialog, None,
                     self.tr("Hide controls and lock settings for a focused exercise; "
                             "saved in the experiment file"))
        m.addSeparator()
        self.exports = ExportActions(self, m)       # pictures, animations, code (nnviz.app.export_menu)
        m.addSeparator()
        self.close_action = self._action(m, self.tr("&Close window"), self.close,
                                         QtGui.QKeySequence("Ctrl+W"),
                                         self.tr("Close the window (asks about unsaved changes)"))
        self.quit_action = self._action(m, self.tr("&Quit"), self.close, QtGui.QKeySequence("Ctrl+Q"),
                                        self.tr("Quit nnviz"))

        m = bar.addMenu(self.tr("&Edit"))
        self.undo_action, self.redo_action = self.edit_history.actions()
        for act in (self.undo_action, self.redo_action):
            m.addAction(act)
            self.addAction(act)         # the keys work with the menu bar hidden (presenter mode)
        self.history_action = self._action(m, self.tr("&History"), self.edit_history.show_view, None,
                                           self.tr("Every edit so far; click one to go back to it"))
        m.addSeparator()
        m.addAction(self.controls.reset)

        m = self.run_menu = bar.addMenu(self.tr("&Run"))
        for act in self.controls.run_menu_actions():
            if act is None:
                m.addSeparator()
            else:
                m.addAction(act)

        m = bar.addMenu(self.tr("&Lessons"))
        self.lesson_actions = {}
        for lesson in LESSONS.values():
            act = self._action(m, translate("Lesson", lesson.title),
                               lambda _=False, lid=lesson.id: self.load_lesson(lid), None,
                               translate("Lesson", lesson.watch))
            self.lesson_actions[lesson.id] = act
        m.addSeparator()
        self._action(m, self.tr("Compare side &by side…"), self.compare_side_by_side, None,
                     self.tr("The current lesson and its comparison as runs side by side, stepped together"))
        self._action(m, self.tr("&Optimizer race"), self.optimizer_race, None,
                     self.tr("SGD, SGD with momentum, RMSprop and Adam on one net, side by side"))
        m.addSeparator()
        m.addAction(self.lessons_dock.toggleViewAction())

        m = QtWidgets.QMenu(self.tr("&View"), self)
        bar.insertMenu(self.run_menu.menuAction(), m)     # View follows Edit
        for dock, tip in ((self.lessons_dock, self.tr("Show the lesson picker")),
                          (self.inspector_dock, self.tr("Show the numbers of the neuron, edge or layer clicked")),
                          (self.knobs_dock, self.tr("Show the settings")),
                          (self.data_dock, self.tr("Show the data and decision boundary")),
                          (self.curves_dock, self.tr("Show the loss curves")),
                          (self.feature_dock, self.tr("Show the data in the coordinates of two hidden neurons"))):
            act = dock.toggleViewAction()
            act.setStatusTip(tip)
            m.addAction(act)
        for act in self.lecture.menu_actions():     # loss landscape, activation function, neuron graph
            m.addAction(act)
        m.addSeparator()
        m.addAction(self.controls.batch_mean)
        self.heatmaps_action = self._action(m, self.tr("Neuron &heatmaps"), self._redraw_network,
                                            QtGui.QKeySequence("H"),
                                            self.tr("For 2-D data: each neuron shows its output over the input plane"),
                                            checkable=True, checked=True)
        self.delta_action = self._action(m, self.tr("Update phase shows Δw"), self._redraw_network, None,
                                         self.tr("At the update phase the edges show the change of each weight "
                                                 "(log scale) instead of the new weights"),
                                         checkable=True, checked=True)
        self.log_loss_action = self._action(m, self.tr("&Log-scale loss axis"),
                                            lambda on: self.curves_view.set_log(True if on else None), None,
                                            self.tr("Loss curves on a log axis, where the slow tail of training "
                                                    "shows (chosen by itself when the losses span two decades "
                                                    "or more)"),
                                            checkable=True)
        self.zero_loss_action = self._action(m, self.tr("Loss axis from &zero"),
                                             lambda on: self.curves_view.set_from_zero(on), None,
                                             self.tr("The linear loss axis starts at 0, so a nearly flat loss "
                                                     "looks flat"),
                                             checkable=True)
        self.curves_view.fromZeroChanged.connect(self.zero_loss_action.setChecked)
        self.compare_loss_action = self._action(m, self.tr("Loss: overlay the lesson's &comparison run"),
                                                self._set_compare_overlay, None,
                                                self.tr("Train the lesson's comparison run (its \"Compare with\" "
                                                        "settings, same data and seed) alongside and draw its "
                                                        "losses under this run's, step for step"),
                                                checkable=True)
        self.zero_loss_action.setChecked(self.curves_view.is_from_zero())
        m.addSeparator()
        theme_menu = m.addMenu(self.tr("&Theme"))
        group = QtGui.QActionGroup(self)
        self.theme_actions = {}
        theme_names = {"system": self.tr("system"), "light": self.tr("light"), "dark": self.tr("dark"),
                       "contrast": self.tr("contrast")}
        theme_tips = {"system": self.tr("Light or dark as the desktop is, following it when it switches"),
                      "contrast": self.tr("Draw the views in the contrast theme (for projectors)")}
        for name in THEME_CHOICES:
            tip = theme_tips.get(name) or self.tr("Draw the views in the {0} theme").format(theme_names.get(name, name))
            act = self._action(theme_menu, theme_names.get(name, name),
                               lambda on, n=name: self.set_theme(n) if on else None, None, tip, checkable=True,
                               checked=name == "system")
            group.addAction(act)
            self.theme_actions[name] = act
        self.language_menu = LanguageMenu(self, m)      # View → Language (nnviz.app.language_menu)
        self._action(m, self.tr("Restore default &layout"), self.restore_default_layout, None,
                     self.tr("Put every panel back where it started"))
        m.addSeparator()
        self._action(m, self.tr("Zoom &in"), lambda: self.set_zoom(self.zoom * ZOOM_STEP),
                     QtGui.QKeySequence.StandardKey.ZoomIn, self.tr("Larger text, lines and points in every view"))
        self._action(m, self.tr("Zoom &out"), lambda: self.set_zoom(self.zoom / ZOOM_STEP),
                     QtGui.QKeySequence.StandardKey.ZoomOut, self.tr("Smaller text, lines and points in every view"))
        self._action(m, self.tr("&Actual size"), lambda: self.set_zoom(1.0), QtGui.QKeySequence("Ctrl+0"),
                     self.tr("Text, lines and points at their normal size"))
        m.addSeparator()
        self.presenter = PresenterMode(self)
        self.presenter_action = self._action(m, self.tr("&Presenter mode"), self.presenter.set_active,
                                             QtGui.QKeySequence("F5"),
                                             self.tr("Full screen, large type and thick lines for a projector; "
                                                     "Space steps, R reveals the lit layer's numbers, Esc leaves"),
                                             checkable=True)
        self.presenter.toggled.connect(self.presenter_action.setChecked)
        self.full_screen_action = self._action(m, self.tr("&Full screen"), self.set_full_screen,
                                               QtGui.QKeySequence("F11"),
                                               self.tr("The window fills the screen; F11 again leaves"),
                                               checkable=True)

        m = bar.addMenu(self.tr("&Help"))
        self._action(m, self.tr("&Help for this view"), self.help_under_mouse, QtGui.QKeySequence("F1"),
                     self.tr("The user guide's page for the view under the mouse"))
        self._action(m, self.tr("&Keyboard shortcuts"), self.show_shortcuts, None,
                     self.tr("List the keyboard shortcuts"))
        self._action(m, self.tr("&User guide"), lambda: open_user_guide(self), None,
                     self.tr("How to use nnviz, a page per area, in the app's language"))
        self._action(m, self.tr("&About nnviz"), self.show_about, None, self.tr("Version and what nnviz is"))

    def _action(self, menu, text, slot, keys, tip, checkable=False, checked=False) -> QtGui.QAction:
        act = QtGui.QAction(text, self)
        if keys is not None:
            act.setShortcut(keys)
            tip = f"{tip} ({act.shortcut().toString(QtGui.QKeySequence.SequenceFormat.NativeText)})"
        act.setToolTip(tip)
        act.setStatusTip(tip)
        act.setCheckable(checkable)
        if checkable:
            act.setChecked(checked)
            act.toggled.connect(slot)
        else:
            act.triggered.connect(lambda _=False: slot())
        menu.addAction(act)
        self.addAction(act)
        return act

    def set_full_screen(self, on: bool) -> None:
        """Full screen on or off (F11), keeping whether the window was maximized."""
        state = self.windowState()
        full = QtCore.Qt.WindowState.WindowFullScreen
        self.setWindowState(state | full if on else state & ~full)
        if self.full_screen_action.isChecked() != bool(on):
            self.full_screen_action.setChecked(bool(on))

    def help_page_at(self, widget: QtWidgets.QWidget | None) -> str:
        """The user guide page about ``widget`` (a view of this window or a child of one); "index" else."""
        if self.presenter.is_active():
            return "presenter"
        pages = {self.network_view: "network", self.health_strip: "network", self.phase_label: "network",
                 self.gradnorm_view: "network", self.graddist_view: "network", self.curves_view: "network",
                 self.data_stack: "data", self.feature_view: "data", self.inspector: "inspector",
                 self.lessons: "lessons", self.knobs: "stepping",
                 self.findChild(QtWidgets.QToolBar, "step_controls"): "stepping"}
        for view in self.lecture.views():
            pages[view] = "network"
        while widget is not None and widget is not self:
            if widget in pages:
                return pages[widget]
            widget = widget.parentWidget()
        return "index"

    def help_under_mouse(self) -> None:
        """F1: open the user guide on the page of the view under the mouse."""
        page = self.help_page_at(QtWidgets.QApplication.widgetAt(QtGui.QCursor.pos()))
        open_user_guide(self, page)

    def show_error(self, title: str, text: str) -> None:
        """A non-blocking error dialog; the window stays usable."""
        if self.error_box is not None:
            self.error_box.close()
        box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Critical, title, text,
                                    QtWidgets.QMessageBox.StandardButton.Ok, self)
        box.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        self.error_box = box
        box.open()
        self.statusBar().showMessage(f"{title}: {text.splitlines()[-1]}", 8000)

    def show_shortcuts(self) -> None:
        rows = "".join(f"<tr><td style='padding-right:14px'><b>{ltr(html.escape(k))}</b></td>"
                       f"<td>{html.escape(v)}</td></tr>" for k, v in shortcut_table())
        box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.NoIcon, self.tr("Keyboard shortcuts"),
                                    f"<table>{rows}</table>", QtWidgets.QMessageBox.StandardButton.Close, self)
        box.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.shortcuts_box = box
        box.open()

    def show_about(self) -> None:
        """Help → About: what nnviz is, its version and licence, and the versions it runs on."""
        versions = (("Python", platform.python_version()), ("Qt", QtCore.qVersion()),
                    ("PySide6", PySide6.__version__), ("pyqtgraph", pyqtgraph.__version__),
                    ("numpy", numpy.__version__))
        rows = "".join(f"<tr><td style='padding-right:12px'>{name}</td><td>{version}</td></tr>"
                       for name, version in versions)
        text = (f"<h3>nnviz {__version__}</h3><p>"
                + self.tr("See backpropagation: a multilayer perceptron drawn live, the forward pass and the "
                          "gradient animated layer by layer, every weight update stepped through and back.")
                + "</p><p>"
                + self.tr("Every number comes from a small numpy engine with PyTorch's semantics.")
                + "</p><p>"
                + self.tr("Free software under the MIT licence: use, copy, change and share it, "
                          "in class and beyond.")
                + "</p><p><b>" + self.tr("Running on") + f"</b></p><table>{rows}</table>")
        box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.NoIcon, self.tr("About nnviz"), text,
                                    QtWidgets.QMessageBox.StandardButton.Close, self)
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.about_box = box
        box.open()

    def _set_compare_overlay(self, on: bool) -> None:
        self.binding.set_compare_overlay(on)
        self.binding.refresh(network=False)

    def compare_side_by_side(self, lesson_id: str | None = None) -> CompareWindow | None:
        """Open a lesson and its comparison side by side; without ``lesson_id``, the current lesson's,
        or -- when the experiment is not (or no longer) a lesson's -- the person's own experiment
        against itself with the comparison settings of its lesson or of the selected one."""
        if not lesson_id:
            lesson = self.session.lesson
            if lesson is None or lesson_departures(lesson, self.session.config):
                return self._compare_own_experiment()
            lesson_id = lesson.id
        if not has_side_by_side(lesson_id):
            self.statusBar().showMessage(self.tr("This lesson has no comparison run: choose one with "
                                                 "\"Compare with\" in its text"), 6000)
            return None
        return self._open_compare(lesson_runs(lesson_id), lesson_id)

    def _compare_own_experiment(self) -> CompareWindow | None:
        source = self.session.lesson
        if source is None or not source.compare:
            source = LESSONS.get(self.lessons.selected_id())
        if source is None or not source.compare:
            self.statusBar().showMessage(self.tr("Your experiment has no comparison run: select a lesson with "
                                                 "\"Compare with\" to compare your experiment with its settings"),
                                         6000)
            return None
        return self._open_compare(experiment_runs(self.session.config, source),
                                  self.tr("your experiment and {0}").format(source.compare_label))

    def optimizer_race(self) -> CompareWindow:
        """SGD vs SGD + momentum vs RMSprop vs Adam on one net, side by side."""
        return self._open_compare(optimizer_race_runs(), "optimizer race")

    def _open_compare(self, preset, title: str) -> CompareWindow:
        self.pause()
        window = open_compare(preset, title=title, theme=self._theme)
        window.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        windows = self.compare_windows
        windows.append(window)
        window.destroyed.connect(lambda _obj=None, w=window: windows.remove(w) if w in windows else None)
        window.show()
        return window

    def _apply_classroom(self, _event: str = "") -> None:
        """The step controls honour the experiment's classroom setup (the knobs panel does itself)."""
        self.controls.apply_classroom(self.session.config["classroom"]["hidden_controls"])

    def classroom_dialog(self) -> ClassroomDialog:
        """The classroom setup (non-blocking): hide controls, lock settings of this experiment."""
        dialog = ClassroomDialog(self.session, self.knobs.knob_names(), self)
        dialog.problem.connect(lambda text: self.show_error(self.tr("Could not apply the classroom setup"), text))
        self.classroom_box = dialog
        dialog.open()
        return dialog
