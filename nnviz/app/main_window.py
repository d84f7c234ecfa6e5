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

The window is assembled here; each concern lives in its own module, mixed
into :class:`MainWindow`: :mod:`~nnviz.app.playback` (stepping, the play
loop and its frame budget), :mod:`~nnviz.app.window_drawing` (following the
session through one :class:`~nnviz.ui.binding.Binding`),
:mod:`~nnviz.app.file_actions` (open, save, import),
:mod:`~nnviz.app.network_clicks` (the inspector and layer menus),
:mod:`~nnviz.app.window_settings` (layout, theme, zoom) and
:mod:`~nnviz.app.window_menus` (the menu bar and its dialogs).
"""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets

from nnviz.app.edit_history import EditHistory
from nnviz.app.file_actions import FileActions
from nnviz.app.lecture_docks import LectureDocks
from nnviz.app.network_clicks import NetworkClicks
from nnviz.app.playback import START_TRAIN_S, Playback
from nnviz.app.recent_files import last_experiment, remember_experiment
from nnviz.app.side_by_side import CompareWindow
from nnviz.app.window_drawing import WindowDrawing
from nnviz.app.window_menus import WindowMenus
from nnviz.app.window_settings import WindowSettings
from nnviz.session import LESSONS, Session
from nnviz.ui.binding import Binding
from nnviz.ui.network.frame_builder import FrameOptions
from nnviz.ui.network.view import NetworkView
from nnviz.ui.panels.controls import StepControls
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

DEMO_LESSON = "xor"


class MainWindow(Playback, FileActions, WindowDrawing, NetworkClicks, WindowSettings, WindowMenus,
                 QtWidgets.QMainWindow):
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
        self._theme = "light"            # the theme drawn; View → Theme may say "system" (window_settings)
        self._theme_choice = "system"
        self._color_scheme = None       # the desktop's scheme as colorSchemeChanged last said
        self._closing = False
        self._needs_default_sizes = False
        self._train_budget = START_TRAIN_S     # play frames: training time, steered by the frame period
        self._tick_started: float | None = None
        self._secondary_at = 0.0
        self._feature_key = None            # the state the feature space last showed

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
        self.edit_history = EditHistory(self)      # Edit → Undo, Redo, History (nnviz.app.edit_history)
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
        self.phase_label.setToolTip(self.tr("What the current phase computes"))
        self.network_view = NetworkView()
        self.network_view.setToolTip("")
        self.health_strip = HealthStrip()
        self.health_strip.setSizePolicy(QtWidgets.QSizePolicy.Policy.Preferred,
                                        QtWidgets.QSizePolicy.Policy.Fixed)
        self.health_strip.setToolTip(self.tr("Gradient health of each layer from the latest step; hover a "
                                             "chip for the thresholds"))
        self.gradnorm_view = GradNormView()
        self.gradnorm_view.set_title(self.tr("gradient norm per layer"))
        self.gradnorm_view.setToolTip(self.tr("‖dL/dW‖ of each layer at every step, log scale: vanishing "
                                              "gradients put the first layers' lines far below the last"))
        self.graddist_view = GradDistributionView()
        self.graddist_view.set_title(self.tr("this step's gradients"))
        self.graddist_view.setToolTip(self.tr("Histogram of log10 |dL/dW| per layer for the step shown "
                                              "(layers appear as backward reaches them)"))

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
        self.boundary_view.setToolTip(self.tr("The data (train filled, test hollow) over the model's output: "
                                              "the decision boundary, or the regression surface"))
        self.regression_view = RegressionView()
        self.regression_view.setToolTip(self.tr("The data and the network's prediction"))
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
        self.feature_view.setToolTip(self.tr("The training data at the outputs of two neurons of a hidden "
                                             "layer: watch a layer pull the classes apart while it trains"))
        self.curves_view = LossCurvesView()
        self.curves_view.setToolTip(self.tr("Train (solid) and test (dashed) loss after every step; the "
                                            "marker is the best test loss (early stopping)"))
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
        self.lessons_dock = self._dock(self.tr("Lessons"), "lessons_dock", self.lessons, left)
        self.inspector_dock = self._dock(self.tr("Inspector"), "inspector_dock", self.inspector, left)
        self.tabifyDockWidget(self.lessons_dock, self.inspector_dock)
        self.lessons_dock.raise_()
        self.knobs_dock = self._dock(self.tr("Settings"), "knobs_dock", self.knobs, left)
        self.data_dock = self._dock(self.tr("Data and output"), "data_dock", self.data_stack, right)
        self.curves_dock = self._dock(self.tr("Loss"), "curves_dock", self.curves_view, right)
        self.feature_dock = self._dock(self.tr("Feature space"), "feature_dock", self.feature_view, right)
        # Loss landscape, activation function, neuron graph: hidden until chosen (nnviz.app.lecture_docks).
        self.lecture = LectureDocks(self, self.adapter, self.network_view,
                                    lambda: self.frames.focus_index(self.session, self.frame_options),
                                    lambda: self.playing, right, tab_with=self.data_dock)
        # Tabbed behind the loss curves once the window is shown (_tab_feature_dock): a
        # second tab group made before the first show leaves a stray copy of its tab bar
        # in the middle of the window (Qt 6.10).
        self.setCorner(QtCore.Qt.Corner.BottomLeftCorner, left)
        self.setCorner(QtCore.Qt.Corner.BottomRightCorner, right)
        self._default_state = None

    def _build_status_bar(self) -> None:
        self.metrics_label = QtWidgets.QLabel()
        self.metrics_label.setToolTip(self.tr("Loss and accuracy on the whole training and test sets after "
                                              "the latest update (evaluation mode)"))
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
        self.adapter.sessionReplaced.connect(lambda: self.edit_history.follow(self.session))
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

    # ------------------------------------------------------------------ window events
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
        self.edit_history.detach()
        for box in (self.error_box, self.divergence_box, getattr(self, "csv_dialog", None)):
            if box is not None:
                box.close()
        super().closeEvent(event)

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
