"""One layer's activation function f and its derivative f′, with the pre-activations of the step under them.

Passive: :meth:`ActivationView.set_curves` takes the session's
:class:`~nnviz.session.activation_curves.ActivationCurves` and draws

- f(u) (solid) and f′(u) (dashed) over the range the layer's pre-activations
  cover (the curves come from the engine's own forward and backward rules);
- a histogram of the shown step's pre-activations u, behind the curves on its
  own axis (right: the percentage of values per bin), so a student sees where the
  units actually sit on f;
- shaded regions where f′ is exactly 0 (red: relu left of zero, the step
  everywhere) or below ``threshold`` × its peak (orange: saturated sigmoid or
  tanh), and a line saying what share of this step's values lies there.

A layer chooser above the plot lists the layers (:meth:`set_layers`) and
emits ``layerChosen(layer)`` (1..L); the window answers with the curves of
that layer. When the units' curves differ (PReLU's learnable slope per unit)
every unit's curve is drawn, thin.

Notes on performance: everything is redrawn with ``setData`` on reused
items; the histogram is 40 bins from one ``np.histogram``.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from nnviz.session import Session
from nnviz.session.formatting import format_number
from nnviz.ui.plots.base import PlotView, run_demo
from nnviz.ui.widgets.style import apply_palette

BINS = 40
ZERO_COLOR = "#d62728"
SMALL_COLOR = "#f28e2b"


class ActivationView(PlotView):
    """f and f′ of one layer over its pre-activations' range, their histogram, and the dead regions."""

    layerChosen = QtCore.Signal(int)

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._curves = None
        self._activations: list[str] = []
        self.chooser = QtWidgets.QComboBox()
        self.chooser.setToolTip(self.tr("The layer whose activation function is shown"))
        self.chooser.activated.connect(lambda index: self.layerChosen.emit(index + 1))
        row = QtWidgets.QHBoxLayout()
        row.setContentsMargins(6, 4, 6, 0)
        self.chooser_label = QtWidgets.QLabel(self.tr("Layer:"))
        row.addWidget(self.chooser_label)
        row.addWidget(self.chooser)
        row.addStretch(1)
        self.layout().insertLayout(0, row)

        vb = self.plot_item.getViewBox()
        self.hist_box = pg.ViewBox(enableMenu=False)
        self.hist_box.setMouseEnabled(x=False, y=False)
        self.plot_item.showAxis("right")
        self.plot_item.scene().addItem(self.hist_box)
        self.plot_item.getAxis("right").linkToView(self.hist_box)
        self.hist_box.setXLink(self.plot_item)
        self.hist_box.setZValue(-100)           # behind the curves
        vb.sigResized.connect(self._fit_hist_box)
        self.histogram = pg.PlotCurveItem(x=[0.0, 1.0], y=[0.0], stepMode="center", fillLevel=0)
        self.hist_box.addItem(self.histogram)

        self.f_curve = pg.PlotCurveItem(connect="finite")
        self.df_curve = pg.PlotCurveItem(connect="finite")
        self.f_curve.setZValue(10)
        self.df_curve.setZValue(11)
        self.plot_item.addItem(self.f_curve)
        self.plot_item.addItem(self.df_curve)
        self.regions: list[pg.LinearRegionItem] = []
        self.zero_line = pg.InfiniteLine(angle=0, pos=0, movable=False)
        self.plot_item.addItem(self.zero_line, ignoreBounds=True)
        # The note is a line of text above the plot, wrapped to the view's width: inside the plot a
        # long one ran out of a narrow dock and, wrapped there, covered the curves.
        self.note = QtWidgets.QLabel()
        self.note.setWordWrap(True)
        self.note.setContentsMargins(6, 2, 6, 0)
        self.layout().insertWidget(1, self.note)
        self.legend = self._add_side_legend()
        self._legend_samples = {key: pg.PlotDataItem() for key in ("f", "df", "hist", "zero", "small")}
        self.set_axis_labels(self.tr("pre-activation u"), self.tr("f(u), f′(u)"))
        self._apply_style()

    # -- public API ------------------------------------------------------------
    def set_layers(self, activations: list[str], current: int = 1) -> None:
        """The chooser's entries, one per layer (1..L) by its activation's name, and the one shown."""
        self._activations = list(activations)
        self.chooser.blockSignals(True)
        self.chooser.clear()
        self.chooser.addItems([self.tr("layer {0} · {1}").format(k, name)
                               for k, name in enumerate(activations, start=1)])
        self.chooser.setCurrentIndex(max(0, min(current, len(activations)) - 1))
        self.chooser.blockSignals(False)

    def layer_activations(self) -> list[str]:
        """The activation of each layer in the chooser, as last given to :meth:`set_layers`."""
        return list(self._activations)

    def layer(self) -> int:
        """The chosen layer, 1..L (1 when the chooser is empty)."""
        return max(self.chooser.currentIndex(), 0) + 1

    def set_curves(self, curves) -> None:
        """Draw an ActivationCurves (see the module docstring)."""
        self._curves = curves
        if 1 <= curves.layer <= self.chooser.count() and self.chooser.currentIndex() != curves.layer - 1:
            self.chooser.blockSignals(True)
            self.chooser.setCurrentIndex(curves.layer - 1)
            self.chooser.blockSignals(False)
        u = np.asarray(curves.u, dtype=float)
        f, df = np.asarray(curves.f, dtype=float), np.asarray(curves.df, dtype=float)
        columns = slice(0, 1) if curves.same_for_all_units else slice(None)
        self.f_curve.setData(*_columns_as_one_line(u, f[:, columns]), connect="finite")
        self.df_curve.setData(*_columns_as_one_line(u, df[:, columns]), connect="finite")
        edges, share = histogram(curves.u_values, u[0], u[-1])
        self.histogram.setData(edges, 100 * share, stepMode="center", fillLevel=0)
        self.hist_box.setYRange(0, max(100 * float(share.max()) if share.size else 0.0, 1e-9) * 1.15, padding=0)
        self._draw_regions(curves.regions)
        finite = np.concatenate([f[np.isfinite(f)], df[np.isfinite(df)], [0.0]])
        low, high = float(finite.min()), float(finite.max())
        pad = 0.06 * (high - low or 1.0)
        # with f, f' >= 0 the axis starts at 0, where the histogram's bars stand
        self.plot_item.getViewBox().setRange(xRange=(u[0], u[-1]), yRange=(low - pad if low < 0 else 0.0, high + pad),
                                             padding=0)
        self._write_note()
        self._restyle()

    def curves(self):
        return self._curves

    def drawn(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """What is drawn: ``"f"``, ``"df"`` (x, y with NaN between units) and ``"hist"`` (edges, shares)."""
        return {"f": self.f_curve.getData(), "df": self.df_curve.getData(),
                "hist": (self.histogram.xData, self.histogram.yData / 100)}

    def shaded(self) -> list[tuple[float, float, str]]:
        """The shaded regions: (u_start, u_end, kind)."""
        return [(*r.getRegion(), r.kind) for r in self.regions]

    # -- drawing -------------------------------------------------------------------
    def _draw_regions(self, regions) -> None:
        for item in self.regions:
            self.plot_item.removeItem(item)
        self.regions = []
        for start, end, kind in regions:
            item = pg.LinearRegionItem((start, end), movable=False)
            item.kind = kind
            item.setZValue(-5)
            for line in item.lines:
                line.setPen(pg.mkPen(None))
            self.plot_item.addItem(item, ignoreBounds=True)
            self.regions.append(item)

    def _write_note(self) -> None:
        c = self._curves
        source = self.tr("this step's") if c.u_source == "step" else self.tr("the training set's")
        if not np.isfinite(c.small_share):
            self.note.setText(self.tr("no finite pre-activations"))
            return
        peak = float(np.nanmax(np.abs(c.df))) if np.isfinite(c.df).any() else float("nan")
        self.note.setText(self.tr("{0}: f′ at most {1}; {2:.0%} of {3} pre-activations sit where f′ < {4:g}% of that")
                          .format(c.activation, format_number(peak), c.small_share, source, 100 * c.threshold))

    def _fit_hist_box(self, *_args) -> None:
        self.hist_box.setGeometry(self.plot_item.getViewBox().sceneBoundingRect())
        self.hist_box.linkedViewChanged(self.plot_item.getViewBox(), self.hist_box.XAxis)

    def _restyle(self) -> None:
        t, s = self._theme, self._scale
        self.f_curve.setPen(self.pen(t.train, 2.5))
        self.df_curve.setPen(self.pen(t.test, 2.5, QtCore.Qt.PenStyle.DashLine))
        fill = pg.mkColor(t.muted)
        fill.setAlphaF(0.28)
        self.histogram.setPen(pg.mkPen(t.muted, width=1))
        self.histogram.setBrush(pg.mkBrush(fill))
        brushes = {}
        for kind, color, alpha in (("zero", ZERO_COLOR, 0.20), ("small", SMALL_COLOR, 0.16)):
            c = pg.mkColor(color)
            c.setAlphaF(alpha)
            brushes[kind] = pg.mkBrush(c)
        for item in self.regions:
            item.setBrush(brushes[item.kind])
        zero = pg.mkColor(t.foreground)
        zero.setAlphaF(0.5)
        self.zero_line.setPen(pg.mkPen(zero, width=1))
        right = self.plot_item.getAxis("right")
        right.setPen(pg.mkPen(t.foreground, width=max(1.0, s)))
        right.setTextPen(t.foreground)
        right.setTickFont(self.qfont())
        right.enableAutoSIPrefix(False)
        right.setLabel(self.tr("% of the step's u per bin"), color=t.muted, **{"font-size": f"{self.font_pt(1.05):.1f}pt"})
        self.note.setFont(self.qfont(1.1, bold=True))       # its colour: the palette's text
        apply_palette(self, t)
        font = self.qfont(1.1)
        self.chooser.setFont(font)
        self.chooser_label.setFont(font)
        samples = self._legend_samples
        samples["f"].setPen(self.pen(t.train, 2.5))
        samples["df"].setPen(self.pen(t.test, 2.5, QtCore.Qt.PenStyle.DashLine))
        name = self._curves.activation if self._curves is not None else "f"
        self.legend.clear()
        self.legend.addItem(samples["f"], f"f(u) = {name}(u)")
        self.legend.addItem(samples["df"], "f′(u)")
        hist = pg.BarGraphItem(x=[0], height=[1], width=1, brush=pg.mkBrush(fill), pen=pg.mkPen(t.muted))
        self.legend.addItem(hist, self.tr("u in this step"))
        kinds = {kind for _s, _e, kind in (self._curves.regions if self._curves is not None else [])}
        if "zero" in kinds:
            self.legend.addItem(pg.BarGraphItem(x=[0], height=[1], width=1, brush=brushes["zero"], pen=None),
                                self.tr("f′ = 0"))
        if "small" in kinds:
            self.legend.addItem(pg.BarGraphItem(x=[0], height=[1], width=1, brush=brushes["small"], pen=None),
                                self.tr("f′ nearly 0"))
        self._style_legend(self.legend, boxed=False)


# -- Qt-free helpers -----------------------------------------------------------
def histogram(values, lo: float, hi: float, bins: int = BINS) -> tuple[np.ndarray, np.ndarray]:
    """(edges (bins+1,), share (bins,)): the finite values' histogram over [lo, hi] as shares of all of them."""
    values = np.asarray(values, dtype=float).ravel()
    values = values[np.isfinite(values)]
    counts, edges = np.histogram(values, bins=bins, range=(lo, hi))
    return edges, counts / max(len(values), 1)


def _columns_as_one_line(x: np.ndarray, Y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One (x, y) for several columns of Y over the same x, NaN between them (one path, one pen)."""
    if Y.shape[1] == 1:
        return x, Y[:, 0]
    xs = np.concatenate([np.append(x, np.nan) for _ in range(Y.shape[1])])
    ys = np.concatenate([np.append(Y[:, k], np.nan) for k in range(Y.shape[1])])
    return xs, ys


# -- standalone demo -----------------------------------------------------------------
def _demo_widget() -> ActivationView:
    session = Session.from_lesson("vanishing-sigmoid")
    session.run(60)
    for _ in range(session.n_layers + 1):      # into this step's backward pass: the trace is known
        session.advance("phase")
    view = ActivationView()
    view.set_layers([layer["activation"] for layer in session.network.layers])
    view.layerChosen.connect(lambda layer: view.set_curves(session.activation_curves(layer)))
    view.set_curves(session.activation_curves(1))
    return view


if __name__ == "__main__":
    raise SystemExit(run_demo(_demo_widget, size=(900, 560), title="nnviz activation functions"))
