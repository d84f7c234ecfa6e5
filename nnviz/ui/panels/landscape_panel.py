"""The loss landscape with its controls and its recompute policy: what the window and side by side show.

A surface costs one forward pass of the whole split per grid point (about
0.02 s for the momentum lesson's 41×41 grid, up to 0.5 s for the deep
vanishing-gradient net; benchmarks/landscape.py), far too much for every
frame. So:

- **Recompute** (the button) computes it now;
- after any change while paused (:meth:`LandscapePanel.refresh` with
  ``playing=False``) it is computed again when the shown step differs from the
  surface's, so stepping and rewinding always show the current surface: once
  the steps stop coming, ``SETTLE_MS`` after the last one (the path follows
  each step at once), so stepping quickly through a deep net is not held up
  by a surface per step;
- while playing, it is computed at most every ``interval()`` seconds: at least
  ``MIN_INTERVAL_S``, and ``COST_FACTOR`` times the last computation's time, so
  the surface never takes more than 1/COST_FACTOR of the machine; in between,
  the paths grow live by projecting the new weights onto the kept plane
  (:mod:`nnviz.session.landscape_paths`), which costs almost nothing.

The panel holds one or more runs (the window: one; side by side: all, on the
first run's surface with a plane fitted to every path). Buttons call session
methods; the drawing is :class:`~nnviz.ui.plots.landscape.LandscapeView`'s.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6 import QtCore, QtWidgets

from nnviz.session.landscape_paths import run_paths, shared_landscape
from nnviz.ui.plots.base import Styled
from nnviz.ui.plots.landscape import LandscapeView
from nnviz.ui.widgets.style import apply_palette
from nnviz.ui.widgets.theme import get_theme

MIN_INTERVAL_S = 2.0
SETTLE_MS = 300
COST_FACTOR = 10.0
RESOLUTION = 41


class LandscapePanel(Styled, QtWidgets.QWidget):
    """LandscapeView + directions chooser + Recompute button, over one or more runs."""

    computed = QtCore.Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self._theme = get_theme("light")
        self._scale = 1.0
        self._clock = clock
        self._sessions: list = []
        self._labels: list[str] = []
        self._landscape = None
        self._computed_at = None          # the clock when the surface was made
        self._cost = 0.0                  # seconds the last surface took
        self.computations = 0             # surfaces computed (tests count work, not time)
        self._settle = QtCore.QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._settled)
        self.view = LandscapeView()
        self.directions = QtWidgets.QComboBox()
        self.directions.addItem(self.tr("PCA of the path"), "pca")
        self.directions.addItem(self.tr("random, filter-normalised"), "random")
        self.directions.setToolTip(self.tr("The plane through the current weights: the path's two main "
                                           "directions, or two random directions scaled per neuron"))
        self.directions.currentIndexChanged.connect(lambda _i: self.recompute())
        self.button = QtWidgets.QPushButton(self.tr("Recompute"))
        self.button.setToolTip(self.tr("Compute the surface around the current weights now"))
        self.button.clicked.connect(self.recompute)
        self.status = QtWidgets.QLabel()
        row = QtWidgets.QHBoxLayout()
        row.setContentsMargins(6, 4, 6, 0)
        self.directions_label = QtWidgets.QLabel(self.tr("Plane:"))
        for w in (self.directions_label, self.directions, self.button):
            row.addWidget(w)
        row.addWidget(self.status, 1)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)

    # -- public API ------------------------------------------------------------
    def set_runs(self, sessions, labels=None) -> None:
        """Show these runs (the first one's surface); computes a surface at once."""
        self._sessions = list(sessions)
        self._labels = list(labels) if labels is not None else [""] * len(self._sessions)
        self.recompute()

    def set_session(self, session) -> None:
        self.set_runs([session])

    def forget(self) -> None:
        """Drop the surface (the runs changed while the panel was hidden); :meth:`refresh` computes anew."""
        self._landscape = None

    def refresh(self, playing: bool = False) -> None:
        """After the runs changed: recompute by the policy (module docstring), else extend the paths."""
        if not self._sessions:
            return
        if self._landscape is None or self._stale_shape():
            self.recompute()
        elif not playing:
            self._extend_paths()
            if self._sessions[0].step != self._surface_step():
                self._settle.start()            # restarted by every further change
        elif self._clock() - self._computed_at >= self.interval():
            self.recompute()
        else:
            self._extend_paths()

    def recompute(self) -> bool:
        """Compute the surface now; False (and the reason in the status line) when it cannot be."""
        self._settle.stop()
        if not self._sessions:
            return False
        started = self._clock()
        kind = self.directions.currentData()
        try:
            land, paths = shared_landscape(self._sessions, self._labels, kind, resolution=RESOLUTION)
        except ValueError as err:       # a diverged run, an empty split
            self.status.setText(str(err))
            return False
        self._cost = max(self._clock() - started, 0.0)
        self._computed_at = self._clock()
        self.computations += 1
        self._landscape = land
        self.view.set_landscape(land, paths)
        self.status.setText(self.tr("surface of step {0}").format(self._surface_step()))
        self.computed.emit()
        return True

    def interval(self) -> float:
        """Seconds between surfaces while playing."""
        return max(MIN_INTERVAL_S, COST_FACTOR * self._cost)

    def landscape(self):
        return self._landscape

    # -- internals -------------------------------------------------------------------
    def _settled(self) -> None:
        if self._sessions and self._landscape is not None and self._sessions[0].step != self._surface_step():
            self.recompute()

    def _surface_step(self) -> int:
        steps = self._landscape.path_steps
        return int(steps[-1]) if len(steps) else 0

    def _stale_shape(self) -> bool:
        return any(s.network.flat.size != self._landscape.center.size for s in self._sessions)

    def _extend_paths(self) -> None:
        self.view.set_paths(run_paths(self._landscape, self._sessions, self._labels))
        behind = self._sessions[0].step - self._surface_step()
        if behind:
            self.status.setText(self.tr("surface of step {0}; the path goes on live").format(self._surface_step()))

    def _apply_style(self) -> None:
        self.view.set_theme(self._theme.name)
        apply_palette(self, self._theme)
        self.view.set_line_scale(self._scale)
        font = self.view.qfont(1.1)
        for w in (self.directions_label, self.directions, self.button, self.status):
            w.setFont(font)
