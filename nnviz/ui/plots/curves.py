"""Train and test loss against the training step, with early-stopping and divergence markers.

``LossCurvesView.set_series`` takes the whole history every time (the session
keeps it as arrays); the view keeps one ``PlotDataItem`` per series and only
calls ``setData``.

Missing and non-finite values: the session writes NaN for a loss it did not
evaluate (no test set, or fast runs without metrics), so NaN cannot mean
"diverged" by itself.  Each series is drawn through its finite points only,
and the "diverged" marker goes at the ``diverged_step`` the window passes
(the session knows), or else at the first ±inf loss.

Notes on performance: a call costs O(number of steps) for the finite mask
and, beyond ``MAX_POINTS`` steps, a numpy reduction to bucket minima and
maxima (:func:`decimate_peaks`), so pyqtgraph copies and ``log10``-maps at
most a few thousand points; its "peak" downsampling and clip-to-view then
keep the drawn points near the plot's pixel width.
Series pens are 1 px wide at line scale 1: Qt strokes wider lines as filled
outlines, measured here at 5.3 ms against 2.9 ms per repaint for two
1 000-point curves (one dashed); presenter mode pays that for visibility.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from nnviz.ui.plots.base import PlotView, decimate_peaks, run_demo

MAX_POINTS = 2000  # longer histories are reduced to bucket minima and maxima first


def first_infinite(*series: np.ndarray | None) -> int | None:
    """Index of the first position where any of ``series`` is +inf or -inf, or None."""
    hits = [int(np.argmax(np.isinf(s))) for s in series if s is not None and np.isinf(s).any()]
    return min(hits) if hits else None


def _finite_xy(steps: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The finite points of a series, long histories reduced to bucket minima and maxima."""
    keep = np.isfinite(values)
    if not keep.all():
        steps, values = steps[keep], values[keep]
    return decimate_peaks(steps, values, MAX_POINTS)


def _as_series(name: str, values, n: int) -> np.ndarray:
    arr = np.asarray(values, dtype=float).reshape(-1)
    if len(arr) != n:
        raise ValueError(f"{name} has {len(arr)} values but steps has {n}")
    return arr


def _style_curve(item: pg.PlotDataItem) -> None:
    item.setDownsampling(auto=True, method="peak")
    item.setClipToView(True)


