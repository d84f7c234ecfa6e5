"""The training data in the coordinates of two hidden neurons: what a hidden layer makes of it.

A hidden layer maps each sample to a point whose coordinates are its
neurons' outputs a.  Pick a layer and two of its neurons, and the training
points are drawn at (a_j1, a_j2), colored by class — or, for regression, by
target value.  After training, classes that were tangled in the input plane
often lie apart here: the layer has made them (closer to) linearly
separable for the layers above.

The numbers come from ``Session.hidden_features`` (evaluation mode: no
dropout, running batch-norm statistics).  The window calls ``refresh()``
when the weights change (after a step or a rewind) and ``set_session`` when
the network is rebuilt.

Notes on performance: one ``ScatterPlotItem`` with brushes taken from a fixed
per-theme palette (``ScatterPlotItem`` caches rendered symbols by brush
identity), so a refresh of a thousand points is a single ``setData``.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from nnviz.ui.i18n import numbers
from nnviz.ui.plots.base import PlotView, run_demo
from nnviz.ui.widgets.lesson_demo import demo_session, pop_lesson
from nnviz.ui.widgets.style import apply_palette
from nnviz.ui.widgets.theme import value_lut

_N_VALUE_BRUSHES = 64


class FeatureSpaceView(PlotView):
    """Scatter of the training data at two neurons' outputs of one hidden layer."""

    POINT_SIZE = 7.0

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.set_title(self.tr("Training data as a hidden layer sees it"))
        self.session = None
        self._points = np.zeros((0, 2))
        self._labels = np.zeros(0)
        self._task = "binary"
        self._class_names: list[str] = []

        self.layer_combo = QtWidgets.QComboBox()
        self.layer_combo.setToolTip(self.tr("The hidden layer whose neurons give the coordinates."))
        self.x_combo = QtWidgets.QComboBox()
        self.x_combo.setToolTip(self.tr("The neuron whose output a is the horizontal coordinate."))
        self.y_combo = QtWidgets.QComboBox()
        self.y_combo.setToolTip(self.tr("The neuron whose output a is the vertical coordinate."))
        row = QtWidgets.QHBoxLayout()
        row.setContentsMargins(4, 4, 4, 0)
        self._combo_labels = []
        for combo in (self.layer_combo, self.x_combo, self.y_combo):    # the dock may be narrow
            combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(1)
        for text, combo in ((self.tr("layer"), self.layer_combo), ("x", self.x_combo), ("y", self.y_combo)):
            label = QtWidgets.QLabel(text)
            label.setToolTip(combo.toolTip())
            self._combo_labels.append(label)
            row.addWidget(label)
            row.addWidget(combo)
        row.addStretch(1)
        self.layout().insertLayout(0, row)
        self.layer_combo.currentIndexChanged.connect(self._on_layer)
        self.x_combo.currentIndexChanged.connect(self._on_neuron)
        self.y_combo.currentIndexChanged.connect(self._on_neuron)

        self.scatter = pg.ScatterPlotItem(pxMode=True, symbol="o")
        self.scatter.setAcceptedMouseButtons(QtCore.Qt.MouseButton.NoButton)
        self.plot_item.addItem(self.scatter)
        self.plot_widget.setToolTip(self.tr("Each dot is one training sample, placed at the outputs a of the "
                                            "two chosen neurons and colored by its class (or target value)."))
        self._legend = self._add_side_legend()
        self._legend_items: list[pg.ScatterPlotItem] = []
        self._apply_style()
        self._set_controls_enabled(False)

    # -- public API ------------------------------------------------------------
    def set_session(self, session) -> None:
        """Inspect ``session``: list its hidden layers; the selection is kept where it still fits."""
        self.session = session
        old = self.selection()
        net = session.network
        self.layer_combo.blockSignals(True)
        self.layer_combo.clear()
        for layer in range(1, net.n_layers):
            spec = net.layers[layer - 1]
            self.layer_combo.addItem(f"{layer} · {spec['activation']} · {net.sizes[layer]}", layer)
        self.layer_combo.blockSignals(False)
        ds = session.prep.dataset
        self._task = ds.task
        self._class_names = list(ds.class_names) or [str(k) for k in range(max(2, ds.n_classes))]
        if net.n_layers < 2:
            self._set_controls_enabled(False)
            self.set_axis_labels("", "")
            self._show(np.zeros((0, 2)), np.zeros(0), self.tr("This network has no hidden layer"))
            return
        self._set_controls_enabled(True)
        layer, j1, j2 = old if old and old[0] < net.n_layers else (1, 0, 1)
        self.set_selection(layer, j1, j2)

    def set_selection(self, layer: int, j1: int, j2: int) -> None:
        """Pick hidden layer (1..L-1) and its neurons j1 (x) and j2 (y); out-of-range neurons are clamped."""
        index = self.layer_combo.findData(int(layer))
        if index < 0:
            raise ValueError(f"layer {layer} is not a hidden layer of this network")
        for combo in (self.layer_combo, self.x_combo, self.y_combo):
            combo.blockSignals(True)
        self.layer_combo.setCurrentIndex(index)
        self._fill_neurons(int(layer))
        size = self.x_combo.count()
        self.x_combo.setCurrentIndex(min(max(int(j1), 0), size - 1))
        self.y_combo.setCurrentIndex(min(max(int(j2), 0), size - 1))
        for combo in (self.layer_combo, self.x_combo, self.y_combo):
            combo.blockSignals(False)
        self.refresh()

    def selection(self) -> tuple[int, int, int] | None:
        """(layer, j1, j2) or None."""
        if self.layer_combo.count() == 0 or self.x_combo.count() == 0:
            return None
        return (int(self.layer_combo.currentData()), self.x_combo.currentIndex(), self.y_combo.currentIndex())

    def refresh(self) -> None:
        """Recompute the points from the session's current weights."""
        sel = self.selection()
        if self.session is None or sel is None:
            return
        layer, j1, j2 = sel
        try:
            points = self.session.hidden_features(layer, j1, j2, split="train")
        except ValueError as err:           # the network changed under us: re-read it
            self._show(np.zeros((0, 2)), np.zeros(0), str(err))
            return
        y = np.asarray(self.session.prep.train.y)
        axis = self.tr("a<sub>{j}</sub> (layer {layer}, neuron {j})")
        shown = numbers(str(layer))
        self.set_axis_labels(axis.format(j=j1, layer=shown), axis.format(j=j2, layer=shown))
        self._show(points, y, self.tr("Training data at layer {layer}'s neurons {j1} and {j2}").format(
            layer=numbers(str(layer)), j1=numbers(str(j1)), j2=numbers(str(j2))))

    def points(self) -> np.ndarray:
        """The (n, 2) coordinates drawn."""
        return self._points.copy()

    # -- internals -------------------------------------------------------------------
    def _fill_neurons(self, layer: int) -> None:
        size = self.session.network.sizes[layer]
        for combo in (self.x_combo, self.y_combo):
            keep = combo.currentIndex()
            combo.clear()
            combo.addItems([str(j) for j in range(size)])
            combo.setCurrentIndex(min(max(keep, 0), size - 1))

    def _on_layer(self, _index: int) -> None:
        layer = self.layer_combo.currentData()
        if layer is None:
            return
        self.set_selection(int(layer), 0, 1)

    def _on_neuron(self, _index: int) -> None:
        self.refresh()

    def _set_controls_enabled(self, enabled: bool) -> None:
        for widget in [self.layer_combo, self.x_combo, self.y_combo] + self._combo_labels:
            widget.setEnabled(enabled)

    def _show(self, points: np.ndarray, labels: np.ndarray, title: str) -> None:
        self._points, self._labels = points, labels
        self.set_title(title)
        self._draw()
        self._follow_points()

    def _follow_points(self) -> None:
        """Range the view on the points when they leave it or fill less than a third of it.

        Points move a little with every step; ranging on each refresh would
        re-lay out both axes every frame.  Leaving the range, or shrinking
        well inside it, is what makes a new range worth its cost.
        """
        P = self._points
        keep = np.isfinite(P).all(axis=1) if len(P) else np.zeros(0, bool)
        if not keep.any():
            return
        lo, hi = P[keep].min(axis=0), P[keep].max(axis=0)
        box = self.plot_item.getViewBox()
        (x0, x1), (y0, y1) = box.viewRange()
        span = np.array([x1 - x0, y1 - y0])
        outside = lo[0] < x0 or lo[1] < y0 or hi[0] > x1 or hi[1] > y1
        if outside or bool(np.any(hi - lo < span / 3)):
            box.autoRange(padding=0.06)

    def _restyle(self) -> None:
        t = self._theme
        apply_palette(self, t)              # the control row above the plot
        font = QtGui.QFont(self.font())
        font.setPointSizeF(self.font_pt())
        for widget in [self.layer_combo, self.x_combo, self.y_combo] + self._combo_labels:
            widget.setFont(font)
        colors = t.class_colors()
        self._class_brushes = [pg.mkBrush(c) for c in colors]
        lut = value_lut(t, strength=1.0)                # regression targets: a value, not a class
        levels = np.linspace(0, 255, _N_VALUE_BRUSHES).astype(int)
        self._value_brushes = [pg.mkBrush(*lut[i]) for i in levels]
        self._outline = pg.mkPen(t.point_outline, width=1.0 * self._scale)
        self._value_outline = pg.mkPen(t.muted, width=1.0 * self._scale)
        self._legend_key = self._brush_key = None      # a new style: brushes and legend drawn again
        self._draw()

    def _draw(self) -> None:
        if not hasattr(self, "scatter") or not hasattr(self, "_class_brushes"):
            return
        P, y = self._points, self._labels
        keep = np.isfinite(P).all(axis=1) if len(P) else np.zeros(0, bool)
        P, y = P[keep], y[keep]
        size = self.POINT_SIZE * self._scale
        if len(P) == 0:
            self.scatter.clear()
        else:
            regression = self._task == "regression"
            self.scatter.setData(x=P[:, 0], y=P[:, 1], size=size,
                                 pen=self._value_outline if regression else self._outline,
                                 brush=self._point_brushes(y, keep, regression))
        self._draw_legend()

    def _point_brushes(self, y: np.ndarray, keep: np.ndarray, regression: bool) -> list:
        """One brush per point from the theme's palette, built again only when labels, theme or kept points change.

        The labels are the training targets, the same at every step.  A list,
        not an object array: pyqtgraph takes a list about twice as fast.
        """
        key = (self._labels.tobytes(), regression, keep.tobytes())
        if key != getattr(self, "_brush_key", None):
            if regression:
                lo, hi = (float(y.min()), float(y.max())) if len(y) else (0.0, 1.0)
                span = hi - lo if hi > lo else 1.0
                idx = np.rint(np.clip((y - lo) / span, 0, 1) * (_N_VALUE_BRUSHES - 1)).astype(int)
                palette = self._value_brushes
            else:
                idx = y.astype(int) % len(self._class_brushes)
                palette = self._class_brushes
            self._brush_key, self._brushes = key, [palette[i] for i in idx.tolist()]
        return self._brushes

    def _draw_legend(self) -> None:
        key = (self._task, tuple(self._class_names), len(self._points) > 0)
        if key == getattr(self, "_legend_key", None):
            return                          # the same classes in the same style: the legend stands
        self._legend_key = key
        self._legend.clear()
        self._legend_items = []
        if self._task != "regression" and len(self._points):
            for k, name in enumerate(self._class_names):
                sample = pg.ScatterPlotItem(symbol="o", size=self.POINT_SIZE * self._scale, pen=self._outline,
                                            brush=self._class_brushes[k % len(self._class_brushes)])
                self._legend.addItem(sample, self.tr("class {name}").format(name=numbers(str(name))))
                self._legend_items.append(sample)
        self._style_legend(self._legend, boxed=False)


# -- standalone demo -----------------------------------------------------------------
def _demo_widget(lesson: str) -> FeatureSpaceView:
    s = demo_session(lesson, steps=300, phase=None, metrics=False)
    view = FeatureSpaceView()
    view.set_session(s)
    return view


if __name__ == "__main__":
    import sys

    lesson, argv = pop_lesson(sys.argv[1:], "xor")
    raise SystemExit(run_demo(lambda: _demo_widget(lesson), argv, size=(600, 520),
                              title="nnviz feature space"))
