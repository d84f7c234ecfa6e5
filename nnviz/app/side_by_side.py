"""Side by side: two to four runs on the same data and seed, stepped in lockstep.

``CompareWindow(sessions, labels)`` shows, per run, a small network view, the
gradient-health strip and the per-layer gradient-norm plot (the runs' plots
share one log axis, so "four decades lower" reads the same in every column),
and under them one loss plot with every run's train (solid) and test (dashed)
loss in the run's color; its "Loss landscape" tab draws every run's path on
one loss surface (the first run's, on a plane fitted to all paths; computed
when the tab is shown, then by the panel's recompute policy).  The toolbar
steps every run by a phase, a step or an epoch, plays and pauses, and resets;
a run that diverges stops where it is, marked "diverged", while the others go on.  F5 switches to projector mode
(full screen, contrast theme, presenter-size lines and type; Esc leaves).

The runs come from one base config plus per-run overrides
(:func:`~nnviz.ui.compare_runs.build_sessions`); the presets are a lesson with its comparison
(:func:`~nnviz.ui.compare_runs.lesson_runs`, e.g. the ReLU + He fix against sigmoid with Xavier),
the deep sigmoid net against its remedies (``remedy_runs``), and an
optimizer race (``optimizer_race``: SGD, SGD with momentum, RMSprop and
Adam on one net).  The window holds no training math: buttons call
``session.advance`` / ``session.run`` / ``session.reset``.
"""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets

from nnviz.app.playback import PLAY_EDGES_PER_FRAME
from nnviz.app.presenter import FONT_SCALE, LINE_SCALE
from nnviz.app.run_column import RunColumn, health_summary
from nnviz.session import LESSONS, Session
from nnviz.ui.compare_runs import MAX_RUNS, build_sessions, lesson_runs, optimizer_race
from nnviz.ui.i18n import formula, numbers
from nnviz.ui.network.frame_builder import FrameOptions
from nnviz.ui.panels.landscape_panel import LandscapePanel
from nnviz.ui.plots.runs_loss import RUN_COLORS, RunsLossView
from nnviz.ui.series import loss_series
from nnviz.ui.widgets.theme import get_theme

PLAY_STEPS = (1, 2, 5, 10, 20)    # training steps per run per play frame
PLAY_INTERVAL_MS = 40


