"""The nnviz main window: the network in the centre, data, curves and gradients around it.

The window draws session state and turns user actions into session calls; it
holds no training math.  Layout:

* centre: a one-line explanation of the current phase, the network view
  (:mod:`nnviz.ui.network.view`, fed by :mod:`nnviz.ui.network.frame_builder`), the
  gradient-health strip, and below them the per-layer gradient-norm plot and
  the current step's gradient distributions;
* left docks: lessons and the knobs panel (Data / Network / Training);
* right docks: the data with the decision boundary (or the fitted curve), and
  the train/test loss curves;
* toolbar and Run menu: the step controls; status bar: messages, losses.

Playing is a QTimer: each tick advances one phase (animation on) or trains
whole steps for a bounded time (animation off), then redraws once, so the
window stays responsive at any speed.  Views redraw only what changed: the
boundary and heatmaps when the weights changed, the curves when a step was
added or removed.  A diverged run pauses play and offers to rewind.

Notes on performance (``benchmarks/render.py`` measures them): with the
animation off, a frame's training time adapts so that training and redraw
together stay near ``FRAME_TARGET_S`` (30 frames per second), and the plots
around the network (curves, gradient plots, boundary, health) redraw at most
every ``SECONDARY_INTERVAL_S``: each of them re-lays out its axes when its
data grow, measured here at 25-30 ms a frame for all of them together, more
than the network view itself.  Pausing draws them at once.
"""

from __future__ import annotations

import html
import math
import time
from pathlib import Path

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets

from nnviz import __version__
from nnviz.app.classroom_dialog import ClassroomDialog
from nnviz.app.csv_import_dialog import CsvImportDialog
from nnviz.app.export_menu import ExportActions
from nnviz.app.language_menu import LanguageMenu
from nnviz.app.model_file import MODEL_FILTER, is_model_file, open_model_file
from nnviz.app.presenter import PresenterMode
from nnviz.app.recent_files import add_recent, last_experiment, recent_files, remember_experiment, remove_recent
from nnviz.app.side_by_side import CompareWindow, open_compare
from nnviz.app.user_guide import open_user_guide
from nnviz.session import LESSONS, Session
from nnviz.session.formatting import format_number, format_percent
from nnviz.ui.binding import BOUNDARY_RESOLUTION, Binding, caption_html
from nnviz.ui.compare_runs import has_side_by_side, lesson_runs
from nnviz.ui.compare_runs import optimizer_race as optimizer_race_runs
from nnviz.ui.i18n import translate
from nnviz.ui.images import save_image
from nnviz.ui.network.frame_builder import FrameOptions
from nnviz.ui.network.view import NetworkView
from nnviz.ui.panels.controls import SPEEDS, StepControls, shortcut_table
from nnviz.ui.panels.draw_points_bar import DrawPointsBar
from nnviz.ui.panels.health_strip import HealthStrip
from nnviz.ui.panels.inspector import InspectorPanel
from nnviz.ui.panels.knobs import KnobsPanel
from nnviz.ui.panels.lessons import LessonPanel
from nnviz.ui.plots.boundary import BoundaryView
from nnviz.ui.plots.confusion import ConfusionView
from nnviz.ui.plots.curves import LossCurvesView
from nnviz.ui.plots.feature_space import FeatureSpaceView
from nnviz.ui.plots.graddist import GradDistributionView
from nnviz.ui.plots.gradnorm import GradNormView
from nnviz.ui.plots.regression import RegressionView
from nnviz.ui.plots.weight_images import WeightImagesView
from nnviz.ui.session_adapter import SessionAdapter
from nnviz.ui.widgets.icons import tinted_icon
from nnviz.ui.widgets.style import apply_palette
from nnviz.ui.widgets.theme import get_theme

DEMO_LESSON = "xor"
TRAIN_BUDGET_S = 0.025      # longest training per play tick with the animation off ...
MIN_TRAIN_S = 0.004         # ... and the shortest
FRAME_TARGET_S = 1 / 30     # training and redraw of one play frame, together
SECONDARY_INTERVAL_S = 0.1  # while training fast, plots around the network redraw at most 10x a second
PLAY_BOUNDARY_MACS = 2e7     # grid size while training fast (see _boundary_resolution)
MIN_PLAY_RESOLUTION = 24
FILE_FILTER = "nnviz experiments (*.json);;All files (*)"
OPEN_FILTER = f"nnviz experiments (*.json);;{MODEL_FILTER};;All files (*)"
THEMES = ("light", "dark", "contrast")
ZOOM_STEP = 1.25
ZOOM_RANGE = (0.5, 3.0)


