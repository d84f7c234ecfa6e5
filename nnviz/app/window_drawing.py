"""How the main window follows its session: session events, the per-frame refresh, the status line.

The views are fed by one :class:`~nnviz.ui.binding.Binding`, which redraws
only what changed: the boundary and heatmaps when the weights changed, the
curves when a step was added or removed.  While training fast the plots
around the network (curves, gradient plots, boundary, health) redraw at most
every ``SECONDARY_INTERVAL_S``, and at least ``SECONDARY_SHARE`` times as
long as they took apart: each of them re-lays out its axes when its data
grow, measured here at 25-30 ms a frame for all of them together, more than
the network view itself.  On a busy machine a fixed interval shorter than a
frame let them be drawn with every frame, so the share keeps them to about a
third of the time however slow they are, and never skips them for long.
Pausing draws them at once.
"""

from __future__ import annotations

import math
import time

import numpy as np

from nnviz.session.formatting import format_number, format_percent
from nnviz.ui.binding import BOUNDARY_RESOLUTION, caption_html
from nnviz.ui.network.frame_builder import weights_version
from nnviz.ui.visibility import shown_on_screen

SECONDARY_INTERVAL_S = 0.1  # while training fast, plots around the network redraw at most 10x a second
SECONDARY_SHARE = 2.0       # ... and wait twice as long as their last redraw took (a third of the time)
PLAY_BOUNDARY_MACS = 2e7     # grid size while training fast (see _boundary_resolution)
MIN_PLAY_RESOLUTION = 24


class WindowDrawing:
    """Draw the window's session through its binding (part of :class:`~nnviz.app.main_window.MainWindow`)."""

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
                row = self.frame_options.sample        # a lesson may pick the row; a smaller batch clamps it
                self.controls.set_batch_size(min(s.config["batch_size"], len(s.prep.train)))
                self.controls.sample.setValue(min(row + 1, self.controls.sample.maximum()))
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
            note = "<span style='color:#c2188f'><b>" + self.tr("diverged") + "</b></span>"
        elif s.stopped_early:
            note = "<b>" + self.tr("stopped early") + "</b>"
        self.controls.set_counters(s.step, s.epoch, phase.label(), note)
        self.phase_label.setText(caption_html(self.binding.caption()))
        fast_play = self.playing and not self.controls.animate.isChecked()
        started = time.perf_counter()
        if fast_play and started < self._secondary_at:
            return                              # drawn at the next due frame, or on pause
        drawn = self.binding.refresh(network=False, resolution=self._boundary_resolution())
        if "metrics" in drawn:
            self._show_metrics_line()
        self._refresh_feature_space()
        now = time.perf_counter()               # _secondary_at: when they may be drawn again
        self._secondary_at = now + max(SECONDARY_INTERVAL_S - (now - started), SECONDARY_SHARE * (now - started))

    def _refresh_feature_space(self) -> None:
        """The feature space after the network changed, when it is seen (a tab behind: refreshed when
        shown); apart from the output part, whose views may be the tab behind it."""
        if not shown_on_screen(self.feature_view):
            return
        s = self.session
        key = (id(s.network), s.step, weights_version(s.network))
        if key != self._feature_key:
            self._feature_key = key
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
            self.metrics_label.setText(self.tr("no steps yet"))
            return
        has_test = len(s.prep.test) > 0
        parts = [self.tr("train loss {0}").format(format_number(m.train_loss[-1]))]
        if has_test:
            parts.append(self.tr("test loss {0}").format(format_number(m.test_loss[-1])))
        if s.prep.task != "regression":
            parts.append(self.tr("train acc {0}").format(format_percent(m.train_acc[-1])))
            if has_test:
                parts.append(self.tr("test acc {0}").format(format_percent(m.test_acc[-1])))
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