class CompareWindow(QtWidgets.QMainWindow):
    """``CompareWindow(sessions, labels)``: 2 to 4 runs stepped together (see the module docstring)."""

    def __init__(self, sessions: list[Session], labels: list[str], *, title: str = "",
                 theme: str = "light", parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        if not 2 <= len(sessions) <= MAX_RUNS or len(labels) != len(sessions):
            raise ValueError(f"compare: 2 to {MAX_RUNS} sessions with one label each")
        self.setObjectName("nnviz_compare_window")
        self.setWindowTitle(self.tr("nnviz — side by side") + (f": {formula(title)}" if title else ""))
        self.sessions = list(sessions)
        self.labels = list(labels)
        self.frame_options = FrameOptions(heatmaps=False)
        self._theme = theme
        self.play_timer = QtCore.QTimer(self)
        self.play_timer.setInterval(PLAY_INTERVAL_MS)
        self.play_timer.timeout.connect(self._tick)

        colors = RUN_COLORS.get(theme, RUN_COLORS["light"])
        self.columns = [RunColumn(label, colors[i], self.frame_options) for i, label in enumerate(labels)]
        runs = QtWidgets.QWidget()
        row = QtWidgets.QHBoxLayout(runs)
        row.setContentsMargins(0, 0, 0, 0)
        for col in self.columns:
            row.addWidget(col, 1)
        for col in self.columns:
            col.gradnorm_view.set_title(self.tr("‖∇W‖ per layer"))     # the run's name heads its column
        self.loss_view = RunsLossView()
        self.loss_view.set_title(self.tr("loss of every run (train solid, test dashed)"))
        self.loss_view.set_runs(self.labels)
        self.loss_view.setMinimumHeight(200)
        self.landscape = LandscapePanel()
        self.lower = QtWidgets.QTabWidget()
        self.lower.addTab(self.loss_view, self.tr("Loss"))
        self.lower.addTab(self.landscape, self.tr("Loss landscape"))
        self.lower.currentChanged.connect(self._on_lower_tab)
        split = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        split.addWidget(runs)
        split.addWidget(self.lower)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        split.setSizes([620, 260])
        self.split = split
        self.setCentralWidget(split)
        self._build_toolbar()
        self.set_theme(theme)
        self.resize(1400, 900)
        self.refresh()

    # ------------------------------------------------------------------ building
    def _build_toolbar(self) -> None:
        bar = self.addToolBar(self.tr("Lockstep controls"))
        bar.setObjectName("compare_controls")
        bar.setToolButtonStyle(QtCore.Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        style = self.style()
        SP = QtWidgets.QStyle.StandardPixmap

        def action(text, tip, keys, icon, slot, checkable=False):
            act = QtGui.QAction(style.standardIcon(icon), text, self)
            act.setShortcut(QtGui.QKeySequence(keys))
            act.setToolTip(f"{tip} ({formula(keys)})")
            act.setCheckable(checkable)
            (act.toggled if checkable else act.triggered).connect(slot)
            bar.addAction(act)
            self.addAction(act)
            return act

        self.reset_action = action(self.tr("Reset"), self.tr("Every run back to step 0 with its initial weights"),
                                   "Ctrl+R", SP.SP_BrowserReload, lambda: self.reset())
        self.phase_action = action(self.tr("Phase"), self.tr("Every run one phase further"), "Right",
                                   SP.SP_MediaSeekForward, lambda: self.step("phase"))
        self.step_action = action(self.tr("Step"), self.tr("Every run one training step further"), "Shift+Right",
                                  SP.SP_MediaSkipForward, lambda: self.step("step"))
        self.epoch_action = action(self.tr("Epoch"), self.tr("Every run one epoch further"), "Ctrl+Right",
                                   SP.SP_ArrowForward, lambda: self.step("epoch"))
        self.play_action = action(self.tr("Play"), self.tr("Train every run together; Space pauses"), "Space",
                                  SP.SP_MediaPlay, self._on_play, checkable=True)
        self.speed = QtWidgets.QComboBox()
        for n in PLAY_STEPS:
            text = self.tr("{n} steps/frame") if n > 1 else self.tr("1 step/frame")
            self.speed.addItem(numbers(text.format(n=n)), n)
        self.speed.setCurrentIndex(2)
        self.speed.setToolTip(self.tr("Training steps of every run per play frame"))
        bar.addWidget(self.speed)
        self.counter = QtWidgets.QLabel()
        self.counter.setContentsMargins(12, 0, 0, 0)
        bar.addWidget(self.counter)
        self.projector_action = action(self.tr("Projector"), self.tr("Full screen, high contrast, thick lines and "
                                                                     "large type; Esc leaves"), "F5",
                                       SP.SP_TitleBarMaxButton,
                                       self.set_projector, checkable=True)
        leave = QtGui.QAction(self)
        leave.setShortcut(QtGui.QKeySequence("Esc"))
        leave.triggered.connect(lambda: self.projector_action.setChecked(False))
        self.addAction(leave)
        self._normal: dict | None = None

    # ------------------------------------------------------------------ lockstep
    @property
    def playing(self) -> bool:
        return self.play_timer.isActive()

    def step(self, unit: str) -> None:
        """Advance every run that has not diverged by "phase", "step" or "epoch"."""
        with np.errstate(all="ignore"):
            for s in self.sessions:
                if not s.diverged:
                    s.advance(unit)
        self.refresh()

    def run(self, steps: int) -> None:
        """Train every live run ``steps`` whole steps (what play does each frame)."""
        with np.errstate(all="ignore"):
            for s in self.sessions:
                if not s.diverged and not s.stopped_early:
                    s.run(steps)
        self.refresh()

    def reset(self) -> None:
        self.pause()
        for s in self.sessions:
            s.reset()
        self.landscape.forget()
        self.refresh()

    def play(self) -> None:
        self.play_action.setChecked(True)

    def pause(self) -> None:
        self.play_action.setChecked(False)

    def step_counts(self) -> list[int]:
        return [s.step for s in self.sessions]

    def statuses(self) -> list[str]:
        return ["diverged" if s.diverged else "stopped early" if s.stopped_early else "running"
                for s in self.sessions]

    def _on_play(self, on: bool) -> None:
        self.play_action.setText(self.tr("Pause") if on else self.tr("Play"))
        # the runs share the main window's edge budget per play frame; pausing draws every layer
        budget = PLAY_EDGES_PER_FRAME // len(self.columns) if on else None
        for col in self.columns:
            col.network_view.set_edge_budget(budget)
        if on:
            self.play_timer.start()
        else:
            self.play_timer.stop()

    def _tick(self) -> None:
        if all(s.diverged or s.stopped_early for s in self.sessions):
            self.pause()
            return
        self.run(int(self.speed.currentData()))

    def set_projector(self, on: bool) -> None:
        """Projector mode on or off: full screen, the contrast theme, presenter-size lines and type."""
        if on and self._normal is None:
            self._normal = {"state": self.windowState(), "theme": self._theme, "font": QtGui.QFont(self.font())}
            self.set_theme("contrast")
            font = QtGui.QFont(self.font())
            font.setPointSizeF(max(font.pointSizeF(), 9.0) * FONT_SCALE)
            self.setFont(font)
            self.set_line_scale(LINE_SCALE)
            self.showFullScreen()
        elif not on and self._normal is not None:
            normal, self._normal = self._normal, None
            self.setWindowState(normal["state"])
            self.setFont(normal["font"])
            self.set_line_scale(1.0)
            self.set_theme(normal["theme"])
        if self.projector_action.isChecked() != on:
            self.projector_action.setChecked(on)

    def projecting(self) -> bool:
        return self._normal is not None

    # ------------------------------------------------------------------ drawing
    def set_theme(self, name: str) -> None:
        self._theme = name
        colors = RUN_COLORS.get(name, RUN_COLORS["light"])
        bg = get_theme(name).background
        self.setStyleSheet(f"QMainWindow#nnviz_compare_window {{ background: {bg}; }}" if name == "dark" else "")
        for i, col in enumerate(self.columns):
            col.color = colors[i % len(colors)]
            for view in col.views():
                view.set_theme(name)
        self.loss_view.set_theme(name)
        self.landscape.set_theme(name)
        self.landscape.view.set_path_colors(colors)
        self.refresh()

    def set_line_scale(self, scale: float) -> None:
        for col in self.columns:
            for view in col.views():
                view.set_line_scale(scale)
        self.loss_view.set_line_scale(scale)
        self.landscape.set_line_scale(scale)
        for col in self.columns:
            font = QtGui.QFont(self.font())
            font.setPointSizeF(font.pointSizeF() * (scale ** 0.5 if scale != 1.0 else 1.0))
            col.title.setFont(font)
            col.health.setFont(font)

    def refresh(self) -> None:
        with np.errstate(all="ignore"):
            for i, (s, col) in enumerate(zip(self.sessions, self.columns)):
                self._draw_run(i, s, col)
            self._share_norm_range()
            self._draw_landscape()
        counts = self.step_counts()
        text = self.tr("step {n}").format(n=counts[0]) if len(set(counts)) == 1 else \
            self.tr("steps {list}").format(list=" / ".join(map(str, counts)))
        self.counter.setText(numbers(self.tr("{steps}   phase {phase}").format(
            steps=text, phase=self.sessions[0].phase.label())))

    def _on_lower_tab(self, _index: int) -> None:
        """The landscape needs room: half the height while its tab is in front, the loss plot less."""
        total = sum(self.split.sizes())
        share = 0.5 if self.lower.currentWidget() is self.landscape else 0.3
        self.split.setSizes([int(total * (1 - share)), int(total * share)])
        self._draw_landscape()

    def _draw_landscape(self) -> None:
        """Every run's path on one surface, while its tab is in front (the panel paces the surfaces)."""
        if self.lower.currentWidget() is not self.landscape:
            return
        with np.errstate(all="ignore"):
            if self.landscape.landscape() is None:
                self.landscape.set_runs(self.sessions, self.labels)
            else:
                self.landscape.refresh(playing=self.playing)

    def _draw_run(self, i: int, s: Session, col: RunColumn) -> None:
        if col.binding.session is not s:
            col.binding.set_session(s)
        col.binding.draw_network()
        col.binding.draw_metrics()
        m = s.metrics
        n = len(m)
        ls = loss_series(s)
        self.loss_view.set_series(i, ls.steps, ls.train, ls.test if n else None)
        col.health.setText(health_summary(s.health()) if n else "")
        status = self.statuses()[i]
        shown = self.tr("diverged") if status == "diverged" else self.tr("stopped early")
        note = "" if status == "running" else f" — <span style='color:#c2188f'><b>{shown}</b></span>"
        last = m.last("train_loss") if n else float("nan")
        loss = numbers(self.tr("loss {value}").format(value=f"{last:.3g}")) if np.isfinite(last) else ""
        step = numbers(self.tr("step {n}").format(n=s.step))
        col.title.setText(f"<span style='color:{col.color}; font-weight:bold'>■ {col.label}</span>"
                          f"&nbsp;&nbsp;{step}&nbsp;&nbsp;{loss}{note}")

    def _share_norm_range(self) -> None:
        """One log range over every run's gradient norms, so the columns compare at a glance."""
        lo, hi = np.inf, -np.inf
        for s in self.sessions:
            if len(s.metrics):
                g = np.asarray(s.metrics.grad_norm, dtype=float)
                g = g[np.isfinite(g) & (g > 0)]
                if g.size:
                    lo, hi = min(lo, float(g.min())), max(hi, float(g.max()))
        if not lo < hi:
            return
        lo, hi = np.log10(lo), np.log10(hi)
        pad = 0.05 * (hi - lo)
        for col in self.columns:
            col.gradnorm_view.plot_item.setYRange(lo - pad, hi + pad, padding=0)

    def norm_range(self) -> tuple[float, float]:
        """The shared log10 range of the gradient-norm plots."""
        return tuple(self.columns[0].gradnorm_view.plot_item.getViewBox().viewRange()[1])

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:  # noqa: N802 (Qt API)
        self.pause()
        super().closeEvent(event)


def open_compare(preset: tuple[list[str], dict, list[dict]], *, title: str = "", theme: str = "light",
                 parent: QtWidgets.QWidget | None = None) -> CompareWindow:
    """A compare window on a preset's ``(labels, base, overrides)``."""
    labels, base, overrides = preset
    return CompareWindow(build_sessions(base, overrides), labels, title=title, theme=theme, parent=parent)


def main(argv=None) -> int:
    """The optimizer race (``--lesson ID`` for a lesson and its comparison); for a quick look."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(description="nnviz side-by-side runs")
    parser.add_argument("--lesson", default=None, choices=list(LESSONS))
    parser.add_argument("--steps", type=int, default=0, help="train this many steps first")
    parser.add_argument("--scale", type=float, default=1.0, help="line and font scale")
    parser.add_argument("--theme", default="light", choices=list(RUN_COLORS))
    parser.add_argument("--size", default="1400x900")
    parser.add_argument("--quit-after-ms", type=int, default=None, metavar="N")
    parser.add_argument("--screenshot", default=None, metavar="FILE")
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([sys.argv[0]])
    preset = lesson_runs(args.lesson) if args.lesson else optimizer_race()
    window = open_compare(preset, title=args.lesson or "optimizer race", theme=args.theme)
    if args.scale != 1.0:
        window.set_line_scale(args.scale)
    w, h = (int(v) for v in args.size.split("x"))
    window.resize(w, h)
    if args.steps:
        window.run(args.steps)
    from nnviz.ui.widgets.demo_runner import show_until_quit
    return show_until_quit(app, window, args.quit_after_ms, args.screenshot)


if __name__ == "__main__":
    raise SystemExit(main())
