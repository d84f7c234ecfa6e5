"""Where each layer's gradients lie: histograms of log10 |g|, one row per layer.

A ridgeline plot: layer 1 (input side) on the bottom row, layer L on top, all
rows on one shared x axis of orders of magnitude.  In a healthy net the rows
line up; with vanishing gradients the lower rows slide decades to the left,
with exploding ones to the right.  Exact zeros (dead ReLUs) have no logarithm;
a row's note says which share of its gradients were zero or non-finite.

Notes on performance: ``set_layers`` is a per-frame call.  Its cost is
O(number of gradient values) for ``abs``, ``log10`` and ``np.histogram`` with
uniform bins (about 1 ms for 20 000 values); drawing is one filled step curve
per row (``PlotCurveItem`` with ``stepMode="center"``), reused with
``setData``.  Bin edges snap to whole decades, so the x axis moves only when a
layer crosses into a new decade, not every frame.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from nnviz.ui.i18n import current_language, numbers
from nnviz.ui.plots.base import PlotView, run_demo
from nnviz.ui.plots.gradnorm import layer_name
from nnviz.ui.widgets.theme import sample_layer_colors

ROW_HEIGHT = 0.82      # tallest bar of a row, in row units (rows are 1 apart)
NOTE_MIDDLE = 0.4      # a row's note is centred this high in its row
MAX_DECADES = 30       # wider spreads are clipped into the lowest bin
BINS_PER_DECADE = 6
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


class Log10Axis(pg.AxisItem):
    """An axis over log10 values whose ticks read as powers of ten (10⁻³, 0.0032, ...)."""

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph API)
        out = []
        for v in values:
            r = round(v)
            out.append(f"10{str(int(r)).translate(_SUPERSCRIPT)}" if abs(v - r) < 1e-6 else f"{10.0 ** v:.2g}")
        return out


def log_magnitudes(g: np.ndarray) -> tuple[np.ndarray, int, int, int]:
    """``(log10 |g| of the finite non-zero values, n_zero, n_non_finite, n_total)``."""
    a = np.abs(np.asarray(g, dtype=float).reshape(-1))
    finite = np.isfinite(a)
    nonzero = a > 0
    logs = np.log10(a[finite & nonzero])
    return logs, int(np.count_nonzero(finite & ~nonzero)), int(np.count_nonzero(~finite)), a.size


def decade_edges(logs: Sequence[np.ndarray]) -> np.ndarray:
    """Shared bin edges: whole decades around all values, at most ``MAX_DECADES`` wide."""
    finite = [x for x in logs if x.size]
    if not finite:
        lo, hi = -8.0, 0.0
    else:
        lo = float(np.floor(min(x.min() for x in finite)))
        hi = float(np.ceil(max(x.max() for x in finite)))
        hi = max(hi, lo + 1.0)
        lo = max(lo, hi - MAX_DECADES)
    n_bins = int(np.clip((hi - lo) * BINS_PER_DECADE, 24, MAX_DECADES * BINS_PER_DECADE))
    return np.linspace(lo, hi, n_bins + 1)


KEEP_EXTRA_DECADES = 2   # the x axis stays while this step's values need at most this many decades fewer


class GradDistributionView(PlotView):
    """Per-layer histograms of log10 |gradient| of the current step, layer 1 at the bottom."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent, axis_items={"bottom": Log10Axis("bottom")})
        self.curves: list[pg.PlotCurveItem] = []
        self.notes: list[pg.TextItem] = []
        self._edges = np.array([-8.0, 0.0])
        self._range: tuple[float, float] | None = None
        self.plot_item.setMouseEnabled(x=False, y=False)
        self.plot_item.setMenuEnabled(False)
        self.set_grid(x=True, y=False)
        self.set_axis_labels(self.tr("|gradient| (log scale)"), "")
        self.plot_item.getViewBox().sigResized.connect(self._fit_notes)
        self._apply_style()

    def set_layers(self, grads: Sequence[np.ndarray]) -> None:
        """``grads``: one array of gradient values per layer (any shape), layer 1 first."""
        stats = [log_magnitudes(g) for g in grads]
        self._ensure_layers(len(stats))
        edges = decade_edges([s[0] for s in stats])
        lo, hi = float(edges[0]), float(edges[-1])
        if self._range is not None:         # keep the axis while it holds the values and is not too wide:
            c0, c1 = self._range            # a new range re-lays out its numbers and grid
            if c0 <= lo and hi <= c1 and (hi - lo) >= (c1 - c0) - KEEP_EXTRA_DECADES:
                edges, lo, hi = self._edges, c0, c1
        self._edges = edges
        for i, ((logs, n_zero, n_bad, total), curve, note) in enumerate(zip(stats, self.curves, self.notes)):
            counts = np.histogram(np.clip(logs, lo, hi), bins=edges)[0].astype(float)
            peak = counts.max() if counts.size else 0.0
            heights = counts * (ROW_HEIGHT / peak) if peak > 0 else counts
            curve.setData(edges, i + heights, stepMode="center", fillLevel=float(i))
            note.setText(_note_text(n_zero, n_bad, total))
            note.setPos(hi, i + NOTE_MIDDLE)
        if self._range != (lo, hi):
            self._range = (lo, hi)
            self.plot_item.setXRange(lo, hi, padding=0.02)

    def n_layers(self) -> int:
        return len(self.curves)

    def bin_edges(self) -> np.ndarray:
        """Edges of the histogram bins currently drawn, in log10 units."""
        return self._edges

    # -- internals -------------------------------------------------------------------
    def _ensure_layers(self, n: int) -> None:
        if n == len(self.curves):
            return
        while len(self.curves) > n:
            self.plot_item.removeItem(self.curves.pop())
            self.plot_item.removeItem(self.notes.pop())
        while len(self.curves) < n:
            curve = pg.PlotCurveItem()
            note = pg.TextItem(anchor=(1.0, 0.5))     # centred on its row: never over a neighbour's
            self.plot_item.addItem(curve)
            self.plot_item.addItem(note)
            self.curves.append(curve)
            self.notes.append(note)
        ticks = [(i + 0.35, layer_name(i + 1)) for i in range(n)]
        self.plot_item.getAxis("left").setTicks([ticks, []])
        self.plot_item.setYRange(-0.1, max(n, 1) - 0.05, padding=0)
        self._restyle()

    def _fit_layer_labels(self) -> None:
        """Make the left axis wide enough for "layer n" now.

        The axis learns its text width only while painting and drops labels that
        do not fit the width it had, so a first frame (step 0, no gradients yet)
        would show the rows without their names.
        """
        axis = self.plot_item.getAxis("left")
        width = QtGui.QFontMetrics(self.qfont()).horizontalAdvance(layer_name(max(len(self.curves), 1))) + 4
        if axis.textWidth < width:
            axis.textWidth = width
            axis._adjustSize()

    def _restyle(self) -> None:
        t = self._theme
        for curve, color in zip(self.curves, sample_layer_colors(len(self.curves), t)):
            fill = pg.mkColor(color)
            fill.setAlpha(110)
            curve.setPen(self.pen(color, 1.5))
            curve.setBrush(pg.mkBrush(fill))
        for note in self.notes:
            note.setColor(t.muted)
        self._notes_font = None
        self._fit_notes()
        self._fit_layer_labels()

    def _fit_notes(self, *_args) -> None:
        """The rows' notes in a font that fits a row: smaller than usual when many layers share a short plot."""
        font = self.qfont(0.9)
        row = self.plot_item.getViewBox().height() / max(len(self.curves) + 0.05, 1.0)
        line = QtGui.QFontMetricsF(font).height()
        if 0 < row < line:
            font.setPointSizeF(max(font.pointSizeF() * row / line, 4.0))
        if font.pointSizeF() != getattr(self, "_notes_font", None):
            self._notes_font = font.pointSizeF()
            for note in self.notes:
                note.setFont(font)