def ask_unsaved(parent: QtWidgets.QWidget, what: str) -> str:
    """Ask what to do with unsaved changes before ``what``: "save", "discard" or "cancel"."""
    buttons = QtWidgets.QMessageBox.StandardButton
    answer = QtWidgets.QMessageBox.question(
        parent, "Unsaved changes",
        f"The experiment has changes that are not saved. Save them before you {what}?",
        buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
    return {buttons.Save: "save", buttons.Discard: "discard"}.get(answer, "cancel")


class MainWindow(QtWidgets.QMainWindow):
    """The application window over one session (replaced when a file or lesson is opened).

    ``settings`` is the QSettings the window remembers its geometry, dock
    layout and preferences in; tests pass one on a temporary file.
    """

    confirm_unsaved = False             # ask before unsaved changes are dropped (the desktop app)

    def __init__(self, session: Session | None = None, *, settings: QtCore.QSettings | None = None,
                 path: str | None = None, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nnviz_main_window")
        self.settings = settings if settings is not None else QtCore.QSettings("nnviz", "nnviz")
        restored = ""
        if session is None:             # no lesson or file asked for: what was open last time
            session, path, restored = last_experiment(self.settings, DEMO_LESSON)
        self.adapter = SessionAdapter(session, self)
        self.path: str | None = path
        self.dirty = False              # changes since the experiment was opened or saved
        self.zoom = 1.0
        self._plain_icons: dict = {}    # toolbar action -> its icon as the style drew it
        self._tinted_keys: dict = {}    # toolbar action -> cacheKey of the icon set on it
        self.frame_options = FrameOptions()
        self.error_box: QtWidgets.QMessageBox | None = None
        self.divergence_box: QtWidgets.QMessageBox | None = None
        self.layer_menu: QtWidgets.QMenu | None = None
        self.compare_windows: list[CompareWindow] = []     # side-by-side windows still open
        self._last_unit = "phase"
        self._divergence_reported = False
        self._stop_reported = False
        self._theme = "light"
        self._closing = False
        self._needs_default_sizes = False
        self._overhead = 0.010          # play frames: redraw and event handling besides training
        self._train_time = 0.0
        self._tick_started: float | None = None
        self._secondary_at = 0.0

        self.controls = StepControls(self)
        self._build_views()
        self.binding = Binding(network=self.network_view, boundary=self.boundary_view,
                               regression=self.regression_view, confusion=self.confusion_view,
                               weight_images=self.weight_images_view, curves=self.curves_view,
                               gradnorm=self.gradnorm_view, graddist=self.graddist_view, health=self.health_strip,
                               frame_options=self.frame_options)
        self.binding.set_session(session)
        self.frames = self.binding.frames
        self._build_docks()
        self.addToolBar(self.controls.toolbar(self))
        self._build_menus()
        self._build_status_bar()

        self.play_timer = QtCore.QTimer(self)
        self.play_timer.timeout.connect(self._tick)
        self._connect()
        self._restore_settings()
        self._on_session_event("session")
        self._apply_classroom()
        if restored:
            self.statusBar().showMessage(restored, 6000)

    # ------------------------------------------------------------------ properties
    @property
    def session(self) -> Session:
        return self.adapter.session

    @property
    def playing(self) -> bool:
        return self.play_timer.isActive()

    # ------------------------------------------------------------------ building
    def _build_views(self) -> None:
        self.phase_label = QtWidgets.QLabel()
        self.phase_label.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.phase_label.setWordWrap(True)
        self.phase_label.setMinimumHeight(40)
        self.phase_label.setContentsMargins(8, 4, 8, 4)
        self.phase_label.setToolTip("What the current phase computes")
        self.network_view = NetworkView()
        self.network_view.setToolTip("")
        self.health_strip = HealthStrip()
        self.health_strip.setSizePolicy(QtWidgets.QSizePolicy.Policy.Preferred,
                                        QtWidgets.QSizePolicy.Policy.Fixed)
        self.health_strip.setToolTip("Gradient health of each layer from the latest step; hover a chip "
                                     "for the thresholds")
        self.gradnorm_view = GradNormView()
        self.gradnorm_view.set_title("gradient norm per layer")
        self.gradnorm_view.setToolTip("‖dL/dW‖ of each layer at every step, log scale: vanishing "
                                      "gradients put the first layers' lines far below the last")
        self.graddist_view = GradDistributionView()
        self.graddist_view.set_title("this step's gradients")
        self.graddist_view.setToolTip("Histogram of log10 |dL/dW| per layer for the step shown "
                                      "(layers appear as backward reaches them)")

        top = QtWidgets.QWidget()
        vbox = QtWidgets.QVBoxLayout(top)
        vbox.setContentsMargins(0, 0, 0, 0)
        vbox.setSpacing(0)
        vbox.addWidget(self.phase_label)
        vbox.addWidget(self.network_view, 1)
        vbox.addWidget(self.health_strip)
        bottom = QtWidgets.QSplitter(QtCore.Qt.Orientation.Horizontal)
        bottom.addWidget(self.gradnorm_view)
        bottom.addWidget(self.graddist_view)
        bottom.setChildrenCollapsible(False)
        self.centre_split = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        self.centre_split.setObjectName("centre_split")
        self.centre_split.addWidget(top)
        self.centre_split.addWidget(bottom)
        self.centre_split.setStretchFactor(0, 3)
        self.centre_split.setStretchFactor(1, 1)
        self.centre_split.setChildrenCollapsible(False)
        self.centre_split.setSizes([640, 250])
        self.setCentralWidget(self.centre_split)

        self.boundary_view = BoundaryView()
        self.boundary_view.setToolTip("The data (train filled, test hollow) over the model's output: "
                                      "the decision boundary, or the regression surface")
        self.regression_view = RegressionView()
        self.regression_view.setToolTip("The data and the network's prediction")
        # Classification without an input plane (digits, iris): the confusion
        # matrix, and the first layer's weights as images when its inputs are.
        self.confusion_view = ConfusionView()
        self.weight_images_view = WeightImagesView()
        self.no_plane = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        self.no_plane.addWidget(self.weight_images_view)
        self.no_plane.addWidget(self.confusion_view)
        self.no_plane.setChildrenCollapsible(False)
        self.data_stack = QtWidgets.QStackedWidget()
        # 2-D data can be drawn by hand: a draw toggle and class picker above the plane.
        self.draw_bar = DrawPointsBar()
        self.plane_panel = QtWidgets.QWidget()
        plane_box = QtWidgets.QVBoxLayout(self.plane_panel)
        plane_box.setContentsMargins(0, 0, 0, 0)
        plane_box.setSpacing(0)
        plane_box.addWidget(self.draw_bar)
        plane_box.addWidget(self.boundary_view, 1)
        for w in (self.plane_panel, self.regression_view, self.no_plane):
            self.data_stack.addWidget(w)
        self.feature_view = FeatureSpaceView()
        self.feature_view.setToolTip("The training data at the outputs of two neurons of a hidden layer: "
                                     "watch a layer pull the classes apart while it trains")
        self.curves_view = LossCurvesView()
        self.curves_view.setToolTip("Train (solid) and test (dashed) loss after every step; the "
                                    "marker is the best test loss (early stopping)")
        self.knobs = KnobsPanel(self.adapter)
        self.lessons = LessonPanel(self.adapter)
        self.inspector = InspectorPanel()

    def _dock(self, title: str, name: str, widget: QtWidgets.QWidget,
              area: QtCore.Qt.DockWidgetArea) -> QtWidgets.QDockWidget:
        dock = QtWidgets.QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setAllowedAreas(QtCore.Qt.DockWidgetArea.AllDockWidgetAreas)
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        left, right = QtCore.Qt.DockWidgetArea.LeftDockWidgetArea, QtCore.Qt.DockWidgetArea.RightDockWidgetArea
        self.lessons_dock = self._dock("Lessons", "lessons_dock", self.lessons, left)
        self.inspector_dock = self._dock("Inspector", "inspector_dock", self.inspector, left)
        self.tabifyDockWidget(self.lessons_dock, self.inspector_dock)
        self.lessons_dock.raise_()
        self.knobs_dock = self._dock("Settings", "knobs_dock", self.knobs, left)
        self.data_dock = self._dock("Data and output", "data_dock", self.data_stack, right)
        self.curves_dock = self._dock("Loss", "curves_dock", self.curves_view, right)
        self.feature_dock = self._dock("Feature space", "feature_dock", self.feature_view, right)
        # Tabbed behind the loss curves once the window is shown (_tab_feature_dock): a
        # second tab group made before the first show leaves a stray copy of its tab bar
        # in the middle of the window (Qt 6.10).
        self.setCorner(QtCore.Qt.Corner.BottomLeftCorner, left)
        self.setCorner(QtCore.Qt.Corner.BottomRightCorner, right)
        self._default_state = None

    def _build_menus(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu("&File")
        self.new_action = self._action(m, "&New experiment", self.new_experiment,
                                       QtGui.QKeySequence.StandardKey.New,
                                       "Start a new experiment with the default settings")
        self.open_action = self._action(m, "&Open…", self.open_dialog, QtGui.QKeySequence.StandardKey.Open,
                                        "Open an experiment file (config, weights and training state)")
        self.recent_menu = m.addMenu("Open &Recent")
        self.recent_menu.setToolTipsVisible(True)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        self.save_action = self._action(m, "&Save", self.save, QtGui.QKeySequence.StandardKey.Save,
                                        "Save the experiment (config, weights, training state)")
        self.save_as_action = self._action(m, "Save &As…", self.save_as_dialog,
                                           QtGui.QKeySequence("Ctrl+Shift+S"),
                                           "Save the experiment under a new name")
        m.addSeparator()
        self._action(m, "&Import CSV data…", self.import_csv_dialog, None,
                     "Use your own data: a CSV file with a target column (rebuilds the network)")
        self._action(m, "&Classroom setup…", self.classroom_dialog, None,
                     "Hide controls and lock settings for a focused exercise; saved in the experiment file")
        m.addSeparator()
        self.exports = ExportActions(self, m)       # pictures, animations, code (nnviz.app.export_menu)
        m.addSeparator()
        self.quit_action = self._action(m, "&Quit", self.close, QtGui.QKeySequence("Ctrl+Q"), "Quit nnviz")

        m = bar.addMenu("&Edit")
        self.undo_action = self._action(m, "&Undo setting change", self.undo_setting,
                                        QtGui.QKeySequence.StandardKey.Undo,
                                        "Take back the last change of a setting")
        m.addAction(self.controls.reset)

        m = bar.addMenu("&Run")
        for act in self.controls.run_menu_actions():
            if act is None:
                m.addSeparator()
            else:
                m.addAction(act)

        m = bar.addMenu("&Lessons")
        self.lesson_actions = {}
        for lesson in LESSONS.values():
            act = self._action(m, translate("Lesson", lesson.title),
                               lambda _=False, lid=lesson.id: self.load_lesson(lid), None,
                               translate("Lesson", lesson.watch))
            self.lesson_actions[lesson.id] = act
        m.addSeparator()
        self._action(m, "Compare side &by side…", self.compare_side_by_side, None,
                     "The current lesson and its comparison as runs side by side, stepped together")
        self._action(m, "&Optimizer race", self.optimizer_race, None,
                     "SGD, SGD with momentum, RMSprop and Adam on one net, side by side")
        m.addSeparator()
        m.addAction(self.lessons_dock.toggleViewAction())

        m = bar.addMenu("&View")
        for dock, tip in ((self.lessons_dock, "Show the lesson picker"),
                          (self.inspector_dock, "Show the numbers of the neuron, edge or layer clicked"),
                          (self.knobs_dock, "Show the settings"),
                          (self.data_dock, "Show the data and decision boundary"),
                          (self.curves_dock, "Show the loss curves"),
                          (self.feature_dock, "Show the data in the coordinates of two hidden neurons")):
            act = dock.toggleViewAction()
            act.setStatusTip(tip)
            m.addAction(act)
        m.addSeparator()
        m.addAction(self.controls.batch_mean)
        self.heatmaps_action = self._action(m, "Neuron &heatmaps", self._redraw_network, QtGui.QKeySequence("H"),
                                            "For 2-D data: each neuron shows its output over the input plane",
                                            checkable=True, checked=True)
        self.delta_action = self._action(m, "Update phase shows Δw", self._redraw_network, None,
                                         "At the update phase the edges show the change of each weight "
                                         "(log scale) instead of the new weights", checkable=True, checked=True)
        self.log_loss_action = self._action(m, "&Log-scale loss axis",
                                            lambda on: self.curves_view.set_log(on), None,
                                            "Loss curves on a log axis, where the slow tail of training shows",
                                            checkable=True)
        m.addSeparator()
        theme_menu = m.addMenu("&Theme")
        group = QtGui.QActionGroup(self)
        self.theme_actions = {}
        for name in THEMES:
            act = self._action(theme_menu, name, lambda on, n=name: self.set_theme(n) if on else None, None,
                               f"Draw the views in the {name} theme" +
                               (" (for projectors)" if name == "contrast" else ""), checkable=True,
                               checked=name == "light")
            group.addAction(act)
            self.theme_actions[name] = act
        self.language_menu = LanguageMenu(self, m)      # View → Language (nnviz.app.language_menu)
        self._action(m, "Restore default &layout", self.restore_default_layout, None,
                     "Put every panel back where it started")
        m.addSeparator()
        self._action(m, "Zoom &in", lambda: self.set_zoom(self.zoom * ZOOM_STEP),
                     QtGui.QKeySequence.StandardKey.ZoomIn, "Larger text, lines and points in every view")
        self._action(m, "Zoom &out", lambda: self.set_zoom(self.zoom / ZOOM_STEP),
                     QtGui.QKeySequence.StandardKey.ZoomOut, "Smaller text, lines and points in every view")
        self._action(m, "&Actual size", lambda: self.set_zoom(1.0), QtGui.QKeySequence("Ctrl+0"),
                     "Text, lines and points at their normal size")
        m.addSeparator()
        self.presenter = PresenterMode(self)
        self.presenter_action = self._action(m, "&Presenter mode", self.presenter.set_active,
                                             QtGui.QKeySequence("F5"),
                                             "Full screen, large type and thick lines for a projector; "
                                             "Space steps, R reveals the lit layer's numbers, Esc leaves",
                                             checkable=True)
        self.presenter.toggled.connect(self.presenter_action.setChecked)

        m = bar.addMenu("&Help")
        self._action(m, "&Keyboard shortcuts", self.show_shortcuts, QtGui.QKeySequence("F1"),
                     "List the keyboard shortcuts")
        self._action(m, "&User guide", lambda: open_user_guide(self), None,
                     "How to use nnviz, a page per area, in the app's language")
        self._action(m, "&About nnviz", self.show_about, None, "Version and what nnviz is")

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

    def _build_status_bar(self) -> None:
        self.metrics_label = QtWidgets.QLabel()
        self.metrics_label.setToolTip("Loss and accuracy on the whole training and test sets after the "
                                      "latest update (evaluation mode)")
        self.statusBar().addPermanentWidget(self.metrics_label)
        self.statusBar().setSizeGripEnabled(True)

    def _connect(self) -> None:
        c = self.controls
        c.step_phase.triggered.connect(lambda: self.step("phase"))
        c.step_batch.triggered.connect(lambda: self.step("step"))
        c.step_epoch.triggered.connect(lambda: self.step("epoch"))
        c.back_phase.triggered.connect(lambda: self.rewind("phase"))
        c.back_step.triggered.connect(lambda: self.rewind("step"))
        c.reset.triggered.connect(self.reset)
        c.play.toggled.connect(self._on_play_toggled)
        c.play.toggled.connect(lambda _on: self._tint_toolbar_icons())    # after the play/pause icon swap
        c.speedChanged.connect(lambda _v: self._update_timer())
        c.animate.toggled.connect(lambda _on: self._update_timer())
        c.sampleChanged.connect(self._on_sample)
        c.batch_mean.toggled.connect(lambda _on: self._on_sample(self.frame_options.sample))
        self.adapter.changed.connect(self._on_session_event)
        self.adapter.changed.connect(self._apply_classroom)
        self.knobs.problem.connect(self._on_problem)
        self.lessons.problem.connect(self._on_problem)
        self.lessons.lessonChosen.connect(self.load_lesson)
        self.lessons.sideBySide.connect(self.compare_side_by_side)
        self.network_view.nodeClicked.connect(self._on_node_clicked)
        self.network_view.edgeClicked.connect(self._on_edge_clicked)
        self.network_view.headerClicked.connect(self._on_header_clicked)
        self.draw_bar.drawModeChanged.connect(self.boundary_view.set_draw_mode)
        self.boundary_view.pointAdded.connect(self._on_point_clicked)
        self.feature_dock.visibilityChanged.connect(lambda on: self.feature_view.refresh() if on else None)

    # ------------------------------------------------------------------ settings
    def _restore_settings(self) -> None:
        s = self.settings
        self.resize(1500, 940)
        self._default_state = self.saveState()
        geometry = s.value("window/geometry")
        if isinstance(geometry, QtCore.QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = s.value("window/state")
        if isinstance(state, QtCore.QByteArray) and not state.isEmpty():
            self.restoreState(state)
        else:
            self._needs_default_sizes = True
        split = s.value("window/centre_split")
        if isinstance(split, QtCore.QByteArray) and not split.isEmpty():
            self.centre_split.restoreState(split)
        self.controls.speed.setValue(_int_setting(s.value("play/speed"), self.controls.speed.value(),
                                                  0, len(SPEEDS) - 1))
        self.controls.animate.setChecked(_bool_setting(s.value("play/animate"), True))
        self.heatmaps_action.setChecked(_bool_setting(s.value("view/heatmaps"), True))
        self.delta_action.setChecked(_bool_setting(s.value("view/update_delta"), True))
        self.log_loss_action.setChecked(_bool_setting(s.value("view/log_loss"), False))
        theme = s.value("view/theme")
        if theme in THEMES:
            self.set_theme(theme)
        try:
            zoom = float(s.value("view/zoom", 1.0))
        except (TypeError, ValueError):
            zoom = 1.0
        if math.isfinite(zoom) and zoom != 1.0:
            self.set_zoom(zoom)

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/centre_split", self.centre_split.saveState())
        s.setValue("play/speed", self.controls.speed.value())
        s.setValue("play/animate", self.controls.animate.isChecked())
        s.setValue("view/heatmaps", self.heatmaps_action.isChecked())
        s.setValue("view/update_delta", self.delta_action.isChecked())
        s.setValue("view/log_loss", self.log_loss_action.isChecked())
        s.setValue("view/theme", self._theme)
        s.setValue("view/zoom", self.zoom)
        s.sync()

    def restore_default_layout(self) -> None:
        if self._default_state is not None:
            self.restoreState(self._default_state)
        for dock in (self.lessons_dock, self.inspector_dock, self.knobs_dock, self.data_dock, self.curves_dock):
            dock.show()
        self.lessons_dock.raise_()
        self._tab_feature_dock()
        self._default_sizes()

    def _tab_feature_dock(self) -> None:
        """The feature space as a tab behind the loss curves (the first start's layout)."""
        self.tabifyDockWidget(self.curves_dock, self.feature_dock)
        self.feature_dock.show()
        self.curves_dock.raise_()

    def _default_sizes(self) -> None:
        """Dock sizes of a first start; they only take once the window has its size."""
        h = max(self.height() - 120, 400)
        self.resizeDocks([self.lessons_dock, self.data_dock], [370, 430], QtCore.Qt.Orientation.Horizontal)
        self.resizeDocks([self.lessons_dock, self.knobs_dock], [int(h * 0.45), int(h * 0.55)],
                         QtCore.Qt.Orientation.Vertical)
        self.resizeDocks([self.data_dock, self.curves_dock], [int(h * 0.55), int(h * 0.45)],
                         QtCore.Qt.Orientation.Vertical)

    def showEvent(self, event: QtGui.QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self._needs_default_sizes:
            self._needs_default_sizes = False
            self._tab_feature_dock()
            self._default_sizes()

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:  # noqa: N802 (Qt API)
        self.pause()
        if not self._closing and not self.maybe_discard("quit"):
            event.ignore()
            return
        self._closing = True
        remember_experiment(self.settings, self.session, self.path)
        self.presenter.leave()          # remember the normal layout, not the presenter's
        for window in list(self.compare_windows):
            window.close()
        self.save_settings()
        self.adapter.detach()
        for box in (self.error_box, self.divergence_box, getattr(self, "csv_dialog", None)):
            if box is not None:
                box.close()
        super().closeEvent(event)

    # ------------------------------------------------------------------ user actions
    def step(self, unit: str) -> None:
        """Advance by "phase", "step" or "epoch" (what the step buttons do)."""
        s = self.session
        if s.diverged:
            self._report_divergence()
            return
        self._last_unit = unit
        busy = unit == "epoch"          # an epoch of a large set can take a while
        if busy:
            QtWidgets.QApplication.setOverrideCursor(QtCore.Qt.CursorShape.WaitCursor)
        try:
            with self.adapter.hold():
                s.advance(unit)
        finally:
            if busy:
                QtWidgets.QApplication.restoreOverrideCursor()
        self._after_step()

    def rewind(self, unit: str) -> None:
        """Step back one "phase" or to the previous step boundary ("step")."""
        self.pause()
        s = self.session
        self._last_unit = "phase" if unit == "phase" else self._last_unit
        with self.adapter.hold():
            s.rewind(unit)
        if s.message and not s.diverged:
            self.statusBar().showMessage(s.message, 5000)
        self._after_step()

    def reset(self) -> None:
        self.pause()
        self.session.reset()
        self.statusBar().showMessage("Reset: fresh weights from the seed, step 0", 4000)

    def undo_setting(self) -> None:
        s = self.session
        if not s.can_undo:
            self.statusBar().showMessage("Nothing to undo", 3000)
            return
        try:
            s.undo_config()
        except ValueError as err:
            self.show_error("Could not undo", str(err))
            return
        self.statusBar().showMessage("Undid the last setting change", 3000)

    def play(self) -> None:
        self.controls.set_playing(True)

    def pause(self) -> None:
        self.controls.set_playing(False)

    def load_lesson(self, lesson_id: str) -> None:
        self.pause()
        if not self.maybe_discard("open the lesson"):
            return
        try:
            session = Session.from_lesson(lesson_id)
        except ValueError as err:
            self.show_error("Could not load the lesson", str(err))
            return
        self.path = None
        self.adapter.set_session(session)
        self.statusBar().showMessage(f"Lesson: {session.lesson.title}. {session.lesson.watch}", 8000)

    def new_experiment(self) -> bool:
        """A fresh experiment with the default settings (after asking about unsaved changes)."""
        self.pause()
        if not self.maybe_discard("start a new experiment"):
            return False
        self.path = None
        self.adapter.set_session(Session())
        self.statusBar().showMessage("New experiment: the default settings", 4000)
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
            clear = menu.addAction("Clear the list")
            clear.triggered.connect(lambda: self.settings.setValue("files/recent", []))
        else:
            none = menu.addAction("No recent files")
            none.setEnabled(False)
        menu.setEnabled(True)

    def open_recent(self, path: str) -> bool:
        self.pause()
        if not self.maybe_discard("open another experiment"):
            return False
        if not Path(path).exists():
            remove_recent(self.settings, path)
            self.show_error("Could not open the experiment", f"{path}\n\nThe file no longer exists.")
            return False
        return self.open_path(path)

    def open_dialog(self) -> None:
        self.pause()
        if not self.maybe_discard("open another experiment"):
            return
        start = str(self.settings.value("files/last_dir", str(Path.home())))
        path, _ = QtWidgets.QFileDialog.getOpenFileName(self, "Open experiment", start, OPEN_FILTER)
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> bool:
        """Open an experiment file; a bad file shows an error and keeps the current session."""
        self.pause()
        model = is_model_file(path)             # a PyTorch state_dict: activations asked in a dialog
        try:
            session = open_model_file(self, path) if model else Session.load(path)
        except (ValueError, OSError) as err:
            self.show_error("Could not open the experiment", f"{path}\n\n{err}")
            return False
        if session is None:
            return False
        self.path = None if model else str(path)   # saving must not overwrite the model file
        self.settings.setValue("files/last_dir", str(Path(path).parent))
        if not model:
            add_recent(self.settings, path)
        self.adapter.set_session(session)
        self.statusBar().showMessage(f"Opened {path}", 5000)
        return True

    def save(self) -> bool:
        if not self.path:
            return self.save_as_dialog()
        return self.save_to(self.path)

    def save_as_dialog(self) -> bool:
        start = self.path or str(Path(str(self.settings.value("files/last_dir", str(Path.home()))))
                                 / "experiment.json")
        path, _ = QtWidgets.QFileDialog.getSaveFileName(self, "Save experiment", start, FILE_FILTER)
        if not path:
            return False
        if not Path(path).suffix:
            path += ".json"
        return self.save_to(path)

    def save_to(self, path: str) -> bool:
        try:
            self.session.save(path)
        except (ValueError, OSError) as err:
            self.show_error("Could not save the experiment", f"{path}\n\n{err}")
            return False
        self.path = str(path)
        self.settings.setValue("files/last_dir", str(Path(path).parent))
        add_recent(self.settings, path)
        self._set_dirty(False)
        self._update_title()
        self.statusBar().showMessage(f"Saved {path}", 5000)
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
            self.show_error("Could not use the CSV data", str(err))
            return
        self.settings.setValue("files/last_csv", changes["csv"]["path"])
        ds = self.session.prep.dataset
        self.statusBar().showMessage(f"Imported {Path(changes['csv']['path']).name}: {len(ds)} samples, "
                                     f"{ds.n_inputs} inputs, {ds.task}", 8000)

    def export_image(self, path: str, scale: float = 1.0) -> bool:
        """Save a picture of the window: PNG at ``scale``, or SVG (by the file's suffix)."""
        try:
            save_image(self, path, scale, title=self.windowTitle().replace("[*]", ""))
        except (ValueError, OSError) as err:
            self.show_error("Could not export the image", f"{path}: {err}")
            return False
        self.statusBar().showMessage(f"Saved a picture of the window to {path}", 5000)
        return True

    def zoomable_views(self) -> list:
        """The views whose text, lines and points follow View → Zoom."""
        return [self.network_view, self.boundary_view, self.regression_view, self.curves_view,
                self.gradnorm_view, self.graddist_view, self.health_strip, self.confusion_view,
                self.weight_images_view, self.feature_view, self.inspector]

    def set_zoom(self, zoom: float) -> None:
        """Scale text, lines and points of every view (1 = normal), within ``ZOOM_RANGE``."""
        zoom = min(max(float(zoom), ZOOM_RANGE[0]), ZOOM_RANGE[1])
        if abs(zoom - 1.0) < 1e-6:
            zoom = 1.0
        self.zoom = zoom
        for view in self.zoomable_views():
            view.set_line_scale(zoom)
        self.statusBar().showMessage(f"Zoom {zoom:.0%}", 2000)

    def theme_name(self) -> str:
        """The theme the views are drawn in: "light", "dark" or "contrast"."""
        return self._theme

    def set_theme(self, name: str) -> None:
        """Draw every view in the theme; with "dark" the panels and menus go dark too."""
        self._theme = name
        if name == "dark":
            apply_palette(self, get_theme(name))
        else:
            self.setPalette(QtWidgets.QApplication.palette())
            self.setAutoFillBackground(False)
        self.network_view.set_theme(name)
        self._tint_toolbar_icons()
        for view in (self.boundary_view, self.regression_view, self.curves_view, self.gradnorm_view,
                     self.graddist_view, self.health_strip, self.confusion_view, self.weight_images_view,
                     self.inspector):
            view.set_theme(name)
        act = self.theme_actions.get(name)
        if act is not None and not act.isChecked():
            act.setChecked(True)

    def _tint_toolbar_icons(self) -> None:
        """Toolbar icons in the theme's text color on the dark theme, as the style draws them otherwise."""
        toolbar = self.findChild(QtWidgets.QToolBar, "step_controls")
        if toolbar is None:
            return
        plain, tinted = self._plain_icons, self._tinted_keys
        color = get_theme("dark").foreground if self._theme == "dark" else None
        for act in toolbar.actions():
            icon = act.icon()
            if icon.isNull():
                continue
            if act not in plain or icon.cacheKey() != tinted.get(act):
                plain[act] = icon           # a new icon from the controls (play ↔ pause)
            new = tinted_icon(plain[act], color) if color else plain[act]
            tinted[act] = new.cacheKey()
            act.setIcon(new)

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
        rows = "".join(f"<tr><td style='padding-right:14px'><b>{html.escape(k)}</b></td>"
                       f"<td>{html.escape(v)}</td></tr>" for k, v in shortcut_table())
        box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.NoIcon, "Keyboard shortcuts",
                                    f"<table>{rows}</table>", QtWidgets.QMessageBox.StandardButton.Close, self)
        box.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.shortcuts_box = box
        box.open()

    def show_about(self) -> None:
        text = (f"<h3>nnviz {__version__}</h3><p>See backpropagation: a multilayer perceptron drawn live, "
                "the forward pass and the gradient animated layer by layer, every weight update stepped "
                "through and back.</p><p>Every number comes from a small numpy engine with PyTorch's "
                "semantics.</p>")
        box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Information, "About nnviz", text,
                                    QtWidgets.QMessageBox.StandardButton.Close, self)
        box.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.about_box = box
        box.open()

    # ------------------------------------------------------------------ play
    def _on_play_toggled(self, on: bool) -> None:
        if on:
            s = self.session
            if s.diverged:
                self.controls.set_playing(False)
                self._report_divergence()
                return
            self._stop_reported = s.stopped_early
            self._tick_started = None
            self._update_timer(start=True)
            self.statusBar().showMessage("Playing (Space pauses)", 2000)
        else:
            self.play_timer.stop()
            if not self._closing:
                self.binding.forget("output")       # the full-resolution boundary
                self._refresh()

    def _update_timer(self, start: bool = False) -> None:
        speed = self.controls.current_speed()
        interval = speed.animated_ms if self.controls.animate.isChecked() else 16
        self.play_timer.setInterval(interval)
        if start:
            self.play_timer.start()
        if not self.controls.animate.isChecked() and self._last_unit == "phase" and not self.playing:
            return
        self._redraw_network()

    def _tick(self) -> None:
        """One play frame: a phase, or whole steps for a bounded time; then one redraw."""
        s = self.session
        if s.diverged or self._closing:
            self.pause()
            return
        started = time.perf_counter()
        if self._tick_started is not None:          # what the last frame cost besides training
            overhead = max(0.0, started - self._tick_started - self._train_time)
            self._overhead = 0.7 * self._overhead + 0.3 * min(overhead, 1.0)
        self._tick_started = started
        try:
            with self.adapter.hold():
                if self.controls.animate.isChecked():
                    self._last_unit = "phase"
                    s.advance("phase")
                else:
                    self._last_unit = "step"
                    steps = self.controls.current_speed().steps
                    # Leave room for the redraw so that a frame stays near FRAME_TARGET_S.
                    budget = min(TRAIN_BUDGET_S, max(MIN_TRAIN_S, FRAME_TARGET_S - self._overhead))
                    deadline = started + budget
                    done = 0
                    # Whole-set losses only for the step that is drawn, as the
                    # Playground evaluates once per frame: most of a frame's
                    # training time otherwise goes to evaluations no one sees.
                    while done < steps and not s.diverged and not s.stopped_early:
                        done += s.run(1, metrics=False)
                        if time.perf_counter() > deadline:
                            break
                    if done == 0:
                        s.advance("step")
                    s.evaluate()
                self._train_time = time.perf_counter() - started
        except Exception:
            self.pause()
            raise
        self._after_step()

    def train_steps(self, steps: int, metrics: bool | str = "last") -> int:
        """Train ``steps`` whole steps at once (as play does with the animation off).

        ``metrics``: as ``Session.run``; True evaluates every step (complete loss curves, for pictures).
        """
        self._last_unit = "step"
        with self.adapter.hold():
            done = self.session.run(steps, metrics=metrics)
        self._after_step()
        return done

    def _after_step(self) -> None:
        s = self.session
        if s.diverged:
            self._report_divergence()
        else:
            self._divergence_reported = False
            self.health_strip.set_diverged(False)
            if s.stopped_early and not self._stop_reported:
                self._stop_reported = True
                self.pause()
                self.statusBar().showMessage(s.message + " Switch early stopping off to go on.", 10000)
            elif not s.stopped_early:
                self._stop_reported = False

    def _report_divergence(self) -> None:
        s = self.session
        self.pause()
        self.health_strip.set_diverged(True)
        self.statusBar().showMessage(s.message or "Training diverged.", 10000)
        if self._divergence_reported:
            return
        self._divergence_reported = True
        box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Warning, "Training diverged",
                                    s.message or "Training diverged: a value became NaN or infinite.",
                                    QtWidgets.QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText("Play is paused. Rewind to the last good step, then change a setting "
                               "(learning rate, clipping, init gain) and go on.")
        self.rewind_button = box.addButton("Rewind one step", QtWidgets.QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Stay here", QtWidgets.QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.rewind_button)
        box.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _r, b=box: self._divergence_answered(b))
        if self.divergence_box is not None:
            self.divergence_box.close()
        self.divergence_box = box
        box.open()

    def _divergence_answered(self, box: QtWidgets.QMessageBox) -> None:
        if box.clickedButton() is self.rewind_button and self.session.diverged and not self._closing:
            self.rewind("step")

    # ------------------------------------------------------------------ drawing
    def _on_session_event(self, event: str) -> None:
        s = self.session
        self._set_dirty(event != "session")     # a new session is as opened; anything else changed it
        if event in ("session", "rebuild"):
            self.binding.set_session(s)
            self._divergence_reported = False
            self._stop_reported = False
            self._show_data_view()
            self._update_title()
            if event == "session":
                self.health_strip.set_diverged(s.diverged)
            with np.errstate(all="ignore"):     # a diverged run's numbers overflow: shown as inf
                self.inspector.set_session(s)
                self.feature_view.set_session(s)
        self._refresh()
        with np.errstate(all="ignore"):
            self.inspector.refresh()

    def _refresh(self) -> None:
        s = self.session
        self._redraw_network()
        phase = s.phase
        batch = s.batch
        self.controls.set_batch_size(len(batch) if batch is not None else min(s.config["batch_size"],
                                                                             len(s.prep.train)))
        note = ""
        if s.diverged:
            note = "<span style='color:#c2188f'><b>diverged</b></span>"
        elif s.stopped_early:
            note = "<b>stopped early</b>"
        self.controls.set_counters(s.step, s.epoch, phase.label(), note)
        self.phase_label.setText(caption_html(self.binding.caption()))
        fast_play = self.playing and not self.controls.animate.isChecked()
        now = time.perf_counter()
        if fast_play and now - self._secondary_at < SECONDARY_INTERVAL_S:
            return                              # drawn at the next due frame, or on pause
        self._secondary_at = now
        drawn = self.binding.refresh(network=False, resolution=self._boundary_resolution())
        if "metrics" in drawn:
            self._show_metrics_line()
        if "output" in drawn and self.feature_view.isVisible():    # hidden (a tab behind): refreshed when shown
            self.feature_view.refresh()

    def _redraw_network(self, *_args) -> None:
        opt = self.frame_options
        opt.batch_mean = self.controls.batch_mean.isChecked()
        opt.heatmaps = self.heatmaps_action.isChecked()
        opt.update_as_delta = self.delta_action.isChecked() and self._last_unit == "phase"
        self.binding.draw_network()

    def current_frame(self):
        return self.network_view.current_frame()

    def _show_metrics_line(self) -> None:
        """The last step's losses and accuracies in the status bar."""
        s = self.session
        m = s.metrics
        if not len(m):
            self.metrics_label.setText("no steps yet")
            return
        has_test = len(s.prep.test) > 0
        parts = [f"train loss {format_number(m.train_loss[-1])}"]
        if has_test:
            parts.append(f"test loss {format_number(m.test_loss[-1])}")
        if s.prep.task != "regression":
            parts.append(f"train acc {format_percent(m.train_acc[-1])}")
            if has_test:
                parts.append(f"test acc {format_percent(m.test_acc[-1])}")
        self.metrics_label.setText("   ".join(parts))

    def _show_data_view(self) -> None:
        """Point the data dock at the right view for the session's data (after a rebuild)."""
        s = self.session
        ds = s.prep.dataset
        kind = self.binding.kind
        if kind == "plane":
            self.draw_bar.set_classes(list(ds.class_names) or [str(k) for k in range(max(ds.n_classes, 2))],
                                      regression=ds.task == "regression")
            self.data_stack.setCurrentWidget(self.plane_panel)
        elif kind in ("curve", "predicted"):
            self.data_stack.setCurrentWidget(self.regression_view)
        else:
            self.weight_images_view.setVisible(self.binding.weight_shape is not None)
            self.data_stack.setCurrentWidget(self.no_plane)

    def _boundary_resolution(self) -> int:
        """100×100 normally; while training fast, fewer points for wide nets.

        The grid costs points × weights multiply-adds: 100×100 through a 6×8
        net is ~3·10⁶ (a few ms), through 8 layers of 64 ~3·10⁸ (~100 ms).
        While playing with the animation off the grid is sized to about
        ``PLAY_BOUNDARY_MACS``; the bilinear upscaling of the image hides the
        difference, and pausing draws the full grid again.
        """
        if not (self.playing and not self.controls.animate.isChecked()):
            return BOUNDARY_RESOLUTION
        weights = sum(p["W"].size for p in self.session.network.params)
        side = int(math.sqrt(PLAY_BOUNDARY_MACS / max(weights, 1)))
        return max(MIN_PLAY_RESOLUTION, min(BOUNDARY_RESOLUTION, side))

    def _update_title(self) -> None:
        s = self.session
        parts = ["nnviz"]
        if s.lesson is not None:
            parts.append(s.lesson.title)
        if self.path:
            parts.append(Path(self.path).name)
        self.setWindowTitle(" — ".join(parts) + "[*]")

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.setWindowModified(dirty)

    # ------------------------------------------------------------------ clicks
    def _on_sample(self, index: int) -> None:
        self.frame_options.sample = index
        self._redraw_network()
        self.phase_label.setText(caption_html(self.binding.caption()))

    def _on_node_clicked(self, col: int, i: int) -> None:
        s = self.session
        self.frame_options.selected = ("node", col, i)
        self._redraw_network()
        if col > 0:
            with np.errstate(all="ignore"):
                self.inspector.show_neuron(s, col, i, self.frames.focus_index(s, self.frame_options))
            self._show_inspector()
        t = s.trace
        k = self.frames.focus_index(s, self.frame_options)
        if col == 0:
            name = s.prep.input_names[i] if i < len(s.prep.input_names) else f"x{i + 1}"
            text = f"input {name}"
            if t is not None:
                text += f" = {format_number(t.X[k, i])} (sample {k + 1}, standardized)"
        else:
            text = f"layer {col} neuron {i + 1}" if col < s.n_layers else f"output neuron {i + 1}"
            if t is not None and col - 1 < len(t.layers):
                lt = t.layers[col - 1]
                text += f": z = {format_number(lt.z[k, i])}, a = {format_number(lt.a[k, i])}"
                if lt.grad_z is not None:
                    text += f", δ = dL/dz = {format_number(lt.grad_z[k, i])}"
                if lt.dropout_mask is not None and lt.dropout_mask[k, i] == 0:
                    text += " (dropped out this step)"
                text += f"  (sample {k + 1})"
        self.statusBar().showMessage(text, 15000)

    def _on_edge_clicked(self, layer: int, i: int, j: int) -> None:
        s = self.session
        self.frame_options.selected = ("edge", layer, i, j)
        self._redraw_network()
        with np.errstate(all="ignore"):
            self.inspector.show_edge(s, layer + 1, i, j)
        self._show_inspector()
        w = s.network.params[layer]["W"][i, j]
        text = f"W{layer + 1}[{i + 1},{j + 1}] = {format_number(w)}"
        grads = s.grads
        if grads is not None and grads[layer] is not None:
            text += f", dL/dw = {format_number(grads[layer]['W'][i, j])}"
        delta = s.update_delta
        if delta is not None:
            text += f", Δw = {format_number(delta[layer]['W'][i, j])}"
        self.statusBar().showMessage(text, 15000)

    def _on_header_clicked(self, col: int) -> None:
        s = self.session
        if col == 0:
            self.knobs_dock.show()
            self.knobs.tabs.setCurrentIndex(0)
            self.statusBar().showMessage("Inputs: choose the input features in Settings → Data", 5000)
            return
        if col == s.n_layers:
            with np.errstate(all="ignore"):
                self.inspector.show_layer(s, col)
            self._show_inspector()
            self.knobs_dock.show()
            self.knobs.tabs.setCurrentIndex(1)
            self.statusBar().showMessage("The output layer follows from the data; its activation and the "
                                         "loss are in Settings", 5000)
            return
        menu = self.layer_menu_for(col - 1)
        menu.popup(QtGui.QCursor.pos())

    def layer_menu_for(self, index: int) -> QtWidgets.QMenu:
        """The menu of hidden layer ``index`` (0-based), as a click on its header opens it."""
        s = self.session
        spec = s.config["hidden"][index]
        fan_in = s.prep.n_inputs if index == 0 else s.config["hidden"][index - 1]["size"]
        knobs = self.knobs
        menu = QtWidgets.QMenu(self)
        menu.setToolTipsVisible(True)
        title = menu.addAction(f"Layer {index + 1}: {spec['size']} × {spec['activation']}")
        title.setEnabled(False)
        inspect = menu.addAction("Inspect this layer")
        inspect.setToolTip("Shapes, health and a gradient check of this layer in the inspector")
        inspect.triggered.connect(lambda: self._inspect_layer(index + 1))
        act_menu = menu.addMenu("Activation")
        for name in ("linear", "step", "sigmoid", "tanh", "relu", "leaky_relu", "prelu", "elu"):
            a = act_menu.addAction(name)
            a.setCheckable(True)
            a.setChecked(name == spec["activation"])
            a.triggered.connect(lambda _=False, n=name: knobs.set_layer(index, activation=n))
        bn = menu.addAction("Batch norm")
        bn.setCheckable(True)
        bn.setChecked(spec["batch_norm"])
        bn.setToolTip("Normalize this layer's pre-activations over the mini-batch (rebuilds the network)")
        bn.triggered.connect(lambda on: knobs.set_layer(index, batch_norm=bool(on)))
        drop_menu = menu.addMenu("Dropout")
        for rate in (0.0, 0.1, 0.2, 0.3, 0.5):
            a = drop_menu.addAction("off" if rate == 0 else f"{rate:g}")
            a.setCheckable(True)
            a.setChecked(abs(spec["dropout"] - rate) < 1e-9)
            a.triggered.connect(lambda _=False, r=rate: knobs.set_layer(index, dropout=r))
        res = menu.addAction("Residual connection")
        res.setCheckable(True)
        res.setChecked(spec["residual"])
        res.setEnabled(spec["size"] == fan_in or spec["residual"])
        res.setToolTip("a = f(z) + input; needs as many units as inputs "
                       f"({spec['size']} units, {fan_in} inputs)")
        res.triggered.connect(lambda on: knobs.set_layer(index, residual=bool(on)))
        menu.addSeparator()
        more = menu.addAction("Add a neuron")
        more.triggered.connect(lambda: knobs.set_layer(index, size=spec["size"] + 1))
        fewer = menu.addAction("Remove a neuron")
        fewer.setEnabled(spec["size"] > 1)
        fewer.triggered.connect(lambda: knobs.set_layer(index, size=spec["size"] - 1))
        menu.addSeparator()
        add = menu.addAction("Insert a layer after this one")
        add.triggered.connect(lambda: knobs.add_layer(index))
        rem = menu.addAction("Remove this layer")
        rem.triggered.connect(lambda: knobs.remove_layer(index))
        if "hidden" in s.config["classroom"]["locked_knobs"]:      # the instructor locked the layers
            for act in menu.actions():
                if act is not inspect:
                    act.setEnabled(False)
            menu.addSeparator()
            menu.addAction("Layers locked by the instructor").setEnabled(False)
        if self.layer_menu is not None:
            self.layer_menu.deleteLater()
        self.layer_menu = menu
        return menu

    def _inspect_layer(self, layer: int) -> None:
        with np.errstate(all="ignore"):
            self.inspector.show_layer(self.session, layer)
        self._show_inspector()

    def _show_inspector(self) -> None:
        self.inspector_dock.show()
        self.inspector_dock.raise_()

    def _on_point_clicked(self, x: float, y: float, button: int) -> None:
        """Draw mode on the data view: left adds a point of the chosen class, right removes the nearest."""
        s = self.session
        self.pause()
        try:
            if button == QtCore.Qt.MouseButton.RightButton.value:
                x0, x1, y0, y1 = s.data_extent()
                if not s.remove_point_near(x, y, 0.05 * max(x1 - x0, y1 - y0)):
                    self.statusBar().showMessage("No point near the click to remove", 3000)
                    return
                what = "Removed a point"
            else:
                s.add_point(x, y, self.draw_bar.label())
                what = f"Added a point of {self.draw_bar.class_combo.currentText()}"
        except ValueError as err:
            self.statusBar().showMessage(str(err), 6000)
            return
        self.statusBar().showMessage(f"{what} at ({x:.2f}, {y:.2f}): {len(s.prep.dataset)} points", 4000)

    def _on_problem(self, text: str) -> None:
        if text:
            self.statusBar().showMessage(text, 10000)

    def compare_side_by_side(self, lesson_id: str | None = None) -> CompareWindow | None:
        """Open a lesson (default: the current one) and its comparison side by side."""
        if not lesson_id:
            lesson = self.session.lesson
            lesson_id = lesson.id if lesson is not None else self.lessons.selected_id()
        if not has_side_by_side(lesson_id):
            self.statusBar().showMessage("This lesson has no comparison run: choose one with "
                                         "\"Compare with\" in its text", 6000)
            return None
        return self._open_compare(lesson_runs(lesson_id), lesson_id)

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
        dialog.problem.connect(lambda text: self.show_error("Could not apply the classroom setup", text))
        self.classroom_box = dialog
        dialog.open()
        return dialog


def _bool_setting(value, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).lower() in ("1", "true", "yes")


def _int_setting(value, default: int, lo: int, hi: int) -> int:
    try:
        return min(max(int(value), lo), hi)
    except (TypeError, ValueError):
        return default


def main(argv=None) -> int:
    """Run the window on a lesson (``--lesson ID``, default xor); for a quick look and smoke tests."""
    import argparse
    import sys
    import tempfile

    parser = argparse.ArgumentParser(description="nnviz main window")
    parser.add_argument("--lesson", default=DEMO_LESSON, choices=list(LESSONS))
    parser.add_argument("--quit-after-ms", type=int, default=None, metavar="N")
    parser.add_argument("--screenshot", default=None, metavar="FILE")
    parser.add_argument("--steps", type=int, default=0, help="train this many steps first")
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([sys.argv[0]])
    scratch = tempfile.TemporaryDirectory()        # the preview leaves the user's settings alone
    settings = QtCore.QSettings(str(Path(scratch.name) / "preview.ini"), QtCore.QSettings.Format.IniFormat)
    window = MainWindow(Session.from_lesson(args.lesson), settings=settings)
    if args.steps:
        window.train_steps(args.steps)
    from nnviz.ui.widgets.demo_runner import show_until_quit
    try:
        return show_until_quit(app, window, args.quit_after_ms, args.screenshot)
    finally:
        scratch.cleanup()


if __name__ == "__main__":
    raise SystemExit(main())