class LossCurvesView(PlotView):
    """Loss curves: train (solid) and test (dashed) against the step.

    Markers: a vertical line labelled "best" at the early-stopping step (and a
    dot on the test curve there), a vertical "diverged" line at the first step
    whose loss is NaN or infinite.  ``set_log(True)`` puts the y axis on a log
    scale, where the slow tail of training becomes visible.
    """

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._log = False
        self.legend = self.plot_item.addLegend(offset=(-8, 8), verSpacing=-6)
        self.train_curve = self.plot_item.plot(name="train loss")
        self.test_curve = self.plot_item.plot(name="test loss")
        for curve in (self.train_curve, self.test_curve):
            _style_curve(curve)
        self.best_point = self.plot_item.plot(symbol="o")
        self.best_point.setZValue(5)
        self.best_line = pg.InfiniteLine(angle=90, movable=False, label="best: step {value:.0f}",
                                         labelOpts={"position": 0.72})
        self.diverged_line = pg.InfiniteLine(angle=90, movable=False, label="diverged",
                                             labelOpts={"position": 0.5})
        for line in (self.best_line, self.diverged_line):
            line.setZValue(4)
            line.setVisible(False)
            self.plot_item.addItem(line, ignoreBounds=True)
        self._extra: dict[str, pg.PlotDataItem] = {}
        self._best_step: float | None = None
        self._best_xy: tuple[float, float] | None = None
        self._diverged_step: float | None = None
        self.set_axis_labels("step", "loss")
        self._apply_style()

    # -- public API ------------------------------------------------------------
    def set_series(self, steps, train_loss, test_loss=None, best_step: float | None = None,
                   extra: Mapping[str, object] | None = None, diverged_step: float | None = None) -> None:
        """Show the loss history.

        ``steps``: (n,) step numbers; ``train_loss``, ``test_loss``: (n,) values
        (``test_loss`` may be None); ``best_step``: the early-stopping step or
        None; ``extra``: optional further named series of length n drawn on the
        same axis (e.g. ``{"train acc": acc}``); ``diverged_step``: the step at
        which the run diverged, if the caller knows it, else the first ±inf
        loss is marked.  NaN (not evaluated) and ±inf points are left out of
        the lines.
        """
        steps = np.asarray(steps, dtype=float).reshape(-1)
        n = len(steps)
        train = _as_series("train_loss", train_loss, n)
        test = None if test_loss is None else _as_series("test_loss", test_loss, n)
        self.train_curve.setData(*_finite_xy(steps, train))
        self.test_curve.setData(*(_finite_xy(steps, test) if test is not None else ([], [])))
        self._set_extra(steps, extra or {})
        has_test = test is not None and bool(np.isfinite(test).any())
        self._set_best(steps, test if has_test else train, best_step)
        if diverged_step is None:
            bad = first_infinite(train, test)
            self._diverged_step = None if bad is None else float(steps[bad])
        else:
            self._diverged_step = float(diverged_step)
        self._show_marker(self.diverged_line, self._diverged_step, steps)

    def clear(self) -> None:
        self.set_series([], [], [])

    def set_log(self, enabled: bool) -> None:
        """Log-scale y axis on or off (non-positive values then leave gaps)."""
        self._log = bool(enabled)
        self.plot_item.setLogMode(x=False, y=self._log)
        self.set_axis_labels(left="loss (log scale)" if self._log else "loss")

    def is_log(self) -> bool:
        return self._log

    def best_step(self) -> float | None:
        """The step of the best-step marker, or None when it is hidden."""
        return self._best_step

    def diverged_step(self) -> float | None:
        """The step of the "diverged" marker, or None when it is hidden."""
        return self._diverged_step

    # -- internals -------------------------------------------------------------------
    def _set_best(self, steps: np.ndarray, ref: np.ndarray, best_step: float | None) -> None:
        self._best_step = None if best_step is None else float(best_step)
        self._show_marker(self.best_line, self._best_step, steps)
        hit = np.flatnonzero(steps == self._best_step) if self._best_step is not None else []
        point = (self._best_step, float(ref[hit[0]])) if len(hit) and np.isfinite(ref[hit[0]]) else None
        if point != self._best_xy:  # unchanged on most frames: skip the scatter rebuild
            self._best_xy = point
            self.best_point.setData(*(([point[0]], [point[1]]) if point else ([], [])))

    def _show_marker(self, line: pg.InfiniteLine, x: float | None, steps: np.ndarray) -> None:
        if x is None or not np.isfinite(x):
            line.setVisible(False)
            return
        line.setVisible(True)  # first: the label ignores value changes while hidden
        line.setValue(x)
        # Keep the label inside the plot: to the right of the line in the left
        # half of the data, to its left in the right half.
        lo, hi = (float(steps.min()), float(steps.max())) if len(steps) else (x, x)
        right_half = hi > lo and (x - lo) / (hi - lo) > 0.5
        line.label.anchors = [(1.0, 0.5), (1.0, 0.5)] if right_half else [(0.0, 0.5), (0.0, 0.5)]
        line.label.valueChanged()
        line.label.updatePosition()

    def _set_extra(self, steps: np.ndarray, extra: Mapping[str, object]) -> None:
        for name in list(self._extra):
            if name not in extra:
                item = self._extra.pop(name)
                self.plot_item.removeItem(item)  # also drops its legend entry
        for name, values in extra.items():
            item = self._extra.get(name)
            if item is None:
                item = self.plot_item.plot(name=name)
                _style_curve(item)
                self._extra[name] = item
                self._style_extra()
                self._style_legend(self.legend)
            item.setData(*_finite_xy(steps, _as_series(name, values, len(steps))))

    def _style_extra(self) -> None:
        t = self._theme
        for i, item in enumerate(self._extra.values()):
            item.setPen(self.pen(t.extra[i % len(t.extra)], 1.0, QtCore.Qt.PenStyle.DashDotLine))

    def _restyle(self) -> None:
        t = self._theme
        self.train_curve.setPen(self.pen(t.train, 1.0))
        self.test_curve.setPen(self.pen(t.test, 1.0, QtCore.Qt.PenStyle.DashLine))
        self.best_point.setSymbolBrush(t.best)
        self.best_point.setSymbolPen(pg.mkPen(t.background, width=1.5 * self._scale))
        self.best_point.setSymbolSize(10 * self._scale)
        self.best_point.setPen(None)
        self._style_extra()
        for line, color in ((self.best_line, t.best), (self.diverged_line, t.diverged)):
            line.setPen(self.pen(color, 1.5, QtCore.Qt.PenStyle.DashLine))
            line.label.setColor(color)
            line.label.setFont(self.qfont(bold=True))
            line.label.fill = pg.mkBrush(_with_alpha(t.background, 200))  # TextItem has no setter
            line.label.update()
        self._style_legend(self.legend)


def _with_alpha(color: str, alpha: int):
    c = pg.mkColor(color)
    c.setAlpha(alpha)
    return c


# -- standalone demo -----------------------------------------------------------------
def demo_series(n: int = 400, seed: int = 0, diverge_at: int | None = None):
    """Fake loss histories: train keeps falling, test turns up (overfitting)."""
    rng = np.random.default_rng(seed)
    steps = np.arange(n)
    train = 0.7 * np.exp(-steps / 80) + 0.05 + 0.02 * rng.random(n)
    test = 0.7 * np.exp(-steps / 90) + 0.12 + 0.0009 * np.maximum(steps - 150, 0) + 0.02 * rng.random(n)
    if diverge_at is not None:
        train[diverge_at - 20:diverge_at] *= np.logspace(0, 6, 20)
        test[diverge_at - 20:diverge_at] *= np.logspace(0, 6, 20)
        train[diverge_at:] = np.nan
        test[diverge_at:] = np.inf
    return steps, train, test, int(np.argmin(test[:diverge_at]))


def _demo_widget() -> LossCurvesView:
    view = LossCurvesView()
    steps, train, test, best = demo_series()
    view.set_series(steps, train, test, best_step=best)
    view.set_log(True)
    return view


if __name__ == "__main__":
    raise SystemExit(run_demo(_demo_widget, size=(640, 360), title="nnviz loss curves"))