def _note_text(n_zero: int, n_bad: int, total: int) -> str:
    if total == 0:
        return QtCore.QCoreApplication.translate("GradDistributionView", "no gradient")
    parts = []
    if n_zero:
        parts.append(QtCore.QCoreApplication.translate("GradDistributionView", "{percent}% zero").format(
            percent=numbers(f"{100.0 * n_zero / total:.0f}")))
    if n_bad:
        parts.append(numbers(f"{n_bad} NaN/inf"))
    return "، ".join(parts) if current_language() == "fa" else ", ".join(parts)


# -- standalone demo -----------------------------------------------------------------
def demo_layers(n_layers: int = 5, seed: int = 0) -> list[np.ndarray]:
    """Fake gradients of a deep sigmoid net: each layer toward the input about 4× smaller,
    the first with some exact zeros."""
    rng = np.random.default_rng(seed)
    grads = []
    for i in range(n_layers):
        scale = 0.02 * 0.25 ** (n_layers - 1 - i)
        g = rng.normal(0, scale, size=(16, 16))
        grads.append(g)
    grads[0][:3] = 0.0
    return grads


def _demo_widget() -> GradDistributionView:
    view = GradDistributionView()
    view.set_layers(demo_layers())
    return view


if __name__ == "__main__":
    raise SystemExit(run_demo(_demo_widget, size=(640, 360), title="nnviz gradient distributions"))
