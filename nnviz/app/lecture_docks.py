"""The window's docks for three pictures of the lectures: the loss landscape, a layer's activation
function, and one neuron as a graph of operations.

:class:`LectureDocks` makes the three docks (hidden until chosen in the View
menu, or opened by a lesson that names the view), follows the window's
session through its :class:`~nnviz.ui.session_adapter.SessionAdapter` and
draws only the docks that are visible:

- the landscape panel keeps its own recompute policy (on demand, when
  paused, every few seconds while playing; see
  :mod:`nnviz.ui.panels.landscape_panel`);
- the activation view shows the layer chosen in its chooser;
- the neuron graph shows the neuron last clicked in the network view, for the
  sample the network view shows.

A lesson whose ``side_view`` (the one picture its point needs, also the one
presenter mode shows) is the landscape or the activation function opens that
dock when it is loaded.

While training plays, the docks are redrawn at most every ``INTERVAL_S``
seconds, like the window's other secondary views. Nothing here computes a
training quantity: the session's ``activation_curves``, ``neuron_graph`` and
``loss_landscape`` do.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
from PySide6 import QtCore, QtWidgets

from nnviz.ui.lecture_views import show_activations, show_neuron_graph
from nnviz.ui.network.neuron_graph import NeuronGraphView
from nnviz.ui.panels.landscape_panel import LandscapePanel
from nnviz.ui.plots.activations import ActivationView

INTERVAL_S = 0.25


class LectureDocks(QtCore.QObject):
    """Loss landscape, activations and neuron graph docks of a main window."""

    def __init__(self, window: QtWidgets.QMainWindow, adapter, network_view,
                 focus_sample: Callable[[], int], playing: Callable[[], bool],
                 area=QtCore.Qt.DockWidgetArea.RightDockWidgetArea,
                 tab_with: QtWidgets.QDockWidget | None = None) -> None:
        super().__init__(window)
        self.window = window
        self._tab_with = tab_with
        self._placed: set[str] = set()
        self._pending: str | None = None     # a dock to show once the window is shown
        self.adapter = adapter
        self._focus_sample = focus_sample
        self._playing = playing
        self._drawn_at = -1e9
        self.neuron = (1, 0)             # (layer 1..L, neuron 0-based) shown in the graph
        self.landscape = LandscapePanel()
        self.activations = ActivationView()
        self.neuron_graph = NeuronGraphView()
        self.docks = {}
        for key, title, widget in (("landscape", self.tr("Loss landscape"), self.landscape),
                                   ("activations", self.tr("Activation function"), self.activations),
                                   ("neuron_graph", self.tr("Neuron graph"), self.neuron_graph)):
            dock = QtWidgets.QDockWidget(title, window)
            dock.setObjectName(f"{key}_dock")
            dock.setWidget(widget)
            dock.setAllowedAreas(QtCore.Qt.DockWidgetArea.AllDockWidgetAreas)
            window.addDockWidget(area, dock)
            dock.hide()
            dock.visibilityChanged.connect(lambda on, k=key: self._shown(k) if on else None)
            self.docks[key] = dock
        self.activations.layerChosen.connect(lambda _layer: self._draw_activations())
        network_view.nodeClicked.connect(self._on_node_clicked)
        adapter.changed.connect(self._on_event)
        self._on_event("session")

    # -- public API ------------------------------------------------------------
    def menu_actions(self) -> list:
        """The docks' show/hide actions, for the View menu."""
        tips = {"landscape": self.tr("Show the loss around the current weights and the path training took"),
                "activations": self.tr("Show a layer's activation function, its derivative and where its "
                                       "units sit"),
                "neuron_graph": self.tr("Show the neuron last clicked as a graph of operations, with the chain "
                                        "rule on every edge")}
        out = []
        for key, dock in self.docks.items():
            act = dock.toggleViewAction()
            act.setStatusTip(tips[key])
            out.append(act)
        return out

    def views(self) -> list:
        """The views that follow the window's theme and zoom."""
        return [self.landscape, self.activations, self.neuron_graph]

    def set_theme(self, name: str) -> None:
        for view in self.views():
            view.set_theme(name)

    def set_line_scale(self, scale: float) -> None:
        for view in self.views():
            view.set_line_scale(scale)

    def show_view(self, key: str) -> None:
        """Show one dock ("landscape", "activations" or "neuron_graph") in front.

        Before the window is first shown this waits for it: docks are arranged
        into tabs only then (see ``_place``).
        """
        if not self.window.isVisible():
            self._pending = key
            self.window.installEventFilter(self)
            return
        self._place(key)
        dock = self.docks[key]
        dock.show()
        dock.raise_()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if watched is self.window and event.type() == QtCore.QEvent.Type.Show and self._pending:
            self.window.removeEventFilter(self)
            key, self._pending = self._pending, None
            QtCore.QTimer.singleShot(0, lambda: self.show_view(key))    # after the window's own arranging
        return False

    def refresh(self, force: bool = False) -> None:
        """Redraw the visible docks (at most every INTERVAL_S while playing, unless forced)."""
        if not any(dock.isVisible() for dock in self.docks.values()):
            return
        now = time.perf_counter()
        playing = self._playing()
        if playing and not force and now - self._drawn_at < INTERVAL_S:
            return
        self._drawn_at = now
        with np.errstate(all="ignore"):          # a diverged run's numbers are drawn as NaN/inf
            if self.docks["landscape"].isVisible():
                self.landscape.refresh(playing=playing)
            if self.docks["activations"].isVisible():
                self._draw_activations()
            if self.docks["neuron_graph"].isVisible():
                self._draw_neuron_graph()

    # -- internals -------------------------------------------------------------------
    def _on_event(self, event: str) -> None:
        s = self.adapter.session
        if event in ("session", "rebuild"):
            self.activations.set_layers([layer["activation"] for layer in s.network.layers],
                                        min(self.activations.layer(), s.n_layers))
            layer, j = self.neuron
            if not (layer <= s.n_layers and j < s.network.sizes[layer]):
                self.neuron = (1, 0)
            self.landscape.set_runs([s]) if self.docks["landscape"].isVisible() else self.landscape.forget()
            view = getattr(getattr(s, "lesson", None), "side_view", "")
            if event == "session" and view in self.docks:   # the lesson's picture is one of these docks
                self.show_view(view)
        self.refresh(force=event != "phase")

    def _place(self, key: str) -> None:
        """The first time a dock is shown: a tab of its own beside ``tab_with`` (the data view), full
        height, rather than a third of the column. Only once the window is shown: a tab group made
        before leaves a stray tab bar (Qt 6.10, see the main window)."""
        dock = self.docks[key]
        if key in self._placed or self._tab_with is None or not self._tab_with.isVisible():
            return
        self._placed.add(key)
        if not dock.isFloating() and self.window.dockWidgetArea(dock) == self.window.dockWidgetArea(self._tab_with):
            self.window.tabifyDockWidget(self._tab_with, dock)

    def _shown(self, key: str) -> None:
        if key not in self._placed and self._tab_with is not None and self._tab_with.isVisible():
            self._place(key)
            self.docks[key].raise_()
        with np.errstate(all="ignore"):
            if key == "landscape":
                if self.landscape.landscape() is None:
                    self.landscape.set_runs([self.adapter.session])
                else:
                    self.landscape.refresh(playing=self._playing())
            elif key == "activations":
                self._draw_activations()
            else:
                self._draw_neuron_graph()

    def _on_node_clicked(self, col: int, i: int) -> None:
        if col < 1:
            return                      # an input: no operations to unroll
        self.neuron = (col, i)
        if self.docks["neuron_graph"].isVisible():
            with np.errstate(all="ignore"):
                self._draw_neuron_graph()

    def _draw_activations(self) -> None:
        show_activations(self.activations, self.adapter.session)

    def _draw_neuron_graph(self) -> None:
        show_neuron_graph(self.neuron_graph, self.adapter.session, *self.neuron, self._focus_sample())
