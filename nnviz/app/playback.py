"""The main window's stepping and play loop: steps, rewinds, the play timer's frames and divergence.

Playing is a QTimer: each tick advances one phase (animation on) or trains
whole steps for a bounded time (animation off), then redraws once, so the
window stays responsive at any speed.  With the animation off a frame's
training time is steered by the frames' measured period: a frame that came
late shortens the next one's training, an early one lengthens it, so that
training, scoring and redraw together keep to ``FRAME_TARGET_S`` and
training gets all the time the redraw leaves (``benchmarks/tick.py``
measures both).  A diverged run pauses play and offers to rewind.
"""

from __future__ import annotations

import time

from PySide6 import QtCore, QtWidgets

TRAIN_BUDGET_S = 0.025      # longest training per play tick with the animation off ...
MIN_TRAIN_S = 0.004         # ... and the shortest
START_TRAIN_S = 0.010       # the first frame's, before the frames' period steers it
# One play frame (training, scoring and redraw): a little under 1/30 s, so
# that the jitter of a busy machine still leaves 30 frames per second.
FRAME_TARGET_S = 1 / 32
BUDGET_GAIN = 0.3           # how much of a frame's lateness the next frame's training gives back
LONGEST_PERIOD_S = 0.2      # a frame held up longer (a dialog, a drag) counts as this long
# Edges the network view may rasterise again per play frame: two 64x64 layers.
# A crowded net's layers then take turns (an 8x64 net: each layer every 3-4
# frames); a net of up to ~8 000 edges is drawn whole on every frame.
PLAY_EDGES_PER_FRAME = 8192


def next_train_budget(budget: float, period: float) -> float:
    """The next frame's training time, from this one's and the measured frame period.

    Training time is the one part of a frame play can choose; the redraw
    and the scoring of the frame's steps follow from it and from the
    machine's load. Steering by the period itself (rather than subtracting an
    estimate of the redraw) also absorbs the scoring and the timer's own
    latency, which an estimate misses.
    """
    period = min(period, LONGEST_PERIOD_S)
    return min(TRAIN_BUDGET_S, max(MIN_TRAIN_S, budget + BUDGET_GAIN * (FRAME_TARGET_S - period)))


class Playback:
    """Step, rewind and play the window's session (part of :class:`~nnviz.app.main_window.MainWindow`)."""

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
        self.statusBar().showMessage(self.tr("Reset: fresh weights from the seed, step 0"), 4000)

    def undo_setting(self) -> None:
        """Undo the last edit (Edit → Undo); say so when there is none."""
        if not self.edit_history.undo():
            self.statusBar().showMessage(self.tr("Nothing to undo"), 3000)

    def play(self) -> None:
        self.controls.set_playing(True)

    def pause(self) -> None:
        self.controls.set_playing(False)

    def _on_play_toggled(self, on: bool) -> None:
        if on:
            s = self.session
            if s.diverged:
                self.controls.set_playing(False)
                self._report_divergence()
                return
            self._stop_reported = s.stopped_early
            self.network_view.set_edge_budget(PLAY_EDGES_PER_FRAME)
            self._update_timer(start=True)          # also starts the frame steering afresh
            self.statusBar().showMessage(self.tr("Playing (Space pauses)"), 2000)
        else:
            self.play_timer.stop()
            self.network_view.set_edge_budget(None)     # the layers still waiting are drawn
            if not self._closing:
                self.binding.forget("output")       # the full-resolution boundary
                self._refresh()

    def _update_timer(self, start: bool = False) -> None:
        # A new speed starts the steering afresh: a slow speed's frames end early and would
        # otherwise hand the top speed their longest training time for its first frames.
        self._train_budget, self._tick_started = START_TRAIN_S, None
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
        animated = self.controls.animate.isChecked()
        if self._tick_started is not None and not animated:
            self._train_budget = next_train_budget(self._train_budget, started - self._tick_started)
        self._tick_started = None if animated else started
        try:
            with self.adapter.hold():
                if animated:
                    self._last_unit = "phase"
                    s.advance("phase")
                else:
                    self._last_unit = "step"
                    steps = self.controls.current_speed().steps
                    deadline = started + self._train_budget
                    done = 0
                    # Every step's whole-set losses, scored together once per frame
                    # (s.evaluate below): one pass over the waiting steps' weights
                    # costs far less than a pass per step.
                    while done < steps and not s.diverged and not s.stopped_early:
                        done += s.run(1, metrics=False)
                        if time.perf_counter() > deadline:
                            break
                    if done == 0:
                        s.advance("step")
                    s.evaluate()
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
                self.statusBar().showMessage(s.message + " " + self.tr("Switch early stopping off to go on."),
                                             10000)
            elif not s.stopped_early:
                self._stop_reported = False

    def _report_divergence(self) -> None:
        s = self.session
        self.pause()
        self.health_strip.set_diverged(True)
        self.statusBar().showMessage(s.message or self.tr("Training diverged."), 10000)
        if self._divergence_reported:
            return
        self._divergence_reported = True
        box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Warning, self.tr("Training diverged"),
                                    s.message or self.tr("Training diverged: a value became NaN or infinite."),
                                    QtWidgets.QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(self.tr("Play is paused. Rewind to the last good step, then change a setting "
                                       "(learning rate, clipping, init gain) and go on."))
        self.rewind_button = box.addButton(self.tr("Rewind one step"), QtWidgets.QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Stay here"), QtWidgets.QMessageBox.ButtonRole.RejectRole)
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
